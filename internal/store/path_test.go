package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
)

// A data folder is opened at exactly the path given: `#`, `?` and `%41`
// are not cut or decoded as URI syntax, so two posts get two databases
// and two device IDs, each inside its own folder and private to its owner;
// the start-up check and backups act on that same file.
func TestAFolderWithURICharactersIsOpenedAtExactlyItsPath(t *testing.T) {
	ctx := context.Background()
	parent := t.TempDir()
	names := []string{"post#1", "post#2", "why?not", "%41", "with space", "Пост Ош", "a#b?c%2Fd"}
	ids := map[string]string{}
	for _, name := range names {
		dir := filepath.Join(parent, name)
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, store.FileName)
		id := openedAtItsPath(t, file, name)
		if other, ok := ids[id]; ok {
			t.Errorf("%q and %q share one device ID: one database", other, name)
		}
		ids[id] = name
	}
	entries, _ := os.ReadDir(parent)
	if len(entries) != len(names) {
		var got []string
		for _, e := range entries {
			got = append(got, e.Name())
		}
		t.Errorf("the parent folder holds %q, want only the %d data folders", got, len(names))
	}

	// Damage post#1: its check finds it; post#2's is untouched.
	one := filepath.Join(parent, "post#1", store.FileName)
	os.WriteFile(one, []byte(strings.Repeat("not a database ", 20)), 0o600)
	if err := store.Check(ctx, one); !errors.Is(err, domain.ErrCorrupt) {
		t.Errorf("check of the damaged post#1: %v, want the damage", err)
	}
	if err := store.Check(ctx, filepath.Join(parent, "post#2", store.FileName)); err != nil {
		t.Errorf("check of post#2 after post#1 was damaged: %v", err)
	}
	// Restoring post#1 from its own backup brings back its own device ID.
	backup := filepath.Join(parent, "post#1", store.BackupDir, "ogoh-20261201-120000.db")
	if _, err := store.Restore(one, backup, time.Now()); err != nil {
		t.Fatal(err)
	}
	db := storetest.MustOpen(t, one, time.Now)
	if id, _ := db.DeviceID(ctx); ids[id] != "post#1" {
		t.Errorf("post#1 restored has the device ID of %q", ids[id])
	}
}

// openedAtItsPath opens the database at file, in the data folder name,
// backs it up, and checks that both files are private and the start-up
// check passes; it gives the database's device ID.
func openedAtItsPath(t *testing.T, file, name string) string {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, file, time.Now)
	if err != nil {
		t.Fatalf("open %s: %v", name, err)
	}
	id, _ := db.DeviceID(ctx)
	backup := filepath.Join(filepath.Dir(file), store.BackupDir, "ogoh-20261201-120000.db")
	if err := db.Backup(ctx, backup); err != nil {
		t.Errorf("backup of %q: %v", name, err)
	}
	db.Close()
	for _, f := range []string{file, backup} {
		info, err := os.Stat(f)
		if err != nil {
			t.Errorf("%q: %v", name, err)
			continue
		}
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s has mode %v, want 0600", f, info.Mode().Perm())
		}
	}
	if err := store.Check(ctx, file); err != nil {
		t.Errorf("check of %q: %v", name, err)
	}
	return id
}
