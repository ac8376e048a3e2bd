package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"github.com/ogoh/ogoh/internal/progress"
)

// Text sizes offered, as a factor on the default sizes.
var textScales = []float32{1, 1.25, 1.5}

// ogohTheme is Fyne's default theme, held to light or dark when chosen,
// with larger text when asked, or a high-contrast palette.
type ogohTheme struct {
	fyne.Theme
	variant  *fyne.ThemeVariant
	contrast bool
	scale    float32
}

func (t ogohTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.contrast {
		if c, ok := contrastPalette[n]; ok {
			return c
		}
		v = theme.VariantDark
	}
	if t.variant != nil {
		v = *t.variant
	}
	palette := lightPalette
	if v == theme.VariantDark {
		palette = darkPalette
	}
	if c, ok := palette[n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}

// lightPalette and darkPalette replace the default theme's colours that
// read under WCAG AA's 4.5:1 (contrast_test.go computes every pair): the
// light theme's blue, greens and ambers were too pale for white text and
// for text on white, and the dark theme's blue too pale under white and
// too dark on black.
var lightPalette = map[fyne.ThemeColorName]color.Color{
	theme.ColorNamePrimary:             color.RGBA{0x15, 0x65, 0xc0, 0xff},
	theme.ColorNameHyperlink:           color.RGBA{0x15, 0x65, 0xc0, 0xff},
	theme.ColorNameForegroundOnPrimary: color.White,
	theme.ColorNameSelection:           color.RGBA{0xbb, 0xde, 0xfb, 0xff},
	theme.ColorNamePlaceHolder:         color.RGBA{0x59, 0x59, 0x59, 0xff},
	theme.ColorNameError:               color.RGBA{0xc6, 0x28, 0x28, 0xff},
	theme.ColorNameForegroundOnError:   color.White,
	theme.ColorNameSuccess:             color.RGBA{0x2e, 0x7d, 0x32, 0xff},
	theme.ColorNameForegroundOnSuccess: color.White,
	theme.ColorNameWarning:             color.RGBA{0xa1, 0x4a, 0x00, 0xff},
	theme.ColorNameForegroundOnWarning: color.White,
}

var darkPalette = map[fyne.ThemeColorName]color.Color{
	theme.ColorNamePrimary:             color.RGBA{0x64, 0xb5, 0xf6, 0xff},
	theme.ColorNameHyperlink:           color.RGBA{0x64, 0xb5, 0xf6, 0xff},
	theme.ColorNameForegroundOnPrimary: color.Black,
}

// Size scales the text sizes, and squares the corners of buttons, fields
// and selections. Fyne draws a rounded corner with a shader that works out
// every pixel's distance to the curve; on a post's laptop with no graphics
// driver (Mesa's software renderer, as under the benchmark) that shader
// cost the first frame 6–9 ms of the budget's 18 (docs/performance.md).
func (t ogohTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	switch n {
	case theme.SizeNameInputRadius, theme.SizeNameSelectionRadius:
		return 0
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return s * t.scale
	}
	return s
}

// contrastPalette: white on black, yellow for what can be pressed.
var contrastPalette = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameBackground:      color.Black,
	theme.ColorNameForeground:      color.White,
	theme.ColorNamePrimary:         color.RGBA{0xff, 0xd7, 0x00, 0xff},
	theme.ColorNameButton:          color.RGBA{0x26, 0x26, 0x26, 0xff},
	theme.ColorNameInputBackground: color.RGBA{0x14, 0x14, 0x14, 0xff},
	theme.ColorNameInputBorder:     color.White,
	theme.ColorNamePlaceHolder:     color.RGBA{0xd0, 0xd0, 0xd0, 0xff},
	theme.ColorNameDisabled:        color.RGBA{0xb0, 0xb0, 0xb0, 0xff},
	theme.ColorNameSeparator:       color.White,
	// A teal of middle lightness marks focus: white text on a focused
	// button and black on the focused yellow one both read at 4.5:1, and
	// a focused main button no longer looks like an unfocused one.
	theme.ColorNameFocus:               color.RGBA{0x00, 0x83, 0x8f, 0xff},
	theme.ColorNameForegroundOnPrimary: color.Black,
	theme.ColorNameSuccess:             color.RGBA{0x66, 0xff, 0x66, 0xff},
	theme.ColorNameError:               color.RGBA{0xff, 0x70, 0x70, 0xff},
	theme.ColorNameWarning:             color.RGBA{0xff, 0xb3, 0x47, 0xff},
	theme.ColorNameHyperlink:           color.RGBA{0x80, 0xd4, 0xff, 0xff},
}

// textScale is the chosen text size's factor.
func (a *App) textScale() float32 {
	return textScales[max(0, min(a.display.TextSize, len(textScales)-1))]
}

func (a *App) applyTheme() {
	a.fy.Settings().SetTheme(themeFor(a.display.Theme, a.textScale()))
}

// themeFor is the theme a device's choice and text size give.
func themeFor(choice progress.Theme, scale float32) ogohTheme {
	t := ogohTheme{Theme: theme.DefaultTheme(), scale: scale}
	switch choice {
	case progress.ThemeLight:
		v := theme.VariantLight
		t.variant = &v
	case progress.ThemeDark:
		v := theme.VariantDark
		t.variant = &v
	case progress.ThemeContrast:
		t.contrast = true
	}
	return t
}
