package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/quiz"
)

func bundledCourse(t *testing.T, id string) *course.Course {
	t.Helper()
	for _, c := range bundledCourses(t) {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("course %s is not bundled", id)
	return nil
}

// TestPlayingAScenarioToEachEnding plays every path of a bundled scenario
// through the screen, seeing each choice's feedback and the ending, and
// finds every run recorded.
func TestPlayingAScenarioToEachEnding(t *testing.T) {
	d := start(t, t.TempDir(), "ru")
	defer d.close()
	c := bundledCourse(t, "border-indicators")
	sc := &c.Scenarios[0]
	d.createProfile("Sardor", "border-guard", "", "")
	paths := sc.Paths()
	d.openCourse(c)
	for _, path := range paths {
		d.tapNth(d.T("scenario.play"), 0)
		d.see(sc.Intro.In("ru", "en"))
		for _, stepChoice := range path {
			stepID, choiceID, _ := strings.Cut(stepChoice, "/")
			st := sc.Step(stepID)
			d.see(st.Text.In("ru", "en"))
			for _, ch := range st.Choices {
				if ch.ID == choiceID {
					d.choose(ch.Text.In("ru", "en"))
					d.tap(d.T("scenario.choose"))
					d.see(ch.Feedback.In("ru", "en"))
					d.see(d.T("scenario.quality." + ch.Quality))
					d.tap(d.T("scenario.continue"))
				}
			}
		}
		d.see(d.T("scenario.again"))
		d.tap(d.T("result.back")) // back on the course page
	}
	ls, _ := d.db.Learners(context.Background())
	p, _ := d.app.svc.CourseProgress(context.Background(), ls[0].ID, c)
	if s := p.Scenarios[sc.ID]; s.Runs != len(paths) || s.Best != "good" {
		t.Errorf("after playing all %d paths: %+v", len(paths), s)
	}
	d.see(d.T("scenario.summary", "Runs", len(paths), "Best", d.T("scenario.outcome.good")))
}

// TestScenarioChoicesShowInAnOrderDrawnPerPlay: two plays of one step
// show its choices in different orders (each play has its own seed) and
// grade the same choice alike; a play left half-way resumes after a
// restart in the order it showed.
func TestScenarioChoicesShowInAnOrderDrawnPerPlay(t *testing.T) {
	dir := t.TempDir()
	d := start(t, dir, "en")
	c := bundledCourse(t, "border-indicators")
	sc := &c.Scenarios[0]
	st := sc.Step(sc.Start)
	best := ""
	for _, ch := range st.Choices {
		if ch.Quality == "best" {
			best = ch.Text.In("en", "en")
		}
	}
	d.createProfile("Aziz", "border-guard", "Post 3", "")
	d.openCourse(c)

	// playStart opens a play at its first step and returns the order shown.
	playStart := func(d *driver) []string {
		t.Helper()
		d.tapNth(d.T("scenario.play"), 0)
		d.see(st.Text.In("en", "en"))
		return d.optionTexts()
	}
	// finish grades the best choice, then plays to an ending.
	finish := func(d *driver) {
		t.Helper()
		d.choose(best)
		d.tap(d.T("scenario.choose"))
		d.see(d.T("scenario.quality.best"))
		d.tap(d.T("scenario.continue"))
		for !d.has(d.T("scenario.again")) {
			d.choose(d.optionTexts()[0])
			d.tap(d.T("scenario.choose"))
			d.tap(d.T("scenario.continue"))
		}
		d.tap(d.T("result.back"))
	}

	first := playStart(d)
	finish(d)
	var second []string
	for plays := 1; ; plays++ {
		second = playStart(d)
		if !slices.Equal(first, second) {
			break
		}
		if plays == 8 {
			t.Fatalf("%d plays all showed %q in the order %q", plays+1, st.ID, first)
		}
		finish(d)
	}
	t.Logf("step %s shown as %q, then as %q", st.ID, first, second)

	d.close() // half-way through the play: it resumes in its order
	d = start(t, dir, "en")
	defer d.close()
	d.tap("Aziz — " + d.T("role.border-guard") + ", Post 3")
	d.openCourse(c)
	if resumed := playStart(d); !slices.Equal(resumed, second) {
		t.Fatalf("after a restart the step shows %q, before it showed %q", resumed, second)
	}
	finish(d) // graded as in the first play
}

// TestMissedQuestionsComeBackTheNextDay: a question missed in the quiz is
// due the next day; the home screen counts it; a review session answers it.
func TestMissedQuestionsComeBackTheNextDay(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	c := trafficking(t)
	q := c.Quiz("final")
	d.createProfile("Malika", "other", "", "")
	d.see(d.T("review.none"))
	d.openCourse(c)
	d.tap(d.T("quiz.start"))
	missed := d.takeQuiz(c, q) // the first question is answered wrongly
	d.tap(d.T("result.back"))
	d.tap(d.T("nav.back"))
	d.see(d.T("review.none")) // not due on the same day

	d.clock.t = d.clock.t.AddDate(0, 0, 1)
	d.tap(d.T("nav.switch"))
	d.tap("Malika — " + d.T("role.other"))
	d.see(d.loc.N("review.due", 1))
	d.tap(d.T("review.start"))
	d.see(missed.Text.In("en", "en"))
	d.answer(c, missed, quiz.Key(missed))
	d.tap(d.T("quiz.check"))
	d.see(d.T("quiz.right"))
	d.tap(d.T("review.finish"))
	d.see(d.T("review.done", "Right", 1, "Total", 1))
	d.tap(d.T("review.back"))
	d.see(d.T("review.none"))
}

// TestQuickReferenceWithoutAProfile: from the profile picker, two taps
// open the guide; a search narrows the cards; the referral contacts tab
// says plainly that none are set.
func TestQuickReferenceWithoutAProfile(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			d.tap(d.T("guide.title"))
			d.see(d.T("guide.kind.checklist"))
			g := d.app.guide
			first := g.Cards[0]
			d.see(first.Items[lang][0])
			search := d.entry(d.T("guide.search"))
			search.SetText("zzzz-nothing")
			d.see(d.T("guide.nothing"))
			search.SetText(strings.Fields(first.Title[lang])[0])
			d.see(first.Items[lang][0])
			d.openTab(2)
			d.see(d.T("contacts.none"))
			d.tap(d.T("nav.back"))
			d.see(d.T("profiles.title"))
		})
	}
}

// TestReferralContactsShowInTheReferralCourse: contacts a trainer enters
// in settings appear on the referral course page and in the guide.
func TestReferralContactsShowInTheReferralCourse(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	d.createProfile("Aziz", "other", "", "")
	d.tap(d.T("settings.title"))
	d.unlockTrainer(trainerPIN)
	d.tap(d.T("contacts.title"))
	d.see(d.T("contacts.none.editor"))
	d.tap(d.T("contacts.add"))
	d.typeInto(d.T("contacts.organisation.placeholder"), "Regional referral desk")
	d.tap(d.T("sync.save"))
	d.see(d.T("sync.saved"))
	d.tap(d.T("nav.back")) // trainer mode
	d.tap(d.T("nav.back")) // settings
	d.tap(d.T("nav.back")) // the catalogue
	d.openCourse(bundledCourse(t, "referral-nrm"))
	d.see(d.T("contacts.for.post"))
	d.see("Regional referral desk")
}

// openTab selects tab i of the tabs on screen, as a tap on it would.
func (d *driver) openTab(i int) {
	d.t.Helper()
	for _, o := range d.visible() {
		if tabs, ok := o.(*container.AppTabs); ok {
			tabs.SelectIndex(i)
			return
		}
	}
	d.t.Fatal("no tabs on screen")
}

// TestFirstRunWelcomes: a new device greets in the system's language
// (English when it has none of ours), explains itself, then asks for a
// profile; the next start goes straight to the profiles.
func TestFirstRunWelcomes(t *testing.T) {
	for sys, lang := range map[string]string{"ru_RU.UTF-8": "ru", "uz_UZ": "uz", "de_DE.UTF-8": "en", "C": "en"} {
		t.Run(sys, func(t *testing.T) {
			dir := t.TempDir()
			d := launch(t, dir, sys, false)
			d.speak(lang)
			d.see(d.T("welcome.offline"))
			d.tap(d.T("welcome.start"))
			// The trainer sets up the lock before the first profile.
			d.see(d.T("trainer.setup.text"))
			d.typeInto(d.T("pin.placeholder"), "2580")
			d.typeRepeat("2580")
			d.tap(d.T("trainer.setup.continue"))
			d.see(d.T("profile.name"))
			d.close()
			again := launch(t, dir, sys, false)
			defer again.close()
			again.speak(lang)
			again.see(again.T("profiles.title"))
		})
	}
}

func TestHelpListsTheShortcuts(t *testing.T) {
	d := start(t, t.TempDir(), "uz")
	defer d.close()
	d.key(fyne.KeyF1)
	d.see(d.T("help.key.numbers"))
	d.see(d.T("help.key.escape"))
	d.key(fyne.KeyEscape)
	d.see(d.T("profiles.title"))
}
