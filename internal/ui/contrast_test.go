package ui

import (
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/ogoh/ogoh/internal/progress"
)

// textPairs are the text colours each theme draws and what they are drawn
// on; WCAG AA asks 4.5:1 of each. Disabled text is left out, as WCAG does.
var textPairs = []struct{ text, on fyne.ThemeColorName }{
	{theme.ColorNameForeground, theme.ColorNameBackground},
	{theme.ColorNameForeground, theme.ColorNameButton},
	{theme.ColorNameForeground, theme.ColorNameInputBackground},
	{theme.ColorNameForeground, theme.ColorNameHover},
	{theme.ColorNameForeground, theme.ColorNamePressed},
	{theme.ColorNameForeground, theme.ColorNameSelection},
	{theme.ColorNameForeground, theme.ColorNameHeaderBackground},
	{theme.ColorNameForeground, theme.ColorNameMenuBackground},
	{theme.ColorNameForeground, theme.ColorNameOverlayBackground},
	{theme.ColorNamePlaceHolder, theme.ColorNameInputBackground},
	{theme.ColorNameForegroundOnPrimary, theme.ColorNamePrimary},
	{theme.ColorNameForegroundOnError, theme.ColorNameError},
	{theme.ColorNameForegroundOnSuccess, theme.ColorNameSuccess},
	{theme.ColorNameForegroundOnWarning, theme.ColorNameWarning},
	{theme.ColorNameHyperlink, theme.ColorNameBackground},
	{theme.ColorNameError, theme.ColorNameBackground},
	{theme.ColorNameSuccess, theme.ColorNameBackground},
	{theme.ColorNameWarning, theme.ColorNameBackground},
	{theme.ColorNamePrimary, theme.ColorNameBackground},
}

// TestEveryThemeReadsAtAA computes, for each theme a learner can choose,
// the contrast of every text colour on what it is drawn on (translucent
// colours laid over the background first), and of text on a focused
// button.
func TestEveryThemeReadsAtAA(t *testing.T) {
	for _, choice := range []progress.Theme{progress.ThemeLight, progress.ThemeDark, progress.ThemeContrast} {
		th := themeFor(choice, 1)
		v := theme.VariantDark
		if choice == progress.ThemeLight {
			v = theme.VariantLight
		}
		bg := th.Color(theme.ColorNameBackground, v)
		for _, p := range textPairs {
			on := over(th.Color(p.on, v), bg)
			if r := contrast(over(th.Color(p.text, v), on), on); r < 4.5 {
				t.Errorf("%s theme: %s on %s is %.2f:1, under 4.5:1", choice, p.text, p.on, r)
			}
		}
		for _, b := range []struct{ button, text fyne.ThemeColorName }{
			{theme.ColorNameButton, theme.ColorNameForeground},
			{theme.ColorNamePrimary, theme.ColorNameForegroundOnPrimary},
		} {
			focused := over(th.Color(theme.ColorNameFocus, v), over(th.Color(b.button, v), bg))
			if r := contrast(over(th.Color(b.text, v), focused), focused); r < 4.5 {
				t.Errorf("%s theme: %s on a focused %s button is %.2f:1, under 4.5:1", choice, b.text, b.button, r)
			}
		}
	}
}

// over lays c, which may be translucent, over an opaque bg.
func over(c, bg color.Color) color.Color {
	r, g, b, a := c.RGBA()
	br, bgg, bb, _ := bg.RGBA()
	mix := func(x, y uint32) uint8 { return uint8((x*a + y*(0xffff-a)) / 0xffff >> 8) }
	return color.RGBA{mix(r, br), mix(g, bgg), mix(b, bb), 0xff}
}

// contrast is WCAG 2's contrast ratio of two opaque colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}
