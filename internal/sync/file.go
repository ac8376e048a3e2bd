package sync

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/ogoh/ogoh/internal/store"
)

// FileFormat names Ogoh's sync files.
const FileFormat = "ogoh-sync"

// FileVersion is the sync file version this package writes and reads.
const FileVersion = 1

// File is a sync file: the statements a post had not yet delivered, to be
// carried to a connected machine and forwarded to the LRS.
type File struct {
	Format     string            `json:"format"`
	Version    int               `json:"version"`
	Device     string            `json:"device"`
	Created    string            `json:"created"`
	Statements []json.RawMessage `json:"statements"`
	Count      int               `json:"count"`
	SHA256     string            `json:"sha256"` // of the statements, each followed by "\n"
}

// ErrBadSyncFile wraps every reason a sync file cannot be used.
var ErrBadSyncFile = errors.New("not a valid Ogoh sync file")

// EachStatement is how a sync file reads what it carries.
type EachStatement func(ctx context.Context, fn func(store.Statement) error) error

// WriteFile writes every statement each yields into a sync file at path.
// It writes to a temporary file beside it and renames it into place only
// when complete and flushed, so a stick pulled out mid-write never leaves
// a half file under the real name. It returns how many it wrote.
func WriteFile(ctx context.Context, path, device string, created time.Time, each EachStatement) (int, error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".ogoh-sync-*")
	if err != nil {
		return 0, fmt.Errorf("write sync file %s: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	n, err := writeTo(ctx, tmp, device, created, each)
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

func writeTo(ctx context.Context, f io.Writer, device string, created time.Time, each EachStatement) (int, error) {
	w := bufio.NewWriter(f)
	head, _ := json.Marshal(struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
		Device  string `json:"device"`
		Created string `json:"created"`
	}{FileFormat, FileVersion, device, created.UTC().Format(time.RFC3339Nano)})
	w.Write(head[:len(head)-1]) // leave the object open
	w.WriteString(",\n\"statements\":[\n")
	sum := sha256.New()
	n := 0
	err := each(ctx, func(st store.Statement) error {
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
	fmt.Fprintf(w, "\n],\n\"count\":%d,\n\"sha256\":%q\n}\n", n, hex.EncodeToString(sum.Sum(nil)))
	return n, w.Flush()
}

func writeHashed(h hash.Hash, body []byte) {
	h.Write(body)
	h.Write([]byte{'\n'})
}

// ReadFile reads and checks a sync file: its format, version, count and
// checksum. Damaged or foreign files are refused whole.
func ReadFile(path string) (*File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read sync file: %w", err)
	}
	defer f.Close()
	file, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return file, nil
}

// Read reads and checks a sync file from r.
func Read(r io.Reader) (*File, error) {
	var f File
	dec := json.NewDecoder(r)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadSyncFile, err)
	}
	// Anything after the file's end (two files joined into one?) would
	// otherwise be dropped without a word.
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: more follows the end of the sync file (two files joined into one?)", ErrBadSyncFile)
	}
	switch {
	case f.Format != FileFormat:
		return nil, fmt.Errorf("%w: format is %q", ErrBadSyncFile, f.Format)
	case f.Version != FileVersion:
		return nil, fmt.Errorf("%w: version %d is not supported (this program reads version %d)", ErrBadSyncFile, f.Version, FileVersion)
	case f.Count != len(f.Statements):
		return nil, fmt.Errorf("%w: it says %d statements but holds %d (cut short?)", ErrBadSyncFile, f.Count, len(f.Statements))
	}
	sum := sha256.New()
	for _, st := range f.Statements {
		writeHashed(sum, st)
	}
	if hex.EncodeToString(sum.Sum(nil)) != f.SHA256 {
		return nil, fmt.Errorf("%w: checksum does not match: the file was changed or damaged", ErrBadSyncFile)
	}
	for i, st := range f.Statements {
		var head struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(st, &head) != nil || head.ID == "" {
			return nil, fmt.Errorf("%w: statement %d has no id", ErrBadSyncFile, i+1)
		}
	}
	return &f, nil
}

// Source is the file's statements as a delivery source for Sender.Push;
// what the LRS confirms or refuses is kept in memory only.
func (f *File) Source() *FileSource {
	fs := &FileSource{state: map[string]string{}}
	for _, raw := range f.Statements {
		var head struct {
			ID string `json:"id"`
		}
		json.Unmarshal(raw, &head)
		fs.all = append(fs.all, store.Statement{ID: head.ID, Body: raw})
	}
	return fs
}

// FileSource delivers a sync file's statements.
type FileSource struct {
	all   []store.Statement
	next  int
	state map[string]string // id -> "sent" or the rejection reason
}

// Pending returns the next statements not yet confirmed or refused.
func (s *FileSource) Pending(_ context.Context, limit int) ([]store.Statement, error) {
	var out []store.Statement
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

// IDs lists the file's statement IDs.
func (s *FileSource) IDs() []string { return ids(s.all) }
