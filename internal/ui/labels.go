package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/progress"
)

// wrapped is a label that wraps at word boundaries, so long text (Russian
// above all) never widens the window.
func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// note is secondary text: wrapped and in italics, readable in both themes.
func note(text string) *widget.Label {
	l := wrapped(text)
	l.TextStyle.Italic = true
	return l
}

// courseIntro is what a course says about itself: description, time, audience.
func (a *App) courseIntro(c *course.Course) fyne.CanvasObject {
	lang := a.courseLang(c)
	return container.NewVBox(
		wrapped(c.Description.In(lang, c.DefaultLanguage)),
		note(a.T("course.meta", "Minutes", c.EstimatedMinutes, "Audience", c.Audience.In(lang, c.DefaultLanguage))),
	)
}

// progressIn reads the learner's progress in c; on failure it tells the
// user and shows the course as not started.
func (a *App) progressIn(c *course.Course) progress.CourseProgress {
	p, err := a.svc.CourseProgress(a.ctx, a.learner.ID, c)
	if err != nil {
		a.fail("error.load", err)
	}
	return p
}

// strong is wrapped bold text: a question, a situation, a verdict.
func strong(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}
