//go:build faults

// The disk-full tests mount a small tmpfs, so they need root; make faults
// runs them (go test -tags faults).
package ui

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/quiz"
)

// asRoot runs a command as root: directly when the tests are root (CI's
// containers), else through sudo without a password.
func asRoot(name string, args ...string) *exec.Cmd {
	if os.Geteuid() == 0 {
		return exec.Command(name, args...)
	}
	return exec.Command("sudo", append([]string{"-n", name}, args...)...)
}

// smallDisk mounts a tmpfs of size on a new folder and unmounts it at the end.
func smallDisk(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if out, err := asRoot("mount", "-t", "tmpfs", "-o", "size="+size+",mode=0777", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Fatalf("mount a %s tmpfs (make faults needs root, or sudo without a password): %v %s", size, err, out)
	}
	t.Cleanup(func() { asRoot("umount", "-l", dir).Run() })
	return dir
}

// fill writes a file until the disk is full, and returns a function that
// frees the space again.
func fill(t *testing.T, dir string) func() {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "filler"))
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte{0xAB}, 64<<10)
	for {
		if _, err := f.Write(chunk); err != nil {
			if !errors.Is(err, syscall.ENOSPC) {
				t.Fatal(err)
			}
			break
		}
	}
	f.Close()
	return func() { os.Remove(filepath.Join(dir, "filler")) }
}

// TestDiskFullDuringAnAnswerAnExportAndAnImport: each fails with a clear,
// translated message; the database stays sound and what was there before
// is intact; the quiz goes on once there is room again.
func TestDiskFullDuringAnAnswerAnExportAndAnImport(t *testing.T) {
	dir := smallDisk(t, "8m")
	d := start(t, dir, "ru")
	defer d.close()
	c := trafficking(t)
	q := c.Quiz("final")
	d.createProfile("Disk", "other", "", "")
	d.openCourse(c)
	d.tap(d.T("quiz.start"))
	first := d.shownQuestion(c, q)
	d.answer(c, first, quiz.Key(first))
	d.tap(d.T("quiz.check"))
	d.tap(d.T("quiz.next"))

	free := fill(t, dir)
	second := d.shownQuestion(c, q)
	d.answer(c, second, quiz.Key(second))
	d.tap(d.T("quiz.check"))
	d.see(d.T("error.save.answer"))
	d.see(d.T(errorMessages[domain.CodeDiskFull])) // why, in the learner's language

	// Export to the full disk: refused, no half file, nothing marked sent.
	ctx := context.Background()
	before, _ := d.app.svc.SyncStatus(ctx)
	if _, err := d.app.svc.ExportSync(ctx, filepath.Join(dir, "post.ogohsync")); err == nil {
		t.Error("an export to a full disk succeeded")
	}
	if _, err := os.Stat(filepath.Join(dir, "post.ogohsync")); err == nil {
		t.Error("a half-written sync file was left")
	}
	// Import onto the full disk: refused, the courses unchanged.
	k, _ := course.NewKey("trainer")
	var b bytes.Buffer
	course.WritePack("../../docs/example-course", k, time.Now(), &b)
	packFile := filepath.Join(t.TempDir(), "example.ogoh")
	os.WriteFile(packFile, b.Bytes(), 0o644)
	d.app.lib.Trust(ctx, k.PublicText())
	if _, err := d.app.lib.Install(ctx, packFile, nil, false); err == nil {
		t.Error("an install onto a full disk succeeded")
	}
	if entries, _ := os.ReadDir(filepath.Join(dir, "courses")); len(entries) != 0 {
		t.Errorf("a failed install left %d entries in the courses folder", len(entries))
	}

	free()
	if v, err := d.db.IntegrityCheck(ctx); err != nil || v != "ok" {
		t.Fatalf("integrity after a full disk: %q, %v", v, err)
	}
	after, _ := d.app.svc.SyncStatus(ctx)
	if after.Outbox != before.Outbox {
		t.Errorf("the outbox changed: %+v → %+v", before.Outbox, after.Outbox)
	}
	d.tap(d.T("quiz.check")) // room again: the same answer is saved now
	d.see(d.T("quiz.right"))
	ls, _ := d.db.Learners(ctx)
	att, err := d.db.OpenAttempt(ctx, ls[0].ID, c.ID, q.ID)
	if err != nil || len(att.Answers) != 2 || att.Answers[0].QuestionID != first.ID || att.Answers[1].QuestionID != second.ID {
		t.Fatalf("answers after the disk was full: %+v, %v", att, err)
	}
}
