package syncfile_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// fuzzKey signs what is written back: a fixed key, so runs repeat.
var fuzzKey = ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))

// FuzzReadSyncFile checks that no input panics Read, that every refusal
// wraps ErrBadSyncFile, and that a file it accepts keeps its promises (its
// count, every statement with an id) and writes back to the same
// statements. Seeds are in testdata/fuzz/FuzzReadSyncFile.
func FuzzReadSyncFile(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := syncfile.Read(bytes.NewReader(data))
		if err != nil {
			if file != nil || !errors.Is(err, syncfile.ErrBadSyncFile) {
				t.Fatalf("refused with %v and a file %v", err, file != nil)
			}
			return
		}
		keepsItsPromises(t, file)
		writesBackTheSame(t, file)
	})
}

// keepsItsPromises checks an accepted file: a format and version this
// program reads, the count it says, every statement with an id.
func keepsItsPromises(t *testing.T, file *syncfile.File) {
	t.Helper()
	if file.Format != syncfile.FileFormat || (file.Version != 1 && file.Version != syncfile.FileVersion) || file.Count != len(file.Statements) {
		t.Fatalf("accepted %q v%d saying %d statements and holding %d", file.Format, file.Version, file.Count, len(file.Statements))
	}
	for i, id := range file.Source().IDs() {
		if id == "" {
			t.Fatalf("accepted statement %d without an id", i+1)
		}
	}
}

// writesBackTheSame writes an accepted file's statements to a new, signed
// file and reads them back unchanged.
func writesBackTheSame(t *testing.T, file *syncfile.File) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "back.ogohsync")
	each := func(_ context.Context, fn func(domain.Statement) error) error {
		for _, st := range file.Statements {
			if err := fn(domain.Statement{Body: st}); err != nil {
				return err
			}
		}
		return nil
	}
	n, err := syncfile.WriteFile(context.Background(), path, syncfile.Header{Device: file.Device, Sequence: 1, Created: time.Unix(0, 0)}, fuzzKey, each)
	if err != nil || n != len(file.Statements) {
		t.Fatalf("writing back: %d statements, %v", n, err)
	}
	back, err := syncfile.ReadFile(path)
	if err != nil {
		t.Fatalf("what was read does not read back: %v", err)
	}
	if !back.Signed() {
		t.Fatal("a file written back is not signed")
	}
	if back.Device != file.Device || len(back.Statements) != len(file.Statements) {
		t.Fatalf("read back device %q with %d statements, want %q with %d", back.Device, len(back.Statements), file.Device, len(file.Statements))
	}
	for i := range file.Statements {
		if !bytes.Equal(back.Statements[i], file.Statements[i]) {
			t.Fatalf("statement %d changed:\n%s\n%s", i+1, file.Statements[i], back.Statements[i])
		}
	}
}
