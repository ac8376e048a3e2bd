package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne gives a key to the focused widget alone: a focused Button takes
// Space and drops every other key, so F1 or Escape would do nothing once
// Tab had reached a button. The widgets here take the keys they use and
// pass the rest to the router, so the screen's keys work whatever has the
// focus.

// keyButton is a button that passes the keys it does not use to the
// router. Space taps it; Enter taps it too, unless it is part of an
// answer (an ordering arrow), where Enter checks the answer as from any
// control of the question.
type keyButton struct {
	widget.Button
	nav     *router
	ofInput bool // part of a question's answer: Enter goes to the router
}

// button is a button on the router's screens.
func (r *router) button(label string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{nav: r}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey taps the button on Space (and Enter), and passes other keys on.
func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeySpace:
		b.Button.TypedKey(ev)
	case isEnter(ev.Name) && !b.ofInput:
		if !b.Disabled() {
			b.Tapped(nil)
		}
	default:
		b.nav.typedKey(ev)
	}
}

// keySelect is a drop-down that passes Enter, Escape and F1 to the router.
type keySelect struct {
	widget.Select
	nav *router
}

func (r *router) newSelect(options []string, changed func(string)) *keySelect {
	s := &keySelect{nav: r}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey opens the list or steps through it as a Select does; other
// keys go to the router.
func (s *keySelect) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight:
		s.Select.TypedKey(ev)
	default:
		s.nav.typedKey(ev)
	}
}

func isEnter(k fyne.KeyName) bool { return k == fyne.KeyReturn || k == fyne.KeyEnter }

// asButton is the Fyne button of o, a plain button or a keyButton.
func asButton(o fyne.CanvasObject) (*widget.Button, bool) {
	switch b := o.(type) {
	case *widget.Button:
		return b, true
	case *keyButton:
		return &b.Button, true
	}
	return nil, false
}
