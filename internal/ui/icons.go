package ui

import (
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// lockIcon marks what a PIN protects (a profile, removing a PIN). Fyne
// has no padlock; a crossed-out eye read as "hidden", not "locked".
var lockIcon = theme.NewThemedResource(fyne.NewStaticResource("lock.svg", []byte(
	`<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">`+
		`<path d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5zm-3 5a3 3 0 0 1 6 0v3H9V7zm3 7a2 2 0 0 1 1 3.73V19h-2v-1.27A2 2 0 0 1 12 14z" fill="#000000"/>`+
		`</svg>`)))

// tintKey names an icon in one colour.
type tintKey struct {
	name   string
	colour color.NRGBA
}

// tints holds the icons tinted so far.
var (
	tintsMu sync.Mutex // buttons are made on the UI thread; a lock costs nothing beside an SVG
	tints   = map[tintKey]fyne.Resource{}
)

// tinted is a button's themed icon as Fyne would draw it now, coloured
// once and kept. Fyne's themed icon colours its SVG anew (an XML parse and
// write) each time the button is refreshed, hovered or focused: a third of
// the profile picker's build. A button of medium or low importance draws
// its icon in the icon's own colour, so only theirs are kept; Fyne
// recolours the others' for their background. The name stays Fyne's, which
// its drawn-icon cache is keyed by and clears when the theme changes.
func tinted(icon fyne.Resource, importance widget.Importance) fyne.Resource {
	th, ok := icon.(*theme.ThemedResource)
	if !ok || (importance != widget.MediumImportance && importance != widget.LowImportance) {
		return icon
	}
	key := tintKey{th.Name(), color.NRGBAModel.Convert(theme.Color(th.ThemeColorName())).(color.NRGBA)}
	tintsMu.Lock()
	defer tintsMu.Unlock()
	if r, ok := tints[key]; ok {
		return r
	}
	r := fyne.NewStaticResource(th.Name(), th.Content())
	tints[key] = r
	return r
}
