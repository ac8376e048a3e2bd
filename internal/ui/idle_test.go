package ui

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
)

// leave moves the clock on by dur with no input, the ticker checking
// before and after as it does every few seconds.
func (d *driver) leave(dur time.Duration) {
	d.settle()
	d.app.checkIdle()
	d.clock.t = d.clock.t.Add(dur)
	d.app.checkIdle()
}

// answerOne answers the quiz question on screen rightly and checks it.
func (d *driver) answerOne(t *testing.T) {
	t.Helper()
	c := trafficking(t)
	qu := d.shownQuestion(c, c.Quiz("final"))
	d.answer(c, qu, quiz.Key(qu))
	d.tap(d.T("quiz.check"))
	d.see(d.T("quiz.right"))
}

// TestIdleDeviceLocksAndTheQuizGoesOn: ten minutes with no input (the
// default) lock a shared device to "Continue as NAME?"; a wrong PIN keeps
// it locked, the right one goes back to the quiz where it was, its answer
// still there; someone else gets the profile picker, and the first
// learner's quiz resumes after the answer given.
func TestIdleDeviceLocksAndTheQuizGoesOn(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	d.createProfile("Dilnoza", "border-guard", "Post 12", "1234")
	d.openCourse(trafficking(t))
	d.tap(d.T("quiz.start"))
	d.answerOne(t)

	d.leave(9 * time.Minute)
	d.see(d.T("quiz.right")) // not yet
	d.leave(2 * time.Minute)
	d.see(d.T("idle.title", "Name", "Dilnoza"))
	if d.has(d.T("quiz.next")) {
		t.Fatal("the quiz still shows behind the lock")
	}
	d.typeInto(d.T("pin.placeholder"), "9999")
	d.tap(d.T("idle.continue", "Name", "Dilnoza"))
	d.see(d.T("pin.wrong"))
	d.typeInto(d.T("pin.placeholder"), "1234")
	d.tap(d.T("idle.continue", "Name", "Dilnoza"))
	d.see(d.T("quiz.right")) // the same question, answered, as it was left
	d.see(d.T("quiz.position", "N", 1, "Total", trafficking(t).Quiz("final").Draw))

	d.leave(10 * time.Minute)
	d.tap(d.T("idle.other"))
	d.see(d.T("profiles.title"))
	if d.app.learner != nil {
		t.Fatal("the profile picker after the lock still has a learner")
	}
	d.tapProfile("Dilnoza — " + d.T("role.border-guard") + ", Post 12")
	d.typeInto(d.T("pin.placeholder"), "1234")
	d.tap(d.T("pin.open"))
	d.openCourse(trafficking(t))
	d.tap(d.T("quiz.resume"))
	d.see(d.T("quiz.position", "N", 2, "Total", trafficking(t).Quiz("final").Draw))
}

// TestIdleLockWaitsForAnAnswerBeingSaved: an answer still being written
// when the idle time runs out is never cut off: the lock waits until it is
// saved and its feedback shown, and comes only after the idle time again.
func TestIdleLockWaitsForAnAnswerBeingSaved(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	d.createProfile("Bek", "other", "", "")
	d.openCourse(trafficking(t))
	d.tap(d.T("quiz.start"))
	d.async()
	release := make(chan struct{})
	d.app.background = func(f func()) { d.app.goBackground(func() { <-release; f() }) }
	c := trafficking(t)
	qu := d.shownQuestion(c, c.Quiz("final"))
	d.answer(c, qu, quiz.Key(qu))
	test := d.button(d.T("quiz.check"))
	test.OnTapped() // not d.tap: that waits for the work, which is held
	d.app.checkIdle()
	d.clock.t = d.clock.t.Add(30 * time.Minute)
	d.app.checkIdle()
	if _, locked := d.app.nav.current.(*idleLockScreen); locked { // not d.has: it too waits for the work
		t.Fatal("the device locked while an answer was being saved")
	}
	close(release)
	d.settle()
	d.see(d.T("quiz.right"))
	d.leave(11 * time.Minute)
	d.see(d.T("idle.title", "Name", "Bek"))
	d.tap(d.T("idle.continue", "Name", "Bek")) // no PIN: one tap
	d.see(d.T("quiz.right"))
}

// TestTrainerSetsTheIdleTime: the trainer's idle time is what the lock
// waits; a time that is not a number is refused, and 0 never locks.
func TestTrainerSetsTheIdleTime(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	d.createProfile("Aziz", "other", "", "")
	d.tap(d.T("settings.title"))
	d.unlockTrainer(trainerPIN)
	d.tap(d.T("idle.setting"))
	minutes := d.entry(d.T("idle.minutes"))
	if minutes.Text != "10" {
		t.Errorf("a new device's idle time shows %q, want 10", minutes.Text)
	}
	minutes.SetText("ten")
	d.tap(d.T("idle.save"))
	d.see(d.T("idle.minutes.bad", "Max", 480))
	minutes.SetText("3")
	d.tap(d.T("idle.save"))
	d.see(d.T("trainer.intro"))
	if l, _ := d.app.svc.IdleLock(context.Background()); l.Minutes != 3 {
		t.Fatalf("saved idle time %d, want 3", l.Minutes)
	}
	d.leave(4 * time.Minute) // in trainer mode: the lock leaves it
	d.see(d.T("idle.title", "Name", "Aziz"))
	d.tap(d.T("idle.continue", "Name", "Aziz"))
	if d.app.trainer {
		t.Fatal("trainer mode is still open after the idle lock")
	}
	d.see(d.T("catalogue.greeting", "Name", "Aziz"))

	if err := d.app.svc.SetIdleLock(context.Background(), progressIdle(0)); err != nil {
		t.Fatal(err)
	}
	d.leave(24 * time.Hour)
	d.see(d.T("catalogue.greeting", "Name", "Aziz"))
}

// TestSwitchLearnerIsOneClickFromAScreen: the frame's Switch learner goes
// to the profile picker from the middle of a lesson, leaving the profile.
func TestSwitchLearnerIsOneClickFromAScreen(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	d.createProfile("Aziz", "other", "", "")
	d.openCourse(trafficking(t))
	d.tap(d.T("lesson.read"))
	d.tap(d.T("nav.switch"))
	d.see(d.T("profiles.title"))
	if d.app.learner != nil {
		t.Fatal("switching learner left the profile open")
	}
}

func progressIdle(minutes int) progress.IdleLock { return progress.IdleLock{Minutes: minutes} }

// TestIdleCountsTapsAndScrollsThatOpenNoScreen: picking an answer's
// option, or scrolling a lesson, is input though no screen is drawn: the
// idle time starts again from it.
func TestIdleCountsTapsAndScrollsThatOpenNoScreen(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	d.createProfile("Aziz", "other", "", "")
	c := trafficking(t)
	d.openCourse(c)
	d.tap(d.T("quiz.start"))
	qu := d.shownQuestion(c, c.Quiz("final"))
	d.leave(9 * time.Minute)
	d.answer(c, qu, quiz.Key(qu))
	d.leave(9 * time.Minute)
	if _, locked := d.app.nav.current.(*idleLockScreen); locked {
		t.Fatal("picking an answer did not count as input")
	}
	d.tap(d.T("nav.back"))
	d.tap(d.T("lesson.read"))
	d.leave(9 * time.Minute)
	for _, o := range d.visible() {
		if s, ok := o.(*container.Scroll); ok {
			s.ScrollToOffset(fyne.NewPos(0, 200))
		}
	}
	d.leave(9 * time.Minute)
	if _, locked := d.app.nav.current.(*idleLockScreen); locked {
		t.Fatal("scrolling the lesson did not count as input")
	}
	d.leave(2 * time.Minute)
	d.see(d.T("idle.title", "Name", "Aziz"))
}
