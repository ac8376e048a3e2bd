package ui

import (
	"testing"
	"testing/cryptotest"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
)

// goldenTime is the fixed moment the golden runs happen at.
var goldenTime = time.Date(2026, time.March, 9, 10, 0, 0, 0, time.UTC)

// TestScreensMatchTheirGoldens draws every main screen in every language
// and compares its markup (what is on it, where, how big, in what style)
// with the one accepted under testdata/screens/. A change a user would see
// fails here; when it is meant, the new markup written to testdata/failed/
// is looked at and copied over the golden.
//
// The run is made deterministic: a fixed clock for the service and the
// store, a fixed random source (device ID and key, attempt IDs), the local
// time zone UTC, the light theme, a 1024×700 window, and a fixed data
// folder name on the screens.
func TestScreensMatchTheirGoldens(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			cryptotest.SetGlobalRandom(t, 13)
			local := time.Local
			time.Local = time.UTC
			t.Cleanup(func() { time.Local = local })
			d := launchWith(t, t.TempDir(), lang, launchOptions{at: goldenTime, shownDir: "/home/guard/.local/share/ogoh", theme: progress.ThemeLight})
			defer d.close()
			golden := func(name string) {
				t.Helper()
				test.AssertRendersToMarkup(t, "screens/"+lang+"/"+name+".xml", d.app.win.Canvas())
			}
			walkMainScreens(t, d, golden)
		})
	}
}

// walkMainScreens goes through the main screens as a new device's trainer
// and a learner would, calling golden on each.
func walkMainScreens(t *testing.T, d *driver, golden func(name string)) {
	lang := d.loc.Lang
	c := trafficking(t)
	q := c.Quiz("final")

	golden("welcome")
	d.tap(d.T("welcome.start"))
	golden("lock-setup")
	d.typeInto(d.T("pin.placeholder"), trainerPIN)
	d.typeRepeat(trainerPIN)
	d.tap(d.T("trainer.setup.continue"))
	golden("new-profile")
	d.tap(d.T("nav.back"))
	golden("profiles-empty")
	d.createProfile("Dilnoza Karimova", "border-guard", "Post 12", "1234")
	golden("catalogue")
	d.tap(d.T("nav.switch"))
	golden("profiles")
	d.tap("Dilnoza Karimova — " + d.T("role.border-guard") + ", Post 12")
	golden("profile-pin")
	d.typeInto(d.T("pin.placeholder"), "1234")
	d.tap(d.T("pin.open"))

	d.openCourse(c)
	golden("course")
	d.tap(d.T("lesson.read"))
	golden("lesson")
	d.tap(d.T("nav.back"))
	d.tap(d.T("quiz.start"))
	golden("quiz-question")
	missed := d.takeQuiz(c, q) // the first answer wrong, so there is a mistake to review
	golden("quiz-result")
	d.tap(d.T("result.back"))
	d.tap(d.T("nav.back"))

	d.clock.t = d.clock.t.AddDate(0, 0, 1) // the missed question is due the next day
	d.tap(d.T("nav.switch"))
	d.tap("Dilnoza Karimova — " + d.T("role.border-guard") + ", Post 12")
	d.typeInto(d.T("pin.placeholder"), "1234")
	d.tap(d.T("pin.open"))
	golden("catalogue-review-due")
	d.tap(d.T("review.start"))
	golden("review")
	d.tap(d.T("nav.back"))

	d.tap(d.T("guide.title"))
	golden("guide")
	d.openTab(2)
	golden("guide-contacts")
	d.tap(d.T("nav.back"))

	indicators := bundledCourse(t, "border-indicators")
	d.openCourse(indicators)
	d.tapNth(d.T("scenario.play"), 0)
	golden("scenario")
	sc := indicators.Scenarios[0]
	d.choose(sc.Step(sc.Start).Choices[0].Text.In(indicators.Lang(lang), indicators.DefaultLanguage))
	d.tap(d.T("scenario.choose"))
	golden("scenario-feedback")

	d.tap(d.T("settings.title"))
	golden("settings")
	d.tap(d.T("sync.title"))
	golden("sync")
	d.tap(d.T("nav.back"))
	d.tap(d.T("trainer.title"))
	golden("trainer-pin")
	d.typeInto(d.T("pin.placeholder"), trainerPIN)
	d.tap(d.T("pin.open"))
	golden("trainer")
	d.tap(d.T("contacts.title"))
	d.tap(d.T("contacts.add"))
	golden("trainer-contacts")
	d.tap(d.T("nav.back"))
	d.tap(d.T("contacts.unsaved.leave")) // the contact added is not saved
	d.tap(d.T("trainer.learners"))
	golden("trainer-report")
	d.tap(d.T("nav.back"))
	d.tap(d.T("trainer.courses"))
	golden("trainer-courses")
	d.tap(d.T("nav.back"))
	d.tap(d.T("trainer.keys"))
	golden("trainer-keys")
	d.key(fyne.KeyF1)
	golden("help")
	d.key(fyne.KeyEscape)

	// Out of trainer mode, back to the learner's screens, for those that
	// come after an answer.
	d.tap(d.T("nav.back"))
	d.tap(d.T("trainer.leave"))
	d.tap(d.T("nav.back")) // the scenario, where the settings were opened
	d.tap(d.T("nav.back")) // its course
	d.tap(d.T("nav.back")) // the catalogue
	d.tap(d.T("review.start"))
	d.answer(c, missed, quiz.Key(missed))
	d.tap(d.T("quiz.check"))
	golden("review-feedback")
	d.tap(d.T("review.finish"))
	golden("review-done")
	d.tap(d.T("review.back"))
	d.openCourse(c)
	d.tap(d.T("quiz.start"))
	qu := d.shownQuestion(c, q)
	d.answer(c, qu, wrong(qu))
	d.tap(d.T("quiz.check"))
	golden("quiz-feedback")

	d.tap(d.T("nav.back")) // the course
	d.tap(d.T("nav.back")) // the catalogue
	d.tap(d.T("lessons.search"))
	d.typeInto(d.T("lessons.search.placeholder"), map[string]string{"en": "passports", "ru": "паспорта", "uz": "pasportlar"}[lang])
	golden("lesson-search")
	// Issue 16 items 3 and 5: the history, a past attempt, the idle lock and its setting.
	d.tap(d.T("nav.back")) // the catalogue, from the lesson search
	d.openCourse(c)
	d.tap(d.T("history.open"))
	golden("history")
	d.tap(d.T("history.answers"))
	golden("history-attempt")
	d.leave(11 * time.Minute)
	golden("idle-lock")
	d.typeInto(d.T("pin.placeholder"), "1234")
	d.tap(d.T("idle.continue", "Name", "Dilnoza Karimova"))
	d.tap(d.T("settings.title"))
	d.unlockTrainer(trainerPIN)
	d.tap(d.T("idle.setting"))
	golden("idle-setting")
	// Issue 16's trainer screens: verify a certificate, import a bank,
	// receive a learner.
	d.tap(d.T("nav.back")) // from the idle setting to trainer mode's home
	d.tap(d.T("verify.title"))
	golden("trainer-verify")
	d.tap(d.T("nav.back"))
	d.tap(d.T("bank.title"))
	golden("trainer-bank")
	d.tap(d.T("nav.back"))
	d.tap(d.T("trainer.learners"))
	d.tap(d.T("move.in"))
	golden("trainer-receive")
}
