package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// TestASearchSurvivesALanguageSwitch: a search typed in the quick
// reference is still there, and still narrowing the cards, after the
// settings switch the language and Back returns to the guide, redrawn in
// the new language; F1's help and Escape return there too.
func TestASearchSurvivesALanguageSwitch(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	d.tap(d.T("guide.title"))
	d.entry(d.T("guide.search")).SetText("zzzz-nothing")
	d.see(d.T("guide.nothing"))

	d.key(fyne.KeyF1)
	d.see(d.T("help.keys"))
	d.key(fyne.KeyEscape)
	if got := d.entry(d.T("guide.search")).Text; got != "zzzz-nothing" {
		t.Fatalf("after the help the search reads %q", got)
	}

	d.tap(d.T("settings.title"))
	d.selects()[0].SetSelected(languageName("ru"))
	d.speak("ru")
	d.see(d.T("settings.title"))
	d.tap(d.T("nav.back"))
	if got := d.entry(d.T("guide.search")).Text; got != "zzzz-nothing" {
		t.Fatalf("after the language switch the search reads %q", got)
	}
	d.see(d.T("guide.nothing"))
}
