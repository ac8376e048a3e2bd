package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/progress"
)

// openTrainer asks for the trainer PIN before trainer mode: learners
// cannot reach its functions without it. A lock that was changed or
// removed outside Ogoh keeps trainer mode shut until the trainer's key
// resets it; a new device with no learners has its lock set up first.
func openTrainer(a *App) {
	if a.trainer {
		a.nav.open(newTrainerScreen(a))
		return
	}
	state, err := a.svc.TrainerLock(a.ctx)
	switch {
	case err != nil:
		a.fail("error.load", err)
	case state == progress.LockNone:
		a.nav.open(newLockSetupScreen(a, a.backToSettings, func() { openTrainer(a) }))
	case state == progress.LockTampered:
		a.nav.open(newTamperedScreen(a))
	default:
		a.nav.open(newTrainerPINScreen(a))
	}
}

// trainerPINScreen asks for the trainer PIN.
type trainerPINScreen struct {
	a       *App
	pin     *keyEntry
	problem *paragraph
}

func newTrainerPINScreen(a *App) *trainerPINScreen { return &trainerPINScreen{a: a} }

func (s *trainerPINScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	s.pin = a.nav.passwordEntry()
	s.pin.SetPlaceHolder(a.T("pin.placeholder"))
	s.problem = wrapped("")
	s.problem.Importance = widget.DangerImportance
	s.pin.OnSubmitted = func(string) { s.onSubmit() }
	form := widget.NewForm(widget.NewFormItem(a.T("trainer.pin"), s.pin))
	actions := a.formActions(a.T("pin.open"), s.onSubmit, nil)
	a.nav.focus = s.pin
	title := a.T("trainer.title")
	return title, a.screen(title, a.backToSettings, container.NewPadded(container.NewVBox(wrapped(a.T("trainer.enter.pin")), form, actions, s.problem)))
}

// onSubmit opens trainer mode with the right PIN; a wrong one is said
// so, and tries in a row make it wait.
func (s *trainerPINScreen) onSubmit() {
	a := s.a
	wait, err := a.svc.UnlockTrainer(a.ctx, s.pin.Text)
	if err != nil {
		s.pin.SetText("")
		switch {
		case errors.Is(err, progress.ErrLocked):
			s.problem.SetText(a.T("trainer.locked", "Seconds", int(wait.Seconds()+0.999)))
		case errors.Is(err, progress.ErrWrongPIN):
			s.problem.SetText(a.T("pin.wrong"))
		case errors.Is(err, progress.ErrLockTampered):
			a.nav.open(newTamperedScreen(a))
		default:
			a.fail("error.load", err)
		}
		return
	}
	a.trainer = true
	a.nav.open(newTrainerScreen(a))
}

// tamperedScreen says why trainer mode stays shut and how the trainer
// opens it again.
type tamperedScreen struct{ a *App }

func newTamperedScreen(a *App) *tamperedScreen { return &tamperedScreen{a: a} }

func (s *tamperedScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	title := a.T("trainer.title")
	text := wrapped(a.T("trainer.tampered", "Folder", a.dataDir))
	text.Importance = widget.DangerImportance
	return title, a.screen(title, a.backToSettings, container.NewPadded(container.NewVBox(text)))
}

// trainerScreen is trainer mode's home: courses, keys, learners,
// contacts, sync.
type trainerScreen struct{ a *App }

func newTrainerScreen(a *App) *trainerScreen { return &trainerScreen{a: a} }

// showTrainer opens trainer mode's home, for the sync screen's way back
// until it is a screen of its own.
func (a *App) showTrainer() { a.nav.open(newTrainerScreen(a)) }

func (s *trainerScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	a.awaitCourses()
	button := func(id string, icon fyne.Resource, f func()) *keyButton {
		b := a.nav.button(a.T(id), icon, f)
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	importPack := button("trainer.import", theme.FolderOpenIcon(), s.onImport)
	importPack.Importance = widget.HighImportance
	body := container.NewVBox(
		note(a.T("trainer.intro")),
		importPack,
		button("trainer.courses", theme.ListIcon(), a.nav.to(newInstalledScreen(a))),
		button("bank.title", theme.ContentAddIcon(), func() { a.nav.open(newBankImportScreen(a)) }),
		button("trainer.keys", theme.ConfirmIcon(), a.nav.to(newKeysScreen(a))),
		button("trainer.learners", theme.AccountIcon(), a.nav.to(newReportScreen(a))),
		button("verify.title", theme.ConfirmIcon(), func() { a.nav.open(newVerifyScreen(a)) }),
		button("contacts.title", theme.MailComposeIcon(), func() { openContactsEditor(a) }),
		button("sync.title", theme.UploadIcon(), a.showSync),
		button("posts.title", theme.ComputerIcon(), a.nav.to(newPostsScreen(a))),
		button("idle.setting", theme.VisibilityOffIcon(), a.nav.to(newIdleSettingScreen(a))),
		widget.NewSeparator(),
		button("trainer.leave", theme.LogoutIcon(), s.onLeave),
	)
	title := a.T("trainer.title")
	return title, a.screen(title, a.backToSettings, container.NewVScroll(container.NewPadded(body)))
}

// onLeave shuts trainer mode and goes back to the settings.
func (s *trainerScreen) onLeave() {
	s.a.trainer = false
	s.a.backToSettings()
}

// reloadCourses reads the courses again after an install or removal.
func (a *App) reloadCourses() {
	if a.lib == nil {
		return
	}
	list, problems := a.lib.Courses()
	a.courses = list
	if len(problems) > 0 {
		// What is wrong is listed on the trainer's courses screen; the
		// message says only that, not that something unexpected happened.
		a.logError(fmt.Errorf("installed courses: %v", problems))
		a.message(a.T("error.title"), a.T("error.courses"))
	}
}
