package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/quiz"
)

// swappedMatch answers the example course's matching question with its
// first pair right and the other two swapped: 1 of 3.
var swappedMatch = quiz.Response{quiz.Match("recruitment", "recruitment"), quiz.Match("fraud", "forced-labour"), quiz.Match("forced-labour", "fraud")}

// TestCheckedMatchingShowsEachRowsPickAndVerdict: after Check answer, each
// row shows the learner's own pick in plain text (no greyed-out
// drop-down) and whether it was right, marked in words and colour, and
// the count of pairs right; in every language.
func TestCheckedMatchingShowsEachRowsPickAndVerdict(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			c, err := course.LoadDir("../../docs/example-course")
			if err != nil {
				t.Fatal(err)
			}
			qu := c.Quiz("check").Question("match")
			in := d.app.newAnswerInput(qu, quiz.OptionOrder(qu, 1), lang, "en", func() {})
			in.set(swappedMatch)
			in.disable()
			objects := visibleUnder(in.object())
			for _, o := range objects {
				if _, ok := asSelect(o); ok {
					t.Fatal("a checked answer still shows its (greyed) drop-downs")
				}
			}
			text := textsOf(objects)
			for _, p := range qu.Pairs {
				if !strings.Contains(text, p.Left.In(lang, "en")) || !strings.Contains(text, p.Right.In(lang, "en")) {
					t.Errorf("row %s or its pick is not shown: %s", p.ID, text)
				}
			}
			right, wrong := verdictCounts(objects)
			if right != 1 || wrong != 2 {
				t.Errorf("%d rows marked right, %d wrong; want 1 and 2: %s", right, wrong, text)
			}
			if want := d.loc.N("quiz.match.count", 3, "Right", 1); !strings.Contains(text, want) {
				t.Errorf("no %q in %s", want, text)
			}
		})
	}
}

// TestALongMatchingOptionIsShownWhole: a right item too long for its
// drop-down is shown whole, wrapped, under it once picked.
func TestALongMatchingOptionIsShownWhole(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	qu, long := longMatching()
	in := d.app.newAnswerInput(qu, []string{"x", "y"}, "en", "en", func() {})
	in.set(quiz.Key(qu))
	var whole []string
	for _, o := range visibleUnder(in.object()) {
		if p, ok := o.(*paragraph); ok && strings.HasPrefix(p.Text(), "› ") {
			whole = append(whole, p.Text())
		}
	}
	if len(whole) != 1 || whole[0] != "› "+long {
		t.Errorf("shown whole: %q", whole)
	}
}

// verdictCounts counts the rows marked right (+, in the success colour)
// and wrong (×, in the danger colour) among objects.
func verdictCounts(objects []fyne.CanvasObject) (right, wrong int) {
	for _, o := range objects {
		p, ok := o.(*paragraph)
		switch {
		case !ok:
		case strings.HasPrefix(p.Text(), "+ ") && p.Importance == widget.SuccessImportance:
			right++
		case strings.HasPrefix(p.Text(), "× ") && p.Importance == widget.DangerImportance:
			wrong++
		}
	}
	return right, wrong
}

// TestAnOpenDropDownShowsLongOptionsWhole: the open list of a matching
// question's drop-down shows each option whole, wrapped, within the
// window (Fyne's own list cut them with "…"); Space on one picks it, and
// Escape closes the list without a pick.
func TestAnOpenDropDownShowsLongOptionsWhole(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	qu, long := longMatching()
	in := d.app.newAnswerInput(qu, []string{"x", "y"}, "en", "en", func() {})
	d.app.win.SetContent(in.object())
	var sel *keySelect
	for _, o := range visibleUnder(in.object()) {
		if s, ok := o.(*keySelect); ok && sel == nil {
			sel = s
		}
	}
	if sel == nil {
		t.Fatal("no drop-down")
	}
	test.Tap(sel)
	overlay := d.app.win.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("tapping the drop-down opened no list")
	}
	d.shot(t, "dropdown-open")
	var shown []string
	for _, o := range visibleUnder(overlay) {
		if r, ok := o.(*optionRow); ok {
			shown = append(shown, r.label.Text())
			if right := fyne.CurrentApp().Driver().AbsolutePositionForObject(r).X + r.Size().Width; right > d.app.win.Canvas().Size().Width {
				t.Errorf("the option %q runs off the window (to x=%.0f)", r.label.Text(), right)
			}
		}
	}
	if strings.Join(shown, "|") != strings.Join(sel.Options, "|") {
		t.Fatalf("the open list shows %q; want every option whole: %q", shown, sel.Options)
	}
	d.press(fyne.KeyEscape)
	if d.app.win.Canvas().Overlays().Top() != nil || sel.Selected != "" {
		t.Fatalf("Escape left the list open or picked %q", sel.Selected)
	}
	test.Tap(sel)
	for d.app.win.Canvas().Focused().(*optionRow).label.Text() != long {
		d.press(fyne.KeyTab)
	}
	d.press(fyne.KeySpace)
	if sel.Selected != long || d.app.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("Space picked %q, the list open: %v", sel.Selected, d.app.win.Canvas().Overlays().Top() != nil)
	}
}

// longMatching is a matching question whose first right item is a long
// sentence.
func longMatching() (*course.Question, string) {
	long := strings.Repeat("a long description of what the traveller says about the job ", 3)
	return &course.Question{ID: "m", Type: "matching", Pairs: []course.Pair{
		{ID: "x", Left: course.Text{"en": "X"}, Right: course.Text{"en": long}},
		{ID: "y", Left: course.Text{"en": "Y"}, Right: course.Text{"en": "short"}}}}, long
}
