package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/progress"
)

// showCourse shows a course's lessons with done marks, its quizzes with the
// best score and attempts, and its sources.
func (a *App) showCourse(c *course.Course) {
	a.show(func() (string, fyne.CanvasObject) {
		lang := a.courseLang(c)
		p := a.progressIn(c)

		lessons := container.NewVBox()
		for i := range c.Lessons {
			lessons.Add(a.lessonRow(c, i, p))
		}
		quizzes := container.NewVBox()
		for i := range c.Quizzes {
			quizzes.Add(a.quizRow(c, &c.Quizzes[i], p))
		}
		body := container.NewVBox(a.courseIntro(c), widget.NewCard(a.T("course.lessons"), "", lessons))
		if len(c.Scenarios) > 0 {
			scenarios := container.NewVBox()
			for i := range c.Scenarios {
				sc := &c.Scenarios[i]
				s := p.Scenarios[sc.ID]
				scenarios.Add(a.scenarioRow(c, sc, s.Runs, s.Best))
			}
			body.Add(widget.NewCard(a.T("course.scenarios"), "", scenarios))
		}
		body.Add(widget.NewCard(a.T("course.quizzes"), "", quizzes))
		if c.ShowContacts {
			body.Add(widget.NewCard(a.T("contacts.for.post"), "", a.contactList()))
		}
		body.Add(widget.NewCard(a.T("course.sources"), "", a.sourceList(c)))
		title := c.Title.In(lang, c.DefaultLanguage)
		return title, a.screen(title, a.nav.to(newCatalogueScreen(a)), container.NewVScroll(container.NewPadded(body)))
	})
}

func (a *App) lessonRow(c *course.Course, i int, p progress.CourseProgress) fyne.CanvasObject {
	l := &c.Lessons[i]
	mark := widget.NewIcon(theme.RadioButtonIcon())
	status := a.T("lesson.todo")
	if p.Lessons[l.ID].Done() {
		mark.SetResource(theme.ConfirmIcon())
		status = a.T("lesson.done")
	}
	name := wrapped(fmt.Sprintf("%d. %s", i+1, l.Title.In(a.courseLang(c), c.DefaultLanguage)))
	info := widget.NewLabel(status + " · " + a.loc.N("lesson.minutes", l.Minutes))
	info.TextStyle.Italic = true
	read := widget.NewButton(a.T("lesson.read"), func() { a.showLesson(c, i) })
	return container.NewBorder(nil, nil, mark, container.NewHBox(info, read), name)
}

func (a *App) quizRow(c *course.Course, q *course.Quiz, p progress.CourseProgress) fyne.CanvasObject {
	s := p.Quizzes[q.ID]
	info := a.T("quiz.never")
	if s.Attempts > 0 {
		info = a.T("quiz.summary", "Best", s.BestScore, "Max", s.BestMax, "Percent", s.BestScore*100/max(s.BestMax, 1), "Attempts", s.Attempts)
		if s.Passed {
			info += " · " + a.T("quiz.passed")
		}
	}
	label := a.T("quiz.start")
	if s.Open {
		label = a.T("quiz.resume")
	}
	start := widget.NewButtonWithIcon(label, theme.MediaPlayIcon(), func() { a.showQuiz(c, q.ID) })
	start.Importance = widget.HighImportance
	name := wrapped(a.T("quiz.line", "Title", q.Title.In(a.courseLang(c), c.DefaultLanguage), "Draw", q.Draw, "PassMark", q.PassMark))
	detail := note(info)
	return container.NewBorder(nil, nil, nil, container.NewVBox(start), container.NewVBox(name, detail))
}

func (a *App) sourceList(c *course.Course) fyne.CanvasObject {
	box := container.NewVBox()
	for _, s := range c.Sources {
		text := s.Title
		if s.Publisher != "" {
			text += " — " + s.Publisher
		}
		if s.Year > 0 {
			text += fmt.Sprintf(" (%d)", s.Year)
		}
		if s.URL != "" {
			text += " " + s.URL
		}
		l := wrapped("• " + text)
		box.Add(l)
	}
	return box
}
