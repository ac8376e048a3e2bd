package ui

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2/theme"

	"github.com/ogoh/ogoh/internal/progress"
)

// TestButtonIconsFollowTheTheme: a button's icon is coloured once and
// kept (tinted), yet a change of theme, even with no screen redrawn, shows
// every button's icon in the new theme's colour, as Fyne's own themed icon
// is drawn; and a main button keeps Fyne's, which Fyne colours for its
// background.
func TestButtonIconsFollowTheTheme(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	d.createProfile("Dilnoza Karimova", "border-guard", "Post 12", "")
	d.tap(d.T("nav.switch"))
	var shown [][]byte
	for _, choice := range []progress.Theme{progress.ThemeLight, progress.ThemeContrast, progress.ThemeDark} {
		d.app.fy.Settings().SetTheme(themeFor(choice, 1))
		d.settle()
		b := d.button(d.T("guide.title"))
		if want := theme.SearchIcon().Content(); !bytes.Equal(b.Icon.Content(), want) {
			t.Errorf("theme %v: the quick reference's icon is drawn as\n%s\nnot as the theme draws it\n%s", choice, b.Icon.Content(), want)
		}
		shown = append(shown, b.Icon.Content())
		if main := d.button(d.T("profiles.new")); main.Icon != theme.ContentAddIcon() {
			t.Errorf("theme %v: the main button's icon is %s, not Fyne's themed one, which it colours for the button", choice, main.Icon.Name())
		}
	}
	if bytes.Equal(shown[0], shown[1]) {
		t.Error("the icon kept its light-theme colour in high contrast")
	}
}
