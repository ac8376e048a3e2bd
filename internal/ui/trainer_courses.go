package ui

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/library"
)

// onImport lets the trainer pick a pack, e.g. from a USB stick.
func (s *trainerScreen) onImport() {
	a := s.a
	a.askOpen([]string{".ogoh"}, func(path string) { a.importPack(path, false) })
}

// importPack checks and installs a pack off the UI thread, with a
// progress bar and a cancel button; an older version asks first.
func (a *App) importPack(path string, force bool) {
	ctx, cancel := context.WithCancel(a.ctx)
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons(a.T("trainer.importing"), container.NewVBox(wrapped(path), bar,
		widget.NewButtonWithIcon(a.T("dialog.cancel"), theme.CancelIcon(), cancel)), a.win)
	prog.Show()
	a.background(func() {
		defer cancel()
		got, err := a.lib.Install(ctx, path, nil, force)
		a.do(func() {
			bar.Stop()
			prog.Hide()
			switch {
			case err == nil:
				a.reloadCourses()
				text := a.T("trainer.installed", "Course", got.Course.Title.In(a.loc.Lang, got.Course.DefaultLanguage), "Version", got.Course.Version)
				if got.Replaced != "" {
					text += "\n" + a.T("trainer.replaced", "Version", got.Replaced)
				}
				a.message(a.T("trainer.import"), text)
				a.redraw()
			case errors.Is(err, course.ErrOlderVersion) || errors.Is(err, course.ErrSameVersion) ||
				errors.Is(err, library.ErrOtherPublisher):
				dialog.NewCustomConfirm(a.T("trainer.import"), a.T("trainer.install.anyway"), a.T("dialog.cancel"),
					wrapped(a.packProblem(err)), func(ok bool) {
						if ok {
							a.importPack(path, true)
						}
					}, a.win).Show()
			case errors.Is(err, context.Canceled):
				a.message(a.T("trainer.import"), a.T("trainer.import.cancelled"))
			default:
				a.message(a.T("trainer.import.refused"), a.packRefusal(err))
			}
		})
	})
}

// packProblem says in the user's language why a pack was refused.
func (a *App) packProblem(err error) string {
	for _, k := range []struct {
		err error
		id  string
	}{
		{course.ErrPackNotZip, "pack.err.notzip"}, {course.ErrPackUnsigned, "pack.err.unsigned"},
		{course.ErrPackUntrusted, "pack.err.untrusted"}, {course.ErrPackTampered, "pack.err.tampered"},
		{course.ErrPackUnsafePath, "pack.err.unsafe"}, {course.ErrPackLink, "pack.err.link"},
		{course.ErrPackDuplicate, "pack.err.duplicate"}, {course.ErrPackTooMany, "pack.err.toomany"},
		{course.ErrPackTooBig, "pack.err.toobig"}, {course.ErrPackBomb, "pack.err.bomb"},
		{course.ErrPackBadManifest, "pack.err.manifest"}, {course.ErrPackInvalid, "pack.err.invalid"},
		{course.ErrOlderVersion, "pack.err.older"}, {course.ErrSameVersion, "pack.err.same"},
		{library.ErrOtherPublisher, "pack.err.otherkey"}, {library.ErrBundledID, "pack.err.bundled"},
		{library.ErrKeysTampered, "trainer.keys.tampered"},
		{course.ErrNotSealed, "pack.err.notsealed"}, {course.ErrAltered, "pack.err.altered"},
	} {
		if errors.Is(err, k.err) {
			return a.T(k.id)
		}
	}
	return a.T("pack.err.other")
}

// packRefusal says why a pack was refused: what is wrong with it when
// packProblem knows, else what the error's code says; the error itself
// goes to the log.
func (a *App) packRefusal(err error) string {
	if text := a.packProblem(err); text != a.T("pack.err.other") {
		a.logError(fmt.Errorf("install pack: %w", err))
		return text
	}
	return a.T("pack.err.other") + "\n\n" + a.errorText(err)
}

// message shows a short dialog with an OK in the user's language.
func (a *App) message(title, text string) {
	d := dialog.NewCustom(title, a.T("dialog.ok"), wrapped(text), a.win)
	d.Resize(fyne.NewSize(560, 260))
	d.Show()
}

// installedScreen lists the courses, marking those that came in packs,
// which can be removed (progress stays in the database).
type installedScreen struct{ a *App }

func newInstalledScreen(a *App) *installedScreen { return &installedScreen{a: a} }

func (s *installedScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	box := container.NewVBox(note(a.T("trainer.courses.hint")))
	for _, c := range a.courses {
		c := c
		name := wrapped(c.Title.In(a.courseLang(c), c.DefaultLanguage) + " — " + c.Version)
		if !a.lib.IsInstalled(c.ID) {
			// A single line beside the name: a wrapped note there was as narrow as
			// its longest letter and read "pc".
			status := widget.NewLabelWithStyle(a.T("trainer.bundled"), fyne.TextAlignTrailing, fyne.TextStyle{Italic: true})
			box.Add(container.NewBorder(nil, nil, nil, status, name))
			continue
		}
		remove := a.nav.button(a.T("contacts.remove"), theme.DeleteIcon(), func() {
			dialog.NewCustomConfirm(a.T("trainer.remove.title"), a.T("contacts.remove"), a.T("dialog.cancel"),
				wrapped(a.T("trainer.remove.confirm", "Course", c.Title.In(a.courseLang(c), c.DefaultLanguage))), func(ok bool) {
					if !ok {
						return
					}
					if err := a.lib.Remove(a.ctx, c.ID); err != nil {
						a.fail("error.save", err)
					}
					a.reloadCourses()
					a.redraw()
				}, a.win).Show()
		})
		box.Add(container.NewBorder(nil, nil, nil, remove, name))
	}
	if _, problems := a.lib.Courses(); len(problems) > 0 {
		refused := strong(a.T("trainer.courses.refused"))
		refused.Importance = widget.DangerImportance
		box.Add(refused)
		for _, p := range problems {
			box.Add(note(p.String()))
		}
	}
	title := a.T("trainer.courses")
	return title, a.screen(title, a.nav.to(newTrainerScreen(a)), container.NewVScroll(container.NewPadded(box)))
}
