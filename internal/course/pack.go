package course

import (
	"archive/zip"
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Pack limits: reading a pack is hostile-input code.
const (
	MaxPackEntries    = 2000
	MaxPackEntryBytes = 50 << 20
	MaxPackTotalBytes = 200 << 20
	MaxPackRatio      = 100 // uncompressed : compressed
	ratioFloor        = 64 << 10
)

// Pack file names besides the course folder, which sits under "course/".
const (
	packManifest  = "manifest.json"
	packSignature = "signature"
	packCourseDir = "course/"
	packFormat    = "ogoh-pack"
)

// PackManifest lists a pack's files with their SHA-256; the signature is
// over its exact bytes.
type PackManifest struct {
	Format        string            `json:"format"`
	Version       int               `json:"version"`
	CourseID      string            `json:"course"`
	CourseVersion string            `json:"course_version"`
	Created       string            `json:"created"`
	Key           string            `json:"key"` // the signer's public key, base64
	Files         map[string]string `json:"files"`
}

// Why a pack is refused. Each error from ReadPack wraps one of these, so
// the app can say it in the user's language.
var (
	ErrPackNotZip      = errors.New("not a course pack (not a zip file)")
	ErrPackUnsigned    = errors.New("the pack has no valid signature")
	ErrPackUntrusted   = errors.New("the pack is signed by a key this device does not trust")
	ErrPackTampered    = errors.New("a file in the pack was changed after signing")
	ErrPackUnsafePath  = errors.New("the pack holds a file with an unsafe name")
	ErrPackLink        = errors.New("the pack holds a link")
	ErrPackDuplicate   = errors.New("the pack holds two files with the same name")
	ErrPackTooMany     = errors.New("the pack holds too many files")
	ErrPackTooBig      = errors.New("the pack is too large")
	ErrPackBomb        = errors.New("the pack is compressed suspiciously well (a zip bomb?)")
	ErrPackBadManifest = errors.New("the pack's manifest is missing or wrong")
	ErrPackInvalid     = errors.New("the course in the pack has problems")
)

// Key is an Ed25519 signing key with a name.
type Key struct {
	Name    string
	Public  ed25519.PublicKey
	Private ed25519.PrivateKey // nil for a public key
}

// NewKey makes a key pair.
func NewKey(name string) (Key, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	return Key{Name: name, Public: pub, Private: priv}, err
}

// PublicText is the .pub file: "ogoh-key BASE64 NAME".
func (k Key) PublicText() string {
	return fmt.Sprintf("ogoh-key %s %s\n", base64.StdEncoding.EncodeToString(k.Public), k.Name)
}

// SecretText is the .key file: "ogoh-secret BASE64 NAME".
func (k Key) SecretText() string {
	return fmt.Sprintf("ogoh-secret %s %s\n", base64.StdEncoding.EncodeToString(k.Private), k.Name)
}

// ParseKey reads a .pub or .key file.
func ParseKey(text string) (Key, error) {
	f := strings.Fields(text)
	if len(f) < 2 {
		return Key{}, errors.New("not an Ogoh key file")
	}
	raw, err := base64.StdEncoding.DecodeString(f[1])
	name := strings.Join(f[2:], " ")
	switch {
	case err != nil:
		return Key{}, fmt.Errorf("key: %w", err)
	case f[0] == "ogoh-key" && len(raw) == ed25519.PublicKeySize:
		return Key{Name: name, Public: raw}, nil
	case f[0] == "ogoh-secret" && len(raw) == ed25519.PrivateKeySize:
		priv := ed25519.PrivateKey(raw)
		return Key{Name: name, Public: priv.Public().(ed25519.PublicKey), Private: priv}, nil
	}
	return Key{}, errors.New("not an Ogoh key file")
}

// ID is a short, stable name for a public key, to show and to match.
func (k Key) ID() string {
	sum := sha256.Sum256(k.Public)
	return hex.EncodeToString(sum[:8])
}

// WritePack validates the course in dir and writes it, signed with key,
// as a pack to w.
func WritePack(dir string, key Key, now time.Time, w io.Writer) error {
	c, err := LoadDir(dir)
	if err != nil {
		return err
	}
	files := map[string][]byte{}
	folded := newNameFolder() // refused here too, so the author hears it, not the trainer
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if d.Type()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s: %w", p, ErrPackLink)
		}
		rel, _ := filepath.Rel(dir, p)
		name := packCourseDir + filepath.ToSlash(rel)
		if why := unsafeName(name); why != "" {
			return fmt.Errorf("%s: %w: %s", p, ErrPackUnsafePath, why)
		}
		if other := folded.add(name); other != "" {
			return fmt.Errorf("%s: %w: %q differs from it only in case or accents", p, ErrPackDuplicate, other)
		}
		data, err := os.ReadFile(p)
		files[name] = data
		return err
	})
	if err != nil {
		return err
	}
	m := PackManifest{Format: packFormat, Version: 1, CourseID: c.ID, CourseVersion: c.Version,
		Created: now.UTC().Format(time.RFC3339), Key: base64.StdEncoding.EncodeToString(key.Public), Files: map[string]string{}}
	names := make([]string, 0, len(files))
	for name, data := range files {
		sum := sha256.Sum256(data)
		m.Files[name] = hex.EncodeToString(sum[:])
		names = append(names, name)
	}
	sort.Strings(names)
	manifest, _ := json.MarshalIndent(m, "", "  ")
	zw := zip.NewWriter(w)
	add := func(name string, data []byte) error {
		fw, err := zw.Create(name)
		if err == nil {
			_, err = fw.Write(data)
		}
		return err
	}
	if err := add(packManifest, manifest); err != nil {
		return err
	}
	if err := add(packSignature, []byte(base64.StdEncoding.EncodeToString(ed25519.Sign(key.Private, manifest)))); err != nil {
		return err
	}
	for _, name := range names {
		if err := add(name, files[name]); err != nil {
			return err
		}
	}
	return zw.Close()
}

// Pack is a pack that passed every check: its manifest, signer, and files.
type Pack struct {
	Manifest PackManifest
	Signer   Key
	Files    map[string][]byte // course-relative names

	rawManifest, signature []byte // as signed, kept with the installed course
}

// ReadPack reads and checks a pack held in r (size bytes). trusted are
// the keys this device accepts. Nothing is written anywhere.
func ReadPack(r io.ReaderAt, size int64, trusted []Key) (*Pack, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPackNotZip, err)
	}
	raw, err := readEntries(zr)
	if err != nil {
		return nil, err
	}
	m, signer, err := checkSignature(raw, trusted)
	if err != nil {
		return nil, err
	}
	files, err := checkFiles(raw, m)
	if err != nil {
		return nil, err
	}
	return &Pack{Manifest: m, Signer: signer, Files: files, rawManifest: raw[packManifest], signature: raw[packSignature]}, nil
}

// readEntries reads every entry within the limits, counting the bytes
// actually inflated rather than trusting the headers.
func readEntries(zr *zip.Reader) (map[string][]byte, error) {
	if len(zr.File) > MaxPackEntries {
		return nil, fmt.Errorf("%w: %d entries, at most %d", ErrPackTooMany, len(zr.File), MaxPackEntries)
	}
	out := map[string][]byte{}
	folded := newNameFolder()
	var total, compressed uint64
	for _, f := range zr.File {
		if err := checkEntryName(f, out, folded); err != nil {
			return nil, err
		}
		if f.FileInfo().IsDir() {
			continue
		}
		data, err := readEntry(f)
		if err != nil {
			return nil, err
		}
		total += uint64(len(data))
		compressed += f.CompressedSize64
		if total > MaxPackTotalBytes {
			return nil, fmt.Errorf("%w: over %d MB in all", ErrPackTooBig, MaxPackTotalBytes>>20)
		}
		out[f.Name] = data
	}
	if total > ratioFloor && total > MaxPackRatio*max(compressed, 1) {
		return nil, ErrPackBomb
	}
	return out, nil
}

// checkEntryName refuses an entry that is a link, has an unsafe name, or
// names a file already read (exactly, or as Windows and macOS would).
func checkEntryName(f *zip.File, read map[string][]byte, folded *nameFolder) error {
	name := f.Name
	if f.Mode()&fs.ModeSymlink != 0 {
		return fmt.Errorf("%w: %s", ErrPackLink, name)
	}
	if why := unsafeName(name); why != "" {
		return fmt.Errorf("%w: %q: %s", ErrPackUnsafePath, name, why)
	}
	if _, dup := read[name]; dup {
		return fmt.Errorf("%w: %s", ErrPackDuplicate, name)
	}
	if other := folded.add(name); other != "" {
		return fmt.Errorf("%w: %q and %q differ only in case or accents, one file on Windows and macOS", ErrPackDuplicate, other, name)
	}
	return nil
}

// readEntry inflates one file, reading no more than an entry may hold
// whatever its header claims, and refuses one that inflated further than
// a course's files do (a zip bomb).
func readEntry(f *zip.File) ([]byte, error) {
	if f.UncompressedSize64 > MaxPackEntryBytes {
		return nil, fmt.Errorf("%w: %s is over %d MB", ErrPackTooBig, f.Name, MaxPackEntryBytes>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrPackNotZip, f.Name, err)
	}
	data, err := io.ReadAll(io.LimitReader(rc, MaxPackEntryBytes+1))
	rc.Close()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrPackNotZip, f.Name, err)
	}
	n := uint64(len(data))
	if n > MaxPackEntryBytes {
		return nil, fmt.Errorf("%w: %s is over %d MB", ErrPackTooBig, f.Name, MaxPackEntryBytes>>20)
	}
	if n > ratioFloor && n > MaxPackRatio*max(f.CompressedSize64, 1) {
		return nil, fmt.Errorf("%w: %s", ErrPackBomb, f.Name)
	}
	return data, nil
}

// unsafeName says why a name in a pack is unsafe, or "" if it is a plain
// relative path that means one file on Linux, Windows and macOS: no
// absolute paths, no "..", no backslashes or drive letters that another
// system would read as a path, and no element that unsafeElem refuses.
func unsafeName(name string) string {
	trimmed := strings.TrimSuffix(name, "/")
	if name == "" || strings.ContainsAny(name, "\\:\x00") || strings.HasPrefix(name, "/") ||
		!fs.ValidPath(path.Clean(trimmed)) || path.Clean(trimmed) != trimmed {
		return "not a plain relative path"
	}
	for _, elem := range strings.Split(trimmed, "/") {
		if why := unsafeElem(elem); why != "" {
			return why
		}
	}
	return ""
}

func checkSignature(raw map[string][]byte, trusted []Key) (PackManifest, Key, error) {
	var m PackManifest
	manifest, ok := raw[packManifest]
	if !ok {
		return m, Key{}, fmt.Errorf("%w: no %s", ErrPackBadManifest, packManifest)
	}
	sig, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(raw[packSignature])))
	if err != nil || len(sig) != ed25519.SignatureSize {
		return m, Key{}, ErrPackUnsigned
	}
	if err := json.Unmarshal(manifest, &m); err != nil || m.Format != packFormat || m.Version != 1 {
		return m, Key{}, fmt.Errorf("%w: %v", ErrPackBadManifest, err)
	}
	pub, err := base64.StdEncoding.DecodeString(m.Key)
	if err != nil || len(pub) != ed25519.PublicKeySize || !ed25519.Verify(pub, manifest, sig) {
		return m, Key{}, ErrPackUnsigned
	}
	for _, k := range trusted {
		if bytes.Equal(k.Public, pub) {
			return m, k, nil
		}
	}
	return m, Key{}, fmt.Errorf("%w (key %s)", ErrPackUntrusted, Key{Public: pub}.ID())
}

func checkFiles(raw map[string][]byte, m PackManifest) (map[string][]byte, error) {
	files := map[string][]byte{}
	for name, data := range raw {
		if name == packManifest || name == packSignature {
			continue
		}
		want, listed := m.Files[name]
		sum := sha256.Sum256(data)
		if !listed || hex.EncodeToString(sum[:]) != want {
			return nil, fmt.Errorf("%w: %s", ErrPackTampered, name)
		}
		rel, ok := strings.CutPrefix(name, packCourseDir)
		if !ok || rel == "" {
			return nil, fmt.Errorf("%w: %q is outside course/", ErrPackUnsafePath, name)
		}
		files[rel] = data
	}
	for name := range m.Files {
		if _, ok := raw[name]; !ok {
			return nil, fmt.Errorf("%w: %s is listed but missing", ErrPackTampered, name)
		}
	}
	if !ValidID(m.CourseID) || !semverRe.MatchString(m.CourseVersion) {
		return nil, fmt.Errorf("%w: course id %q or version %q is not valid", ErrPackBadManifest, m.CourseID, m.CourseVersion)
	}
	return files, nil
}

// PackInfo reads a pack's manifest and says whether its signature is
// sound, without asking whether the signer is trusted.
func PackInfo(r io.ReaderAt, size int64) (PackManifest, string, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return PackManifest{}, "", fmt.Errorf("%w: %v", ErrPackNotZip, err)
	}
	raw, err := readEntries(zr)
	if err != nil {
		return PackManifest{}, "", err
	}
	var m PackManifest
	if err := json.Unmarshal(raw[packManifest], &m); err != nil {
		return m, "", fmt.Errorf("%w: %v", ErrPackBadManifest, err)
	}
	pub, _ := base64.StdEncoding.DecodeString(m.Key)
	signer := Key{Public: pub}
	if len(pub) != ed25519.PublicKeySize {
		return m, "", ErrPackUnsigned
	}
	_, _, err = checkSignature(raw, []Key{signer})
	return m, signer.ID(), err
}

// ValidatePack checks a pack's integrity (its signature against its own
// key, its files against the manifest) and the course inside, without
// asking whether the signer is trusted; problems name files inside the pack.
func ValidatePack(r io.ReaderAt, size int64) error {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrPackNotZip, err)
	}
	raw, err := readEntries(zr)
	if err != nil {
		return err
	}
	var m PackManifest
	if err := json.Unmarshal(raw[packManifest], &m); err != nil {
		return fmt.Errorf("%w: %v", ErrPackBadManifest, err)
	}
	pub, _ := base64.StdEncoding.DecodeString(m.Key)
	if _, _, err := checkSignature(raw, []Key{{Public: pub}}); err != nil {
		return err
	}
	files, err := checkFiles(raw, m)
	if err != nil {
		return err
	}
	_, err = Load(mapFS(files))
	return err
}
