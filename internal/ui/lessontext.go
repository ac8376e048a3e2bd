package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// lessonText draws lesson Markdown, parsed by Fyne's Markdown parser into
// rich-text segments, as blocks of runs of text (runParagraph) instead of
// one widget.RichText. A RichText wraps by measuring longer and longer
// runs of its text, shaping each anew, and draws italics from a face Fyne
// parses for that style with a system font beside it (3.7 MB, for the
// quotes and titles of a lesson). Runs are wrapped from the widths of
// their letters, as paragraph does, and italics are drawn from the italic
// font named, as notes are. Segments stay the model: search marks its
// hits in them (markHits) and the text is drawn anew.
type lessonText struct {
	widget.BaseWidget
	Segments []widget.RichTextSegment
	box      *fyne.Container

	// In a culled scroll: the part of it in view, in its own coordinates,
	// which blocks drawn anew (Refresh) are culled to.
	culled      bool
	top, bottom float32
}

func newLessonText(segs []widget.RichTextSegment) *lessonText {
	t := &lessonText{Segments: segs, box: container.NewVBox()}
	t.ExtendBaseWidget(t)
	t.build()
	return t
}

// String is the text of every segment, as RichText.String gives it, and
// the items of lists, which RichText's leaves out.
func (t *lessonText) String() string { return segmentsText(t.Segments) }

func segmentsText(segs []widget.RichTextSegment) string {
	var b strings.Builder
	for _, s := range segs {
		switch x := s.(type) {
		case *widget.ListSegment:
			b.WriteString(segmentsText(x.Items))
		case *widget.ParagraphSegment:
			b.WriteString(segmentsText(x.Texts))
		default:
			b.WriteString(s.Textual())
		}
	}
	return b.String()
}

func (t *lessonText) build() { t.box.Objects = textBlocks(t.Segments) }

// Refresh draws the segments anew, after they changed.
func (t *lessonText) Refresh() {
	t.build()
	if t.culled {
		awaitCulling(t.box)
	}
	t.box.Refresh()
	if t.culled {
		t.cull(t.top, t.bottom)
	}
	t.BaseWidget.Refresh()
}

// cull draws of its blocks only the lines between top and bottom.
func (t *lessonText) cull(top, bottom float32) {
	t.culled, t.top, t.bottom = true, top, bottom
	cullUnder(t.box, 0, top, bottom)
}

func (t *lessonText) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.box) }

// textBlocks lays segments out top to bottom: a block of runs ends at a
// segment that is not inline (a heading, a paragraph's last run), a list
// is its items each behind its bullet or number.
func textBlocks(segs []widget.RichTextSegment) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var runs []textRun
	flush := func() {
		if hasWords(runs) {
			out = append(out, newRunParagraph(runs))
		}
		runs = nil
	}
	for _, s := range segs {
		switch x := s.(type) {
		case *widget.TextSegment:
			runs = append(runs, textRun{text: x.Text, style: x.Style.TextStyle, size: x.Style.SizeName})
			if !x.Style.Inline {
				flush()
			}
		case *widget.ParagraphSegment:
			flush()
			out = append(out, textBlocks(x.Texts)...)
		case *widget.ListSegment:
			flush()
			out = append(out, listItems(x)...)
		case *widget.SeparatorSegment:
			flush()
			out = append(out, widget.NewSeparator())
		default: // offline() leaves no image or link; anything else as its text
			runs = append(runs, textRun{text: s.Textual()})
		}
	}
	flush()
	return out
}

func listItems(l *widget.ListSegment) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for i, item := range l.Items {
		mark := "•"
		if l.Ordered {
			mark = fmt.Sprintf("%d.", i+1)
		}
		bullet := newRunParagraph([]textRun{{text: mark, style: fyne.TextStyle{Bold: true}}})
		bullet.minWidth = 2 * theme.TextSize()
		body := container.NewVBox(textBlocks([]widget.RichTextSegment{item})...)
		out = append(out, container.NewBorder(nil, nil, container.NewVBox(bullet), nil, body))
	}
	return out
}

func hasWords(runs []textRun) bool {
	for _, r := range runs {
		if strings.TrimSpace(r.text) != "" {
			return true
		}
	}
	return false
}

// appendPiece adds p to line, joined to the last piece when they share a
// style and size.
func appendPiece(line []textRun, p textRun) []textRun {
	if n := len(line); n > 0 && line[n-1].style == p.style && line[n-1].size == p.size {
		line[n-1].text += p.text
		return line
	}
	return append(line, p)
}

// cutLongWords splits a word of one piece that is wider than width (an
// address, a long compound) into words that fit, at least a letter each.
func cutLongWords(words []word, width float32) []word {
	var out []word
	for _, w := range words {
		if w.width <= width*guessMargin || len(w.pieces) != 1 {
			out = append(out, w)
			continue
		}
		p := w.pieces[0]
		m := textMeasure{size: p.textSize(), style: p.style}
		for i, part := range breakWord(p.text, width, m) {
			cut := word{pieces: []textRun{{text: part, style: p.style, size: p.size}}, width: guessWidth(part, m)}
			if i == 0 {
				cut.space = w.space
			}
			out = append(out, cut)
		}
	}
	return out
}

// textRun is text in one style and size.
type textRun struct {
	text  string
	style fyne.TextStyle
	size  fyne.ThemeSizeName
}

func (r textRun) textSize() float32 {
	if r.size == "" {
		return theme.TextSize()
	}
	return theme.Size(r.size)
}

// source is the font a run names (namedFont).
func (r textRun) source() fyne.Resource { return namedFont(r.style, r.text) }

// word is what a line may not break inside: the pieces of runs between
// two spaces ("**b**," is a bold and a plain piece).
type word struct {
	pieces []textRun
	width  float32 // guessed from the letters
	space  float32 // the space before it, in its first piece's style
}

func splitWords(runs []textRun) []word {
	var words []word
	var cur word
	gap := false // a space came before the word being made
	for _, r := range runs {
		m := textMeasure{size: r.textSize(), style: r.style}
		for i, part := range strings.Split(strings.ReplaceAll(r.text, "\n", " "), " ") {
			if i > 0 { // a space ended the word before
				if len(cur.pieces) > 0 {
					words = append(words, cur)
					cur = word{}
				}
				gap = true
			}
			if part == "" {
				continue
			}
			if len(cur.pieces) == 0 && gap {
				cur.space = m.letter(' ')
			}
			gap = false
			cur.pieces = append(cur.pieces, textRun{text: part, style: r.style, size: r.size})
			cur.width += guessWidth(part, m)
		}
	}
	if len(cur.pieces) > 0 {
		words = append(words, cur)
	}
	return words
}

// breakRuns fills lines of width with words, a line's pieces of one style
// joined into one; a word wider than a whole line is cut where it must.
func breakRuns(words []word, width float32) [][]textRun {
	var lines [][]textRun
	var line []textRun
	used := float32(0)
	for _, w := range cutLongWords(words, width) {
		if len(line) > 0 && used+w.space+w.width > width*guessMargin {
			lines = append(lines, line)
			line, used = nil, 0
		}
		for i, p := range w.pieces {
			if i == 0 && len(line) > 0 {
				// The space before a word takes its style, but no
				// underline: a search hit is marked from its first letter.
				space := p
				space.text, space.style.Underline = " ", false
				line = appendPiece(line, space)
			}
			line = appendPiece(line, p)
		}
		if used > 0 {
			used += w.space
		}
		used += w.width
	}
	if len(line) > 0 {
		lines = append(lines, line)
	}
	return lines
}
