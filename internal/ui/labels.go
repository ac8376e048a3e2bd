package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/progress"
)

// wrapped is text that wraps at word boundaries, so long text (Russian
// above all) never widens the window.
func wrapped(text string) *paragraph { return newParagraph(text, fyne.TextStyle{}) }

// note is secondary text: wrapped and in italics, readable in both themes.
func note(text string) *paragraph { return newParagraph(text, fyne.TextStyle{Italic: true}) }

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
func strong(text string) *paragraph { return newParagraph(text, fyne.TextStyle{Bold: true}) }
