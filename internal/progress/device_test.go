package progress_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/store"
)

// usedDevice is a data folder with a learner and that day's backup.
func usedDevice(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	dev, err := progress.Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dev.Service.CreateLearner(ctx, progress.NewLearner{Name: "Dilnoza", Role: "other", Language: "uz"}); err != nil {
		t.Fatal(err)
	}
	if err := dev.AfterStart(ctx); err != nil {
		t.Fatal(err)
	}
	dev.Close()
	return dir
}

// A database that is empty, cut short or gone while backups/ holds a good
// copy was lost, not never made: the start-up check reports damage, so the
// newest backup is offered, instead of a fresh device with no learners.
func TestALostDatabaseWithBackupsIsDamageNotAFreshStart(t *testing.T) {
	ctx := context.Background()
	for name, lose := range map[string]func(file string) error{
		"zero bytes": func(file string) error { return os.Truncate(file, 0) },
		"truncated":  func(file string) error { return os.Truncate(file, 50) },
		"missing":    os.Remove,
	} {
		dir := usedDevice(t)
		file := filepath.Join(dir, store.FileName)
		if err := lose(file); err != nil {
			t.Fatal(err)
		}
		if err := progress.Check(ctx, dir); !errors.Is(err, domain.ErrCorrupt) {
			t.Errorf("%s: the start-up check gave %v, want the damage", name, err)
		}
		if _, _, ok := progress.LatestBackup(dir); !ok {
			t.Errorf("%s: no backup to offer", name)
		}
		backup, _, _ := progress.LatestBackup(dir)
		if _, err := progress.Restore(dir, backup); err != nil {
			t.Fatalf("%s: restore: %v", name, err)
		}
		dev, err := progress.Open(ctx, dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		if ls, _ := dev.Service.Learners(ctx); len(ls) != 1 || ls[0].Name != "Dilnoza" {
			t.Errorf("%s: learners after restoring: %+v", name, ls)
		}
		dev.Close()
	}
}

// Without backups, a missing or empty database is a new device.
func TestAMissingDatabaseWithoutBackupsIsANewDevice(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := progress.Check(ctx, dir); err != nil {
		t.Errorf("a new folder: %v", err)
	}
	os.WriteFile(filepath.Join(dir, store.FileName), nil, 0o600)
	if err := progress.Check(ctx, dir); err != nil {
		t.Errorf("an empty database and no backups: %v", err)
	}
}

// OpenReadOnly reads a data folder and leaves it as it was: no key made,
// no backup, no -wal, no file changed.
func TestOpenReadOnlyMakesNoKeyNoBackupNoFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dev, err := progress.Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	dev.Service.CreateLearner(ctx, progress.NewLearner{Name: "Bobur", Role: "other", Language: "ru"})
	dev.Close()
	os.RemoveAll(filepath.Join(dir, store.BackupDir))
	keys, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, k := range keys {
		if k != filepath.Join(dir, store.FileName) {
			os.Remove(k) // the device key: a copy of the folder without it
		}
	}
	info, _ := os.Stat(filepath.Join(dir, store.FileName))

	ro, err := progress.OpenReadOnly(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ls, err := ro.Service.Learners(ctx); err != nil || len(ls) != 1 {
		t.Errorf("learners: %+v, %v", ls, err)
	}
	ro.Close()
	left, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(left) != 1 {
		t.Errorf("reading made %q", left)
	}
	if after, _ := os.Stat(filepath.Join(dir, store.FileName)); !after.ModTime().Equal(info.ModTime()) {
		t.Error("reading changed the database")
	}
}
