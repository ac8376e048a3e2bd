package ui

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2/theme"
)

func darkBackground() color.Color {
	return theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark)
}

func TestTextSizeAndHighContrast(t *testing.T) {
	dir := t.TempDir()
	d := start(t, dir, "ru")
	normal := d.app.fy.Settings().Theme().Size(theme.SizeNameText)
	d.tap(d.T("settings.title"))
	d.radioWith(d.T("settings.text.larger")).SetSelected(d.T("settings.text.larger"))
	if got := d.app.fy.Settings().Theme().Size(theme.SizeNameText); got != normal*1.5 {
		t.Errorf("larger text: %v, want %v", got, normal*1.5)
	}
	d.radioWith(d.T("settings.theme.contrast")).SetSelected(d.T("settings.theme.contrast"))
	th := d.app.fy.Settings().Theme()
	if th.Color(theme.ColorNameBackground, theme.VariantLight) != color.Black || th.Color(theme.ColorNameForeground, theme.VariantLight) != color.White {
		t.Error("high contrast is not white on black")
	}
	d.close()
	again := start(t, dir, "ru") // kept after a restart
	defer again.close()
	if got := again.app.fy.Settings().Theme().Size(theme.SizeNameText); got != normal*1.5 {
		t.Errorf("text size after restart: %v", got)
	}
}
