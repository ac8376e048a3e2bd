package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// optionRow is one choice of a question: a radio or check mark beside text
// that wraps, since options can be long sentences (Fyne's RadioGroup and
// Check do not wrap and would widen the window past a small screen).
type optionRow struct {
	widget.BaseWidget
	multi    bool
	selected bool
	disabled bool
	icon     *widget.Icon
	label    *paragraph
	onTap    func()
	// keys takes the keys the row does not use (Enter, Escape, F1…): the
	// router's, set by the screen; nil: they are dropped.
	keys    func(*fyne.KeyEvent)
	focused bool
	ring    *canvas.Rectangle // the focus mark, shown while focused
}

func newOptionRow(text string, multi bool, onTap func()) *optionRow {
	r := &optionRow{multi: multi, onTap: onTap, label: wrapped(text)}
	r.icon = widget.NewIcon(nil)
	r.ring = canvas.NewRectangle(color.Transparent)
	r.ring.Hide()
	r.ExtendBaseWidget(r)
	r.update()
	return r
}

func (r *optionRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(r.ring, container.NewBorder(nil, nil, container.NewCenter(r.icon), nil, r.label)))
}

// FocusGained marks the row: Tab reaches each option in turn.
func (r *optionRow) FocusGained() { r.focused = true; r.update() }

// FocusLost takes the mark away.
func (r *optionRow) FocusLost() { r.focused = false; r.update() }

// TypedRune: a row takes no text.
func (r *optionRow) TypedRune(rune) {}

// TypedKey ticks the row on Space; other keys go to the screen, so Enter
// checks the answer from the option in focus.
func (r *optionRow) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeySpace {
		r.Tapped(nil)
		return
	}
	if r.keys != nil {
		r.keys(ev)
	}
}

// Tapped selects the option (or toggles it, for multiple response).
func (r *optionRow) Tapped(*fyne.PointEvent) {
	if !r.disabled {
		r.onTap()
	}
}

func (r *optionRow) setSelected(b bool) {
	r.selected = b
	r.update()
}

func (r *optionRow) disable() {
	r.disabled = true
	r.update()
}

func (r *optionRow) update() {
	var res fyne.Resource
	switch {
	case r.multi && r.selected:
		res = theme.CheckButtonCheckedIcon()
	case r.multi:
		res = theme.CheckButtonIcon()
	case r.selected:
		res = theme.RadioButtonCheckedIcon()
	default:
		res = theme.RadioButtonIcon()
	}
	if r.disabled {
		res = theme.NewDisabledResource(res)
	}
	r.icon.SetResource(res)
	r.label.SetStyle(fyne.TextStyle{Bold: r.selected})
	markFocus(r.ring, r.focused, r)
}

// newToggle is a check box whose text wraps, for long settings labels.
func newToggle(text string, on bool) *optionRow {
	var r *optionRow
	r = newOptionRow(text, true, func() { r.setSelected(!r.selected) })
	r.setSelected(on)
	return r
}

// radioRows is a one-of choice on the router's screens (the theme, the
// text size, a profile's role) made of option rows: Tab reaches each,
// Space picks it, and the keys a row does not use (F1, Escape, Enter) go
// to the router. Fyne's RadioGroup gives the focus to items of its own
// that drop them.
type radioRows struct {
	widget.BaseWidget
	Options   []string
	Selected  string
	OnChanged func(string)
	rows      []*optionRow
	box       *fyne.Container
}

func (r *router) radio(options []string, horizontal bool) *radioRows {
	g := &radioRows{Options: options}
	g.box = container.NewVBox()
	if horizontal {
		g.box = container.NewGridWithColumns(max(len(options), 1))
	}
	for _, o := range options {
		row := newOptionRow(o, false, func() { g.SetSelected(o) })
		row.keys = r.typedKey
		g.rows = append(g.rows, row)
		g.box.Add(row)
	}
	g.ExtendBaseWidget(g)
	return g
}

func (g *radioRows) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(g.box) }

// SetSelected picks option, and says so to OnChanged when it changed.
func (g *radioRows) SetSelected(option string) {
	if option == g.Selected {
		return
	}
	g.Selected = option
	for i, row := range g.rows {
		row.setSelected(g.Options[i] == option)
	}
	if g.OnChanged != nil {
		g.OnChanged(option)
	}
}
