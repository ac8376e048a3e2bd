package ui

import (
	"testing"

	"fyne.io/fyne/v2"

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
