package main

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/library"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
)

func fails(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut strings.Builder
	if code := run(args, &out, &errOut); code == 0 {
		t.Fatalf("ogohctl %s succeeded, want a failure:\n%s", strings.Join(args, " "), out.String())
	}
	return out.String() + errOut.String()
}

// TestKeyPackVerifyInstall is a trainer's round: a key, a signed pack of a
// course, verified, then installed on a device's data folder, where the
// app finds it; a pack from another key is refused and changes nothing.
func TestKeyPackVerifyInstall(t *testing.T) {
	dir := t.TempDir()
	trainer := filepath.Join(dir, "trainer")
	ctl(t, "key", "new", trainer)
	if info, err := os.Stat(trainer + ".key"); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("private key file: %v, mode %v", err, info.Mode())
	}
	packFile := filepath.Join(dir, "example.ogoh")
	ctl(t, "course", "pack", "../../docs/example-course", "--key", trainer+".key", "-o", packFile)
	scratch := t.TempDir()
	t.Setenv("TMPDIR", scratch) // where verify checks the course
	if out := ctl(t, "course", "verify", packFile, "--trust", trainer+".pub"); !strings.Contains(out, "ok: example-course 1.0.0") {
		t.Errorf("verify: %s", out)
	}
	if left, _ := os.ReadDir(scratch); len(left) > 0 {
		t.Errorf("verify left %d folder(s) behind in the temporary folder", len(left))
	}
	if out := ctl(t, "course", "validate", packFile); !strings.Contains(out, "signature intact, course valid") {
		t.Errorf("validate a pack: %s", out)
	}
	if out := ctl(t, "course", "info", packFile); !strings.Contains(out, "signature: good") {
		t.Errorf("info: %s", out)
	}

	data := filepath.Join(dir, "device")
	fails(t, "course", "install", packFile, "--data", data) // no trusted key yet
	if out := ctl(t, "course", "install", packFile, "--data", data, "--trust", trainer+".pub"); !strings.Contains(out, "installed example-course 1.0.0") {
		t.Fatalf("install: %s", out)
	}
	appFindsInstalled(t, data, "example-course")
	strangersPackIsRefused(t, dir, trainer, data)
}

// appFindsInstalled checks that the app's library, opened on the data
// folder, lists the bundled courses and the installed one, with no problem.
func appFindsInstalled(t *testing.T, data, id string) {
	t.Helper()
	db := storetest.MustOpen(t, filepath.Join(data, store.FileName), time.Now)
	bundled, _ := course.LoadAll(courses.FS)
	list, problems := library.New(db, data, bundled).Courses()
	db.Close()
	found := false
	for _, c := range list {
		found = found || c.ID == id
	}
	if !found || len(problems) > 0 || len(list) != len(bundled)+1 {
		t.Errorf("the device's courses: %d (%v), problems %v", len(list), found, problems)
	}
}

// strangersPackIsRefused packs the course with a key the device does not
// trust: installing and verifying it are refused, and the device's course
// folders stay as they were.
func strangersPackIsRefused(t *testing.T, dir, trainer, data string) {
	t.Helper()
	stranger := filepath.Join(dir, "stranger")
	ctl(t, "key", "new", stranger)
	other := filepath.Join(dir, "other.ogoh")
	ctl(t, "course", "pack", "../../docs/example-course", "--key", stranger+".key", "-o", other)
	before := courseFolders(t, data)
	if out := fails(t, "course", "install", other, "--data", data, "--force"); !strings.Contains(out, "does not trust") {
		t.Errorf("untrusted pack: %s", out)
	}
	if out := fails(t, "course", "verify", other, "--trust", trainer+".pub"); !strings.Contains(out, "refused") {
		t.Errorf("verify of a stranger's pack: %s", out)
	}
	if after := courseFolders(t, data); !slices.Equal(before, after) {
		t.Errorf("a refused install changed the course folders: %v, then %v", before, after)
	}
}

// When verify cannot make the folder it checks the course in, it says so
// rather than refusing the pack for a reason that is not the pack's.
func TestVerifySaysWhenItHasNoFolderToCheckIn(t *testing.T) {
	dir := t.TempDir()
	trainer := filepath.Join(dir, "trainer")
	ctl(t, "key", "new", trainer)
	packFile := filepath.Join(dir, "example.ogoh")
	ctl(t, "course", "pack", "../../docs/example-course", "--key", trainer+".key", "-o", packFile)
	t.Setenv("TMPDIR", filepath.Join(dir, "no-such-folder"))
	out := fails(t, "course", "verify", packFile, "--trust", trainer+".pub")
	if !strings.Contains(out, "refused: a folder to check the course in") {
		t.Errorf("verify with no temporary folder: %s", out)
	}
}

// courseFolders lists the installed course folders, not the library's
// own record beside them.
func courseFolders(t *testing.T, data string) []string {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Join(data, "courses"))
	var out []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e.Name())
		}
	}
	return out
}

func TestReportPrintsAndWritesCSV(t *testing.T) {
	data := filepath.Join(t.TempDir(), "post")
	ctl(t, "demo", "seed", "--data", data, "--learners", "4", "--days", "10")
	csvFile := filepath.Join(t.TempDir(), "report.csv")
	out := ctl(t, "report", "--data", data, "--csv", csvFile)
	if !strings.Contains(out, "LEARNER") || !strings.Contains(out, "row(s)") {
		t.Errorf("report:\n%s", out)
	}
	b, err := os.ReadFile(csvFile)
	if err != nil || !strings.HasPrefix(string(b), "learner,role,post,course,lessons_done,best_score_percent,attempts,passed,last_activity\n") {
		t.Errorf("CSV: %v\n%s", err, b)
	}
	if rows := strings.Count(string(b), "\n") - 1; !strings.Contains(out, fmt.Sprintf("%d row(s)", rows)) {
		t.Errorf("the table and the CSV disagree: %d CSV rows\n%s", rows, out)
	}
}

// A trainer who runs "key new" again, or asks for help, keeps the key their
// devices trust: nothing is overwritten, and no key named "-h" appears.
func TestKeyNewNeverReplacesAKey(t *testing.T) {
	dir := t.TempDir()
	trainer := filepath.Join(dir, "trainer")
	ctl(t, "key", "new", trainer)
	before, _ := os.ReadFile(trainer + ".key")
	if out := fails(t, "key", "new", trainer); !strings.Contains(out, "exists") {
		t.Errorf("second key new said: %s", out)
	}
	if after, _ := os.ReadFile(trainer + ".key"); string(after) != string(before) {
		t.Error("the trainer's key was replaced")
	}
	t.Chdir(dir)
	fails(t, "key", "new", "-h")
	if _, err := os.Stat("-h.key"); err == nil {
		t.Error(`"key new -h" wrote a key named -h`)
	}
}
