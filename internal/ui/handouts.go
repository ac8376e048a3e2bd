package ui

import (
	"bytes"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
func (a *App) handoutButton(c *course.Course, lessonID string) *widget.Button {
	return widget.NewButtonWithIcon(a.T("handout.print"), theme.DocumentPrintIcon(), func() {
		name := c.ID
		if lessonID != "" {
			name += "-" + lessonID
		}
		a.askSave(fmt.Sprintf("ogoh-%s-%s.pdf", name, a.courseLang(c)), func(path string) { a.saveHandout(c, lessonID, path) })
	})
}

// pocketCardButton is the quick reference's "Pocket card…".
func (a *App) pocketCardButton() *widget.Button {
	return widget.NewButtonWithIcon(a.T("handout.card"), theme.DocumentPrintIcon(), func() {
		a.askSave(fmt.Sprintf("ogoh-pocket-card-%s.pdf", a.loc.Lang), a.savePocketCard)
	})
}

// askSave asks where to save a file, proposing name, and hands the
// chosen path to save.
func (a *App) askSave(name string, save func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		save(path)
	}, a.win)
	d.SetFileName(name)
	d.Show()
}

// saveHandout writes the lesson (or the whole course) in the language
// on screen as a PDF at path.
func (a *App) saveHandout(c *course.Course, lessonID, path string) {
	var buf bytes.Buffer
	err := handout.Course(&buf, c, lessonID, a.courseLang(c), a.loc, a.svc.Now())
	a.savedPDF(a.T("handout.print"), path, buf.Bytes(), err)
}

// savePocketCard writes the quick reference, in the language on screen,
// with the post's referral contacts, as a pocket card PDF at path.
func (a *App) savePocketCard(path string) {
	if a.guide == nil {
		a.message(a.T("handout.card"), a.T("guide.missing"))
		return
	}
	var buf bytes.Buffer
	contacts, err := a.svc.Contacts(a.ctx)
	if err == nil {
		err = handout.Card(&buf, a.guide, contacts, a.loc.Lang, a.loc, a.svc.Now())
	}
	a.savedPDF(a.T("handout.card"), path, buf.Bytes(), err)
}

// savedPDF writes a PDF made without err to path and says where, or why
// not.
func (a *App) savedPDF(title, path string, pdf []byte, err error) {
	if err == nil {
		if werr := os.WriteFile(path, pdf, 0o644); werr != nil {
			err = domain.Wrap(domain.CodeUnsaved, werr)
		}
	}
	if err != nil {
		a.message(title, a.T("handout.failed")+"\n\n"+a.errorText(err))
		return
	}
	a.message(title, a.T("handout.saved", "File", path))
}
