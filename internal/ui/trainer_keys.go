package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/library"
)

// keysScreen lists the keys trusted to sign packs, with the courses each
// signed; keys are added from .pub files and can be removed.
type keysScreen struct{ a *App }

func newKeysScreen(a *App) *keysScreen { return &keysScreen{a: a} }

func (s *keysScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	keys, err := a.lib.TrustedKeys(a.ctx)
	box := container.NewVBox(note(a.T("trainer.keys.hint")))
	switch {
	case errors.Is(err, library.ErrKeysTampered):
		warn := wrapped(a.T("trainer.keys.tampered"))
		warn.Importance = widget.DangerImportance
		reset := a.nav.button(a.T("trainer.keys.reset"), theme.DeleteIcon(), func() {
			if err := a.lib.ResetTrust(a.ctx); err != nil {
				a.fail("error.save", err)
			}
			a.reloadCourses()
			a.redraw()
		})
		box.Add(warn)
		box.Add(container.NewHBox(reset))
		title := a.T("trainer.keys")
		return title, a.screen(title, a.nav.to(newTrainerScreen(a)), container.NewVScroll(container.NewPadded(box)))
	case err != nil:
		a.fail("error.load", err)
	}
	signed, _ := a.lib.Signed(a.ctx)
	for _, k := range keys {
		k := k
		info := a.T("trainer.key.none")
		if list := signed[k.ID()]; len(list) > 0 {
			info = a.T("trainer.key.signed", "Courses", strings.Join(list, ", "))
		}
		remove := a.nav.button(a.T("contacts.remove"), theme.DeleteIcon(), func() {
			if err := a.lib.Untrust(a.ctx, k.ID()); err != nil {
				a.fail("error.save", err)
			}
			a.redraw()
		})
		box.Add(widget.NewCard("", "", container.NewBorder(nil, nil, nil, remove,
			container.NewVBox(strong(k.Name+" ("+k.ID()+")"), note(info)))))
	}
	if len(keys) == 0 {
		box.Add(wrapped(a.T("trainer.keys.empty")))
	}
	add := a.nav.button(a.T("trainer.key.add"), theme.ContentAddIcon(), func() {
		a.askOpen([]string{".pub"}, func(path string) { a.trustKey(readKeyFile(path)) })
	})
	add.Importance = widget.HighImportance
	box.Add(container.NewHBox(add))
	title := a.T("trainer.keys")
	return title, a.screen(title, a.nav.to(newTrainerScreen(a)), container.NewVScroll(container.NewPadded(box)))
}

// trustKey adds a public key from a .pub file's text.
func (a *App) trustKey(text string) {
	if _, err := a.lib.Trust(a.ctx, text); err != nil {
		a.message(a.T("trainer.keys"), a.T("trainer.key.bad"))
		a.logError(fmt.Errorf("trust key: %w", err))
		return
	}
	a.redraw()
}
