package ui

import (
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
)

// finishQuiz records the result and shows it.
func finishQuiz(a *App, c *course.Course, att *progress.Attempt) {
	r, err := a.svc.Finish(a.ctx, att)
	if err != nil {
		a.fail("error.save", err)
		return
	}
	a.nav.open(newResultScreen(a, c, att, r))
}

// resultScreen is a finished attempt's score, pass or fail, and every
// missed question with the right answer, so the learner knows what to
// review.
type resultScreen struct {
	a   *App
	c   *course.Course
	att *progress.Attempt
	r   quiz.Result
}

func newResultScreen(a *App, c *course.Course, att *progress.Attempt, r quiz.Result) *resultScreen {
	return &resultScreen{a: a, c: c, att: att, r: r}
}

func (s *resultScreen) draw() (string, fyne.CanvasObject) {
	a, c, att, r := s.a, s.c, s.att, s.r
	lang := a.courseLang(c)
	score := widget.NewLabelWithStyle(a.T("result.score", "Score", r.Score, "Max", r.Max, "Percent", r.Percent),
		fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	score.SizeName = theme.SizeNameHeadingText
	verdict := widget.NewLabelWithStyle(a.T("result.failed", "PassMark", r.PassMark), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	verdict.Importance = widget.DangerImportance
	if r.Passed {
		verdict.SetText(a.T("result.passed", "PassMark", r.PassMark))
		verdict.Importance = widget.SuccessImportance
	}
	verdict.Wrapping = fyne.TextWrapWord
	missed := container.NewVBox()
	for _, id := range r.Missed {
		if qu := att.Quiz.Question(id); qu != nil {
			missed.Add(s.missedCard(qu, lang))
		}
	}
	if len(r.Missed) == 0 {
		missed.Add(widget.NewLabel(a.T("result.none.missed")))
	}
	back := a.nav.button(a.T("result.back"), theme.NavigateBackIcon(), a.nav.to(newCourseScreen(a, c)))
	again := a.nav.button(a.T("result.again"), theme.ViewRefreshIcon(), s.onAgain)
	body := container.NewVBox(score)
	if extra := r.Points - float64(r.Score); extra > 0.001 { // pairs matched right in matching questions not fully right
		partial := widget.NewLabelWithStyle(a.T("result.partial", "Points", a.points(r.Points), "Max", r.Max), fyne.TextAlignCenter, fyne.TextStyle{})
		partial.Wrapping = fyne.TextWrapWord
		body.Add(partial)
	}
	body.Add(verdict)
	if r.Passed { // what is left is the course, not this quiz again
		back.Importance = widget.HighImportance
		if coursePassed(c, a.progressIn(c)) {
			body.Add(panel(a.passedNote(c)))
		}
	} else {
		again.Importance = widget.HighImportance
	}
	a.nav.bindEnter(back)
	body.Add(widget.NewCard(a.T("result.review"), "", missed))
	title := a.T("result.title")
	content := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), container.NewHBox(back, again)), nil, nil,
		container.NewVScroll(container.NewPadded(body)))
	return title, a.screen(title, a.nav.to(newCourseScreen(a, c)), content)
}

// points writes a score that may be a fraction with up to two decimals
// (4 of 6 pairs: 0.67), in the way the UI language writes decimals; a
// score short of a whole number is never rounded up to it.
func (a *App) points(p float64) string {
	v := math.Round(p*100) / 100
	if v == math.Trunc(v) && v-p > 1e-9 {
		v = math.Floor(p*100) / 100
	}
	t := strconv.FormatFloat(v, 'f', -1, 64)
	if a.loc.Lang != "en" {
		t = strings.Replace(t, ".", ",", 1)
	}
	return t
}

// onAgain starts a new attempt at the same quiz.
func (s *resultScreen) onAgain() { startQuiz(s.a, s.c, s.att.QuizID) }

func (s *resultScreen) missedCard(qu *course.Question, lang string) fyne.CanvasObject {
	a, c, att := s.a, s.c, s.att
	box := container.NewVBox()
	add := func(s string, imp widget.Importance) {
		l := wrapped(s)
		l.Importance = imp
		box.Add(l)
	}
	yours := a.T("result.unanswered")
	ans, answered := att.Answered(qu.ID)
	if answered {
		yours = a.describe(qu, ans.Response, lang, c.DefaultLanguage)
	}
	if answered && qu.Type == domain.KindMatching { // row by row: its right rows are not wrong
		box.Add(strong(a.T("result.your.answer")))
		box.Add(a.matchVerdicts(qu, ans.Response, lang, c.DefaultLanguage))
	} else {
		add(a.T("result.your.answer")+"\n"+yours, widget.DangerImportance)
		add(a.T("quiz.right.answer")+"\n"+a.describe(qu, quiz.Key(qu), lang, c.DefaultLanguage), widget.SuccessImportance)
	}
	add(qu.Explanation.In(lang, c.DefaultLanguage), widget.MediumImportance)
	for i := range c.Lessons {
		if c.Lessons[i].ID == qu.Lesson {
			i := i
			box.Add(a.nav.button(a.T("result.read.lesson", "Lesson", c.Lessons[i].Title.In(lang, c.DefaultLanguage)),
				theme.DocumentIcon(), func() {
					l := newLessonScreen(a, c, i)
					l.back = a.nav.returnHere()
					a.nav.open(l)
				}))
		}
	}
	qtext := qu.Text.In(lang, c.DefaultLanguage)
	return container.NewVBox(widget.NewSeparator(), questionText(c, qtext, boldQuestion(qtext)), box)
}
