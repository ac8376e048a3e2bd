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

// courseScreen is a course's page: its lessons with done marks, its
// scenarios and quizzes with the best result, and its sources.
type courseScreen struct {
	a *App
	c *course.Course
}

func newCourseScreen(a *App, c *course.Course) *courseScreen { return &courseScreen{a: a, c: c} }

func (s *courseScreen) draw() (string, fyne.CanvasObject) {
	a, c := s.a, s.c
	lang := a.courseLang(c)
	p := a.progressIn(c)

	lessons := container.NewVBox()
	for i := range c.Lessons {
		lessons.Add(s.lessonRow(i, p))
	}
	quizzes := container.NewVBox()
	for i := range c.Quizzes {
		quizzes.Add(s.quizRow(&c.Quizzes[i], p))
	}
	body := container.NewVBox(a.courseIntro(c))
	if coursePassed(c, p) {
		body.Add(panel(a.passedNote(c)))
	}
	body.Add(widget.NewCard(a.T("course.lessons"), "", lessons))
	if len(c.Scenarios) > 0 {
		scenarios := container.NewVBox()
		for i := range c.Scenarios {
			sc := &c.Scenarios[i]
			sp := p.Scenarios[sc.ID]
			scenarios.Add(s.scenarioRow(sc, sp.Runs, sp.Best))
		}
		body.Add(widget.NewCard(a.T("course.scenarios"), "", scenarios))
	}
	body.Add(widget.NewCard(a.T("course.quizzes"), "", quizzes))
	body.Add(a.courseActions(c, p))
	body.Add(container.NewHBox(a.nav.button(a.T("history.open"), theme.HistoryIcon(), a.nav.to(newHistoryScreen(a, c)))))
	if c.ShowContacts {
		body.Add(widget.NewCard(a.T("contacts.for.post"), "", a.contactList()))
	}
	body.Add(widget.NewCard(a.T("course.sources"), "", s.sourceList()))
	title := c.Title.In(lang, c.DefaultLanguage)
	return title, a.screen(title, a.nav.to(newCatalogueScreen(a)), container.NewVScroll(container.NewPadded(body)))
}

func (s *courseScreen) lessonRow(i int, p progress.CourseProgress) fyne.CanvasObject {
	a, c := s.a, s.c
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
	read := a.nav.button(a.T("lesson.read"), nil, a.nav.to(newLessonScreen(a, c, i)))
	return container.NewBorder(nil, nil, mark, container.NewHBox(info, read), name)
}

func (s *courseScreen) quizRow(q *course.Quiz, p progress.CourseProgress) fyne.CanvasObject {
	a, c := s.a, s.c
	best := p.Quizzes[q.ID]
	info := a.T("quiz.never")
	if best.Open {
		info = a.T("quiz.unfinished")
	}
	if best.Attempts > 0 {
		info = a.T("quiz.summary", "Best", a.points(best.BestPoints), "Max", best.BestMax, "Percent", best.BestPercent(), "Attempts", best.Attempts)
		if best.Passed {
			info += " · " + a.T("quiz.passed")
		}
		if best.Open {
			info += " · " + a.T("quiz.unfinished")
		}
	}
	label := a.T("quiz.start")
	if best.Open {
		label = a.T("quiz.resume")
	}
	start := a.nav.button(label, theme.MediaPlayIcon(), func() { startQuiz(a, c, q.ID) })
	start.Importance = widget.HighImportance
	name := wrapped(a.T("quiz.line", "Title", q.Title.In(a.courseLang(c), c.DefaultLanguage), "Draw", q.Draw, "PassMark", q.PassMark))
	detail := note(info)
	return container.NewBorder(nil, nil, nil, container.NewVBox(start), container.NewVBox(name, detail))
}

func (s *courseScreen) sourceList() fyne.CanvasObject {
	box := container.NewVBox()
	lang := s.a.courseLang(s.c)
	for _, src := range s.c.Sources {
		// What the source is, in the learner's language, then its title
		// as published (never translated).
		text := src.Title
		if d := src.Description.In(lang, s.c.DefaultLanguage); d != "" {
			text = d + "\n" + src.Title
		}
		if src.Publisher != "" {
			text += " — " + src.Publisher
		}
		if src.Year > 0 {
			text += fmt.Sprintf(" (%d)", src.Year)
		}
		if src.URL != "" {
			text += " " + src.URL
		}
		l := wrapped("• " + text)
		box.Add(l)
	}
	return box
}
