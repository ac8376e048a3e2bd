package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
)

// reviewScreen asks the questions due for review one by one: due[i] is
// shown, right counts the right answers so far, and answered is the
// answer to due[i] once given. Each answer is saved, with its new
// schedule, before the next question shows.
type reviewScreen struct {
	a        *App
	due      []progress.ReviewQuestion
	i, right int
	answered *domain.Answer
	// pending is the answer being given to due[i], kept across a detour
	// (Help, Settings) until it is checked; input is this draw's.
	pending quiz.Response
	input   answerInput
}

// keep holds on to the answer being given, for when the screen is shown
// again.
func (s *reviewScreen) keep() {
	if s.input != nil && s.answered == nil {
		s.pending = s.input.response()
	}
}

func newReviewScreen(a *App, due []progress.ReviewQuestion) *reviewScreen {
	return &reviewScreen{a: a, due: due}
}

func (s *reviewScreen) draw() (string, fyne.CanvasObject) {
	a, due, i, right, answered := s.a, s.due, s.i, s.right, s.answered
	rq := due[i]
	lang := a.courseLang(rq.Course)
	qu := rq.Question
	bar := widget.NewProgressBar()
	bar.TextFormatter = func() string { return a.T("quiz.position", "N", i+1, "Total", len(due)) }
	bar.Max = float64(len(due))
	bar.SetValue(float64(i))
	check := a.nav.button(a.T("quiz.check"), theme.ConfirmIcon(), nil)
	check.Importance = widget.HighImportance
	var input answerInput
	input = a.newAnswerInput(qu, quiz.OptionOrder(qu, int64(i)), lang, rq.Course.DefaultLanguage, func() {
		if quiz.Complete(qu, input.response()) {
			check.Enable()
		} else {
			check.Disable()
		}
	})
	s.input = input
	if s.pending != nil && answered == nil {
		input.set(s.pending)
	}
	if !quiz.Complete(qu, input.response()) {
		check.Disable()
	}
	body := container.NewVBox(bar, note(rq.Course.Title.In(lang, rq.Course.DefaultLanguage)), questionText(rq.Course, qu.Text.In(lang, rq.Course.DefaultLanguage), strong(qu.Text.In(lang, rq.Course.DefaultLanguage))),
		note(a.T(hintKey(qu.Type))), input.object())
	var buttons fyne.CanvasObject = check
	if answered != nil {
		input.set(answered.Response)
		input.disable()
		body.Add(a.feedback(rq.Course, qu, answered.Response, answered.Correct, lang))
		label := a.T("quiz.next")
		if i+1 == len(due) {
			label = a.T("review.finish")
		}
		score := right
		if answered.Correct {
			score++
		}
		next := a.nav.button(label, theme.NavigateNextIcon(), func() { s.onNext(score) })
		next.Importance = widget.HighImportance
		buttons = next
		a.nav.bindEnter(next)
	} else {
		a.bindChoiceKeys(input)
		a.nav.bindEnter(check)
	}
	check.OnTapped = func() {
		resp := input.response()
		correct, err := a.svc.AnswerReview(a.ctx, a.learner.ID, rq, resp)
		if err != nil {
			a.fail("error.save.answer", err)
			return
		}
		s.answered = &domain.Answer{QuestionID: qu.ID, Response: resp, Correct: correct}
		a.redraw()
	}
	title := a.T("review.title")
	content := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, buttons)),
		nil, nil, container.NewVScroll(container.NewPadded(body)))
	return title, a.screen(title, a.nav.to(newCatalogueScreen(a)), content)
}

// onNext goes on to the next due question, or to the end of the review.
func (s *reviewScreen) onNext(right int) {
	s.i, s.right, s.answered, s.pending, s.input = s.i+1, right, nil, nil, nil
	if s.i >= len(s.due) {
		s.a.nav.open(newReviewDoneScreen(s.a, s.right, len(s.due)))
		return
	}
	s.a.redraw()
}

// reviewDoneScreen is the end of a review: how many were right.
type reviewDoneScreen struct {
	a            *App
	right, total int
}

func newReviewDoneScreen(a *App, right, total int) *reviewDoneScreen {
	return &reviewDoneScreen{a: a, right: right, total: total}
}

func (s *reviewDoneScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	back := a.nav.button(a.T("review.back"), theme.HomeIcon(), a.nav.to(newCatalogueScreen(a)))
	back.Importance = widget.HighImportance
	title := a.T("review.title")
	body := container.NewVBox(strong(a.T("review.done", "Right", s.right, "Total", s.total)), wrapped(a.T("review.explain")),
		container.NewHBox(back))
	return title, a.screen(title, a.nav.to(newCatalogueScreen(a)), container.NewPadded(body))
}
