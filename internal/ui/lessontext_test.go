package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
)

// runParagraphsIn is every block of runs under o.
func runParagraphsIn(o fyne.CanvasObject) []*runParagraph {
	var out []*runParagraph
	switch x := o.(type) {
	case *runParagraph:
		return []*runParagraph{x}
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, runParagraphsIn(c)...)
		}
	case *lessonText:
		out = append(out, runParagraphsIn(x.box)...)
	}
	return out
}

// Every line of every lesson of the bundled courses, in every language,
// fits the width it was broken for, as shaped and drawn, and every word
// is there whole: Fyne's RichText had broken an Uzbek word of the first
// lesson into a column of single letters.
func TestEveryLessonLineFitsAndKeepsItsWords(t *testing.T) {
	test.NewTempApp(t)
	cs, _ := course.LoadAll(courses.FS)
	lines := 0
	for _, c := range cs {
		for i := range c.Lessons {
			for _, lang := range []string{"en", "ru", "uz"} {
				md, err := c.LessonMarkdown(&c.Lessons[i], lang)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range runParagraphsIn(markdownText(md)) {
					lines += checkLines(t, p, 640)
				}
			}
		}
	}
	if lines < 5000 {
		t.Errorf("only %d lines checked", lines)
	}
}

func checkLines(t *testing.T, p *runParagraph, width float32) int {
	t.Helper()
	var all strings.Builder
	for _, r := range p.runs {
		all.WriteString(r.text)
	}
	want := strings.Fields(all.String())
	var got []string
	broken := breakRuns(splitWords(p.runs), width)
	for _, line := range broken {
		w := float32(0)
		text := ""
		for _, r := range line {
			w += fyne.MeasureText(r.text, r.textSize(), r.style).Width
			text += r.text
		}
		if w > width {
			t.Errorf("%q is %v wide, over %v", text, w, width)
		}
		got = append(got, strings.Fields(text)...)
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("the words of a block changed in its lines:\n got %q\nwant %q", got, want)
	}
	return len(broken)
}

// A lesson's bold and italic runs are drawn in their styles in the line
// they fall in, italics from the italic font by name (no system font
// parsed for them), list items behind their numbers, and no RichText.
func TestLessonTextDrawsRunsInTheirStyles(t *testing.T) {
	lt := shownText(t, "A **Palermo Protocol** case, *invented*.\n\n1. Act\n2. Means\n\n> *This is an invented illustration.*")
	styles := map[string]fyne.TextStyle{}
	sources := map[string]fyne.Resource{}
	for _, o := range visibleUnder(lt.box) {
		if _, ok := o.(*widget.RichText); ok {
			t.Errorf("a RichText draws part of the lesson")
		}
	}
	for _, p := range runParagraphsIn(lt) {
		for _, o := range test.WidgetRenderer(p).Objects() {
			if x, ok := o.(*canvas.Text); ok {
				key := strings.TrimSpace(x.Text)
				styles[key], sources[key] = x.TextStyle, x.FontSource
			}
		}
	}
	if !styles["Palermo Protocol"].Bold {
		t.Errorf("the bold run is drawn as %+v", styles["Palermo Protocol"])
	}
	italic := styleFontForTest(fyne.TextStyle{Italic: true})
	for _, s := range []string{"invented", "This is an invented illustration."} {
		if !styles[s].Italic || sources[s] == nil || sources[s].Name() != italic.Name() {
			t.Errorf("%q is drawn as %+v from %v, not in italics from %s", s, styles[s], sources[s], italic.Name())
		}
	}
	for _, mark := range []string{"1.", "2."} {
		if _, ok := styles[mark]; !ok {
			t.Errorf("no list number %q on screen; it shows %v", mark, slices.Sorted(mapKeys(styles)))
		}
	}
	if got := lt.String(); !strings.Contains(got, "Palermo Protocol") || !strings.Contains(got, "Means") {
		t.Errorf("the lesson's text reads %q", got)
	}
}

// shownText is lesson Markdown drawn in a 700-pixel window of a test app,
// both closed with the test.
func shownText(t *testing.T, md string) *lessonText {
	t.Helper()
	test.NewTempApp(t)
	lt := markdownText(md)
	w := test.NewWindow(lt)
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(700, 400))
	return lt
}

func styleFontForTest(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// A word wider than the block (an address in a narrow table cell) is cut
// into lines that fit, none of its letters lost.
func TestALongWordIsCutToFit(t *testing.T) {
	test.NewTempApp(t)
	long := "https://www.unodc.org/unodc/en/human-trafficking/Global-report-on-trafficking-in-persons.html"
	runs := []textRun{{text: "See "}, {text: long, style: fyne.TextStyle{Bold: true}}, {text: " for more."}}
	lines := breakRuns(splitWords(runs), 200)
	var joined strings.Builder
	for _, line := range lines {
		w := float32(0)
		for _, r := range line {
			w += fyne.MeasureText(r.text, r.textSize(), r.style).Width
			joined.WriteString(r.text)
		}
		if w > 200 {
			t.Errorf("a line of %v is wider than 200", line)
		}
	}
	if got := strings.ReplaceAll(joined.String(), " ", ""); got != strings.ReplaceAll("See "+long+" for more.", " ", "") {
		t.Errorf("the lines read %q", joined.String())
	}
	if len(lines) < 3 {
		t.Errorf("the address was not cut: %d lines", len(lines))
	}
}

// A search hit is underlined from its first letter: the space before it is
// drawn, but not underlined.
func TestAMarkedWordIsUnderlinedFromItsFirstLetter(t *testing.T) {
	test.NewTempApp(t)
	hit := fyne.TextStyle{Bold: true, Underline: true}
	lines := breakRuns(splitWords([]textRun{{text: "three "}, {text: "passports", style: hit}, {text: ": his own"}}), 600)
	if len(lines) != 1 {
		t.Fatalf("one short line broke into %d", len(lines))
	}
	for _, r := range lines[0] {
		if r.style.Underline && r.text != "passports" {
			t.Errorf("%q is underlined; only the hit should be", r.text)
		}
	}
	var text strings.Builder
	for _, r := range lines[0] {
		text.WriteString(r.text)
	}
	if text.String() != "three passports: his own" {
		t.Errorf("the line reads %q", text.String())
	}
}

// Each piece of a line starts on a whole pixel: one that starts where a
// bold word before it ends, between two pixels, is drawn blurred, its
// letters greyer than the rest of the line.
func TestEveryPieceOfALineStartsOnAWholePixel(t *testing.T) {
	lt := shownText(t, "It is called the **Palermo Protocol**. It supplements the **UN Convention against Transnational Organized Crime**; *see* (**ILO**) and the rest.")
	pieces := 0
	for _, p := range runParagraphsIn(lt) {
		for _, o := range test.WidgetRenderer(p).Objects() {
			if x, ok := o.(*canvas.Text); ok {
				pieces++
				if pos := x.Position(); pos.X != float32(int(pos.X)) || pos.Y != float32(int(pos.Y)) {
					t.Errorf("%q starts between pixels, at %v", x.Text, pos)
				}
			}
		}
	}
	if pieces < 6 {
		t.Fatalf("the paragraph is drawn in %d pieces; the test needs its bold and italic runs apart", pieces)
	}
}
