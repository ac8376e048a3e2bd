package ui

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
)

// idleCheckEvery is how often the app looks whether it has been idle.
const idleCheckEvery = 20 * time.Second

// idleWatch is the shared-device lock's sense of input. Fyne has no hook
// for all input, so it counts what input causes:
//   - keys and characters no widget takes (the canvas's typed-key and
//     typed-rune paths, the router's bindings among them, and the desktop
//     canvas's key-down);
//   - every screen drawn (the router's input hook): a tap on a button
//     that opens or redraws a screen, a language switch, a saved answer;
//   - what the screen's widgets hold changing between two checks (screenState):
//     focus moving, an entry's text (typing into a field, which the canvas
//     never sees), a scroll's offset (reading a long lesson with the wheel or
//     the scroll bar), an answer's option picked, a box ticked or a choice
//     selected: the taps and drags that open no screen.
//
// Its time is the service's clock, which a test sets, and a test calls
// checkIdle itself instead of waiting for the ticker.
type idleWatch struct {
	last  time.Time     // the last input seen
	state string        // screenState at the last check
	busy  atomic.Int32  // background work in flight: an answer being saved
	stop  chan struct{} // ends the ticker
}

// watchIdle hooks the window's input paths and starts the ticker that
// checks, on the UI thread, whether the device has been left.
func (a *App) watchIdle() {
	c := a.win.Canvas()
	typedKey := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		a.touch()
		if typedKey != nil {
			typedKey(ev)
		}
	})
	typedRune := c.OnTypedRune()
	c.SetOnTypedRune(func(r rune) {
		a.touch()
		if typedRune != nil {
			typedRune(r)
		}
	})
	if dc, ok := c.(desktop.Canvas); ok {
		keyDown := dc.OnKeyDown()
		dc.SetOnKeyDown(func(ev *fyne.KeyEvent) {
			a.touch()
			if keyDown != nil {
				keyDown(ev)
			}
		})
	}
	a.nav.input = a.touch
	a.idle.last = a.svc.Now()
	stop := make(chan struct{})
	a.idle.stop = stop
	go func() {
		t := time.NewTicker(idleCheckEvery)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				fyne.Do(a.checkIdle)
			case <-stop:
				return
			}
		}
	}()
}

// stopIdleTicker ends the ticker; the checks are then the caller's (tests).
func (a *App) stopIdleTicker() {
	if a.idle.stop != nil {
		close(a.idle.stop)
		a.idle.stop = nil
	}
}

// touch records input now.
func (a *App) touch() { a.idle.last = a.svc.Now() }

// checkIdle locks the device when it has had no input for the trainer's
// idle time. It never locks while an answer is being saved (the lock
// waits for the next check), nor when no one is using the device.
func (a *App) checkIdle() {
	w := &a.idle
	if state := a.screenState(); state != w.state {
		w.state = state
		a.touch()
		return
	}
	if w.busy.Load() > 0 || (a.learner == nil && !a.trainer) {
		return
	}
	if _, locked := a.nav.current.(*idleLockScreen); locked {
		return
	}
	lock, err := a.svc.IdleLock(a.ctx)
	if err != nil {
		a.logError(err)
	}
	if lock.Minutes == 0 || a.svc.Now().Sub(w.last) < lock.After() {
		return
	}
	a.lockIdle()
}

// screenState is what input changes on the screen shown and its dialogs,
// written out to compare with the last check's: the focused widget, and
// under the content the entries' text, the scrolls' offsets, the options
// picked, the boxes ticked and the choices selected. It walks containers,
// scrolls, cards, forms and the lesson's cull boxes: the way this app's
// screens are built.
func (a *App) screenState() string {
	var b strings.Builder
	c := a.win.Canvas()
	fmt.Fprintf(&b, "%p;", c.Focused())
	stateOf(&b, c.Content())
	for _, o := range c.Overlays().List() {
		stateOf(&b, o)
	}
	return b.String()
}

func stateOf(b *strings.Builder, o fyne.CanvasObject) {
	switch t := o.(type) {
	case *fyne.Container:
		for _, child := range t.Objects {
			stateOf(b, child)
		}
	case *container.Scroll:
		fmt.Fprintf(b, "s%v;", t.Offset)
		stateOf(b, t.Content)
	case *widget.Card:
		stateOf(b, t.Content)
	case *widget.PopUp: // a dialog
		stateOf(b, t.Content)
	case *widget.Form:
		for _, it := range t.Items {
			stateOf(b, it.Widget)
		}
	case *cullBox:
		stateOf(b, t.content)
	case *widget.Entry:
		fmt.Fprintf(b, "e%q;", t.Text)
	case *optionRow:
		fmt.Fprintf(b, "o%t;", t.selected)
	case *widget.Check:
		fmt.Fprintf(b, "c%t;", t.Checked)
	case *widget.RadioGroup:
		fmt.Fprintf(b, "r%q;", t.Selected)
	case *widget.Select:
		fmt.Fprintf(b, "l%q;", t.Selected)
	}
}

// lockIdle leaves trainer mode and asks whether the same learner goes on,
// or, with no learner, shows the profile picker. The screen left is kept
// to go back to as it was: an unfinished quiz's answers are saved as they
// are given, so it resumes at its next question.
func (a *App) lockIdle() {
	back := a.nav.current
	if a.trainer {
		a.trainer = false
		back = nil // trainer mode's screens need the trainer PIN again
	}
	if a.learner == nil {
		a.nav.open(newProfilesScreen(a))
		return
	}
	a.nav.open(&idleLockScreen{a: a, l: *a.learner, back: back})
}

// hasOwnSwitch tells the screens that have their own way to the profile
// picker, so the frame adds none: the catalogue and the idle lock.
func hasOwnSwitch(s screen) bool {
	switch s.(type) {
	case *catalogueScreen, *idleLockScreen:
		return true
	}
	return false
}

// switchLearner is the frame's way to the profile picker; what the
// learner answered is already saved, and their quiz resumes next time.
func (a *App) switchLearner() { a.nav.open(newProfilesScreen(a)) }

// idleLockScreen is the shared device locked after the idle time:
// "Continue as NAME?", with the PIN when the profile has one, or someone
// else (the profile picker).
type idleLockScreen struct {
	a     *App
	l     domain.Learner
	back  screen // the screen left; nil: the catalogue
	pin   *keyEntry
	wrong *paragraph
}

func (s *idleLockScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	minutes := progress.DefaultIdleMinutes
	if lock, err := a.svc.IdleLock(a.ctx); err == nil {
		minutes = lock.Minutes
	}
	body := container.NewVBox(wrapped(a.T("idle.explain", "Minutes", minutes)))
	cont := a.nav.button(a.T("idle.continue", "Name", s.l.Name), theme.ConfirmIcon(), s.onContinue)
	cont.Importance = widget.HighImportance
	s.pin, s.wrong = nil, wrapped("")
	s.wrong.Importance = widget.DangerImportance
	if s.l.PINHash != "" {
		s.pin = a.nav.passwordEntry()
		s.pin.SetPlaceHolder(a.T("pin.placeholder"))
		s.pin.OnSubmitted = func(string) { s.onContinue() }
		body.Add(widget.NewForm(widget.NewFormItem(a.T("pin.label"), s.pin)))
		body.Add(s.wrong)
		a.nav.focus = s.pin
	}
	other := a.nav.button(a.T("idle.other"), theme.AccountIcon(), a.switchLearner)
	body.Add(container.NewHBox(cont, other))
	a.nav.bindEnter(cont)
	title := a.T("idle.title", "Name", s.l.Name)
	return title, a.screen(title, nil, container.NewVScroll(container.NewPadded(body)))
}

// onContinue goes back to the screen left, once the PIN, if any, is right.
func (s *idleLockScreen) onContinue() {
	a := s.a
	if s.pin != nil {
		left, err := a.svc.UnlockLearner(a.ctx, s.l.ID, s.pin.Text)
		switch {
		case errors.Is(err, progress.ErrProfileLocked):
			s.refuse(a.T("pin.locked"))
			return
		case errors.Is(err, progress.ErrWrongPIN) && left > 3:
			s.refuse(a.T("pin.wrong"))
			return
		case errors.Is(err, progress.ErrWrongPIN):
			s.refuse(a.T("pin.tries", "Left", left))
			return
		case err != nil:
			a.fail("error.load", err)
			return
		}
	}
	if s.back == nil {
		a.nav.open(newCatalogueScreen(a))
		return
	}
	a.nav.current = s.back // as it was: not opened anew
	a.nav.redraw()
}

func (s *idleLockScreen) refuse(msg string) {
	s.wrong.SetText(msg)
	s.pin.SetText("")
	s.a.win.Canvas().Focus(s.pin)
}

// idleSettingScreen is where a trainer sets how long a shared device waits
// with no input before it locks.
type idleSettingScreen struct {
	a       *App
	minutes *keyEntry
	problem *paragraph
}

func newIdleSettingScreen(a *App) *idleSettingScreen { return &idleSettingScreen{a: a} }

func (s *idleSettingScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	lock, err := a.svc.IdleLock(a.ctx)
	if err != nil {
		a.logError(err)
	}
	s.minutes = a.nav.entry()
	s.minutes.SetPlaceHolder(a.T("idle.minutes"))
	s.minutes.SetText(strconv.Itoa(lock.Minutes))
	s.minutes.OnSubmitted = func(string) { s.onSave() }
	s.problem = wrapped("")
	s.problem.Importance = widget.DangerImportance
	save := a.nav.button(a.T("idle.save"), theme.DocumentSaveIcon(), s.onSave)
	save.Importance = widget.HighImportance
	a.nav.focus = s.minutes
	body := container.NewVBox(wrapped(a.T("idle.setting.text", "Max", progress.MaxIdleMinutes)),
		widget.NewForm(widget.NewFormItem(a.T("idle.minutes"), s.minutes)), s.problem, container.NewHBox(save))
	title := a.T("idle.setting")
	return title, a.screen(title, a.showTrainer, container.NewVScroll(container.NewPadded(body)))
}

// onSave saves the idle time typed, in minutes, and goes back to trainer
// mode's home; a time that is not a whole number in range is refused.
func (s *idleSettingScreen) onSave() {
	a := s.a
	n, err := strconv.Atoi(strings.TrimSpace(s.minutes.Text))
	if err != nil || n < 0 || n > progress.MaxIdleMinutes {
		s.problem.SetText(a.T("idle.minutes.bad", "Max", progress.MaxIdleMinutes))
		return
	}
	if err := a.svc.SetIdleLock(a.ctx, progress.IdleLock{Minutes: n}); err != nil {
		a.fail("error.save", err)
		return
	}
	a.showTrainer()
}
