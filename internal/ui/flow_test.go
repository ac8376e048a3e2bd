package ui

import (
	"context"
	"testing"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/quiz"
	"github.com/ogoh/ogoh/internal/store"
)

func trafficking(t failer) *course.Course {
	for _, c := range bundledCourses(t) {
		if c.ID == "recognising-trafficking" {
			return c
		}
	}
	t.Fatal("course recognising-trafficking not bundled")
	return nil
}

// takeQuiz answers every question on screen: rightly, except that the
// first question asked is answered wrongly. It returns that question.
func (d *driver) takeQuiz(c *course.Course, q *course.Quiz) *course.Question {
	d.t.Helper()
	var missed *course.Question
	for i := 0; i < q.Draw; i++ {
		d.see(d.T("quiz.position", "N", i+1, "Total", q.Draw))
		qu := d.shownQuestion(c, q)
		resp := quiz.Key(qu)
		if i == 0 {
			missed = qu
			resp = wrong(qu)
		}
		d.answer(c, qu, resp)
		d.tap(d.T("quiz.check"))
		if i == 0 {
			d.see(d.T("quiz.wrong"))
			d.see(d.T("quiz.right.answer"))
		} else {
			d.see(d.T("quiz.right"))
		}
		d.see(qu.Explanation.In(c.Lang(d.loc.Lang), c.DefaultLanguage))
		if i+1 < q.Draw {
			d.tap(d.T("quiz.next"))
		} else {
			d.tap(d.T("quiz.see.result"))
		}
	}
	return missed
}

// wrong is a complete answer that is not right.
func wrong(qu *course.Question) quiz.Response {
	switch qu.Type {
	case domain.KindTrueFalse:
		return quiz.Bool(!qu.CorrectBool)
	case domain.KindMatching:
		r := quiz.Key(qu)
		a, _ := quiz.SplitMatch(r[0])
		b, _ := quiz.SplitMatch(r[1])
		r[0], r[1] = quiz.Match(a, b), quiz.Match(b, a)
		return r
	case domain.KindOrdering:
		r := quiz.Key(qu)
		r[0], r[1] = r[1], r[0]
		return r
	case domain.KindMultiple:
		return quiz.Response{qu.Correct[0]} // half an answer is a miss
	}
	for _, o := range qu.Options {
		if o.ID != qu.Correct[0] {
			return quiz.Response{o.ID}
		}
	}
	return nil
}

// TestLearnerLoopInEveryLanguage is the whole loop a border guard goes
// through: new profile, every lesson, the quiz, the result; then the
// database holds all of it, and a restart shows it again.
func TestLearnerLoopInEveryLanguage(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			dir := t.TempDir()
			d := start(t, dir, lang)
			c := trafficking(t)
			q := c.Quiz("final")
			d.see(d.T("profiles.title"))
			d.see(d.T("profiles.empty"))
			d.createProfile("Guard "+lang, "border-guard", "Post 12", "")
			d.see(c.Title.In(lang, c.DefaultLanguage))
			d.see(d.T("catalogue.progress", "Done", 0, "Total", 5))
			d.openCourse(c)
			d.see(d.T("quiz.never"))
			d.readAllLessons(c)
			d.see(d.T("lesson.done"))
			d.tap(d.T("quiz.start"))
			missed := d.takeQuiz(c, q)

			d.see(d.T("result.score", "Score", q.Draw-1, "Max", q.Draw, "Percent", (q.Draw-1)*100/q.Draw))
			d.see(d.T("result.passed", "PassMark", 80))
			d.see(missed.Text.In(lang, c.DefaultLanguage))
			d.see(d.T("result.your.answer"))
			d.tap(d.T("result.back"))
			d.see(d.T("quiz.summary", "Best", q.Draw-1, "Max", q.Draw, "Percent", (q.Draw-1)*100/q.Draw, "Attempts", 1))

			checkDatabase(t, d.db, c, lang, q.Draw)
			d.close()

			next := start(t, dir, lang) // the next day
			defer next.close()
			next.tap("Guard " + lang + " — " + next.T("role.border-guard") + ", Post 12")
			next.see(next.T("catalogue.progress", "Done", 5, "Total", 5))
		})
	}
}

func checkDatabase(t *testing.T, db *store.DB, c *course.Course, lang string, draw int) {
	t.Helper()
	ctx := context.Background()
	learners, err := db.Learners(ctx)
	if err != nil || len(learners) != 1 {
		t.Fatalf("learners = %v, %v", learners, err)
	}
	l := learners[0]
	if l.Name != "Guard "+lang || l.Role != "border-guard" || l.Post != "Post 12" || l.Language != lang {
		t.Errorf("learner = %+v", l)
	}
	lessons, _ := db.Lessons(ctx, l.ID, c.ID)
	for _, les := range c.Lessons {
		if !lessons[les.ID].Done() {
			t.Errorf("lesson %s not recorded as read", les.ID)
		}
	}
	sum, _ := db.QuizSummaries(ctx, l.ID, c.ID)
	if s := sum["final"]; s.Attempts != 1 || s.BestScore != draw-1 || s.BestMax != draw || !s.Passed {
		t.Errorf("quiz summary = %+v", s)
	}
}

func keyOf(qu *course.Question) quiz.Response { return quiz.Key(qu) }

// TestAnAnswerShowsSavedOnlyOnceItIs: the commit of an answer runs off
// the UI thread; until it has ended, the screen says it is saving and
// shows no feedback, and nothing can be changed or checked twice.
func TestAnAnswerShowsSavedOnlyOnceItIs(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	var queued []func()
	d.app.background = func(f func()) { queued = append(queued, f) } // the commit waits here
	c := trafficking(t)
	q := c.Quiz("final")
	d.createProfile("Guard", "border-guard", "", "")
	d.openCourse(c)
	d.tap(d.T("quiz.start"))
	qu := d.shownQuestion(c, q)
	d.answer(c, qu, quiz.Key(qu))
	d.tap(d.T("quiz.check"))
	d.see(d.T("quiz.saving"))
	if d.has(d.T("quiz.right")) || !d.button(d.T("quiz.check")).Disabled() {
		t.Fatal("feedback shown, or the answer still open to change, before the answer is saved")
	}
	if len(queued) != 1 {
		t.Fatalf("%d commits queued, want the one", len(queued))
	}
	queued[0]()
	d.see(d.T("quiz.right"))
	if d.has(d.T("quiz.saving")) {
		t.Error("still saying it is saving after the commit")
	}
}
