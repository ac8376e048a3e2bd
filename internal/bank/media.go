package bank

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"net/url"
	"path"
	"strings"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/gift"
)

// MaxImage bounds one image taken from a bank, decoded: a photo for a
// question needs far less, and the course's pixel budget is checked too.
const MaxImage = 8 << 20

// pluginFile is how a Moodle text refers to a file embedded with it.
const pluginFile = "@@PLUGINFILE@@/"

// mediaSet is the images taken from a bank so far, each once.
type mediaSet struct {
	files []Media
	named map[string]bool
}

func newMediaSet() *mediaSet { return &mediaSet{named: map[string]bool{}} }

// image finds the file a text's src refers to among the files embedded
// with it and keeps it as a file of media/; it returns the name the text
// refers to it by, or why it cannot be kept.
//
// The name in media/ is made here, never taken from the bank: the slug
// of the file's own name (no "..", no folder, no drive) and the start of
// its SHA-256, so that two banks' "image.png" do not overwrite each other
// and the same image imported twice is one file.
func (m *mediaSet) image(files []xmlFile, src string, line int) (string, string) {
	f, ok := findFile(files, src)
	if !ok {
		return "", fmt.Sprintf("image %q is not embedded in the bank", shortRef(src))
	}
	data, err := decodeFile(f)
	if err != nil {
		return "", fmt.Sprintf("image %q: %v", shortRef(f.Name), err)
	}
	ext := imageExt(data)
	if ext == "" {
		return "", fmt.Sprintf("image %q: not a PNG or JPEG image (the only images taken from a bank)", shortRef(f.Name))
	}
	if _, err := course.ImageHeader("image"+ext, bytes.NewReader(data)); err != nil {
		return "", fmt.Sprintf("image %q: %v", shortRef(f.Name), err)
	}
	sum := sha256.Sum256(data)
	stem := gift.Slug(strings.TrimSuffix(path.Base(f.Name), path.Ext(f.Name)))
	if stem == "" {
		stem = "image"
	}
	name := "media/" + cut(stem, 40) + "-" + hex.EncodeToString(sum[:5]) + ext
	if !m.named[name] {
		m.named[name] = true
		m.files = append(m.files, Media{Name: name, Line: line, Size: len(data), Data: data})
	}
	return name, ""
}

// findFile finds the file "@@PLUGINFILE@@/dir/name" names: the one with
// that path and name, the name URL-escaped in the text as Moodle writes it.
func findFile(files []xmlFile, src string) (xmlFile, bool) {
	rel, ok := strings.CutPrefix(strings.TrimSpace(src), pluginFile)
	if !ok {
		return xmlFile{}, false
	}
	if u, err := url.PathUnescape(rel); err == nil {
		rel = u
	}
	for _, f := range files {
		dir := f.Path
		if dir == "" {
			dir = "/"
		}
		if strings.TrimPrefix(dir+f.Name, "/") == rel {
			return f, true
		}
	}
	return xmlFile{}, false
}

// decodeFile decodes an embedded file, refusing one over MaxImage before
// decoding it.
func decodeFile(f xmlFile) ([]byte, error) {
	if f.Encoding != "base64" {
		return nil, fmt.Errorf("encoding %q is not base64", f.Encoding)
	}
	b64 := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
			return -1
		}
		return r
	}, f.Data)
	if base64.StdEncoding.DecodedLen(len(b64)) > MaxImage+2 {
		return nil, fmt.Errorf("over %d MB", MaxImage>>20)
	}
	data, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return nil, fmt.Errorf("not valid base64")
	}
	if len(data) > MaxImage {
		return nil, fmt.Errorf("over %d MB", MaxImage>>20)
	}
	return data, nil
}

// imageExt is ".png" or ".jpg" by the image's first bytes, else "": only
// PNG and JPEG are taken from a bank (an SVG may carry script).
func imageExt(data []byte) string {
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return ".png"
	case bytes.HasPrefix(data, []byte("\xff\xd8\xff")):
		return ".jpg"
	}
	return ""
}

func shortRef(s string) string {
	s = clean(s)
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

func cut(s string, n int) string {
	if len(s) > n {
		return strings.TrimRight(s[:n], "-")
	}
	return s
}
