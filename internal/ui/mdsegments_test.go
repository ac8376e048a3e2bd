package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

// A lesson reads as its source is written: a source named in bold in
// brackets, as the courses cite them, showed as "( IOM)" (Fyne's Markdown
// reader spaces out every piece of text before bold, italics, code or a
// link), and bold over two lines keeps the space where the line breaks.
func TestALessonReadsWithTheSpacesItsSourceHas(t *testing.T) {
	lt := shownText(t, "The Organization for Migration (**IOM**), as *the* (`GLOTIP`) report\n"+
		"says, in **bold over\ntwo lines** and [a link](https://example.org/), not x**y**z.")
	want := "The Organization for Migration (IOM), as the (GLOTIP) report says, in bold over two lines" +
		" and a link (https://example.org/), not xyz."
	if got := strings.TrimSpace(lt.String()); got != want {
		t.Errorf("the lesson reads\n%q, want\n%q", got, want)
	}
	var drawn []string
	for _, p := range runParagraphsIn(lt) {
		for _, o := range test.WidgetRenderer(p).Objects() {
			if x, ok := o.(*canvas.Text); ok && x.Visible() {
				drawn = append(drawn, x.Text)
			}
		}
	}
	line := strings.Join(drawn, "")
	for _, bad := range []string{"( ", " )", " ,"} {
		if strings.Contains(line, bad) {
			t.Errorf("%q drawn in %q", bad, drawn)
		}
	}
	if !slices.Contains(drawn, "IOM") {
		t.Errorf("IOM is not drawn as a piece of its own (in bold): %q", drawn)
	}
}
