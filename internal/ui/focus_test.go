package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/progress"
)

// TestFocusShowsInEveryTheme: in the light, dark and high-contrast themes
// the main button, a plain button, an answer option and a drop-down each
// show a ring while focused, at 3:1 or more against the background (what
// WCAG asks of a focus mark), and none once the focus has moved on.
func TestFocusShowsInEveryTheme(t *testing.T) {
	for _, choice := range []progress.Theme{progress.ThemeLight, progress.ThemeDark, progress.ThemeContrast} {
		t.Run(string(choice), func(t *testing.T) {
			app := test.NewTempApp(t)
			app.Settings().SetTheme(themeFor(choice, 1))
			win := app.NewWindow("focus")
			nav := newRouter(win)
			main := nav.button("Check answer", theme.ConfirmIcon(), func() {})
			main.Importance = widget.HighImportance
			plain := nav.button("Back", theme.NavigateBackIcon(), func() {})
			row := newOptionRow("An option", true, func() {})
			sel := nav.newSelect([]string{"one", "two"}, nil)
			win.SetContent(container.NewVBox(main, plain, row, sel))
			win.Resize(fyne.NewSize(400, 300))
			v := theme.VariantDark
			if choice == progress.ThemeLight {
				v = theme.VariantLight
			}
			bg := app.Settings().Theme().Color(theme.ColorNameBackground, v)
			for _, w := range []struct {
				name string
				obj  fyne.Focusable
			}{{"the main button", main}, {"a button", plain}, {"an option", row}, {"a drop-down", sel}} {
				win.Canvas().Focus(w.obj)
				ring := ringOf(t, w.obj.(fyne.Widget))
				if !ring.Visible() {
					t.Errorf("%s theme: %s shows no focus ring", choice, w.name)
				} else if r := contrast(over(ring.StrokeColor, bg), bg); r < 3 || ring.StrokeWidth < 2 {
					t.Errorf("%s theme: the focus ring of %s is %.2f:1, %.0f px", choice, w.name, r, ring.StrokeWidth)
				}
				win.Canvas().Unfocus()
				if ring.Visible() {
					t.Errorf("%s theme: %s keeps its focus ring after the focus left", choice, w.name)
				}
			}
		})
	}
}

// ringOf is the focus ring drawn for w.
func ringOf(t *testing.T, w fyne.Widget) *canvas.Rectangle {
	t.Helper()
	switch x := w.(type) {
	case *optionRow:
		return x.ring
	default:
		if r, ok := test.WidgetRenderer(w).(*ringed); ok {
			return r.ring
		}
	}
	t.Fatalf("%T has no focus ring", w)
	return nil
}
