package bank

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
)

// UsedIn are the images that text (a written quiz, or its questions'
// texts) refers to: a refused question's images stay out of the course.
func UsedIn(media []Media, text string) []Media {
	var used []Media
	for _, m := range media {
		if strings.Contains(text, "("+m.Name+")") {
			used = append(used, m)
		}
	}
	return used
}

// WriteImage writes one image under a course folder dir, never over
// another file: its name holds a hash of its content, so a file already
// there by that name is the same image from an earlier import.
func WriteImage(dir string, m Media) error {
	if _, ok := course.MediaPath(m.Name); !ok {
		return fmt.Errorf("image %q: not a name under media/", m.Name)
	}
	path := filepath.Join(dir, filepath.FromSlash(m.Name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return domain.Wrap(domain.CodeUnsaved, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		if old, rerr := os.ReadFile(path); rerr == nil && bytes.Equal(old, m.Data) {
			return nil
		}
		return fmt.Errorf("%s exists with other content: it is kept", path)
	}
	if err != nil {
		return domain.Wrap(domain.CodeUnsaved, err)
	}
	_, err = f.Write(m.Data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return domain.Wrap(domain.CodeUnsaved, fmt.Errorf("write %s: %w", path, err))
	}
	return nil
}
