package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
)

// historyScreen is a learner's look back at a course: every finished
// attempt of each quiz (when, the score, passed or not), each opening its
// answers with their feedback, and every scenario played to an ending.
type historyScreen struct {
	a *App
	c *course.Course
}

func newHistoryScreen(a *App, c *course.Course) *historyScreen { return &historyScreen{a: a, c: c} }

func (s *historyScreen) draw() (string, fyne.CanvasObject) {
	a, c := s.a, s.c
	lang := a.courseLang(c)
	body := container.NewVBox()
	for i := range c.Quizzes {
		q := &c.Quizzes[i]
		body.Add(widget.NewCard(q.Title.In(lang, c.DefaultLanguage), "", s.attempts(q)))
	}
	if len(c.Scenarios) > 0 {
		body.Add(widget.NewCard(a.T("history.scenarios"), "", s.plays()))
	}
	title := a.T("history.title", "Course", c.Title.In(lang, c.DefaultLanguage))
	return title, a.screen(title, a.nav.to(newCourseScreen(a, c)), container.NewVScroll(container.NewPadded(body)))
}

// attempts lists a quiz's finished attempts, newest first.
func (s *historyScreen) attempts(q *course.Quiz) fyne.CanvasObject {
	a := s.a
	list, err := a.svc.QuizHistory(a.ctx, a.learner.ID, s.c, q.ID)
	if err != nil {
		a.logError(err)
		return wrapped(a.errorText(err))
	}
	box := container.NewVBox()
	if len(list) == 0 {
		box.Add(note(a.T("history.none")))
	}
	for _, att := range list {
		verdict := a.T("history.not.passed")
		if att.Passed {
			verdict = a.T("history.passed")
		}
		line := wrapped(a.T("history.attempt", "When", att.FinishedAt.Local().Format("2006-01-02 15:04"),
			"Score", a.points(att.Points), "Max", att.Max, "Percent", att.Percent(), "Verdict", verdict))
		open := a.nav.button(a.T("history.answers"), theme.DocumentIcon(), a.nav.to(newPastAttemptScreen(a, s.c, att)))
		box.Add(container.NewBorder(nil, nil, nil, open, line))
	}
	return box
}

// plays lists the scenarios played to an ending, newest first, with the
// choices made on the way.
func (s *historyScreen) plays() fyne.CanvasObject {
	a, c := s.a, s.c
	lang := a.courseLang(c)
	list, err := a.svc.ScenarioHistory(a.ctx, a.learner.ID, c)
	if err != nil {
		a.logError(err)
		return wrapped(a.errorText(err))
	}
	box := container.NewVBox()
	if len(list) == 0 {
		box.Add(note(a.T("history.scenarios.none")))
	}
	p := &scenarioScreen{a: a}
	for i, play := range list {
		if i > 0 {
			box.Add(widget.NewSeparator())
		}
		box.Add(strong(a.T("history.play", "When", play.FinishedAt.Local().Format("2006-01-02 15:04"),
			"Scenario", play.Scenario.Title.In(lang, c.DefaultLanguage))))
		for _, ch := range play.Choices {
			box.Add(note("› " + ch.Text.In(lang, c.DefaultLanguage)))
		}
		if play.Ending != nil {
			box.Add(wrapped(play.Ending.Text.In(lang, c.DefaultLanguage)))
		}
		box.Add(p.outcomeLabel(play.Outcome))
	}
	return box
}

// pastAttemptScreen is one finished attempt: each question asked, the
// answer given, and the feedback the quiz gave it, with the right answer.
type pastAttemptScreen struct {
	a   *App
	c   *course.Course
	att *progress.Attempt
}

func newPastAttemptScreen(a *App, c *course.Course, att *progress.Attempt) *pastAttemptScreen {
	return &pastAttemptScreen{a: a, c: c, att: att}
}

func (s *pastAttemptScreen) draw() (string, fyne.CanvasObject) {
	a, c, att := s.a, s.c, s.att
	lang := a.courseLang(c)
	body := container.NewVBox(strong(a.T("result.score", "Score", att.Score, "Max", att.Max, "Percent", att.Percent())))
	if att.Points-float64(att.Score) > 0.001 { // pairs matched right in matching questions not fully right, as the result said
		body.Add(wrapped(a.T("result.partial", "Points", a.points(att.Points), "Max", att.Max)))
	}
	for i, qu := range att.Questions() {
		text := qu.Text.In(lang, c.DefaultLanguage)
		body.Add(widget.NewSeparator())
		body.Add(note(a.T("quiz.position", "N", i+1, "Total", len(att.Questions()))))
		body.Add(questionText(c, text, boldQuestion(text)))
		ans, ok := att.Answered(qu.ID)
		if !ok {
			body.Add(wrapped(a.T("result.your.answer") + "\n" + a.T("result.unanswered")))
			body.Add(wrapped(a.T("quiz.right.answer") + "\n" + a.describe(qu, quiz.Key(qu), lang, c.DefaultLanguage)))
			continue
		}
		body.Add(wrapped(a.T("result.your.answer") + "\n" + a.describe(qu, ans.Response, lang, c.DefaultLanguage)))
		body.Add(a.feedback(c, qu, ans.Response, ans.Correct, lang))
	}
	title := a.T("history.attempt.title", "When", att.FinishedAt.Local().Format("2006-01-02 15:04"))
	return title, a.screen(title, a.nav.to(newHistoryScreen(a, c)), container.NewVScroll(container.NewPadded(body)))
}
