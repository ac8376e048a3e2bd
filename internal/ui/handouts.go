package ui

import (
	"bytes"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/handout"
	"github.com/ogoh/ogoh/internal/progress"
)

// courseActions are the course page's papers: the certificate once the
// course is passed, and the whole course as a handout.
func (a *App) courseActions(c *course.Course, p progress.CourseProgress) fyne.CanvasObject {
	row := container.NewHBox()
	if b := a.certificateButton(c, p); b != nil {
		row.Add(b)
	}
	row.Add(a.handoutButton(c, ""))
	return row
}

// handoutButton is "Print handout…" for the lesson lessonID of c, or
// for the whole course when it is "".
func (a *App) handoutButton(c *course.Course, lessonID string) *keyButton {
	return a.nav.button(a.T("handout.print"), theme.DocumentPrintIcon(), func() {
		name := c.ID
		if lessonID != "" {
			name += "-" + lessonID
		}
		a.askSave(fmt.Sprintf("ogoh-%s-%s.pdf", name, a.courseLang(c)), func(path string) { a.saveHandout(c, lessonID, path) })
	})
}

// pocketCardButton is the quick reference's "Pocket card…".
func (a *App) pocketCardButton() *keyButton {
	return a.nav.button(a.T("handout.card"), theme.DocumentPrintIcon(), func() {
		a.askSave(fmt.Sprintf("ogoh-pocket-card-%s.pdf", a.loc.Lang), a.savePocketCard)
	})
}

// saveHandout writes the lesson (or the whole course) in the language
// on screen as a PDF at path, off the UI thread: a course with pictures
// takes a moment.
func (a *App) saveHandout(c *course.Course, lessonID, path string) {
	title, lang, loc, now := a.T("handout.print"), a.courseLang(c), a.loc, a.svc.Now()
	a.background(func() {
		var buf bytes.Buffer
		err := writePDF(path, &buf, handout.Course(&buf, c, lessonID, lang, loc, now))
		a.do(func() { a.savedPDF(title, path, err) })
	})
}

// savePocketCard writes the quick reference, in the language on screen,
// with the post's referral contacts, as a pocket card PDF at path.
func (a *App) savePocketCard(path string) {
	title := a.T("handout.card")
	if a.guide == nil {
		a.message(title, a.T("guide.missing"))
		return
	}
	g, lang, loc, now := a.guide, a.loc.Lang, a.loc, a.svc.Now()
	a.background(func() {
		var buf bytes.Buffer
		contacts, err := a.svc.Contacts(a.ctx)
		if err == nil {
			err = handout.Card(&buf, g, contacts, lang, loc, now)
		}
		err = writePDF(path, &buf, err)
		a.do(func() { a.savedPDF(title, path, err) })
	})
}

// writePDF writes a PDF made without err to path.
func writePDF(path string, pdf *bytes.Buffer, err error) error {
	if err != nil {
		return err
	}
	if werr := os.WriteFile(path, pdf.Bytes(), 0o644); werr != nil {
		return domain.Wrap(domain.CodeUnsaved, werr)
	}
	return nil
}

// savedPDF says where the PDF was saved, or why it was not.
func (a *App) savedPDF(title, path string, err error) {
	if err != nil {
		a.message(title, a.T("handout.failed")+"\n\n"+a.errorText(err))
		return
	}
	a.message(title, a.T("handout.saved", "File", path))
}
