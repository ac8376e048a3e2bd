package store_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
)

// files lists a folder's names, to see that nothing was made or removed.
func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

// A restore whose backup cannot be read changes nothing: the damaged
// database and its -wal stay where they are, and no half-written file or
// temporary copy is left.
func TestARestoreThatCannotReadItsBackupChangesNothing(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, store.FileName)
	os.WriteFile(file, []byte("damaged but precious"), 0o600)
	os.WriteFile(file+"-wal", []byte("its log"), 0o600)
	before := files(t, dir)
	for _, backup := range []string{filepath.Join(dir, "backups", "gone.db"), t.TempDir()} {
		if _, err := store.Restore(file, backup, time.Now()); err == nil {
			t.Fatalf("restore from %s succeeded", backup)
		}
		if got := files(t, dir); !slices.Equal(got, before) {
			t.Errorf("after a failed restore the folder holds %q, want %q", got, before)
		}
		if data, _ := os.ReadFile(file); string(data) != "damaged but precious" {
			t.Errorf("the database became %q", data)
		}
	}
}

// A restore puts the whole backup in place, private, and keeps the
// damaged file with its -wal beside it (which would otherwise be replayed
// into the backup); nothing temporary is left.
func TestARestorePutsTheWholeBackupInPlace(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, store.FileName)
	db := open(t, file)
	l, _ := db.CreateLearner(ctx, domain.Learner{Name: "Kept", Role: "other", Language: "en"})
	backup := filepath.Join(dir, store.BackupDir, "ogoh-20261130-080000.db")
	if err := db.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	db.Close()
	os.WriteFile(file, []byte(strings.Repeat("\xa5", 8192)), 0o644)
	os.WriteFile(file+"-wal", []byte("the damaged file's log"), 0o600)

	kept, err := store.Restore(file, backup, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{store.BackupDir, store.FileName, store.FileName + ".damaged-20261201-090000", store.FileName + ".damaged-20261201-090000-wal"}
	if got := files(t, dir); !slices.Equal(got, want) {
		t.Errorf("after restoring the folder holds %q, want %q", got, want)
	}
	if filepath.Base(kept) != store.FileName+".damaged-20261201-090000" {
		t.Errorf("kept as %s", kept)
	}
	if info, _ := os.Stat(file); info.Mode().Perm() != 0o600 {
		t.Errorf("the restored file has mode %v, want 0600", info.Mode().Perm())
	}
	again := open(t, file)
	if got, err := again.Learner(ctx, l.ID); err != nil || got.Name != "Kept" {
		t.Errorf("learner after restoring: %+v, %v", got, err)
	}
}

// A backup dated in the future (the clock was wrong when it was taken)
// does not stop daily backups; the newest backup is the newest one taken
// by today's clock, and the wrongly dated one is pruned first.
func TestABackupFromTheFutureDoesNotStopDailyBackups(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	db := storetest.MustOpen(t, filepath.Join(dir, store.FileName), func() time.Time { return now })
	backups := filepath.Join(dir, store.BackupDir)
	future := filepath.Join(backups, "ogoh-20271201-090000.db") // taken with the clock a year ahead
	if err := db.Backup(ctx, future); err != nil {
		t.Fatal(err)
	}
	ahead := now.AddDate(1, 0, 0)
	os.Chtimes(future, ahead, ahead)

	if !db.BackupDue(backups) {
		t.Fatal("a backup from the future makes today's backup not due")
	}
	taken, err := db.DailyBackup(ctx, backups)
	if err != nil || taken == "" {
		t.Fatalf("daily backup with a backup from the future: %q, %v", taken, err)
	}
	list, _ := store.BackupsAsOf(backups, now)
	if len(list) != 2 || list[0].Path != taken {
		t.Errorf("backups %+v, want today's first", list)
	}
	now = now.Add(20 * time.Hour)
	if db.BackupDue(backups) {
		t.Error("a backup is due 20 hours after today's")
	}
	for day := 1; day <= store.KeepBackups; day++ {
		now = now.Add(24 * time.Hour)
		if p, err := db.DailyBackup(ctx, backups); err != nil || p == "" {
			t.Fatalf("day %d: no daily backup (%v)", day, err)
		}
	}
	list, _ = store.BackupsAsOf(backups, now)
	if len(list) != store.KeepBackups {
		t.Errorf("%d backups kept, want %d", len(list), store.KeepBackups)
	}
	for _, b := range list {
		if b.Path == future {
			t.Error("the backup dated a year ahead was kept over a week of real ones")
		}
	}
}

// newerDatabase writes a database as a newer Ogoh would leave it: a
// schema version above the last migration this app knows.
func newerDatabase(t *testing.T, file string, version int) {
	t.Helper()
	db := open(t, file)
	db.Close()
	raw, err := sql.Open("sqlite3", file)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("PRAGMA user_version = " + strconv.Itoa(version)); err != nil {
		t.Fatal(err)
	}
	raw.Close()
}

// A database from a newer Ogoh is refused with an error that names both
// versions, by Open, OpenReadOnly and the start-up check, and is left
// exactly as it was: no backup, no migration, no file beside it.
func TestADatabaseFromANewerOgohIsRefusedAndLeftAsItWas(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, store.FileName)
	newerDatabase(t, file, 99)
	before, _ := os.ReadFile(file)
	stat, _ := os.Stat(file)
	listed := files(t, dir)

	_, openErr := store.Open(ctx, file, time.Now, store.BackupBeforeMigrating(filepath.Join(dir, store.BackupDir)))
	_, roErr := store.OpenReadOnly(ctx, file, time.Now)
	checkErr := store.Check(ctx, file)
	for what, err := range map[string]error{"Open": openErr, "OpenReadOnly": roErr, "Check": checkErr} {
		var newer *domain.SchemaTooNewError
		if !errors.As(err, &newer) {
			t.Errorf("%s of a version-99 database: %v, want a domain.SchemaTooNewError", what, err)
			continue
		}
		known := store.KnownSchemaVersion()
		if newer.Found != 99 || newer.Known != known || !strings.Contains(err.Error(), "99") ||
			!strings.Contains(err.Error(), "version "+strconv.Itoa(known)) {
			t.Errorf("%s: %v (%+v), want versions 99 and %d named", what, err, newer, known)
		}
	}
	after, _ := os.ReadFile(file)
	stat2, _ := os.Stat(file)
	if string(after) != string(before) || !stat2.ModTime().Equal(stat.ModTime()) {
		t.Error("the newer database was changed")
	}
	if got := files(t, dir); !slices.Equal(got, listed) {
		t.Errorf("the folder holds %q, want %q as before", got, listed)
	}
}

// OpenReadOnly reads a database without making or changing any file: no
// -wal or -shm, no device row, no backup; its reads work and writes fail.
func TestOpenReadOnlyChangesNothing(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, store.FileName)
	db := open(t, file)
	db.CreateLearner(ctx, domain.Learner{Name: "Reader", Role: "other", Language: "en"})
	db.Close()
	before, _ := os.ReadFile(file)
	listed := files(t, dir)

	ro, err := store.OpenReadOnly(ctx, file, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	if ls, err := ro.Learners(ctx); err != nil || len(ls) != 1 {
		t.Errorf("learners read-only: %v, %v", ls, err)
	}
	if _, err := ro.CreateLearner(ctx, domain.Learner{Name: "Writer", Role: "other", Language: "en"}); err == nil {
		t.Error("a read-only database took a new learner")
	}
	ro.Close()
	if got := files(t, dir); !slices.Equal(got, listed) {
		t.Errorf("the folder holds %q after reading, want %q", got, listed)
	}
	if after, _ := os.ReadFile(file); string(after) != string(before) {
		t.Error("reading changed the database")
	}
}
