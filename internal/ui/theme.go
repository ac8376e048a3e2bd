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
	return t.Theme.Color(n, v)
}

func (t ogohTheme) Size(n fyne.ThemeSizeName) float32 {
	s := t.Theme.Size(n)
	switch n {
	case theme.SizeNameText, theme.SizeNameHeadingText, theme.SizeNameSubHeadingText,
		theme.SizeNameCaptionText, theme.SizeNameInlineIcon:
		return s * t.scale
	}
	return s
}

// contrastPalette: white on black, yellow for what can be pressed.
var contrastPalette = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameBackground:          color.Black,
	theme.ColorNameForeground:          color.White,
	theme.ColorNamePrimary:             color.RGBA{0xff, 0xd7, 0x00, 0xff},
	theme.ColorNameButton:              color.RGBA{0x26, 0x26, 0x26, 0xff},
	theme.ColorNameInputBackground:     color.RGBA{0x14, 0x14, 0x14, 0xff},
	theme.ColorNameInputBorder:         color.White,
	theme.ColorNamePlaceHolder:         color.RGBA{0xd0, 0xd0, 0xd0, 0xff},
	theme.ColorNameDisabled:            color.RGBA{0xb0, 0xb0, 0xb0, 0xff},
	theme.ColorNameSeparator:           color.White,
	theme.ColorNameFocus:               color.RGBA{0xff, 0xd7, 0x00, 0xff},
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
	t := ogohTheme{Theme: theme.DefaultTheme(), scale: a.textScale()}
	switch a.display.Theme {
	case progress.ThemeLight:
		v := theme.VariantLight
		t.variant = &v
	case progress.ThemeDark:
		v := theme.VariantDark
		t.variant = &v
	case progress.ThemeContrast:
		t.contrast = true
	}
	a.fy.Settings().SetTheme(t)
}
