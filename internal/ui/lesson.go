package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
)

// lessonScreen is lesson i of c. Going on to the next lesson (or back to
// the course from the last one) marks it read.
type lessonScreen struct {
	a *App
	c *course.Course
	i int
	// hit: from a lesson search, the words to mark. back is the way back;
	// nil: the course page. A lesson opened from a quiz's result (Read
	// again) goes back to that result, and one from a search to the search.
	hit  string
	back func()
}

func newLessonScreen(a *App, c *course.Course, i int) *lessonScreen {
	return &lessonScreen{a: a, c: c, i: i}
}

// newLessonScreenAt opens lesson i of c from a search for query, its hits
// marked (lessonsearch.go); back returns to the search.
func newLessonScreenAt(a *App, c *course.Course, i int, query string, back func()) *lessonScreen {
	return &lessonScreen{a: a, c: c, i: i, hit: query, back: back}
}

func (s *lessonScreen) opened() {
	if err := s.a.svc.OpenLesson(s.a.ctx, s.a.learner.ID, s.c, s.c.Lessons[s.i].ID); err != nil {
		s.a.fail("error.save", err)
	}
}

func (s *lessonScreen) draw() (string, fyne.CanvasObject) {
	a, c, i := s.a, s.c, s.i
	l := &c.Lessons[i]
	lang := a.courseLang(c)
	md, err := c.LessonMarkdown(l, lang)
	if err != nil {
		a.fail("error.load", err)
	}
	body := renderLesson(c, md)
	hit := markHits(body, s.hit)
	prev := a.nav.button(a.T("lesson.previous"), theme.NavigateBackIcon(), a.nav.to(newLessonScreen(a, c, i-1)))
	if i == 0 {
		prev.Disable()
	}
	var next *keyButton
	if i+1 < len(c.Lessons) {
		next = a.nav.button(a.T("lesson.next"), theme.NavigateNextIcon(), s.done(newLessonScreen(a, c, i+1)))
	} else {
		next = a.nav.button(a.T("lesson.finish"), theme.ConfirmIcon(), s.done(newCourseScreen(a, c)))
	}
	next.Importance = widget.HighImportance
	a.nav.bind(fyne.KeyRight, next.OnTapped)
	if i > 0 {
		a.nav.bind(fyne.KeyLeft, prev.OnTapped)
	}
	a.nav.bindEnter(next)
	where := widget.NewLabel(a.T("lesson.position", "N", i+1, "Total", len(c.Lessons)))
	nav := container.NewHBox(prev, layout.NewSpacer(), where, layout.NewSpacer(), a.handoutButton(c, l.ID), next)
	title := l.Title.In(lang, c.DefaultLanguage)
	scroll := culledScroll(container.NewPadded(body))
	if hit != nil { // opened from a search: at its first hit
		scrollToOnce(scroll, body.(*fyne.Container), hit)
	}
	content := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), nav), nil, nil, scroll)
	back := s.back
	if back == nil {
		back = a.nav.to(newCourseScreen(a, c))
	}
	return title, a.screen(fmt.Sprintf("%s — %s", c.Title.In(lang, c.DefaultLanguage), title), back, content)
}

// done marks the lesson read, then goes on to next.
func (s *lessonScreen) done(next screen) func() {
	return func() {
		if err := s.a.svc.CompleteLesson(s.a.ctx, s.a.learner.ID, s.c, s.c.Lessons[s.i].ID); err != nil {
			s.a.fail("error.save", err)
			return
		}
		s.a.nav.open(next)
	}
}
