package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
)

// TestNothingClippedOrMisleading, in every language: a PIN profile is
// marked by a lock; "Played once", not "Played 1 times"; About names a
// development build instead of "unknown · unknown"; a course's status in
// Courses on this computer is one whole line; Sync and Trainer mode are
// wholly in the window at 1024×600; the catalogue's progress is words
// beside a bar with no text in it; a scenario passage is not all bold.
func TestNothingClippedOrMisleading(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			d.app.win.Resize(fyne.NewSize(1024, 600))
			if _, err := d.app.svc.CreateLearner(context.Background(), progress.NewLearner{Name: "Locked", Role: "other", Language: lang, PIN: "1234"}); err != nil {
				t.Fatal(err)
			}
			d.app.nav.open(newProfilesScreen(d.app))
			if b := d.button(d.app.profileLabel(d.profile("Locked"))); b.Icon.Name() != lockIcon.Name() {
				t.Errorf("a PIN profile is marked by %v, not a lock", b.Icon.Name())
			}
			if got := d.loc.N("scenario.summary", 1, "Runs", 1, "Best", "x"); strings.Contains(got, "1 times") {
				t.Errorf("one run reads %q", got)
			}
			d.createProfile("Zarina", "border-guard", "", "")
			d.checkCatalogueProgress(t)
			d.checkScenarioPassage(t)
			d.checkSettingsButtonsInView(t)
			d.unlockTrainer(trainerPIN)
			d.tap(d.T("trainer.courses"))
			d.checkBundledStatusWhole(t)
			d.key(fyne.KeyF1)
			if text := d.texts(); strings.Contains(text, "unknown") || !strings.Contains(text, d.T("help.build.dev")) {
				t.Errorf("About for a build with no commit: %s", text)
			}
		})
	}
}

func (d *driver) profile(name string) (l domain.Learner) {
	d.t.Helper()
	all, _ := d.app.svc.Learners(context.Background())
	for _, x := range all {
		if x.Name == name {
			return x
		}
	}
	d.t.Fatalf("no learner %s", name)
	return l
}

func (d *driver) checkCatalogueProgress(t *testing.T) {
	t.Helper()
	for _, o := range d.visible() {
		if b, ok := o.(*widget.ProgressBar); ok && b.TextFormatter != nil && b.TextFormatter() != "" {
			t.Errorf("a progress bar reads %q inside it, like a button", b.TextFormatter())
		}
	}
	c := trafficking(t)
	d.see(d.T("catalogue.progress", "Done", 0, "Total", d.app.progressIn(c).Total))
}

func (d *driver) checkScenarioPassage(t *testing.T) {
	t.Helper()
	c := bundledCourse(t, "border-indicators")
	d.openCourse(c)
	d.tapNth(d.T("scenario.play"), 0)
	sc := c.Scenarios[0]
	text := sc.Step(sc.Start).Text.In(c.Lang(d.loc.Lang), c.DefaultLanguage)
	for _, o := range d.visible() {
		if p, ok := o.(*paragraph); ok && p.Text() == text && p.style.Bold {
			t.Error("the scenario passage is all in bold")
		}
	}
}

func (d *driver) checkSettingsButtonsInView(t *testing.T) {
	t.Helper()
	d.tap(d.T("settings.title"))
	for _, id := range []string{"sync.title", "trainer.title"} {
		b := d.button(d.T(id))
		p := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
		if p.Y+b.Size().Height > d.app.win.Canvas().Size().Height || b.Size().Width < b.MinSize().Width {
			t.Errorf("%s is cut: at %v, %v of the window's %v", id, p, b.Size(), d.app.win.Canvas().Size())
		}
	}
}

func (d *driver) checkBundledStatusWhole(t *testing.T) {
	t.Helper()
	for _, o := range d.visible() {
		if l, ok := o.(*widget.Label); ok && l.Text == d.T("trainer.bundled") {
			if l.Size().Width < l.MinSize().Width || l.Wrapping != fyne.TextWrapOff {
				t.Errorf("the status %q has %v of %v", l.Text, l.Size(), l.MinSize())
			}
			return
		}
	}
	t.Errorf("no whole-line status %q: %s", d.T("trainer.bundled"), d.texts())
}
