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
func (a *App) openTrainer() {
	if a.trainer {
		a.showTrainer()
		return
	}
	state, err := a.svc.TrainerLock(a.ctx)
	switch {
	case err != nil:
		a.fail("error.load", err)
	case state == progress.LockNone:
		a.nav.open(newLockSetupScreen(a, a.showSettings, a.openTrainer))
	case state == progress.LockTampered:
		a.showLockTampered()
	default:
		a.showTrainerPIN()
	}
}

func (a *App) showTrainerPIN() {
	a.show(func() (string, fyne.CanvasObject) {
		pin := widget.NewPasswordEntry()
		pin.SetPlaceHolder(a.T("pin.placeholder"))
		problem := wrapped("")
		problem.Importance = widget.DangerImportance
		submit := func() {
			wait, err := a.svc.UnlockTrainer(a.ctx, pin.Text)
			if err != nil {
				pin.SetText("")
				switch {
				case errors.Is(err, progress.ErrLocked):
					problem.SetText(a.T("trainer.locked", "Seconds", int(wait.Seconds()+0.999)))
				case errors.Is(err, progress.ErrWrongPIN):
					problem.SetText(a.T("pin.wrong"))
				case errors.Is(err, progress.ErrLockTampered):
					a.showLockTampered()
				default:
					a.fail("error.load", err)
				}
				return
			}
			a.trainer = true
			a.showTrainer()
		}
		pin.OnSubmitted = func(string) { submit() }
		form := widget.NewForm(widget.NewFormItem(a.T("trainer.pin"), pin))
		form.SubmitText = a.T("pin.open")
		form.OnSubmit = submit
		a.nav.focus = pin
		title := a.T("trainer.title")
		return title, a.screen(title, a.showSettings, container.NewPadded(container.NewVBox(wrapped(a.T("trainer.enter.pin")), form, problem)))
	})
}

// showLockTampered says why trainer mode stays shut and how the trainer
// opens it again.
func (a *App) showLockTampered() {
	a.show(func() (string, fyne.CanvasObject) {
		title := a.T("trainer.title")
		text := wrapped(a.T("trainer.tampered", "Folder", a.dataDir))
		text.Importance = widget.DangerImportance
		return title, a.screen(title, a.showSettings, container.NewPadded(container.NewVBox(text)))
	})
}

// showTrainer is trainer mode's home: courses, keys, learners, contacts, sync.
func (a *App) showTrainer() {
	a.show(func() (string, fyne.CanvasObject) {
		button := func(id string, icon fyne.Resource, f func()) *widget.Button {
			b := widget.NewButtonWithIcon(a.T(id), icon, f)
			b.Alignment = widget.ButtonAlignLeading
			return b
		}
		importPack := button("trainer.import", theme.FolderOpenIcon(), a.chooseImport)
		importPack.Importance = widget.HighImportance
		body := container.NewVBox(
			note(a.T("trainer.intro")),
			importPack,
			button("trainer.courses", theme.ListIcon(), a.showInstalled),
			button("trainer.keys", theme.ConfirmIcon(), a.showKeys),
			button("trainer.learners", theme.AccountIcon(), a.showReport),
			button("contacts.title", theme.MailComposeIcon(), a.showContactsEditor),
			button("sync.title", theme.UploadIcon(), a.showSync),
			widget.NewSeparator(),
			button("trainer.leave", theme.LogoutIcon(), func() { a.trainer = false; a.showSettings() }),
		)
		title := a.T("trainer.title")
		return title, a.screen(title, a.showSettings, container.NewVScroll(container.NewPadded(body)))
	})
}

// reloadCourses reads the courses again after an install or removal.
func (a *App) reloadCourses() {
	if a.lib == nil {
		return
	}
	list, problems := a.lib.Courses()
	a.courses = list
	if len(problems) > 0 {
		a.fail("error.courses", fmt.Errorf("%v", problems))
	}
}
