package ui

import (
	"crypto/ed25519"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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
	a           *App
	back, next  func()
	pin, repeat *keyEntry
	problem     *paragraph
	keyNote     *paragraph
	trainerKey  ed25519.PublicKey // from the .pub file added; nil: none
}

func newLockSetupScreen(a *App, back, next func()) *lockSetupScreen {
	return &lockSetupScreen{a: a, back: back, next: next}
}

func (s *lockSetupScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	s.pin = a.nav.passwordEntry()
	s.pin.SetPlaceHolder(a.T("pin.placeholder"))
	s.repeat = a.nav.passwordEntry()
	s.problem = wrapped("")
	s.problem.Importance = widget.DangerImportance
	s.keyNote = note("")
	s.trainerKey = nil // the form starts afresh, key and all
	addKey := a.nav.button(a.T("trainer.setup.key"), theme.ContentAddIcon(), s.onAddKey)
	form := widget.NewForm(
		widget.NewFormItem(a.T("trainer.pin"), s.pin),
		widget.NewFormItem(a.T("profile.pin.repeat"), s.repeat),
		widget.NewFormItem("", container.NewVBox(container.NewHBox(addKey), s.keyNote)),
	)
	actions := a.formActions(a.T("trainer.setup.continue"), s.onSubmit, nil, s.pin, s.repeat)
	a.nav.focus = s.pin
	title := a.T("trainer.setup.title")
	body := container.NewVBox(wrapped(a.T("trainer.setup.text")), form, actions, s.problem)
	return title, a.screen(title, s.back, container.NewVScroll(container.NewPadded(body)))
}

// onAddKey lets the trainer pick the organisation's .pub file.
func (s *lockSetupScreen) onAddKey() {
	s.a.askOpen([]string{".pub"}, func(path string) { s.addKey(readKeyFile(path)) })
}

// addKey takes the trainer key from a .pub file's text.
func (s *lockSetupScreen) addKey(text string) {
	k, err := course.ParseKey(text)
	if err != nil {
		s.problem.SetText(s.a.T("trainer.key.bad"))
		return
	}
	s.trainerKey = k.Public
	s.keyNote.SetText(s.a.T("trainer.setup.key.added", "ID", k.ID()))
}

// onSubmit sets the lock and goes on, or says what to correct.
func (s *lockSetupScreen) onSubmit() {
	a := s.a
	if s.pin.Text != s.repeat.Text {
		s.problem.SetText(a.T("profile.pin.mismatch"))
		return
	}
	err := a.svc.SetTrainerLock(a.ctx, s.pin.Text, s.trainerKey)
	switch {
	case errors.Is(err, progress.ErrBadPIN):
		s.problem.SetText(a.T("profile.pin.invalid"))
		return
	case errors.Is(err, progress.ErrLockTampered), errors.Is(err, progress.ErrLockAlreadySet):
		a.nav.open(newTamperedScreen(a))
		return
	case err != nil:
		a.fail("error.save", err)
		return
	}
	s.next()
}
