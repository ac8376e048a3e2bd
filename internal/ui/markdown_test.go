package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A comparison table in a lesson reads as a table: its cells in a grid,
// the header in bold, no pipes or dashes left on screen; the text around
// it stays Markdown.
func TestALessonTableIsShownAsATable(t *testing.T) {
	test.NewTempApp(t)
	md := "## Four differences\n\nThe UNODC compares them:\n\n" +
		"| | Smuggling | Trafficking |\n|---|---|---|\n" +
		"| **Border** | Always crossed illegally | Can happen inside one country |\n" +
		"| **Consent** | The migrant consents | Consent is irrelevant |\n\nAfter the table."
	lesson := renderLesson(trafficking(t), md)
	w := test.NewWindow(lesson)
	defer w.Close()
	var cells []string
	bold := map[string]bool{}
	for _, o := range visibleUnder(lesson) {
		rt, ok := o.(*widget.RichText)
		if !ok {
			continue
		}
		text := rt.String()
		if strings.Contains(text, "|") || strings.Contains(text, "---") {
			t.Errorf("table markup on screen: %q", text)
		}
		cells = append(cells, text)
		for _, seg := range rt.Segments {
			if ts, ok := seg.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
				bold[ts.Text] = true
			}
		}
	}
	for _, want := range []string{"Smuggling", "Always crossed illegally", "Consent is irrelevant", "After the table."} {
		found := false
		for _, c := range cells {
			found = found || strings.TrimSpace(c) == want
		}
		if !found {
			t.Errorf("no block reads %q; blocks: %q", want, cells)
		}
	}
	for _, h := range []string{"Smuggling", "Trafficking", "Border", "Consent"} {
		if !bold[h] {
			t.Errorf("%q is not bold", h)
		}
	}
}
