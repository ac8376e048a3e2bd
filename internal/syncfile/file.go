// Package syncfile carries statements by hand: sync files signed by their
// device, read as hostile input (bounded, checked, verified), and the
// forwarder that sends them on to an LRS as far as their signature and
// the registry of devices allow.
package syncfile

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/sanitize"
)

// FileFormat names Ogoh's sync files.
const FileFormat = "ogoh-sync"

// FileVersion is the sync file version this package writes: version 2 is
// signed by its device. Version 1 files, unsigned, are still read.
const FileVersion = 2

// MaxFileSize bounds a sync file: a 500-learner year is about 70 MB.
const MaxFileSize = 512 << 20

// File is a sync file: the statements a post had not yet delivered, to be
// carried to a connected machine and forwarded to the LRS.
type File struct {
	Format     string            `json:"format"`
	Version    int               `json:"version"`
	Device     string            `json:"device"`
	Key        string            `json:"key,omitempty"`      // the device's Ed25519 public key, base64
	Sequence   int64             `json:"sequence,omitempty"` // grows with every export of the device
	Created    string            `json:"created"`
	About      *About            `json:"about,omitempty"` // files before it had none
	Statements []json.RawMessage `json:"statements"`
	Count      int               `json:"count"`
	SHA256     string            `json:"sha256"`              // of the statements, each followed by "\n"
	Signature  string            `json:"signature,omitempty"` // over signedText
	// AboutSignature signs About with the rest of the file, apart from
	// Signature, so a forwarder older than About still verifies the file.
	AboutSignature string `json:"about_signature,omitempty"`
}

// Header is what a device says about an export.
type Header struct {
	Device   string
	Sequence int64
	Created  time.Time
	About    *About // nil writes a file as before it existed
}

// About is what a device tells a trainer's hub beside its statements, in
// the signed header: the post its learners gave, how many learners it
// has, and how far its clock is known to be off. Every field is optional,
// and a file without it reads as before.
type About struct {
	Post     string `json:"post,omitempty"`
	Learners int    `json:"learners,omitempty"`
	// ClockOffsetMS is a trusted clock minus the device's, in
	// milliseconds, as last seen (an LRS's Date, a receipt's time); nil
	// when none was ever seen.
	ClockOffsetMS *int64 `json:"clock_offset_ms,omitempty"`
	ClockSeen     string `json:"clock_seen,omitempty"` // when, by the device's clock
}

// ClockOffset is the known offset, and whether one is known.
func (a *About) ClockOffset() (time.Duration, bool) {
	if a == nil || a.ClockOffsetMS == nil {
		return 0, false
	}
	return time.Duration(*a.ClockOffsetMS) * time.Millisecond, true
}

// ErrBadSyncFile wraps every reason a sync file cannot be used.
var ErrBadSyncFile = errors.New("not a valid Ogoh sync file")

// ErrBadSignature is a signed file whose signature does not verify: it was
// changed after its device signed it, or forged.
var ErrBadSignature = errors.New("the signature does not match: the file was changed after its device signed it, or forged")

// EachStatement is how a sync file reads what it carries.
type EachStatement func(ctx context.Context, fn func(domain.Statement) error) error

// WriteFile writes every statement each yields into a sync file at path,
// signed with the device's key. It writes to a temporary file beside it
// and renames it into place only when complete and flushed, so a stick
// pulled out mid-write never leaves a half file under the real name. It
// returns how many it wrote.
func WriteFile(ctx context.Context, path string, h Header, key ed25519.PrivateKey, each EachStatement) (int, error) {
	if len(key) != ed25519.PrivateKeySize {
		return 0, fmt.Errorf("write sync file %s: no device key to sign it", path)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".ogoh-sync-*")
	if err != nil {
		return 0, fmt.Errorf("write sync file %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	n, err := writeTo(ctx, tmp, h, key, each)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return 0, fmt.Errorf("write sync file %s: %w", path, err)
	}
	return n, nil
}

func writeTo(ctx context.Context, f io.Writer, h Header, key ed25519.PrivateKey, each EachStatement) (int, error) {
	w := bufio.NewWriter(f)
	file := File{Format: FileFormat, Version: FileVersion, Device: h.Device,
		Key:      base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey)),
		Sequence: h.Sequence, Created: h.Created.UTC().Format(time.RFC3339Nano), About: h.About}
	head, _ := json.Marshal(struct {
		Format   string `json:"format"`
		Version  int    `json:"version"`
		Device   string `json:"device"`
		Key      string `json:"key"`
		Sequence int64  `json:"sequence"`
		Created  string `json:"created"`
		About    *About `json:"about,omitempty"`
	}{file.Format, file.Version, file.Device, file.Key, file.Sequence, file.Created, file.About})
	w.Write(head[:len(head)-1]) // leave the object open
	w.WriteString(",\n\"statements\":[\n")
	sum := sha256.New()
	n := 0
	err := each(ctx, func(st domain.Statement) error {
		if n > 0 {
			w.WriteString(",\n")
		}
		n++
		writeHashed(sum, st.Body)
		_, err := w.Write(st.Body)
		return err
	})
	if err != nil {
		return 0, err
	}
	file.Count, file.SHA256 = n, hex.EncodeToString(sum.Sum(nil))
	sig := ed25519.Sign(key, file.signedText())
	fmt.Fprintf(w, "\n],\n\"count\":%d,\n\"sha256\":%q,\n\"signature\":%q", n, file.SHA256, base64.StdEncoding.EncodeToString(sig))
	if file.About != nil {
		fmt.Fprintf(w, ",\n\"about_signature\":%q", base64.StdEncoding.EncodeToString(ed25519.Sign(key, file.aboutText())))
	}
	w.WriteString("\n}\n")
	return n, w.Flush()
}

// signedText is what the device signs: every field of the file, the
// statements through their SHA-256. It is what it was before About, so
// every forwarder, older ones too, verifies every file.
func (f *File) signedText() []byte {
	return fmt.Appendf(nil, "%s %d\ndevice %s\nkey %s\nsequence %d\ncreated %s\ncount %d\nsha256 %s\n",
		f.Format, f.Version, f.Device, f.Key, f.Sequence, f.Created, f.Count, f.SHA256)
}

// aboutText is what the about signature covers: About, bound to this very
// file by the rest of the signed text.
func (f *File) aboutText() []byte {
	about, _ := json.Marshal(f.About)
	return fmt.Appendf(nil, "ogoh-sync-about %s\n%s", about, f.signedText())
}

func writeHashed(h hash.Hash, body []byte) {
	h.Write(body)
	h.Write([]byte{'\n'})
}

// ReadFile reads and checks a sync file: its format, version, count,
// checksum and, for a signed file, its signature. Damaged, forged or
// foreign files are refused whole.
func ReadFile(path string) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read sync file: %w", err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > MaxFileSize {
		return nil, fmt.Errorf("%s: %w: %d MB is over the %d MB a sync file may hold", path, ErrBadSyncFile, info.Size()>>20, MaxFileSize>>20)
	}
	file, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return file, nil
}

// Read reads and checks a sync file from r.
func Read(r io.Reader) (*File, error) {
	f, err := decode(r)
	if err != nil {
		return nil, err
	}
	if err := f.checkHeader(); err != nil {
		return nil, err
	}
	if err := f.checkSum(); err != nil {
		return nil, err
	}
	if f.Version >= 2 {
		if err := f.verify(); err != nil {
			return nil, err
		}
	} else {
		f.About, f.AboutSignature = nil, "" // unsigned, it would speak for no one
	}
	for i, st := range f.Statements {
		var head struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(st, &head) != nil || head.ID == "" {
			return nil, fmt.Errorf("%w: statement %d has no id", ErrBadSyncFile, i+1)
		}
	}
	return f, nil
}

// decode reads one sync file's JSON, and nothing after it.
func decode(r io.Reader) (*File, error) {
	var f File
	dec := json.NewDecoder(io.LimitReader(r, MaxFileSize))
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadSyncFile, err)
	}
	// Anything after the file's end (two files joined into one?) would
	// otherwise be dropped without a word.
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: more follows the end of the sync file (two files joined into one?)", ErrBadSyncFile)
	}
	return &f, nil
}

// checkHeader checks what the file says about itself: its format and
// version, and how many statements it holds.
func (f *File) checkHeader() error {
	switch {
	case f.Format != FileFormat:
		return fmt.Errorf("%w: format is %q", ErrBadSyncFile, sanitize.Printable(f.Format))
	case f.Version != 1 && f.Version != FileVersion:
		return fmt.Errorf("%w: version %d is not supported (this program reads versions 1 and %d)", ErrBadSyncFile, f.Version, FileVersion)
	case f.Count != len(f.Statements):
		return fmt.Errorf("%w: it says %d statements but holds %d (cut short?)", ErrBadSyncFile, f.Count, len(f.Statements))
	case f.Version == 1 && (f.Key != "" || f.Signature != "" || f.Sequence != 0):
		return fmt.Errorf("%w: a version 1 file cannot carry a signature", ErrBadSyncFile)
	}
	return nil
}

// checkSum compares the statements with the file's checksum.
func (f *File) checkSum() error {
	sum := sha256.New()
	for _, st := range f.Statements {
		writeHashed(sum, st)
	}
	if hex.EncodeToString(sum.Sum(nil)) != f.SHA256 {
		return fmt.Errorf("%w: checksum does not match: the file was changed or damaged", ErrBadSyncFile)
	}
	return nil
}

func (f *File) verify() error {
	pub, err := base64.StdEncoding.DecodeString(f.Key)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return fmt.Errorf("%w: its device key is missing or malformed", ErrBadSyncFile)
	}
	sig, err := base64.StdEncoding.DecodeString(f.Signature)
	if err != nil || !ed25519.Verify(pub, f.signedText(), sig) {
		return fmt.Errorf("%w: %w", ErrBadSyncFile, ErrBadSignature)
	}
	return f.verifyAbout(pub)
}

// verifyAbout refuses an About, or its signature, that is not the device's
// as written: changed, cut out alone, or taken from another file.
func (f *File) verifyAbout(pub ed25519.PublicKey) error {
	if f.About == nil && f.AboutSignature == "" {
		return nil
	}
	sig, err := base64.StdEncoding.DecodeString(f.AboutSignature)
	if f.About == nil || err != nil || !ed25519.Verify(pub, f.aboutText(), sig) {
		return fmt.Errorf("%w: %w (in what it says about its device)", ErrBadSyncFile, ErrBadSignature)
	}
	return nil
}

// Signed says whether the file carries its device's signature (version 2);
// Read has verified it.
func (f *File) Signed() bool { return f.Version >= 2 }

// PublicKey is the signing device's key, nil for an unsigned file.
func (f *File) PublicKey() ed25519.PublicKey {
	pub, err := base64.StdEncoding.DecodeString(f.Key)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return nil
	}
	return pub
}

// Source is the file's statements as a delivery source for Sender.Push;
// what the LRS confirms or refuses is kept in memory only.
func (f *File) Source() *FileSource {
	var all []domain.Statement
	for _, raw := range f.Statements {
		var head struct {
			ID string `json:"id"`
		}
		json.Unmarshal(raw, &head)
		all = append(all, domain.Statement{ID: head.ID, Body: raw})
	}
	return NewFileSource(all)
}

// NewFileSource delivers the statements given, keeping what the LRS
// confirms or refuses in memory.
func NewFileSource(all []domain.Statement) *FileSource {
	return &FileSource{all: all, state: map[string]string{}}
}

// FileSource delivers a sync file's statements.
type FileSource struct {
	all   []domain.Statement
	next  int
	state map[string]string // id -> "sent" or the rejection reason
}

// Pending returns the next statements not yet confirmed or refused.
func (s *FileSource) Pending(_ context.Context, limit int) ([]domain.Statement, error) {
	var out []domain.Statement
	for i := s.next; i < len(s.all) && len(out) < limit; i++ {
		if _, done := s.state[s.all[i].ID]; !done {
			out = append(out, s.all[i])
		}
	}
	for s.next < len(s.all) {
		if _, done := s.state[s.all[s.next].ID]; !done {
			break
		}
		s.next++
	}
	return out, nil
}

// MarkSent records the LRS's confirmation.
func (s *FileSource) MarkSent(_ context.Context, ids []string) error {
	for _, id := range ids {
		s.state[id] = "sent"
	}
	return nil
}

// MarkRejected records a refusal.
func (s *FileSource) MarkRejected(_ context.Context, id, reason string) error {
	s.state[id] = reason
	return nil
}

// Confirmed lists the statements the LRS confirmed.
func (s *FileSource) Confirmed() []string {
	var out []string
	for _, st := range s.all {
		if s.state[st.ID] == "sent" {
			out = append(out, st.ID)
		}
	}
	return out
}

// IDs lists the file's statement IDs.
func (s *FileSource) IDs() []string {
	out := make([]string, len(s.all))
	for i, st := range s.all {
		out[i] = st.ID
	}
	return out
}
