package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
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
	focused bool
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
	nav     *router
	focused bool
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

// keyEntry is a one-line text field that passes F1 and Escape to the
// router: every other key edits the text, and Enter submits it.
type keyEntry struct {
	widget.Entry
	nav *router
}

// entry is a text field on the router's screens.
func (r *router) entry() *keyEntry {
	e := &keyEntry{nav: r}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey edits the text; F1 and Escape go to the router.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyF1 || ev.Name == fyne.KeyEscape {
		e.nav.typedKey(ev)
		return
	}
	e.Entry.TypedKey(ev)
}

// asEntry is the Fyne entry of o, a plain entry or a keyEntry.
func asEntry(o fyne.CanvasObject) (*widget.Entry, bool) {
	switch e := o.(type) {
	case *widget.Entry:
		return e, true
	case *keyEntry:
		return &e.Entry, true
	}
	return nil, false
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

// Focus is marked by a ring in the foreground colour round the control:
// Fyne tints a focused button with the theme's focus colour, which on the
// main (primary) button of the light and dark themes hardly shows.

// CreateRenderer draws the button with its focus ring.
func (b *keyButton) CreateRenderer() fyne.WidgetRenderer {
	return newRinged(b.Button.CreateRenderer(), &b.focused, b)
}

// FocusGained shows the ring.
func (b *keyButton) FocusGained() { b.focused = true; b.Button.FocusGained() }

// FocusLost hides it.
func (b *keyButton) FocusLost() { b.focused = false; b.Button.FocusLost() }

// CreateRenderer draws the drop-down with its focus ring.
func (s *keySelect) CreateRenderer() fyne.WidgetRenderer {
	return newRinged(s.Select.CreateRenderer(), &s.focused, s)
}

// FocusGained shows the ring.
func (s *keySelect) FocusGained() { s.focused = true; s.Select.FocusGained() }

// FocusLost hides it.
func (s *keySelect) FocusLost() { s.focused = false; s.Select.FocusLost() }

// ringed is a widget's renderer with a focus ring laid over it.
type ringed struct {
	fyne.WidgetRenderer
	ring    *canvas.Rectangle
	focused *bool
	w       fyne.Widget
}

func newRinged(inner fyne.WidgetRenderer, focused *bool, w fyne.Widget) *ringed {
	r := &ringed{WidgetRenderer: inner, ring: canvas.NewRectangle(color.Transparent), focused: focused, w: w}
	r.ring.Hide()
	return r
}

func (r *ringed) Objects() []fyne.CanvasObject {
	return append(r.WidgetRenderer.Objects(), r.ring)
}

func (r *ringed) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.ring.Move(fyne.NewPos(0, 0))
	r.ring.Resize(size)
}

func (r *ringed) Refresh() {
	r.WidgetRenderer.Refresh()
	markFocus(r.ring, *r.focused, r.w)
}

// markFocus shows ring as a focus ring on w, or hides it.
func markFocus(ring *canvas.Rectangle, focused bool, w fyne.Widget) {
	if !focused {
		ring.Hide()
		return
	}
	th := fyne.CurrentApp().Settings().Theme()
	if ct, ok := w.(interface{ Theme() fyne.Theme }); ok {
		th = ct.Theme()
	}
	v := fyne.CurrentApp().Settings().ThemeVariant()
	ring.FillColor = color.Transparent
	ring.StrokeColor = th.Color(theme.ColorNameForeground, v)
	ring.StrokeWidth = 2
	ring.CornerRadius = th.Size(theme.SizeNameInputRadius)
	ring.Show()
	ring.Refresh()
}
