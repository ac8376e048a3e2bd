package ui

import (
	"testing"

	"fyne.io/fyne/v2"

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
