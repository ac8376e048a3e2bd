package ui

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
)

// TestEveryScreenIsTranslated visits every screen in every language and
// fails if a raw message ID shows anywhere or a screen needs more than a
// 1024×600 netbook offers. With OGOH_SHOTS=DIR it also
// saves each screen as a PNG there, to look at as a person would.
func TestEveryScreenIsTranslated(t *testing.T) {
	shots := os.Getenv("OGOH_SHOTS")
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			c := trafficking(t)
			q := c.Quiz("final")
			ids := d.app.bundle.MessageIDs("en")
			n := 0
			snap := func(name string) {
				t.Helper()
				for _, part := range strings.Split(d.texts(), " | ") {
					if slices.Contains(ids, strings.Trim(part, "[]")) {
						t.Errorf("%s: screen %s shows the raw message ID %q", lang, name, part)
					}
				}
				if m := d.app.win.Content().MinSize(); m.Width > 1024 || m.Height > 600 {
					t.Errorf("%s: screen %s needs %.0f×%.0f px; it must fit a 1024×600 netbook", lang, name, m.Width, m.Height)
				}
				if shots != "" {
					n++
					save(t, d.app.win.Canvas(), filepath.Join(shots, fmt.Sprintf("%s-%02d-%s.png", lang, n, name)))
				}
			}
			snap("profiles-empty")
			d.tap(d.T("profiles.new"))
			snap("new-profile")
			d.tap(d.T("nav.back"))
			d.createProfile("Dilnoza Karimova", "border-guard", "Post 12", "1234")
			d.tap(d.T("nav.switch"))
			snap("profiles")
			d.tap("Dilnoza Karimova — " + d.T("role.border-guard") + ", Post 12")
			snap("pin")
			d.typeInto(d.T("pin.placeholder"), "1234")
			d.tap(d.T("pin.open"))
			snap("catalogue")
			d.openCourse(c)
			snap("course")
			d.tap(d.T("lesson.read"))
			snap("lesson-1")
			d.tap(d.T("lesson.next"))
			snap("lesson-2")
			d.tap(d.T("nav.back"))
			d.tap(d.T("quiz.start"))
			seen := map[domain.Kind]bool{}
			for i := 0; i < q.Draw; i++ {
				qu := d.shownQuestion(c, q)
				if !seen[qu.Type] {
					snap("quiz-" + string(qu.Type))
				}
				resp := keyOf(qu)
				if i%4 == 0 {
					resp = wrong(qu)
				}
				d.answer(c, qu, resp)
				d.tap(d.T("quiz.check"))
				if !seen[qu.Type] {
					snap("feedback-" + string(qu.Type))
					seen[qu.Type] = true
				}
				if i+1 < q.Draw {
					d.tap(d.T("quiz.next"))
				}
			}
			d.tap(d.T("quiz.see.result"))
			snap("result")
			d.tap(d.T("result.back"))
			snap("course-after")
			d.tap(d.T("settings.title"))
			snap("settings")
			d.tap(d.T("sync.title"))
			snap("sync")
			d.tap(d.T("nav.back"))
			d.tap(d.T("trainer.title"))
			snap("trainer-pin")
			d.tap(d.T("nav.back"))
			d.unlockTrainer(trainerPIN)
			snap("trainer")
			d.tap(d.T("sync.title"))
			snap("sync-trainer")
			d.tap(d.T("nav.back"))
			d.tap(d.T("contacts.title"))
			snap("contacts")
			d.tap(d.T("contacts.add"))
			snap("contacts-edit")
			d.tap(d.T("nav.back"))
			d.tap(d.T("contacts.unsaved.leave")) // the contact added is not saved
			d.tap(d.T("trainer.keys"))
			snap("keys")
			d.tap(d.T("nav.back"))
			d.tap(d.T("trainer.learners"))
			snap("report")
			d.tap(d.T("nav.back"))
			d.tap(d.T("trainer.courses"))
			snap("courses")
			d.tap(d.T("nav.back"))
			d.tap(d.T("trainer.leave")) // settings
			d.tap(d.T("nav.back"))      // the course
			d.tap(d.T("nav.back"))      // the catalogue
			d.tap(d.T("guide.title"))
			snap("guide")
			d.openTab(1)
			snap("glossary")
			d.tap(d.T("nav.back"))
			d.openCourse(bundledCourse(t, "border-indicators"))
			snap("course-scenarios")
			d.tapNth(d.T("scenario.play"), 0)
			snap("scenario")
			sc := bundledCourse(t, "border-indicators").Scenarios[0]
			d.choose(sc.Step(sc.Start).Choices[0].Text.In(lang, "en"))
			d.tap(d.T("scenario.choose"))
			snap("scenario-feedback")
		})
	}
}

// TestSetUpAndTamperedScreensAreTranslated: the trainer's set-up of a
// new device and the screen of a tampered lock, in every language, within
// 1024×600 (OGOH_SHOTS=DIR saves them).
func TestSetUpAndTamperedScreensAreTranslated(t *testing.T) {
	shots := os.Getenv("OGOH_SHOTS")
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			dir := t.TempDir()
			d := launch(t, dir, lang, false)
			defer d.close()
			snap := func(name string) {
				t.Helper()
				if m := d.app.win.Content().MinSize(); m.Width > 1024 || m.Height > 600 {
					t.Errorf("%s: screen %s needs %.0f×%.0f px", lang, name, m.Width, m.Height)
				}
				if shots != "" {
					save(t, d.app.win.Canvas(), filepath.Join(shots, fmt.Sprintf("%s-setup-%s.png", lang, name)))
				}
			}
			d.tap(d.T("welcome.start"))
			d.see(d.T("trainer.setup.text"))
			snap("lock")
			d.typeInto(d.T("pin.placeholder"), "2468")
			d.typeRepeat("2468")
			d.tap(d.T("trainer.setup.continue"))
			d.see(d.T("profile.name"))
			d.tap(d.T("nav.back"))
			d.createProfile("Dilnoza", "border-guard", "", "")
			d.db.SetSetting(context.Background(), "trainer.lock", "")
			d.tap(d.T("settings.title"))
			d.tap(d.T("trainer.title"))
			d.see(d.T("trainer.tampered", "Folder", dir))
			snap("tampered")
		})
	}
}

func save(t *testing.T, c fyne.Canvas, file string) {
	t.Helper()
	f, err := os.Create(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// The real window lays out again, before each frame, whatever's minimum
	// size changed since (wrapped text, once it knows its width); the test
	// canvas does not, so its picture would show text overlapping.
	c.Content().Refresh()
	if err := png.Encode(f, c.Capture()); err != nil {
		t.Fatal(err)
	}
}

// TestMainScreensFitAtTheLargestText: with the largest text size, the main
// screens still fit a 1024×600 netbook in every language (long texts wrap
// and scroll instead of pushing the window wider).
func TestMainScreensFitAtTheLargestText(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			if !d.app.saveDisplay(progress.Display{Theme: progress.ThemeSystem, TextSize: 2}) {
				t.Fatal("the largest text size was not saved")
			}
			d.app.applyTheme()
			fits := func(name string) {
				t.Helper()
				if m := d.app.win.Content().MinSize(); m.Width > 1024 || m.Height > 600 {
					t.Errorf("%s at the largest text: %s needs %.0f×%.0f px", lang, name, m.Width, m.Height)
				}
			}
			d.app.redraw()
			fits("profiles")
			d.tap(d.T("profiles.new"))
			fits("new profile")
			d.tap(d.T("nav.back"))
			d.createProfile("Gulnora Abdullayeva", "labour-inspector", "Toshkent viloyati", "")
			fits("catalogue")
			c := trafficking(t)
			d.openCourse(c)
			fits("course")
			d.tap(d.T("lesson.read"))
			fits("lesson")
			d.tap(d.T("nav.back"))
			d.tap(d.T("quiz.start"))
			q := c.Quiz("final")
			for i := 0; i < q.Draw; i++ {
				qu := d.shownQuestion(c, q)
				fits("question " + qu.ID)
				d.answer(c, qu, keyOf(qu))
				d.tap(d.T("quiz.check"))
				fits("feedback " + qu.ID)
				if i+1 < q.Draw {
					d.tap(d.T("quiz.next"))
				}
			}
			d.tap(d.T("quiz.see.result"))
			fits("result")
			d.tap(d.T("settings.title"))
			fits("settings")
			d.tap(d.T("sync.title"))
			fits("sync")
		})
	}
}
