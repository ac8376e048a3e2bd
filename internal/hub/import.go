package hub

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/sanitize"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// Imported is what importing one sync file did.
type Imported struct {
	File      string // as given, printable
	Device    string // printable
	Sequence  int64
	Total     int
	Accepted  int
	Refused   int // statements the checks refused
	Duplicate bool
	NewDevice bool
	Err       error // the whole file refused
}

// Import takes sync files into the hub: each is checked as a forward
// checks it (signature, device bound to its key, every statement), and
// kept. The same file twice counts once. One file refused leaves the
// others imported.
func (h *Hub) Import(ctx context.Context, paths ...string) ([]Imported, error) {
	var out []Imported
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return out, err
		}
		out = append(out, h.importOne(p))
	}
	return out, h.save()
}

// ImportStick imports every whole sync file in a stick's from-posts
// folder; files still being written (a temporary name) are left.
func (h *Hub) ImportStick(ctx context.Context, stickDir string) ([]Imported, error) {
	from := syncfile.StickAt(stickDir).FromPosts()
	entries, err := os.ReadDir(from)
	if err != nil {
		return nil, domain.Errorf(domain.CodeStickMissing, "hub: %w", err).With("Folder", sanitize.Printable(stickDir))
	}
	var paths []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), syncfile.SyncFileExt) && !strings.HasPrefix(e.Name(), syncfile.TempPrefix) {
			paths = append(paths, filepath.Join(from, e.Name()))
		}
	}
	sort.Strings(paths)
	return h.Import(ctx, paths...)
}

func (h *Hub) importOne(path string) Imported {
	got := Imported{File: sanitize.Printable(path)}
	sum, err := fileSum(path)
	if err != nil {
		got.Err = err
		return got
	}
	if e, ok := h.idx.Files[sum]; ok {
		got.Device, got.Sequence, got.Total, got.Duplicate = sanitize.Printable(e.Device), e.Sequence, e.Total, true
		return got
	}
	fw := &syncfile.Forwarder{Registry: h.reg, RequireSigned: true, HomePage: h.homePage, Now: h.now}
	out, f, accepted := fw.Check(path)
	got.Device, got.Sequence, got.Total, got.Refused, got.NewDevice = out.Device, out.Sequence, out.Total, len(out.Refused), out.NewDevice
	if got.Err = out.Err; got.Err != nil {
		return got
	}
	got.Accepted = len(accepted)
	name := sum + syncfile.SyncFileExt
	if err := copyAtomic(path, filepath.Join(h.dir, FilesDir, name)); err != nil {
		got.Err = fmt.Errorf("keep %s in the hub: %w", got.File, err)
		return got
	}
	now := h.now()
	h.idx.Files[sum] = &fileEntry{Name: name, Device: f.Device, Sequence: f.Sequence, Created: f.Created,
		Imported: now, Total: len(f.Statements), Refused: len(out.Refused)}
	h.noteDevice(f, out.Fingerprint, now)
	for _, st := range accepted {
		h.noteStatement(f.Device, st.Body)
	}
	return got
}

// noteDevice updates what the hub knows of the file's device; only its
// newest export speaks for its post, learners and clock.
func (h *Hub) noteDevice(f *syncfile.File, fingerprint string, imported time.Time) {
	d := h.device(f.Device)
	d.Fingerprint = fingerprint
	if imported.After(d.LastImport) {
		d.LastImport = imported
	}
	if f.Sequence < d.LastSequence {
		return
	}
	d.LastSequence, d.LastExport = f.Sequence, f.Created
	if created, err := time.Parse(time.RFC3339Nano, f.Created); err == nil {
		d.ClockAhead = created.Sub(imported) > domain.ClockWarnAfter
	}
	if f.About != nil {
		d.Post, d.Learners, d.ClockOffsetMS = sanitize.Printable(f.About.Post), f.About.Learners, f.About.ClockOffsetMS
	}
}

func fileSum(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("read sync file: %w", err)
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, io.LimitReader(f, syncfile.MaxFileSize+1)); err != nil {
		return "", fmt.Errorf("read sync file: %w", err)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// copyAtomic copies src to dst through a temporary file renamed into place.
func copyAtomic(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), syncfile.TempPrefix+"*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = io.Copy(tmp, in)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), dst)
	}
	return err
}
