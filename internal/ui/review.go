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

// reviewCard is the home screen's line about review: how many questions
// are due today, or that none are and why.
func (s *catalogueScreen) reviewCard() fyne.CanvasObject {
	a := s.a
	due, err := a.svc.DueReviews(a.ctx, a.learner.ID, a.courses)
	if err != nil {
		a.fail("error.load", err)
	}
	if len(due) == 0 {
		return note(a.T("review.none"))
	}
	start := widget.NewButtonWithIcon(a.T("review.start"), theme.HistoryIcon(), func() { a.showReview(due, 0, 0) })
	start.Importance = widget.HighImportance
	return panel(container.NewBorder(nil, nil, nil, start, strong(a.loc.N("review.due", len(due)))))
}

// showReview asks due question i; right counts the right answers so far.
// Each answer is saved, with its new schedule, before the next shows.
func (a *App) showReview(due []progress.ReviewQuestion, i, right int) {
	if i >= len(due) {
		a.showReviewDone(right, len(due))
		return
	}
	rq := due[i]
	var answered *domain.Answer
	a.show(func() (string, fyne.CanvasObject) {
		lang := a.courseLang(rq.Course)
		qu := rq.Question
		bar := widget.NewProgressBar()
		bar.TextFormatter = func() string { return a.T("quiz.position", "N", i+1, "Total", len(due)) }
		bar.Max = float64(len(due))
		bar.SetValue(float64(i))
		check := widget.NewButtonWithIcon(a.T("quiz.check"), theme.ConfirmIcon(), nil)
		check.Importance = widget.HighImportance
		var input answerInput
		input = a.newAnswerInput(qu, quiz.OptionOrder(qu, int64(i)), lang, rq.Course.DefaultLanguage, func() {
			if quiz.Complete(qu, input.response()) {
				check.Enable()
			} else {
				check.Disable()
			}
		})
		check.Disable()
		body := container.NewVBox(bar, note(rq.Course.Title.In(lang, rq.Course.DefaultLanguage)), strong(qu.Text.In(lang, rq.Course.DefaultLanguage)),
			note(a.T("quiz.hint."+qu.Type)), input.object())
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
			next := widget.NewButtonWithIcon(label, theme.NavigateNextIcon(), func() { a.showReview(due, i+1, score) })
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
			answered = &domain.Answer{QuestionID: qu.ID, Response: resp, Correct: correct}
			a.redraw()
		}
		title := a.T("review.title")
		content := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, buttons)),
			nil, nil, container.NewVScroll(container.NewPadded(body)))
		return title, a.screen(title, a.nav.to(newCatalogueScreen(a)), content)
	})
}

func (a *App) showReviewDone(right, total int) {
	a.show(func() (string, fyne.CanvasObject) {
		back := widget.NewButtonWithIcon(a.T("review.back"), theme.HomeIcon(), a.nav.to(newCatalogueScreen(a)))
		back.Importance = widget.HighImportance
		title := a.T("review.title")
		body := container.NewVBox(strong(a.T("review.done", "Right", right, "Total", total)), wrapped(a.T("review.explain")),
			container.NewHBox(back))
		return title, a.screen(title, a.nav.to(newCatalogueScreen(a)), container.NewPadded(body))
	})
}
