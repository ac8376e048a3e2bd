package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme choices stored in settings.
const (
	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// fixedVariant is the default theme held to light or dark, whatever the
// system says.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

func (a *App) applyTheme() {
	choice, _ := a.svc.Setting(a.ctx, settingTheme, themeSystem)
	switch choice {
	case themeLight:
		a.fy.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantLight})
	case themeDark:
		a.fy.Settings().SetTheme(fixedVariant{theme.DefaultTheme(), theme.VariantDark})
	default:
		a.fy.Settings().SetTheme(theme.DefaultTheme())
	}
}
