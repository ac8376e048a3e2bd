package ui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/quiz"
)

// TestHistoryShowsEveryAttemptWithItsAnswersAndThePlays: from the course
// page, the history lists each finished attempt with its date, score and
// verdict (not the one still open); an attempt opens on every answer
// given, with its feedback and the right answer where it was missed; and
// a scenario played to its end shows its choices and ending.
func TestHistoryShowsEveryAttemptWithItsAnswersAndThePlays(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	c := trafficking(t)
	q := c.Quiz("final")
	d.createProfile("Dilnoza", "border-guard", "Post 12", "")
	d.openCourse(c)
	d.tap(d.T("history.open"))
	if n := strings.Count(d.texts(), d.T("history.none")); n != len(c.Quizzes) {
		t.Fatalf("a learner with no attempt: %q shown %d times, want once a quiz", d.T("history.none"), n)
	}
	d.tap(d.T("nav.back"))
	d.tap(d.T("quiz.start"))
	missed := d.takeQuiz(c, q)
	d.tap(d.T("result.back"))
	d.tap(d.T("quiz.start")) // a second attempt, left open
	d.answerOne(t)
	d.tap(d.T("nav.back"))

	d.tap(d.T("history.open"))
	when := d.clock.t.Local().Format("2006-01-02 15:04")
	d.see(d.T("history.attempt", "When", when, "Score", q.Draw-1, "Max", q.Draw, "Percent", (q.Draw-1)*100/q.Draw,
		"Verdict", d.T("history.passed")))
	if n := len(d.buttonsWith(d.T("history.answers"))); n != 1 {
		t.Fatalf("%d attempts listed, want the one finished", n)
	}
	d.tap(d.T("history.answers"))
	lang := c.Lang("en")
	d.see(missed.Text.In(lang, c.DefaultLanguage))
	d.see(d.T("quiz.wrong"))
	d.see(d.T("quiz.right.answer") + "\n" + d.app.describe(missed, quiz.Key(missed), lang, c.DefaultLanguage))
	d.see(missed.Explanation.In(lang, c.DefaultLanguage))
	if n := strings.Count(d.texts(), d.T("result.your.answer")); n != q.Draw {
		t.Errorf("%d answers shown, want %d", n, q.Draw)
	}
	d.tap(d.T("nav.back")) // the history
	d.tap(d.T("nav.back")) // the course
	d.tap(d.T("nav.back")) // the catalogue

	ind := bundledCourse(t, "border-indicators")
	sc := &ind.Scenarios[0]
	d.openCourse(ind)
	d.tapNth(d.T("scenario.play"), 0)
	var chosen []string
	for st := sc.Step(sc.Start); !st.End; {
		ch := st.Choices[0]
		chosen = append(chosen, ch.Text.In(ind.Lang("en"), ind.DefaultLanguage))
		d.choose(chosen[len(chosen)-1])
		d.tap(d.T("scenario.choose"))
		st = sc.Step(ch.Next)
		d.tap(d.T("scenario.continue"))
		if st.End {
			d.see(d.T("scenario.outcome." + st.Outcome))
		}
	}
	d.tap(d.T("result.back"))
	d.tap(d.T("history.open"))
	d.see(d.T("history.play", "When", when, "Scenario", sc.Title.In(ind.Lang("en"), ind.DefaultLanguage)))
	for _, ch := range chosen {
		d.see("› " + ch)
	}
}

func (d *driver) buttonsWith(text string) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, o := range d.visible() {
		if b, ok := asButton(o); ok && b.Text == text {
			out = append(out, b)
		}
	}
	return out
}

// TestQuestionImageIsDrawn: a question whose text holds a Markdown image
// line (as the Moodle XML importer writes one) shows the image from the
// course's media/, in the quiz, its result and the history, and never the
// raw "![".
func TestQuestionImageIsDrawn(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../docs/example-course")); err != nil {
		t.Fatal(err)
	}
	c, err := course.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	q := &c.Quizzes[0]
	for i := range q.Questions {
		q.Questions[i].Text["en"] = "Look at the diagram.\n![The three elements](media/elements.png)"
	}
	d.createProfile("Aziz", "other", "", "")
	drawn := func(where string) {
		t.Helper()
		images := 0
		for _, o := range d.visible() {
			if _, ok := o.(*canvas.Image); ok {
				images++
			}
		}
		if images == 0 {
			t.Errorf("%s: the question's image is not drawn", where)
		}
		if strings.Contains(d.texts(), "![") || !strings.Contains(d.texts(), "Look at the diagram.") {
			t.Errorf("%s: the question shows as %s", where, d.texts())
		}
	}
	startQuiz(d.app, c, q.ID)
	drawn("quiz")
	att, err := d.app.svc.StartOrResume(d.app.ctx, d.app.learner.ID, c, q.ID, "en")
	if err != nil {
		t.Fatal(err)
	}
	for qu, _ := att.Next(); qu != nil; qu, _ = att.Next() {
		if _, err := d.app.svc.Answer(d.app.ctx, att, qu, wrong(qu)); err != nil {
			t.Fatal(err)
		}
	}
	finishQuiz(d.app, c, att)
	drawn("result")
	d.app.nav.open(newHistoryScreen(d.app, c))
	d.tap(d.T("history.answers"))
	drawn("history")
}
