package paper

import (
	"strings"
	"unicode"
)

// Run is a piece of text in one face.
type Run struct {
	Text  string
	Style Style
}

// Align places each line between the margins.
type Align int

// The alignments a paragraph can have.
const (
	AlignLeft Align = iota
	AlignCenter
)

// Para is a paragraph's layout: its size in points, its alignment, and
// how far its lines are indented from the left margin.
type Para struct {
	Size   float64
	Align  Align
	Indent float64
	Gray   float64 // 0 is black
	Marker string  // a list item's bullet or number, set in the indent
}

// word is one unbreakable piece of a line; glued words follow the one
// before with no space, as in "**bold**," where the comma is plain.
type word struct {
	text  string
	style Style
	glued bool
	width float64
}

type line struct {
	words []word
	width float64
}

// Text lays out runs as a wrapped paragraph at the cursor, starting new
// pages as needed, and moves the cursor below it.
func (d *Doc) Text(p Para, runs ...Run) error {
	lines, err := d.layout(p.Size, d.Width()-p.Indent, runs)
	if err != nil {
		return err
	}
	height := lineHeight(p.Size)
	for i, l := range lines {
		d.Ensure(height)
		if i == 0 && p.Marker != "" {
			if err := d.marker(p); err != nil {
				return err
			}
		}
		if err := d.drawLine(l, p, d.size.Margin+p.Indent, d.Width()-p.Indent, d.y); err != nil {
			return err
		}
		d.y += height
	}
	return nil
}

func lineHeight(size float64) float64 { return size * 1.35 }

// marker draws a list item's bullet or number in the indent, before its
// first line.
func (d *Doc) marker(p Para) error {
	w, err := d.width(Regular, p.Size, p.Marker)
	if err != nil {
		return err
	}
	d.pdf.SetXY(d.size.Margin+p.Indent-w-4, d.y+p.Size)
	return d.pdf.Text(p.Marker)
}

// Plain lays out one string in one face.
func (d *Doc) Plain(p Para, style Style, text string) error {
	return d.Text(p, Run{Text: text, Style: style})
}

// layout breaks runs into lines no wider than width.
func (d *Doc) layout(size, width float64, runs []Run) ([]line, error) {
	words, err := d.measure(size, width, split(runs))
	if err != nil {
		return nil, err
	}
	space, err := d.width(Regular, size, " ")
	if err != nil {
		return nil, err
	}
	return wrap(words, width, space), nil
}

func (d *Doc) drawLine(l line, p Para, left, width, y float64) error {
	x := left
	if p.Align == AlignCenter {
		x = left + (width-l.width)/2
	}
	space, err := d.width(Regular, p.Size, " ")
	if err != nil {
		return err
	}
	d.pdf.SetGrayFill(p.Gray)
	defer d.pdf.SetGrayFill(0)
	for i, w := range l.words {
		if i > 0 && !w.glued {
			x += space
		}
		if err := d.pdf.SetFontWithStyle(family, gopdfStyle[w.style], p.Size); err != nil {
			return err
		}
		d.pdf.SetXY(x, y+p.Size) // gopdf's y is the baseline
		if err := d.pdf.Text(w.text); err != nil {
			return err
		}
		x += w.width
	}
	return nil
}

// split cuts runs into words, marking those that touch the one before.
func split(runs []Run) []word {
	var out []word
	touching := false // the previous run ended inside a word
	for _, r := range runs {
		fields := strings.Fields(r.Text)
		for i, f := range fields {
			glued := i == 0 && touching && !startsWithSpace(r.Text)
			out = append(out, word{text: f, style: r.Style, glued: glued && len(out) > 0})
		}
		if len(fields) > 0 {
			touching = !endsWithSpace(r.Text)
		} else if r.Text != "" {
			touching = false
		}
	}
	return out
}

func startsWithSpace(s string) bool {
	for _, r := range s {
		return unicode.IsSpace(r)
	}
	return false
}

func endsWithSpace(s string) bool {
	return s != "" && unicode.IsSpace(rune(s[len(s)-1]))
}

func (d *Doc) width(style Style, size float64, s string) (float64, error) {
	if err := d.pdf.SetFontWithStyle(family, gopdfStyle[style], size); err != nil {
		return 0, err
	}
	return d.pdf.MeasureTextWidth(s)
}

// measure sets each word's width, cutting a word wider than the page (a
// long address) into pieces that fit.
func (d *Doc) measure(size, max float64, words []word) ([]word, error) {
	out := make([]word, 0, len(words))
	for _, w := range words {
		width, err := d.width(w.style, size, w.text)
		if err != nil {
			return nil, err
		}
		w.width = width
		if width <= max {
			out = append(out, w)
			continue
		}
		pieces, err := d.cut(size, max, w)
		if err != nil {
			return nil, err
		}
		out = append(out, pieces...)
	}
	return out, nil
}

func (d *Doc) cut(size, max float64, w word) ([]word, error) {
	var out []word
	runes := []rune(w.text)
	for len(runes) > 0 {
		n := len(runes)
		for ; n > 1; n-- {
			width, err := d.width(w.style, size, string(runes[:n]))
			if err != nil {
				return nil, err
			}
			if width <= max {
				break
			}
		}
		width, _ := d.width(w.style, size, string(runes[:n]))
		out = append(out, word{text: string(runes[:n]), style: w.style, glued: w.glued && len(out) == 0, width: width})
		runes = runes[n:]
	}
	return out, nil
}

// wrap breaks words into lines no wider than width.
func wrap(words []word, width, space float64) []line {
	var lines []line
	var cur line
	for _, w := range words {
		add := w.width
		if len(cur.words) > 0 && !w.glued {
			add += space
		}
		if len(cur.words) > 0 && cur.width+add > width && !w.glued {
			lines = append(lines, cur)
			cur, add = line{}, w.width
		}
		cur.words = append(cur.words, w)
		cur.width += add
	}
	if len(cur.words) > 0 {
		lines = append(lines, cur)
	}
	return lines
}
