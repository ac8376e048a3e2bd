package ui

import (
	"image/color"

	"fyne.io/fyne/v2/theme"
)

func darkBackground() color.Color {
	return theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
}
