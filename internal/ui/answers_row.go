package ui

import (
	"fyne.io/fyne/v2"
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
}

func newOptionRow(text string, multi bool, onTap func()) *optionRow {
	r := &optionRow{multi: multi, onTap: onTap, label: wrapped(text)}
	r.icon = widget.NewIcon(nil)
	r.ExtendBaseWidget(r)
	r.update()
	return r
}

func (r *optionRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, container.NewCenter(r.icon), nil, r.label))
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
}

// newToggle is a check box whose text wraps, for long settings labels.
func newToggle(text string, on bool) *optionRow {
	var r *optionRow
	r = newOptionRow(text, true, func() { r.setSelected(!r.selected) })
	r.setSelected(on)
	return r
}
