package main

import (
	"context"
	"database/sql"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/store"
)

// ctlFails runs ogohctl expecting it to fail, and returns what it said.
func ctlFails(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut strings.Builder
	if code := run(args, &out, &errOut); code == 0 {
		t.Fatalf("ogohctl %s succeeded:\n%s", strings.Join(args, " "), out.String())
	}
	return errOut.String()
}

func learnerNames(t *testing.T, dir string) []string {
	t.Helper()
	dev, err := progress.Open(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer dev.Close()
	ls, _ := dev.Service.Learners(context.Background())
	var out []string
	for _, l := range ls {
		out = append(out, l.Name)
	}
	return out
}

// demo seed adds fake learners only where no real one is, unless --force:
// a real device's reports and sync are not mixed with made-up people.
func TestDemoSeedRefusesAFolderWithRealLearners(t *testing.T) {
	ctx := context.Background()
	demo := t.TempDir()
	ctl(t, "demo", "seed", "--data", demo, "--learners", "2", "--days", "3")
	ctl(t, "demo", "seed", "--data", demo, "--learners", "2", "--days", "3", "--seed", "2") // demo data only: fine

	real := t.TempDir()
	dev, err := progress.Open(ctx, real, nil)
	if err != nil {
		t.Fatal(err)
	}
	dev.Service.CreateLearner(ctx, progress.NewLearner{Name: "Real Person", Role: "border-guard", Language: "uz"})
	dev.Close()
	before := listing(t, real)
	said := ctlFails(t, "demo", "seed", "--data", real, "--learners", "3", "--days", "3")
	if after := listing(t, real); !mapsEqual(after, before) {
		t.Errorf("a refused seed changed the folder:\nbefore %v\nafter  %v", before, after)
	}
	if !strings.Contains(said, "1 real learner") || !strings.Contains(said, "--force") {
		t.Errorf("demo seed over a real learner said %q", said)
	}
	if names := learnerNames(t, real); !slices.Equal(names, []string{"Real Person"}) {
		t.Fatalf("a refused seed added learners: %q", names)
	}
	ctl(t, "demo", "seed", "--data", real, "--learners", "3", "--days", "3", "--force")
	if names := learnerNames(t, real); len(names) != 4 {
		t.Errorf("with --force: %q, want the real learner and 3 demo ones", names)
	}
	ctlFails(t, "demo", "seed", "--data", real, "--learners", "1", "--days", "3") // still a real device
}

// listing is a folder's names and modification times, to see that
// nothing was made or changed.
func listing(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			out[p] = info.ModTime().String() + " " + strconv.FormatInt(info.Size(), 10)
		}
		return nil
	})
	return out
}

// A report is made from a read-only data folder (a copy on a locked
// share, a folder the trainer may not write) and leaves it as it was: no
// device key made, no backup, no -wal, no migration. Tests may run as
// root, for whom the folder's mode stops nothing, so what is checked is
// that nothing was made or changed.
func TestReportOnAReadOnlyFolderChangesNothing(t *testing.T) {
	dir := t.TempDir()
	ctl(t, "demo", "seed", "--data", dir, "--learners", "3", "--days", "5")
	os.RemoveAll(filepath.Join(dir, store.BackupDir))
	keys, _ := filepath.Glob(filepath.Join(dir, "device*"))
	for _, k := range keys {
		os.Remove(k) // the database alone, copied for a report
	}
	before := listing(t, dir)
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o700) })
	out := ctl(t, "report", "--data", dir)
	if !strings.Contains(out, "row(s)") || strings.Contains(out, "\n0 row(s)") {
		t.Errorf("report from a read-only folder:\n%s", out)
	}
	os.Chmod(dir, 0o700)
	if after := listing(t, dir); !mapsEqual(after, before) {
		t.Errorf("the report changed the folder:\nbefore %v\nafter  %v", before, after)
	}
}

func mapsEqual(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// ogohctl refuses a database written by a newer Ogoh, naming both schema
// versions, and one the app would offer to restore, saying so.
func TestCtlRefusesANewerOrLostDatabase(t *testing.T) {
	dir := t.TempDir()
	ctl(t, "demo", "seed", "--data", dir, "--learners", "1", "--days", "2")
	file := filepath.Join(dir, store.FileName)
	raw, err := sql.Open("sqlite3", file)
	if err != nil {
		t.Fatal(err)
	}
	raw.Exec("PRAGMA user_version = 42")
	raw.Close()
	known := strconv.Itoa(store.KnownSchemaVersion())
	for _, args := range [][]string{{"report", "--data", dir}, {"device", "show", "--data", dir}} {
		said := ctlFails(t, args...)
		if !strings.Contains(said, "schema version 42") || !strings.Contains(said, "version "+known) {
			t.Errorf("ogohctl %s on a version-42 database said %q", args[0], said)
		}
	}

	lost := t.TempDir()
	dev, err := progress.Open(context.Background(), lost, nil)
	if err != nil {
		t.Fatal(err)
	}
	dev.AfterStart(context.Background())
	dev.Close()
	os.Truncate(filepath.Join(lost, store.FileName), 0)
	if said := ctlFails(t, "report", "--data", lost); !strings.Contains(said, "restore") {
		t.Errorf("report on an emptied database with backups said %q", said)
	}
}

// A bundled course with a problem is a broken build: each command that
// opens a data folder says so, naming the course, and stops, rather than
// working on with the course quietly missing.
func TestABrokenBundledCourseIsSaid(t *testing.T) {
	defer func(real fs.FS) { bundledFS = real }(bundledFS)
	bundledFS = fstest.MapFS{"broken-course/course.toml": {Data: []byte("id = \"broken-course\"\nversion = \"one\"\n")}}
	dir := t.TempDir()
	for _, args := range [][]string{
		{"report", "--data", dir},
		{"sync", "export", "--data", dir, "-o", filepath.Join(t.TempDir(), "out.ogohsync")},
		{"demo", "seed", "--data", dir, "--learners", "1", "--days", "1"},
	} {
		out := ctlFails(t, args...)
		if !strings.Contains(out, "the bundled courses have problems") || !strings.Contains(out, "broken-course") {
			t.Errorf("ogohctl %s with a broken bundled course said:\n%s", strings.Join(args, " "), out)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("the refused commands left %d file(s) in the data folder", len(left))
	}
}
