package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
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
	icon    fyne.Resource // as given; Button.Icon holds it tinted
	nav     *router
	ofInput bool // part of a question's answer: Enter goes to the router
	focused bool
}

// button is a button on the router's screens.
func (r *router) button(label string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{nav: r, icon: icon}
	b.Text, b.Icon, b.OnTapped = label, tinted(icon, b.Importance), tapped
	b.ExtendBaseWidget(b)
	return b
}

// SetIcon shows another icon, or none.
func (b *keyButton) SetIcon(icon fyne.Resource) {
	b.icon = icon
	b.Refresh()
}

// Refresh tints the icon again, for the theme and importance of now: Fyne
// refreshes every widget when the theme changes.
func (b *keyButton) Refresh() {
	b.Icon = tinted(b.icon, b.Importance)
	b.Button.Refresh()
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

// TypedKey opens the list on Space, or steps through it as a Select
// does; other keys go to the router.
func (s *keySelect) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace:
		s.openList()
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight:
		s.Select.TypedKey(ev)
	default:
		s.nav.typedKey(ev)
	}
}

// Tapped opens the list.
func (s *keySelect) Tapped(*fyne.PointEvent) {
	if !s.Disabled() {
		s.openList()
	}
}

// openList shows the options below the drop-down (above it when there is
// more room there), each whole: Fyne's own list is one line an option
// and cuts a long one (a matching question's sentence) with "…". Tab
// and Space, or a tap, pick one; Escape closes the list.
func (s *keySelect) openList() {
	c := fyne.CurrentApp().Driver().CanvasForObject(s)
	if c == nil || len(s.Options) == 0 {
		return
	}
	box := container.NewVBox()
	var pop *widget.PopUp
	closeList := func() { pop.Hide(); c.Focus(s) }
	var first fyne.Focusable
	for _, o := range s.Options {
		row := newOptionRow(o, false, func() { closeList(); s.SetSelected(o) })
		row.setSelected(o == s.Selected)
		row.keys = func(ev *fyne.KeyEvent) {
			switch {
			case ev.Name == fyne.KeyEscape:
				closeList()
			case isEnter(ev.Name):
				row.Tapped(nil)
			default:
				s.nav.typedKey(ev)
			}
		}
		if first == nil || o == s.Selected {
			first = row
		}
		box.Add(row)
	}
	pop = widget.NewPopUp(container.NewVScroll(box), c)
	pos, size := s.listPlace(c, box)
	pop.ShowAtPosition(pos)
	pop.Resize(size)
	c.Focus(first)
}

// listPlace is where the open list goes and its size: as wide as the
// drop-down (wider, up to the window, for a narrow one), as tall as its
// options, below the drop-down or above it, within the window.
func (s *keySelect) listPlace(c fyne.Canvas, box *fyne.Container) (fyne.Position, fyne.Size) {
	pad := theme.Padding()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(s)
	win := c.Size()
	width := min(max(s.Size().Width, 360), win.Width-2*pad)
	x := min(at.X, win.Width-width-pad)
	box.Resize(fyne.NewSize(width, box.MinSize().Height))
	height := box.MinSize().Height + 2*pad
	below := win.Height - (at.Y + s.Size().Height) - pad
	above := at.Y - pad
	if height <= below || below >= above {
		return fyne.NewPos(x, at.Y+s.Size().Height), fyne.NewSize(width, min(height, below))
	}
	height = min(height, above)
	return fyne.NewPos(x, at.Y-height), fyne.NewSize(width, height)
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

// passwordEntry is a PIN or password field on the router's screens, with
// an eye to show what was typed (Fyne's own is made for its own entry
// only).
func (r *router) passwordEntry() *keyEntry {
	e := &keyEntry{nav: r}
	e.Password = true
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.ExtendBaseWidget(e)
	e.ActionItem = newRevealer(e)
	return e
}

// revealer is the eye in a password field: a tap shows the text, another
// hides it again.
type revealer struct {
	widget.BaseWidget
	icon  *widget.Icon
	entry *keyEntry
}

func newRevealer(e *keyEntry) *revealer {
	r := &revealer{icon: widget.NewIcon(theme.VisibilityOffIcon()), entry: e}
	r.ExtendBaseWidget(r)
	return r
}

func (r *revealer) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewCenter(r.icon))
}

// MinSize is that of Fyne's own eye: the icon with padding round it.
func (r *revealer) MinSize() fyne.Size {
	return fyne.NewSquareSize(theme.IconInlineSize() + 2*theme.InnerPadding())
}

// Tapped shows or hides the text.
func (r *revealer) Tapped(*fyne.PointEvent) {
	r.entry.Password = !r.entry.Password
	r.icon.SetResource(theme.VisibilityOffIcon())
	if !r.entry.Password {
		r.icon.SetResource(theme.VisibilityIcon())
	}
	r.entry.Refresh()
}

// Cursor is the pointer over the eye.
func (r *revealer) Cursor() desktop.Cursor { return desktop.DefaultCursor }

// multiLineEntry is a field for several lines of text (a pasted
// certificate) on the router's screens.
func (r *router) multiLineEntry() *keyEntry {
	e := &keyEntry{nav: r}
	e.MultiLine = true
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
	b.Icon = tinted(b.icon, b.Importance) // a screen may have set the importance since
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

// asSelect is the Fyne drop-down of o, a plain one or a keySelect.
func asSelect(o fyne.CanvasObject) (*widget.Select, bool) {
	switch s := o.(type) {
	case *widget.Select:
		return s, true
	case *keySelect:
		return &s.Select, true
	}
	return nil, false
}

// keyList is a list on the router's screens: arrows move, Space takes the
// line; other keys go to the router (F1, Escape, and, under the file
// chooser, Enter).
type keyList struct {
	widget.List
	nav *router
}

func (r *router) list(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyList {
	l := &keyList{nav: r}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey moves and takes lines as a list does; the rest go to the
// router.
func (l *keyList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyUp, fyne.KeyDown:
		l.List.TypedKey(ev)
	default:
		l.nav.typedKey(ev)
	}
}

// keyTable is a table on the router's screens: arrows move, Space takes
// the cell; other keys go to the router.
type keyTable struct {
	widget.Table
	nav *router
}

func (r *router) table(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *keyTable {
	t := &keyTable{nav: r}
	t.Length, t.CreateCell, t.UpdateCell = length, create, update
	t.ExtendBaseWidget(t)
	return t
}

// TypedKey moves and takes cells as a table does; the rest go to the
// router.
func (t *keyTable) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight:
		t.Table.TypedKey(ev)
	default:
		t.nav.typedKey(ev)
	}
}

// formActions are a form's Cancel and Submit as the router's buttons:
// Fyne's Form makes its own, which keep F1 and Escape. No cancel: no
// Cancel button. Enter in each of fields submits, as in Fyne's Form.
func (a *App) formActions(submitText string, submit, cancel func(), fields ...*keyEntry) fyne.CanvasObject {
	row := container.NewHBox(layout.NewSpacer())
	if cancel != nil {
		row.Add(a.nav.button(a.T("dialog.cancel"), theme.CancelIcon(), cancel))
	}
	ok := a.nav.button(submitText, theme.ConfirmIcon(), submit)
	ok.Importance = widget.HighImportance
	row.Add(ok)
	for _, f := range fields {
		if f.OnSubmitted == nil {
			f.OnSubmitted = func(string) { submit() }
		}
	}
	return row
}

// modalKeys gives the keys to dialog d while it is open: Escape closes it,
// Enter does enter, and the screen behind gets none (Escape would
// otherwise go back behind the dialog).
func (a *App) modalKeys(d dialog.Dialog, enter func()) {
	a.nav.modal = func(ev *fyne.KeyEvent) {
		switch {
		case ev.Name == fyne.KeyEscape:
			d.Hide()
		case isEnter(ev.Name) && enter != nil:
			enter()
		}
	}
	d.SetOnClosed(func() { a.nav.modal = nil })
}
