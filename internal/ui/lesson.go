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

// showLesson shows lesson i of c. Going on to the next lesson (or back to
// the course from the last one) marks it read.
func (a *App) showLesson(c *course.Course, i int) {
	l := &c.Lessons[i]
	if err := a.svc.OpenLesson(a.ctx, a.learner.ID, c, l.ID); err != nil {
		a.fail("error.save", err)
	}
	a.show(func() (string, fyne.CanvasObject) {
		lang := a.courseLang(c)
		md, err := c.LessonMarkdown(l, lang)
		if err != nil {
			a.fail("error.load", err)
		}
		body := renderLesson(c, md)
		done := func(next func()) func() {
			return func() {
				if err := a.svc.CompleteLesson(a.ctx, a.learner.ID, c, l.ID); err != nil {
					a.fail("error.save", err)
					return
				}
				next()
			}
		}
		prev := widget.NewButtonWithIcon(a.T("lesson.previous"), theme.NavigateBackIcon(), func() { a.showLesson(c, i-1) })
		if i == 0 {
			prev.Disable()
		}
		var next *widget.Button
		if i+1 < len(c.Lessons) {
			next = widget.NewButtonWithIcon(a.T("lesson.next"), theme.NavigateNextIcon(), done(func() { a.showLesson(c, i+1) }))
		} else {
			next = widget.NewButtonWithIcon(a.T("lesson.finish"), theme.ConfirmIcon(), done(a.nav.to(newCourseScreen(a, c))))
		}
		next.Importance = widget.HighImportance
		a.nav.keys[fyne.KeyRight] = next.OnTapped
		if i > 0 {
			a.nav.keys[fyne.KeyLeft] = prev.OnTapped
		}
		a.nav.bindEnter(next)
		where := widget.NewLabel(a.T("lesson.position", "N", i+1, "Total", len(c.Lessons)))
		nav := container.NewHBox(prev, layout.NewSpacer(), where, layout.NewSpacer(), next)
		title := l.Title.In(lang, c.DefaultLanguage)
		content := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), nav), nil, nil,
			culledScroll(container.NewPadded(body)))
		return title, a.screen(fmt.Sprintf("%s — %s", c.Title.In(lang, c.DefaultLanguage), title), a.nav.to(newCourseScreen(a, c)), content)
	})
}
