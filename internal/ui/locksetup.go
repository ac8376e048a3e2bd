package ui

import (
	"crypto/ed25519"
	"errors"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/progress"
)

// lockSetupScreen is where a trainer sets up a new device: the trainer
// PIN, and the trainer's public key when the organisation gave one, so that
// a forgotten PIN is reset only with that key. It comes before the first
// profile, so trainer mode never goes to whoever opens it first. back and
// next are where it was opened from and what the lock, once set, opens.
type lockSetupScreen struct {
	a          *App
	back, next func()
}

func newLockSetupScreen(a *App, back, next func()) *lockSetupScreen {
	return &lockSetupScreen{a: a, back: back, next: next}
}

func (s *lockSetupScreen) draw() (string, fyne.CanvasObject) {
	a, back, next := s.a, s.back, s.next
	pin := widget.NewPasswordEntry()
	pin.SetPlaceHolder(a.T("pin.placeholder"))
	repeat := widget.NewPasswordEntry()
	problem := wrapped("")
	problem.Importance = widget.DangerImportance
	keyNote := note("")
	var trainerKey ed25519.PublicKey
	addKey := widget.NewButtonWithIcon(a.T("trainer.setup.key"), theme.ContentAddIcon(), func() {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			data, _ := io.ReadAll(io.LimitReader(r, 4096))
			r.Close()
			k, err := course.ParseKey(string(data))
			if err != nil {
				problem.SetText(a.T("trainer.key.bad"))
				return
			}
			trainerKey = k.Public
			keyNote.SetText(a.T("trainer.setup.key.added", "ID", k.ID()))
		}, a.win)
		d.SetFilter(storage.NewExtensionFileFilter([]string{".pub"}))
		d.Show()
	})
	submit := func() {
		if pin.Text != repeat.Text {
			problem.SetText(a.T("profile.pin.mismatch"))
			return
		}
		err := a.svc.SetTrainerLock(a.ctx, pin.Text, trainerKey)
		switch {
		case errors.Is(err, progress.ErrBadPIN):
			problem.SetText(a.T("profile.pin.invalid"))
			return
		case errors.Is(err, progress.ErrLockTampered), errors.Is(err, progress.ErrLockAlreadySet):
			a.nav.open(newTamperedScreen(a))
			return
		case err != nil:
			a.fail("error.save", err)
			return
		}
		next()
	}
	form := widget.NewForm(
		widget.NewFormItem(a.T("trainer.pin"), pin),
		widget.NewFormItem(a.T("profile.pin.repeat"), repeat),
		widget.NewFormItem("", container.NewVBox(container.NewHBox(addKey), keyNote)),
	)
	form.SubmitText = a.T("trainer.setup.continue")
	form.OnSubmit = submit
	repeat.OnSubmitted = func(string) { submit() }
	a.nav.focus = pin
	title := a.T("trainer.setup.title")
	body := container.NewVBox(wrapped(a.T("trainer.setup.text")), form, problem)
	return title, a.screen(title, back, container.NewVScroll(container.NewPadded(body)))
}
