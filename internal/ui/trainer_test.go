package ui

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/quiz"
)

// writePack signs a course folder into a pack file for the tests.
func writePack(t *testing.T, dir string, k course.Key) string {
	t.Helper()
	var b bytes.Buffer
	if err := course.WritePack(dir, k, time.Now(), &b); err != nil {
		t.Fatal(err)
	}
	f := filepath.Join(t.TempDir(), filepath.Base(dir)+".ogoh")
	if err := os.WriteFile(f, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestTrainerImportsAPackALearnerTakesItTheTrainerSeesIt is the trainer's
// round trip: unlock trainer mode, trust a key, import a pack, see it in
// the catalogue; a learner takes its quiz; the trainer's table shows the
// result and the CSV holds it. An untrusted pack is refused and changes
// nothing.
func TestTrainerImportsAPackALearnerTakesItTheTrainerSeesIt(t *testing.T) {
	dir := t.TempDir()
	d := start(t, dir, "en")
	defer d.close()
	k, _ := course.NewKey("Regional trainer")
	stranger, _ := course.NewKey("Stranger")
	good := writePack(t, "../../docs/example-course", k)
	bad := writePack(t, "../../docs/example-course", stranger)

	d.createProfile("Nodira", "border-guard", "", "")
	d.tap(d.T("settings.title"))
	d.unlockTrainer(trainerPIN)
	d.tap(d.T("trainer.keys"))
	d.see(d.T("trainer.keys.empty"))
	d.app.trustKey(k.PublicText()) // what "Add key from file…" does with the file's text
	d.see("Regional trainer (" + k.ID() + ")")
	d.tap(d.T("nav.back"))

	d.app.importPack(bad, false) // what the file chooser does with the picked path
	d.see(d.T("pack.err.untrusted"))
	if _, err := os.Stat(filepath.Join(dir, "courses", "example-course")); err == nil {
		t.Fatal("a refused pack was installed")
	}
	d.app.importPack(good, false)
	d.see(d.T("trainer.installed", "Course", "Example: the three elements", "Version", "1.0.0"))
	d.tap(d.T("dialog.ok"))
	d.app.importPack(good, false) // the same version again asks first
	d.see(d.T("pack.err.same"))

	d.tap(d.T("trainer.leave"))
	d.tap(d.T("nav.back"))
	c := d.courseByID("example-course")
	d.openCourse(c)
	d.tap(d.T("quiz.start"))
	q := c.Quiz("check")
	for i := 0; i < q.Draw; i++ {
		qu := d.shownQuestion(c, q)
		d.answer(c, qu, quiz.Key(qu))
		d.tap(d.T("quiz.check"))
		if i+1 < q.Draw {
			d.tap(d.T("quiz.next"))
		}
	}
	d.tap(d.T("quiz.see.result"))
	d.see(d.T("result.passed", "PassMark", 80))

	d.tap(d.T("settings.title"))
	d.unlockTrainer(trainerPIN)
	d.tap(d.T("trainer.learners"))
	d.see("Example: the three elements")
	d.see("100% (1)")
	csvFile := filepath.Join(t.TempDir(), "report.csv")
	d.app.exportReport(csvFile)
	data, _ := os.ReadFile(csvFile)
	if !strings.Contains(string(data), "Nodira,border-guard,,Example: the three elements,0,100,1,true,") {
		t.Errorf("CSV:\n%s", data)
	}
}

func TestTrainerModeNeedsThePIN(t *testing.T) {
	d := start(t, t.TempDir(), "ru")
	defer d.close()
	d.createProfile("Learner", "other", "", "")
	d.tap(d.T("settings.title"))
	d.unlockTrainer(trainerPIN)
	d.tap(d.T("trainer.leave"))
	d.tap(d.T("trainer.title"))
	d.typeInto(d.T("pin.placeholder"), "2222")
	d.tap(d.T("pin.open"))
	d.see(d.T("pin.wrong"))
	if d.app.trainer {
		t.Fatal("a wrong PIN opened trainer mode")
	}
	for i := 0; i < 4; i++ {
		d.typeInto(d.T("pin.placeholder"), "2222")
		d.tap(d.T("pin.open"))
	}
	d.see(d.T("trainer.locked", "Seconds", 30))
	d.typeInto(d.T("pin.placeholder"), trainerPIN)
	d.tap(d.T("pin.open"))
	if d.app.trainer {
		t.Fatal("the right PIN opened trainer mode during the wait")
	}
}

func (d *driver) courseByID(id string) *course.Course {
	d.t.Helper()
	for _, c := range d.app.courses {
		if c.ID == id {
			return c
		}
	}
	d.t.Fatalf("course %s is not in the catalogue", id)
	return nil
}

// A learner who forgot their PIN: the trainer removes it from the learners'
// screen, and the learner's profile opens without one, progress kept.
func TestTrainerRemovesAForgottenPIN(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	d.createProfile("Forgetful", "border-guard", "Post 3", "1357")
	d.tap(d.T("settings.title"))
	d.unlockTrainer(trainerPIN)
	d.tap(d.T("trainer.learners"))
	d.tap(d.T("report.pin"))
	d.see(d.T("report.pin.hint"))
	var pick *widget.Select
	for _, o := range d.visible() {
		if s, ok := o.(*widget.Select); ok {
			pick = s
		}
	}
	if pick == nil || len(pick.Options) != 1 || pick.Options[0] != "Forgetful — Post 3" {
		t.Fatalf("the chooser offers %v", pick)
	}
	pick.SetSelectedIndex(0)
	d.tapNth(d.T("report.pin"), 1) // the dialog's button, over the screen's
	d.tap(d.T("nav.back"))
	d.tap(d.T("trainer.leave"))
	d.tap(d.T("nav.back"))
	d.tap(d.T("nav.switch"))
	d.tap("Forgetful — " + d.T("role.border-guard") + ", Post 3")
	d.see(d.T("catalogue.greeting", "Name", "Forgetful"))

	d.tap(d.T("settings.title")) // nobody else has a PIN now
	d.unlockTrainer(trainerPIN)
	d.tap(d.T("trainer.learners"))
	d.tap(d.T("report.pin"))
	d.see(d.T("report.pin.none"))
}

// TestADeletedTrainerLockKeepsTrainerModeShut: deleting the trainer's
// settings in the database no longer lets anyone choose a new trainer PIN;
// the screen says how the trainer opens it again.
func TestADeletedTrainerLockKeepsTrainerModeShut(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			d.createProfile("Learner", "other", "", "")
			if err := d.db.SetSetting(context.Background(), "trainer.lock", ""); err != nil {
				t.Fatal(err)
			}
			d.tap(d.T("settings.title"))
			d.tap(d.T("trainer.title"))
			d.see(d.T("trainer.tampered", "Folder", d.app.dataDir))
			for _, o := range d.visible() {
				if e, ok := asEntry(o); ok && e.Password {
					t.Fatal("a PIN field is offered after the lock was deleted")
				}
			}
			if d.app.trainer {
				t.Fatal("trainer mode opened")
			}
		})
	}
}

// TestAnInstalledCourseEditedByHandIsNotShown: a course file changed in
// the data folder after install takes the course off the catalogue, and
// the trainer's course list says why.
func TestAnInstalledCourseEditedByHandIsNotShown(t *testing.T) {
	dir := t.TempDir()
	d := start(t, dir, "ru")
	defer d.close()
	k, _ := course.NewKey("Regional trainer")
	d.createProfile("Nodira", "border-guard", "", "")
	d.tap(d.T("settings.title"))
	d.unlockTrainer(trainerPIN)
	d.app.trustKey(k.PublicText())
	d.app.importPack(writePack(t, "../../docs/example-course", k), false)
	d.tap(d.T("dialog.ok"))
	quiz := filepath.Join(dir, "courses", "example-course", "quiz.toml")
	body, _ := os.ReadFile(quiz)
	os.WriteFile(quiz, append(body, "\n# an answer key changed by hand\n"...), 0o644)
	d.app.reloadCourses()
	d.see(d.T("error.courses"))
	d.tap(d.T("dialog.ok")) // the problem is reported
	d.tap(d.T("trainer.courses"))
	d.see(d.T("trainer.courses.refused"))
	for _, c := range d.app.courses {
		if c.ID == "example-course" {
			t.Fatal("the edited course is still in the catalogue")
		}
	}
}
