package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/domain"
)

// TestAnAnswerInProgressSurvivesHelp: options ticked, then Help opened
// and left, and Settings opened and left: the ticks are still there and
// Check answer still enabled.
func TestAnAnswerInProgressSurvivesHelp(t *testing.T) {
	d := start(t, t.TempDir(), "ru")
	defer d.close()
	c := trafficking(t)
	q := c.Quiz("final")
	d.createProfile("Aziz", "border-guard", "", "")
	d.openCourse(c)
	d.tap(d.T("quiz.start"))
	qu := d.shownQuestion(c, q)
	for qu.Type == domain.KindOrdering || qu.Type == domain.KindMatching {
		d.answer(c, qu, keyOf(qu))
		d.tap(d.T("quiz.check"))
		d.tap(d.T("quiz.next"))
		qu = d.shownQuestion(c, q)
	}
	resp := wrong(qu)
	d.answer(c, qu, resp)
	ticked := func(when string) {
		t.Helper()
		s := d.app.nav.current.(*questionScreen)
		if got := s.input.response(); len(got) != len(resp) || got[0] != resp[0] {
			t.Fatalf("%s the answer shows %v; it was %v", when, got, resp)
		}
		if d.button(d.T("quiz.check")).Disabled() {
			t.Fatalf("%s %q is disabled", when, d.T("quiz.check"))
		}
	}
	d.key(fyne.KeyF1)
	d.see(d.T("help.title"))
	d.key(fyne.KeyEscape)
	ticked("after Help")
	d.tap(d.T("settings.title"))
	d.tap(d.T("nav.back"))
	ticked("after Settings")
}

// TestReadAgainReturnsToTheResult: from a missed question on the result,
// Read again opens its lesson, and Back (or Escape) comes back to the
// result, not to the course page.
func TestReadAgainReturnsToTheResult(t *testing.T) {
	d := start(t, t.TempDir(), "uz")
	defer d.close()
	c := trafficking(t)
	q := c.Quiz("final")
	d.createProfile("Aziz", "border-guard", "", "")
	d.openCourse(c)
	d.tap(d.T("quiz.start"))
	missed := d.takeQuiz(c, q)
	lang := c.Lang("uz")
	l := c.Lesson(missed.Lesson)
	score := d.T("result.score", "Score", q.Draw-1, "Max", q.Draw, "Percent", (q.Draw-1)*100/q.Draw)
	d.see(score)
	d.tap(d.T("result.read.lesson", "Lesson", l.Title.In(lang, c.DefaultLanguage)))
	d.see(l.Title.In(lang, c.DefaultLanguage))
	d.tap(d.T("nav.back"))
	d.see(score)
	d.tap(d.T("result.read.lesson", "Lesson", l.Title.In(lang, c.DefaultLanguage)))
	d.key(fyne.KeyEscape)
	d.see(score)
}

// TestAQuizLeftHalfWayIsShownAsSuch: a quiz with one answer given and
// left is "Resume quiz" with a word that it is unfinished on the course
// page (not "Not taken yet"), on the catalogue card and beside the
// learner's name on the profile picker.
func TestAQuizLeftHalfWayIsShownAsSuch(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			c := trafficking(t)
			q := c.Quiz("final")
			d.createProfile("Aziz", "border-guard", "Post 3", "")
			d.openCourse(c)
			d.tap(d.T("quiz.start"))
			qu := d.shownQuestion(c, q)
			d.answer(c, qu, keyOf(qu))
			d.tap(d.T("quiz.check"))
			d.tap(d.T("nav.back"))
			// The quiz's line reads, beside its button, that it is unfinished.
			d.see(d.T("quiz.unfinished") + " | [" + d.T("quiz.resume") + "]")
			d.shotAs(lang + "-unfinished-course")
			d.tap(d.T("nav.back"))
			d.see(d.T("catalogue.unfinished", "Quiz", q.Title.In(c.Lang(lang), c.DefaultLanguage)))
			d.shotAs(lang + "-unfinished-catalogue")
			d.tap(d.T("nav.switch"))
			d.see("Aziz — " + d.T("role.border-guard") + ", Post 3 · " + d.T("profiles.unfinished"))
			d.shotAs(lang + "-unfinished-profiles")
		})
	}
}

// TestAPassedCourseSaysSoAndWhatComesNext: after every answer right, the
// main button is no longer "Try again"; the result and the course page
// say the course is passed and offer the next course, which opens.
func TestAPassedCourseSaysSoAndWhatComesNext(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			c := trafficking(t)
			q := c.Quiz("final")
			d.createProfile("Aziz", "border-guard", "", "")
			d.openCourse(c)
			d.tap(d.T("quiz.start"))
			for i := 0; i < q.Draw; i++ {
				qu := d.shownQuestion(c, q)
				d.answer(c, qu, keyOf(qu))
				d.tap(d.T("quiz.check"))
				d.key(fyne.KeyReturn)
			}
			d.see(d.T("result.score", "Score", q.Draw, "Max", q.Draw, "Percent", 100))
			if again := d.button(d.T("result.again")); again.Importance == widget.HighImportance {
				t.Errorf("after 100%% the main button is %q", again.Text)
			}
			if back := d.button(d.T("result.back")); back.Importance != widget.HighImportance {
				t.Errorf("after 100%% %q is not the main button", back.Text)
			}
			d.see(d.T("course.passed"))
			d.shotAs(lang + "-passed-result")
			next := d.app.nextCourse(c)
			nextTitle := next.Title.In(next.Lang(lang), next.DefaultLanguage)
			d.tap(d.T("result.back"))
			d.see(d.T("course.passed"))
			d.see(d.T("result.next.course", "Course", nextTitle))
			d.shotAs(lang + "-passed-course")
			d.tapNth(d.T("catalogue.open"), 0)
			if d.app.win.Title() != "Ogoh — "+nextTitle {
				t.Errorf("the next course button opened %q", d.app.win.Title())
			}
		})
	}
}

// TestUnsavedContactsAskBeforeLeaving: typed referral contacts not saved
// survive Help; Back asks, "Keep editing" stays with them, "Leave without
// saving" leaves; once saved, Back leaves without a word. F1 and Escape
// work from the field being typed in.
func TestUnsavedContactsAskBeforeLeaving(t *testing.T) {
	d := start(t, t.TempDir(), "ru")
	defer d.close()
	d.createProfile("Aziz", "border-guard", "", "")
	d.tap(d.T("settings.title"))
	d.unlockTrainer(trainerPIN)
	d.tap(d.T("contacts.title"))
	d.tap(d.T("contacts.add"))
	d.typeInto(d.T("contacts.organisation.placeholder"), "Горячая линия")
	d.press(fyne.KeyF1) // from the field being typed in
	d.see(d.T("help.title"))
	d.press(fyne.KeyEscape)
	if got := d.entry(d.T("contacts.organisation.placeholder")).Text; got != "Горячая линия" {
		t.Fatalf("after Help the organisation reads %q", got)
	}
	d.tap(d.T("nav.back"))
	d.see(d.T("contacts.unsaved"))
	d.shotAs("ru-contacts-unsaved")
	d.tap(d.T("contacts.unsaved.stay"))
	d.see(d.T("contacts.title"))
	if got := d.entry(d.T("contacts.organisation.placeholder")).Text; got != "Горячая линия" {
		t.Fatalf("after Keep editing the organisation reads %q", got)
	}
	d.typeInto(d.T("contacts.organisation.placeholder"), "!")
	d.press(fyne.KeyEscape) // from the field: asks, as Back does
	d.tap(d.T("contacts.unsaved.leave"))
	d.see(d.T("trainer.intro"))

	d.tap(d.T("contacts.title"))
	d.tap(d.T("contacts.add"))
	d.typeInto(d.T("contacts.organisation.placeholder"), "Горячая линия")
	d.tap(d.T("sync.save"))
	d.tap(d.T("nav.back"))
	d.see(d.T("trainer.intro"))
}

// shotAs saves the window as OGOH_SHOTS/name.png, when OGOH_SHOTS is set.
func (d *driver) shotAs(name string) {
	if dir := os.Getenv("OGOH_SHOTS"); dir != "" {
		save(d.t.(*testing.T), d.app.win.Canvas(), filepath.Join(dir, name+".png"))
	}
}

// tapProfile picks a profile on the picker by its label, marked or not
// for a quiz left half-way.
func (d *driver) tapProfile(label string) {
	d.t.Helper()
	if !d.has(label) {
		label += " · " + d.T("profiles.unfinished")
	}
	d.tap(label)
}
