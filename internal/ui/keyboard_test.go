package ui

import (
	"slices"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/quiz"
)

func (d *driver) key(name fyne.KeyName) {
	d.app.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: name})
}

// TestQuizByKeyboard answers choice questions with number keys and Enter,
// turns lesson pages with the arrows, and goes back with Escape.
func TestQuizByKeyboard(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	c := trafficking(t)
	q := c.Quiz("final")
	d.createProfile("Keys", "other", "", "")
	d.openCourse(c)
	d.tap(d.T("lesson.read"))
	d.key(fyne.KeyRight)
	d.see(d.T("lesson.position", "N", 2, "Total", len(c.Lessons)))
	d.key(fyne.KeyLeft)
	d.see(d.T("lesson.position", "N", 1, "Total", len(c.Lessons)))
	d.key(fyne.KeyEscape)
	d.see(d.T("quiz.start"))
	d.tap(d.T("quiz.start"))
	answered := 0
	for i := 0; i < q.Draw; i++ {
		qu := d.shownQuestion(c, q)
		switch qu.Type {
		case domain.KindSingle, domain.KindTrueFalse, domain.KindMultiple:
			for _, id := range quiz.Key(qu) {
				text := d.T("quiz." + id) // true/false
				if o := qu.Option(id); o != nil {
					text = o.Text.In("en", "en")
				}
				d.key(numberKeys[d.rowIndex(text)])
			}
			answered++
		default: // ordering and matching are answered with Tab and the arrow buttons or lists
			d.answer(c, qu, quiz.Key(qu))
		}
		d.key(fyne.KeyReturn) // check
		d.see(d.T("quiz.right"))
		d.key(fyne.KeyReturn) // next, or the result
	}
	if answered == 0 {
		t.Fatal("no choice question was answered by keyboard")
	}
	d.see(d.T("result.score", "Score", q.Draw, "Max", q.Draw, "Percent", 100))
	d.key(fyne.KeyReturn)
	d.see(d.T("quiz.summary", "Best", q.Draw, "Max", q.Draw, "Percent", 100, "Attempts", 1))
}

// rowIndex is the place of the option that reads text among those shown.
func (d *driver) rowIndex(text string) int {
	d.t.Helper()
	n := 0
	for _, o := range d.visible() {
		if r, ok := o.(*optionRow); ok {
			if r.label.Text() == text {
				return n
			}
			n++
		}
	}
	d.t.Fatalf("no option %q", text)
	return 0
}

// press is a key pressed as Fyne's desktop driver delivers it: Tab moves
// the focus; any other key goes to the focused widget, or to the window
// when nothing has the focus.
func (d *driver) press(name fyne.KeyName) {
	d.t.Helper()
	d.settle()
	c := d.app.win.Canvas()
	if name == fyne.KeyTab {
		c.FocusNext()
		return
	}
	if f := c.Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: name})
		return
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: name})
}

// tabTo presses Tab until want has the focus, as a learner without a
// mouse would, and fails if a whole round of Tab never reaches it.
func (d *driver) tabTo(what string, want func(fyne.Focusable) bool) {
	d.t.Helper()
	for i := 0; i < 200; i++ {
		d.press(fyne.KeyTab)
		if f := d.app.win.Canvas().Focused(); f != nil && want(f) {
			return
		}
	}
	d.t.Fatalf("Tab never reaches %s on %q: %s", what, d.app.win.Title(), d.texts())
}

// tabToButton tabs to the button that reads text.
func (d *driver) tabToButton(text string) {
	d.t.Helper()
	d.tabTo("the button "+text, func(f fyne.Focusable) bool {
		b, ok := f.(fyne.CanvasObject)
		if !ok {
			return false
		}
		bt, ok := asButton(b)
		return ok && bt.Text == text
	})
}

// tabToOption tabs to the option row that reads text.
func (d *driver) tabToOption(text string) {
	d.t.Helper()
	d.tabTo("the option "+text, func(f fyne.Focusable) bool {
		r, ok := f.(*optionRow)
		return ok && r.label.Text() == text
	})
}

// TestEverythingByKeyboardAlone reads a lesson, plays a scenario and
// answers every kind of question with Tab, Space, the arrows and Enter
// only, in each language: Tab reaches each answer option, Space ticks it,
// Enter checks the answer from the control in focus, an ordering arrow
// keeps the focus on the item it moves, and F1 and Escape work while a
// button has the focus.
func TestEverythingByKeyboardAlone(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			d.createProfile("Keys", "border-guard", "", "")
			c := bundledCourse(t, "border-indicators")
			d.openCourse(c)
			d.tabToButton(d.T("lesson.read"))
			d.press(fyne.KeySpace)
			d.see(d.T("lesson.position", "N", 1, "Total", len(c.Lessons)))
			d.tabToButton(d.T("nav.back"))
			d.press(fyne.KeyF1) // a focused button passes F1 on
			d.see(d.T("help.title"))
			d.press(fyne.KeyEscape)
			d.see(d.T("lesson.position", "N", 1, "Total", len(c.Lessons)))
			d.tabToButton(d.T("lesson.next"))
			d.press(fyne.KeyReturn)
			d.see(d.T("lesson.position", "N", 2, "Total", len(c.Lessons)))
			d.tabToButton(d.T("nav.back"))
			d.press(fyne.KeyEscape) // a focused button passes Escape on
			d.see(d.T("quiz.start"))

			d.tabToButton(d.T("scenario.play"))
			d.press(fyne.KeySpace)
			for !d.has(d.T("scenario.again")) {
				d.tabToOption(d.optionTexts()[0])
				d.press(fyne.KeySpace)
				d.press(fyne.KeyReturn) // choose, from the option in focus
				d.see(d.T("scenario.continue"))
				d.press(fyne.KeyReturn)
			}
			d.press(fyne.KeyReturn) // back to the course
			d.see(d.T("quiz.start"))
			d.quizByKeyboard(c, c.Quiz(c.Quizzes[0].ID))
		})
	}
}

// quizByKeyboard takes q by keyboard until every kind of question has
// been answered, each answer right.
func (d *driver) quizByKeyboard(c *course.Course, q *course.Quiz) {
	d.t.Helper()
	kinds := map[domain.Kind]bool{}
	for attempt := 0; len(kinds) < len(answerKinds); attempt++ {
		if attempt == 6 {
			d.t.Fatalf("after %d attempts only %v were asked", attempt, kinds)
		}
		d.tabToButton(d.T("quiz.start"))
		d.press(fyne.KeySpace)
		for i := 0; i < q.Draw; i++ {
			qu := d.shownQuestion(c, q)
			kinds[qu.Type] = true
			d.answerByKeyboard(c, qu)
			d.press(fyne.KeyReturn) // check, from the control in focus
			d.see(d.T("quiz.right"))
			d.press(fyne.KeyReturn) // next, or the result
		}
		d.see(d.T("result.score", "Score", q.Draw, "Max", q.Draw, "Percent", 100))
		d.press(fyne.KeyReturn)
	}
}

// answerByKeyboard gives the right answer to qu, focus left on the last
// control used.
func (d *driver) answerByKeyboard(c *course.Course, qu *course.Question) {
	d.t.Helper()
	lang := c.Lang(d.loc.Lang)
	s := d.app.nav.current.(*questionScreen)
	switch in := s.input.(type) {
	case *choiceInput:
		for _, id := range quiz.Key(qu) {
			text := d.T("quiz." + id) // true/false
			if o := qu.Option(id); o != nil {
				text = o.Text.In(lang, c.DefaultLanguage)
			}
			d.tabToOption(text)
			d.press(fyne.KeySpace)
		}
	case *orderInput:
		for target, id := range quiz.Key(qu) {
			at := slices.Index(in.order, id)
			if at == target {
				continue
			}
			d.tabTo("the up arrow of row "+strconv.Itoa(at+1), func(f fyne.Focusable) bool { return f == in.ups[at] })
			for ; at > target; at-- {
				d.press(fyne.KeySpace) // the focus goes up with the item
			}
		}
	case *matchInput:
		for i, item := range quiz.Key(qu) {
			_, right := quiz.SplitMatch(item)
			sel := in.selects[i]
			d.tabTo("drop-down "+strconv.Itoa(i+1), func(f fyne.Focusable) bool { ks, ok := f.(*keySelect); return ok && &ks.Select == sel })
			for n := 0; in.rightIDs[max(sel.SelectedIndex(), 0)] != right || sel.SelectedIndex() < 0; n++ {
				if n > len(in.rightIDs) {
					d.t.Fatalf("the arrows never pick %s", right)
				}
				d.press(fyne.KeyRight)
			}
		}
	}
	if got := s.input.response(); !quiz.Correct(qu, got) {
		d.t.Fatalf("%s answered %v by keyboard, the key is %v", qu.ID, got, quiz.Key(qu))
	}
}
