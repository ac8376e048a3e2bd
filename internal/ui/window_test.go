package ui

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
)

// netbook is the smallest window Ogoh is made for.
var netbook = fyne.NewSize(1024, 600)

// desktopMinSize is the size Fyne's desktop window grows to when the
// screen's content is set: it lays the content out at its minimum size
// first, then asks the minimum again (glfw's canvas SetContent), so text
// that wraps where it is squeezed (a wrapped Label beside buttons) asks
// for more. The test canvas only asks once; this does as the desktop
// does, then lays the content out in the window again.
func desktopMinSize(c fyne.Canvas) fyne.Size {
	content := c.Content()
	content.Resize(content.MinSize())
	m := content.MinSize()
	content.Resize(c.Size())
	return m
}

// windowWatch checks, after each step of a walk, that the window is still
// the size it was given: Fyne's test canvas grows when content is set that
// needs more, and a real window also grows to what its content asks once
// laid out at its minimum size, so both are looked at.
type windowWatch struct {
	t    *testing.T
	d    *driver
	lang string
}

func (w windowWatch) still(step string) {
	w.d.t.Helper()
	c := w.d.app.win.Canvas()
	if s := c.Size(); s != netbook {
		w.t.Errorf("%s, largest text: after %s the window is %.0f×%.0f px, it was %.0f×%.0f",
			w.lang, step, s.Width, s.Height, netbook.Width, netbook.Height)
		w.d.app.win.Resize(netbook) // one report per step that grows it
	}
	if m := desktopMinSize(c); m.Width > netbook.Width || m.Height > netbook.Height {
		w.t.Errorf("%s, largest text: after %s the window must grow to %.0f×%.0f px", w.lang, step, m.Width, m.Height)
	}
}

// TestNoScreenResizesTheWindow drives every screen a learner meets, every
// scenario step included, in each language at the largest text in a
// 1024×600 window, and finds the window that size after every step.
func TestNoScreenResizesTheWindow(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			if !d.app.saveDisplay(progress.Display{Theme: progress.ThemeSystem, TextSize: 2}) {
				t.Fatal("the largest text size was not saved")
			}
			d.app.applyTheme()
			d.app.win.Resize(netbook)
			d.app.redraw()
			w := windowWatch{t: t, d: d, lang: lang}
			w.still("the profile picker")
			d.tap(d.T("profiles.new"))
			w.still("a new profile")
			d.tap(d.T("nav.back"))
			d.createProfile("Gulnora Abdullayeva", "labour-inspector", "Toshkent viloyati", "")
			w.still("the catalogue")
			for _, c := range bundledCourses(t) {
				d.walkCourse(w, c)
			}
			d.walkReview(w)
			d.walkOthers(w)
		})
	}
}

// walkCourse opens c, reads every lesson, takes each quiz with the first
// answer wrong and reads the result, and plays each scenario once.
func (d *driver) walkCourse(w windowWatch, c *course.Course) {
	d.t.Helper()
	d.openCourse(c)
	w.still("the course " + c.ID)
	d.tap(d.T("lesson.read"))
	for i := range c.Lessons {
		w.still("lesson " + c.Lessons[i].ID)
		if i+1 < len(c.Lessons) {
			d.tap(d.T("lesson.next"))
		} else {
			d.tap(d.T("lesson.finish"))
		}
	}
	w.still("the course after its lessons")
	for i := range c.Scenarios {
		d.tapNth(d.T("scenario.play"), i)
		d.walkScenario(w, c, &c.Scenarios[i])
		d.tap(d.T("result.back"))
	}
	for qi := range c.Quizzes {
		q := &c.Quizzes[qi]
		d.tapNth(d.T("quiz.start"), qi)
		for i := 0; i < q.Draw; i++ {
			qu := d.shownQuestion(c, q)
			w.still("question " + qu.ID)
			resp := quiz.Key(qu)
			if i == 0 {
				resp = wrong(qu)
			}
			d.answer(c, qu, resp)
			d.tap(d.T("quiz.check"))
			w.still("the feedback to " + qu.ID)
			d.key(fyne.KeyReturn)
		}
		w.still("the result of " + q.ID)
		d.tap(d.T("result.back"))
	}
	d.tap(d.T("nav.back"))
}

// walkScenario plays sc by its first choice shown at each step.
func (d *driver) walkScenario(w windowWatch, c *course.Course, sc *course.Scenario) {
	d.t.Helper()
	for step := 0; !d.has(d.T("scenario.again")); step++ {
		w.still(sc.ID + " step " + strings.Repeat("›", step))
		d.choose(d.optionTexts()[0])
		d.tap(d.T("scenario.choose"))
		w.still(sc.ID + " feedback " + strings.Repeat("›", step))
		d.tap(d.T("scenario.continue"))
	}
	w.still(sc.ID + " ending")
}

// walkReview comes back the next day and answers each question due,
// the first wrong.
func (d *driver) walkReview(w windowWatch) {
	d.t.Helper()
	d.clock.t = d.clock.t.AddDate(0, 0, 1)
	d.tap(d.T("nav.switch"))
	w.still("the profile picker with a profile")
	d.tap("Gulnora Abdullayeva — " + d.T("role.labour-inspector") + ", Toshkent viloyati")
	w.still("the catalogue with questions due")
	d.tap(d.T("review.start"))
	for i := 0; ; i++ {
		s := d.app.nav.current.(*reviewScreen)
		rq := s.due[s.i]
		w.still("review question " + rq.Question.ID)
		resp := quiz.Key(rq.Question)
		if i == 0 {
			resp = wrong(rq.Question)
		}
		d.answer(rq.Course, rq.Question, resp)
		d.tap(d.T("quiz.check"))
		w.still("the review feedback to " + rq.Question.ID)
		if s.i+1 == len(s.due) {
			break
		}
		d.tap(d.T("quiz.next"))
	}
	d.tap(d.T("review.finish"))
	w.still("the end of the review")
	d.tap(d.T("review.back"))
}

// walkOthers opens the quick reference's tabs, settings, help, sync and
// the trainer's screens.
func (d *driver) walkOthers(w windowWatch) {
	d.t.Helper()
	d.tap(d.T("guide.title"))
	for i := 0; i < 3; i++ {
		d.openTab(i)
		w.still("quick reference tab " + strconv.Itoa(i+1))
	}
	d.tap(d.T("nav.back"))
	d.tap(d.T("settings.title"))
	w.still("settings")
	d.key(fyne.KeyF1)
	w.still("help")
	d.key(fyne.KeyEscape)
	d.tap(d.T("sync.title"))
	w.still("sync")
	d.tap(d.T("nav.back"))
	d.unlockTrainer(trainerPIN)
	w.still("trainer mode")
	for _, id := range []string{"trainer.learners", "trainer.courses", "trainer.keys"} {
		d.tap(d.T(id))
		w.still(id)
		d.tap(d.T("nav.back"))
	}
	d.tap(d.T("contacts.title"))
	d.tap(d.T("contacts.add"))
	w.still("the referral contacts editor")
	d.tap(d.T("nav.back"))
	d.tap(d.T("contacts.unsaved.leave"))
	d.tap(d.T("sync.title"))
	w.still("sync in trainer mode")
}
