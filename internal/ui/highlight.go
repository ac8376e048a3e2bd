package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/textsearch"
)

// highlighted is text wrapped as a paragraph is, with the words a search
// matched (spans, in bytes) in bold and underlined: marked by weight and
// line, not by a colour that might fade in one of the themes.
func highlighted(text string, spans []textsearch.Span, style fyne.TextStyle) *widget.RichText {
	var segs []widget.RichTextSegment
	add := func(s string, hit bool) {
		if s == "" {
			return
		}
		st := widget.RichTextStyleInline
		st.TextStyle = style
		if hit {
			st.TextStyle.Bold, st.TextStyle.Underline = true, true
		}
		segs = append(segs, &widget.TextSegment{Text: s, Style: st})
	}
	at := 0
	for _, sp := range spans {
		if sp.Start < at || sp.End > len(text) {
			continue
		}
		add(text[at:sp.Start], false)
		add(text[sp.Start:sp.End], true)
		at = sp.End
	}
	add(text[at:], false)
	r := widget.NewRichText(segs...)
	r.Wrapping = fyne.TextWrapWord
	return r
}

// hits is every highlighted segment of r: what a search marked in it.
func hits(r *widget.RichText) []string {
	var out []string
	for _, s := range r.Segments {
		if t, ok := s.(*widget.TextSegment); ok && t.Style.TextStyle.Bold && t.Style.TextStyle.Underline {
			out = append(out, t.Text)
		}
	}
	return out
}

// matchLines matches q against lines read as one text (joined by
// newlines, as reference.Find reads a card) and gives each line the spans
// that fall in it, relative to the line: a card matches when its words are
// spread over its title and items, and each line shows its own hits.
func matchLines(q textsearch.Query, lines []string) [][]textsearch.Span {
	out := make([][]textsearch.Span, len(lines))
	if q.Empty() {
		return out
	}
	text := ""
	starts := make([]int, len(lines))
	for i, l := range lines {
		if i > 0 {
			text += "\n"
		}
		starts[i] = len(text)
		text += l
	}
	_, spans := q.Match(text)
	for _, sp := range spans {
		for i := len(lines) - 1; i >= 0; i-- {
			if sp.Start >= starts[i] {
				if sp.End <= starts[i]+len(lines[i]) {
					out[i] = append(out[i], textsearch.Span{Start: sp.Start - starts[i], End: sp.End - starts[i]})
				}
				break
			}
		}
	}
	return out
}

// lineWith is one line of a search's result: highlighted where spans
// say, a plain paragraph when it has none.
func lineWith(text string, spans []textsearch.Span, style fyne.TextStyle) fyne.CanvasObject {
	if len(spans) == 0 {
		return newParagraph(text, style)
	}
	return highlighted(text, spans, style)
}
