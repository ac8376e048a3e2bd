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

// bigDatabase writes a database of many pages and closes it, so everything
// is in the main file.
func bigDatabase(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), store.FileName)
	db := storetest.MustOpen(t, file, time.Now)
	for i := 0; i < 300; i++ {
		if _, err := db.CreateLearner(ctx, domain.Learner{Name: strings.Repeat("Learner ", 40), Role: "other", Language: "en"}); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	return file
}

// A large database is not read whole before the window shows; the full
// check runs after start-up, and damage it finds is offered for restore at
// the next start.
func TestDamageInALargeDatabaseIsFoundAfterStartUpAndAtTheNextStart(t *testing.T) {
	ctx := context.Background()
	defer store.SetQuickCheckLimit(0)() // every database counts as large
	file := bigDatabase(t)
	info, _ := os.Stat(file)
	f, _ := os.OpenFile(file, os.O_WRONLY, 0)
	f.WriteAt([]byte(strings.Repeat("\xa5", 4096)), info.Size()-8192) // a page of learners, not the schema
	f.Close()

	if err := store.Check(ctx, file); err != nil {
		t.Fatalf("start-up check of a large file read more than its header and schema: %v", err)
	}
	db := storetest.MustOpen(t, file, time.Now)
	if !db.NeedsDeepCheck() {
		t.Error("a large database should be checked after start-up")
	}
	if err := db.DeepCheck(ctx); !errors.Is(err, domain.ErrCorrupt) {
		t.Fatalf("the full check after start-up found %v, want the damage", err)
	}
	db.Close()
	if err := store.Check(ctx, file); !errors.Is(err, domain.ErrCorrupt) {
		t.Fatalf("the next start-up's check gave %v, want the damage found before", err)
	}
}

// When the mark that asks the next start-up for the full check cannot be
// written, the damage is still reported, and so is the missing mark: the
// next start-up reads only the header and would not find it again.
func TestDamageThatCannotBeMarkedSaysSo(t *testing.T) {
	ctx := context.Background()
	defer store.SetQuickCheckLimit(0)()
	file := bigDatabase(t)
	info, _ := os.Stat(file)
	f, _ := os.OpenFile(file, os.O_WRONLY, 0)
	f.WriteAt([]byte(strings.Repeat("\xa5", 4096)), info.Size()-8192)
	f.Close()
	// The mark's name leads nowhere writable: a link into a folder that is not there.
	if err := os.Symlink(filepath.Join(t.TempDir(), "gone", "mark"), file+".check"); err != nil {
		t.Fatal(err)
	}
	db := storetest.MustOpen(t, file, time.Now)
	err := db.DeepCheck(ctx)
	if !errors.Is(err, domain.ErrCorrupt) || !strings.Contains(err.Error(), "next start-up") {
		t.Fatalf("the full check with no mark written gave %v, want the damage and the missing mark", err)
	}
}

func TestATruncatedDatabaseIsFoundFromItsHeader(t *testing.T) {
	defer store.SetQuickCheckLimit(0)()
	file := bigDatabase(t)
	info, _ := os.Stat(file)
	if err := os.Truncate(file, info.Size()/2); err != nil {
		t.Fatal(err)
	}
	err := store.Check(context.Background(), file)
	if !errors.Is(err, domain.ErrCorrupt) || !strings.Contains(err.Error(), "truncated") {
		t.Fatalf("check of a file cut in half: %v", err)
	}
}

// The full check of a large database runs with the daily backup, not at
// every start: once a backup is less than a day old, none is due; a day
// later one is.
func TestABackupIsDueOnceADay(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), store.FileName)
	now := time.Now() // a backup's time is its file's
	db := storetest.MustOpen(t, file, func() time.Time { return now })
	dir := filepath.Join(filepath.Dir(file), store.BackupDir)
	if !db.BackupDue(dir) {
		t.Fatal("no backup was ever taken, yet none is due")
	}
	if path, err := db.DailyBackup(ctx, dir); err != nil || path == "" {
		t.Fatalf("daily backup: %q, %v", path, err)
	}
	now = now.Add(20 * time.Hour)
	if db.BackupDue(dir) {
		t.Error("a backup is due 20 hours after the last")
	}
	if path, _ := db.DailyBackup(ctx, dir); path != "" {
		t.Errorf("a second backup the same day: %s", path)
	}
	now = now.Add(5 * time.Hour)
	if !db.BackupDue(dir) {
		t.Error("no backup is due 25 hours after the last")
	}
}
