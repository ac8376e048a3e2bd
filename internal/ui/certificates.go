package ui

import (
	"bytes"
	"errors"
	"fmt"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
)

// passedCourse is whether every quiz of c is passed: the course gives a
// certificate then.
func passedCourse(c *course.Course, p progress.CourseProgress) bool {
	if len(c.Quizzes) == 0 {
		return false
	}
	for _, q := range c.Quizzes {
		if !p.Quizzes[q.ID].Passed {
			return false
		}
	}
	return true
}

// certificateButton is "Save certificate…" for the learner studying c
// once they have passed it; nil before.
func (a *App) certificateButton(c *course.Course, p progress.CourseProgress) *keyButton {
	if a.learner == nil || !passedCourse(c, p) {
		return nil
	}
	id, lang := a.learner.ID, a.loc.Lang
	b := a.nav.button(a.T("cert.save"), theme.DocumentSaveIcon(), func() { a.askCertificate(id, c, lang) })
	b.Importance = widget.HighImportance
	return b
}

// askCertificate asks where to save the learner's certificate for c.
func (a *App) askCertificate(learnerID string, c *course.Course, lang string) {
	a.askSave(fmt.Sprintf("ogoh-certificate-%s.pdf", c.ID), func(path string) { a.saveCertificate(learnerID, c, lang, path) })
}

// saveCertificate writes the learner's certificate for c, in lang, to
// path and says its ID, or why there is none.
func (a *App) saveCertificate(learnerID string, c *course.Course, lang, path string) {
	a.background(func() {
		rec, err := a.svc.Certificate(a.ctx, learnerID, c)
		if err == nil {
			var buf bytes.Buffer
			err = writePDF(path, &buf, progress.WriteCertificatePDF(&buf, rec, c, lang))
		}
		a.do(func() {
			switch {
			case errors.Is(err, domain.ErrNotPassed):
				a.message(a.T("cert.save"), a.T("cert.not.passed"))
			case err != nil:
				a.message(a.T("cert.save"), a.T("cert.save.failed")+"\n\n"+a.errorText(err))
			default:
				a.message(a.T("cert.save"), a.T("cert.saved", "Name", rec.LearnerName, "ID", rec.ID, "File", path))
			}
		})
	})
}

// reportCertificate is the trainer's table's certificate for a row:
// the learner's own language when they chose one.
func (a *App) reportCertificate(learnerID, courseID string) {
	var c *course.Course
	for _, x := range a.courses {
		if x.ID == courseID {
			c = x
		}
	}
	if c == nil {
		return
	}
	lang := a.loc.Lang
	if l, err := a.svc.Learner(a.ctx, learnerID); err == nil && l.Language != "" {
		lang = l.Language
	}
	a.askCertificate(learnerID, c, lang)
}
