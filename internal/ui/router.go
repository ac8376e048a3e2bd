package ui

import (
	"fyne.io/fyne/v2"
)

// screen is one of the app's screens: it draws itself in the current
// language. The router keeps the screen it shows, so it can draw it again
// in place when the language, the theme or the text size changes, or when
// what it shows has changed.
type screen interface {
	draw() (title string, content fyne.CanvasObject)
}

// keeper is a screen with state in its widgets that is not saved yet (an
// answer being given): keep copies it into the screen, before the screen
// is left for another (Help, Settings) or drawn again, so it is there
// when the screen is drawn next.
type keeper interface{ keep() }

// opener is a screen with something to do once as it is opened, not on
// each redraw (a lesson records that it was opened).
type opener interface{ opened() }

// screenFunc is a screen that is only a way to draw itself.
type screenFunc func() (string, fyne.CanvasObject)

func (f screenFunc) draw() (string, fyne.CanvasObject) { return f() }

// router puts one screen at a time in the window and owns what belongs to
// the screen shown rather than to any screen: where typing goes first, the
// way back (Escape, the Back button), and the keys the screen binds.
type router struct {
	win     fyne.Window
	current screen
	focus   fyne.Focusable // set by a screen's draw: where typing goes first
	back    func()         // Escape: the current screen's way back
	keys    map[fyne.KeyName]func()
	input   func() // told of each screen drawn: input for the idle lock (idle.go)
	// modal, while a dialog of the app's own (the file chooser) is open,
	// takes every key first: Escape closes the dialog, not the screen
	// behind it.
	modal func(*fyne.KeyEvent)
}

func newRouter(win fyne.Window) *router {
	r := &router{win: win, keys: map[fyne.KeyName]func(){}}
	win.Canvas().SetOnTypedKey(r.typedKey)
	return r
}

// open shows s in the window.
func (r *router) open(s screen) {
	r.keepCurrent()
	if o, ok := s.(opener); ok {
		o.opened()
	}
	r.current = s
	r.redraw()
}

// redraw draws the current screen again, from nothing bound.
func (r *router) redraw() {
	if r.current == nil {
		return
	}
	if r.input != nil {
		r.input()
	}
	r.keepCurrent()
	r.focus, r.back, r.keys = nil, nil, map[fyne.KeyName]func(){}
	title, content := r.current.draw()
	r.win.SetTitle("Ogoh — " + title)
	left := r.win.Content()
	r.win.SetContent(content)
	if releaseLeft != nil && left != nil {
		releaseLeft(left)
	}
	if r.focus != nil {
		r.win.Canvas().Focus(r.focus)
	}
}

func (r *router) keepCurrent() {
	if k, ok := r.current.(keeper); ok {
		k.keep()
	}
}

// releaseLeft, when set, frees at once what Fyne holds of a screen just
// left; only the benchmark of freeing sets it (release_bench.go), on a Fyne
// changed to allow it: Fyne 2.7 has no public way (docs/performance.md).
var releaseLeft func(left fyne.CanvasObject)

// returnHere is a way back to the screen shown now, as it will be then.
func (r *router) returnHere() func() {
	here := r.current
	return func() { r.open(here) }
}

// typedKey is the keyboard for keys no focused widget takes: Escape goes
// back; a screen may bind others (number keys pick an answer, Enter
// confirms, arrows turn lesson pages, F1 opens Help). Fyne gives a key to
// the focused widget alone, so the buttons, drop-downs, fields and answer
// options of the screens (keyed.go, answers_row.go) pass the keys they do
// not use on to it: the keys work whatever has the focus.
func (r *router) typedKey(ev *fyne.KeyEvent) {
	if r.modal != nil {
		r.modal(ev)
		return
	}
	if f := r.keys[ev.Name]; f != nil {
		f()
		return
	}
	if ev.Name == fyne.KeyEscape && r.back != nil {
		r.back()
	}
}

// bind makes key do f while the current screen is shown.
func (r *router) bind(key fyne.KeyName, f func()) { r.keys[key] = f }

// bindEnter makes Enter (and the keypad's) tap b when it is shown and
// enabled; b is a button (widget.Button or keyButton).
func (r *router) bindEnter(o fyne.CanvasObject) {
	b, ok := asButton(o)
	if !ok {
		return
	}
	press := func() {
		if b.Visible() && !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	}
	r.keys[fyne.KeyReturn], r.keys[fyne.KeyEnter] = press, press
}

// numberKeys are the keys that pick the n-th choice.
var numberKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}

// to is a way to s, for a button or a way back. Use it for screens that
// keep no state of their own; one that does is made anew each time.
func (r *router) to(s screen) func() { return func() { r.open(s) } }
