package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/domain"
)

// markedOnScreen is every word a search marked on the screen.
func (d *driver) markedOnScreen() []string {
	var out []string
	for _, o := range d.visible() {
		if r, ok := o.(*widget.RichText); ok {
			out = append(out, hits(r)...)
		}
	}
	return out
}

// TestQuickReferenceSearchMarksCountsAndSaysNothingFound: reached from the
// first-run welcome, a search typed with another ending finds the cards,
// says how many, and marks the words it matched; a word found nowhere says
// so plainly on every tab, referral contacts too.
func TestQuickReferenceSearchMarksCountsAndSaysNothingFound(t *testing.T) {
	words := map[string]string{"en": "passports", "ru": "паспорта", "uz": "pasportlar"}
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := launch(t, t.TempDir(), lang, false)
			defer d.close()
			d.see(d.T("welcome.what"))
			d.tap(d.T("guide.title"))
			d.entry(d.T("guide.search")).SetText(words[lang])
			found := d.app.guide.Find("", words[lang], lang)
			if len(found) == 0 {
				t.Fatalf("the guide has no card for %q", words[lang])
			}
			d.see(d.loc.N("guide.found.cards", len(found)))
			d.shot(t, "guide-search")
			marked := d.markedOnScreen()
			if len(marked) == 0 {
				t.Fatalf("nothing marked for %q; screen: %s", words[lang], d.texts())
			}
			stem := []rune(words[lang])[:6]
			for _, m := range marked {
				if !strings.HasPrefix(strings.ToLower(m), string(stem)) {
					t.Errorf("marked %q for %q", m, words[lang])
				}
			}

			err := d.app.svc.SetContacts(context.Background(), []domain.Contact{{Organisation: "Ombudsman", Phone: "1146"}})
			if err != nil {
				t.Fatal(err)
			}
			d.entry(d.T("guide.search")).SetText("zzzzqqq")
			for tab := range 3 {
				d.openTab(tab)
				d.see(d.T("guide.nothing"))
			}
			d.tap(d.T("nav.back"))
			d.see(d.T("welcome.what"))
		})
	}
}

// TestQuickReferenceFilterShowsItsOptionsWhole: at 1024×600 the setting
// filter is wide enough for each of its options in every language (it
// cut "Все ситуации" to "Все ситуац…").
func TestQuickReferenceFilterShowsItsOptionsWhole(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			d.app.win.Resize(fyne.NewSize(1024, 600))
			d.tap(d.T("guide.title"))
			sel := d.selects()
			if len(sel) != 1 {
				t.Fatalf("%d drop-downs on the guide", len(sel))
			}
			if sel[0].Options[0] == "All settings" {
				t.Errorf("the filter still says %q, like the app's Settings", sel[0].Options[0])
			}
			room := sel[0].Size().Width - fyne.CurrentApp().Settings().Theme().Size("iconInline") - 4*fyne.CurrentApp().Settings().Theme().Size("padding")
			for _, o := range sel[0].Options {
				if w := fyne.MeasureText(o, fyne.CurrentApp().Settings().Theme().Size("text"), fyne.TextStyle{}).Width; w > room {
					t.Errorf("%q needs %.0f px; the filter has %.0f", o, w, room)
				}
			}
		})
	}
}

// shot saves the window as OGOH_SHOTS/<lang>-<name>.png when OGOH_SHOTS
// is set, to be looked at; it asserts nothing.
func (d *driver) shot(t *testing.T, name string) {
	if dir := os.Getenv("OGOH_SHOTS"); dir != "" {
		save(t, d.app.win.Canvas(), filepath.Join(dir, d.loc.Lang+"-"+name+".png"))
	}
}
