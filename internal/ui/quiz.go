package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
)

// startQuiz starts a quiz, or resumes the learner's unfinished attempt at
// the first question without an answer.
func startQuiz(a *App, c *course.Course, quizID string) {
	att, err := a.svc.StartOrResume(a.ctx, a.learner.ID, c, quizID, a.courseLang(c))
	if err != nil {
		a.fail("error.load", err)
		return
	}
	openQuestion(a, c, att)
}

// openQuestion shows att's next unanswered question, or, when none is
// left, records the result and shows it.
func openQuestion(a *App, c *course.Course, att *progress.Attempt) {
	qu, pos := att.Next()
	if qu == nil {
		finishQuiz(a, c, att)
		return
	}
	a.nav.open(&questionScreen{a: a, c: c, att: att, qu: qu, pos: pos})
}

// questionScreen is question qu, at pos in att. "Check answer" commits the
// answer before showing feedback, so what the learner saw confirmed is on
// disk; the screen then draws again with it.
type questionScreen struct {
	a   *App
	c   *course.Course
	att *progress.Attempt
	qu  *course.Question
	pos int

	// pending is the answer being given, kept across a detour (Help) and
	// redraws until it is checked.
	pending quiz.Response

	// this draw's widgets, for the handlers
	check  *widget.Button
	input  answerInput
	saving *paragraph
}

func (s *questionScreen) draw() (string, fyne.CanvasObject) {
	a, c, att, qu, pos := s.a, s.c, s.att, s.qu, s.pos
	total := len(att.Questions())
	lang := a.courseLang(c)
	bar := widget.NewProgressBar()
	bar.TextFormatter = func() string { return a.T("quiz.position", "N", pos+1, "Total", total) }
	bar.Max = float64(total)
	bar.SetValue(float64(pos))
	qtext := qu.Text.In(lang, c.DefaultLanguage)
	text := questionText(c, qtext, boldQuestion(qtext))
	hint := note(a.T(hintKey(qu.Type)))

	feedback := container.NewVBox()
	check := a.nav.button(a.T("quiz.check"), theme.ConfirmIcon(), nil)
	check.Importance = widget.HighImportance
	nextLabel := a.T("quiz.next")
	if pos+1 == total {
		nextLabel = a.T("quiz.see.result")
	}
	next := a.nav.button(nextLabel, theme.NavigateNextIcon(), func() { openQuestion(a, c, att) })
	next.Importance = widget.HighImportance
	next.Hide()

	var input answerInput
	input = a.newAnswerInput(qu, att.OptionOrder(qu), lang, c.DefaultLanguage, func() {
		if quiz.Complete(qu, input.response()) {
			check.Enable()
		} else {
			check.Disable()
		}
	})
	answered := func(ans domain.Answer) {
		input.set(ans.Response)
		input.disable()
		check.Hide()
		next.Show()
		feedback.Add(a.feedback(c, qu, ans.Response, ans.Correct, lang))
	}
	saving := note("")
	s.check, s.input, s.saving = &check.Button, input, saving
	check.OnTapped = s.onCheck
	if ans, ok := att.Answered(qu.ID); ok {
		answered(ans)
		a.nav.bindEnter(next)
	} else {
		if s.pending != nil {
			input.set(s.pending)
		}
		if !quiz.Complete(qu, input.response()) {
			check.Disable()
		}
		a.bindChoiceKeys(input)
		a.nav.bindEnter(check)
	}
	body := container.NewVBox(bar, text, hint, input.object(), saving, feedback)
	buttons := container.NewHBox(check, next)
	title := att.Quiz.Title.In(lang, c.DefaultLanguage)
	content := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, buttons)), nil, nil,
		container.NewVScroll(container.NewPadded(body)))
	return title, a.screen(title, a.nav.to(newCourseScreen(a, c)), content)
}

// keep holds on to the answer being given, for when the screen is shown
// again.
func (s *questionScreen) keep() {
	if s.input == nil {
		return
	}
	if _, ok := s.att.Answered(s.qu.ID); !ok {
		s.pending = s.input.response()
	}
}

// feedback teaches: right or not, why, and where the lesson is.
func (a *App) feedback(c *course.Course, qu *course.Question, resp quiz.Response, correct bool, lang string) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(a.T("quiz.wrong"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Importance = widget.DangerImportance
	if correct {
		head.SetText(a.T("quiz.right"))
		head.Importance = widget.SuccessImportance
	}
	box := container.NewVBox(head)
	add := func(s string) {
		l := wrapped(s)
		box.Add(l)
	}
	for _, s := range answerFeedback(qu, resp, lang, c.DefaultLanguage) {
		add(s)
	}
	if !correct {
		add(a.T("quiz.right.answer") + "\n" + a.describe(qu, quiz.Key(qu), lang, c.DefaultLanguage))
	}
	add(qu.Explanation.In(lang, c.DefaultLanguage))
	if l := c.Lesson(qu.Lesson); l != nil {
		src := note(a.T("quiz.taught.in", "Lesson", l.Title.In(lang, c.DefaultLanguage)))
		box.Add(src)
	}
	return container.NewVBox(widget.NewSeparator(), box)
}

// onCheck commits the answer off the UI thread (a data folder on a slow
// stick can take a moment); its feedback shows only once it is on disk.
// It works on the widgets of the draw it was tapped on.
func (s *questionScreen) onCheck() {
	a, check, input, saving := s.a, s.check, s.input, s.saving
	resp := input.response()
	check.Disable()
	input.disable()
	saving.SetText(a.T("quiz.saving"))
	a.background(func() {
		_, err := a.svc.Answer(a.ctx, s.att, s.qu, resp)
		a.do(func() {
			saving.SetText("")
			if err != nil {
				check.Enable()
				a.fail("error.save.answer", err)
				return
			}
			a.redraw() // now with the recorded answer and its feedback
		})
	})
}
