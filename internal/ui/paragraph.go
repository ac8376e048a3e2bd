package ui

import (
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// paragraph is read-only text wrapped at word boundaries, laid out like a
// wrapped widget.Label. It exists because of the cost of Fyne's wrapping:
// a wrapped Label finds each line break by measuring longer and longer
// runs of its text, and every measurement shapes the text afresh (about
// 0.1 ms and 20 KB of garbage, whatever its length). A catalogue of six
// courses took 100 ms of the UI thread to lay out. A paragraph adds up the
// widths of its letters instead (docs/performance.md).
type paragraph struct {
	widget.BaseWidget
	text  string
	style fyne.TextStyle
	size  fyne.ThemeSizeName
	// Importance colours the text as it would a Label's.
	Importance widget.Importance
	// minWidth is the least width it asks for; 0: only its padding.
	minWidth float32
	// align places each line in the width: leading unless set.
	align fyne.TextAlign

	lines     []string // text broken for width
	width     float32  // the width lines were broken for; 0 before the first layout
	offscreen bool     // far out of a scroll's view: nothing drawn (culledScroll)
	renderer  *paragraphRenderer
	source    fyne.Resource // see fontSource
	sourceFor string        // the text source was chosen for
}

func newParagraph(text string, style fyne.TextStyle) *paragraph {
	p := &paragraph{text: text, style: style, size: theme.SizeNameText}
	p.ExtendBaseWidget(p)
	return p
}

// Text is the paragraph's whole text.
func (p *paragraph) Text() string { return p.text }

// SetText replaces the text and redraws it.
func (p *paragraph) SetText(text string) {
	p.text = text
	p.width = -1 // break again at the next layout
	p.Refresh()
}

// SetStyle changes the text style and redraws the text, wrapped anew.
func (p *paragraph) SetStyle(style fyne.TextStyle) {
	if style == p.style {
		return
	}
	p.style = style
	p.width = -1
	p.Refresh()
}

// setInView draws the text or stops drawing it. Only a change touches
// the lines: a refreshed line is rasterised again.
func (p *paragraph) setInView(in bool) {
	if p.offscreen == !in {
		return
	}
	p.offscreen = !in
	if p.renderer == nil { // its lines are made hidden, when they are made
		return
	}
	for _, t := range p.renderer.texts {
		if in {
			t.Show()
		} else {
			t.Hide()
		}
	}
}

// fontSource is the font the paragraph names (namedFont), worked out once
// for its text.
func (p *paragraph) fontSource() fyne.Resource {
	if p.source == nil || p.sourceFor != p.text {
		p.sourceFor = p.text
		p.source = namedFont(p.style, p.text)
		if p.source == nil {
			p.source = noSource
		}
	}
	if p.source == noSource {
		return nil
	}
	return p.source
}

// namedFont is the font text in style is drawn from by name: the italic
// font, for plain italics it has every letter of; else none. Fyne gives
// each text style, for text with no font named, its own copy of a system
// font to fall back on: reading and parsing one takes 2.5 MB and 25 ms.
// Italics are drawn only by Ogoh's own text (notes, lessons), so naming
// the font spares that copy; text the font cannot show in full still gets
// Fyne's fallback. Bold is left to Fyne: its buttons draw bold by theme,
// and a named copy would be parsed beside it.
func namedFont(style fyne.TextStyle, text string) fyne.Resource {
	if !style.Italic || style.Bold || style.Monospace {
		return nil
	}
	if f := italicFont(); fontHasAll(f, text) {
		return f
	}
	return nil
}

// noSource marks a paragraph's text as needing Fyne's fallback fonts.
var noSource fyne.Resource = fyne.NewStaticResource("", nil)

func italicFont() fyne.Resource {
	return fyne.CurrentApp().Settings().Theme().Font(fyne.TextStyle{Italic: true})
}

func (p *paragraph) textSize() float32 { return p.Theme().Size(p.size) }

// rewrap breaks the text for the paragraph's width; it reports whether
// the lines changed.
func (p *paragraph) rewrap(width float32) bool {
	inner := width - 2*p.Theme().Size(theme.SizeNameInnerPadding)
	if width == p.width && p.lines != nil {
		return false
	}
	p.width = width
	var lines []string
	// Not laid out yet, or squeezed to a few letters' width: the desktop
	// window lays a new screen out at its minimum size first, and text
	// broken after every letter there asks for a window thousands of
	// pixels tall. Below four ems nothing is broken.
	if inner < 4*p.textSize() {
		lines = strings.Split(p.text, "\n")
	} else {
		lines = wrapText(p.text, inner, textMeasure{size: p.textSize(), style: p.style})
	}
	changed := !slices.Equal(lines, p.lines)
	p.lines = lines
	return changed
}

func (p *paragraph) Resize(size fyne.Size) {
	changed := p.rewrap(size.Width)
	p.BaseWidget.Resize(size)
	if changed {
		p.Refresh()
	}
}

func (p *paragraph) CreateRenderer() fyne.WidgetRenderer {
	r := &paragraphRenderer{p: p}
	p.renderer = r
	r.Refresh()
	return r
}

type paragraphRenderer struct {
	p     *paragraph
	texts []fyne.CanvasObject
}

func (r *paragraphRenderer) lineHeight() float32 {
	size, _ := fyne.CurrentApp().Driver().RenderedTextSize("M", r.p.textSize(), r.p.style, r.p.fontSource())
	return size.Height
}

func (r *paragraphRenderer) MinSize() fyne.Size {
	if r.p.lines == nil {
		r.p.rewrap(r.p.Size().Width)
	}
	pad := r.p.Theme().Size(theme.SizeNameInnerPadding)
	return fyne.NewSize(max(2*pad, r.p.minWidth), float32(len(r.p.lines))*r.lineHeight()+2*pad)
}

func (r *paragraphRenderer) Layout(size fyne.Size) {
	pad := r.p.Theme().Size(theme.SizeNameInnerPadding)
	h := r.lineHeight()
	for i, o := range r.texts {
		o.Move(fyne.NewPos(pad, pad+float32(i)*h))
		o.Resize(fyne.NewSize(size.Width-2*pad, h))
	}
}

func (r *paragraphRenderer) Refresh() {
	p := r.p
	if p.lines == nil || p.width < 0 {
		p.rewrap(p.Size().Width)
	}
	th := p.Theme()
	fg := th.Color(importanceColor(p.Importance), fyne.CurrentApp().Settings().ThemeVariant())
	size := p.textSize()
	for len(r.texts) < len(p.lines) {
		r.texts = append(r.texts, canvas.NewText("", fg))
	}
	r.texts = r.texts[:len(p.lines)]
	for i, line := range p.lines {
		t := r.texts[i].(*canvas.Text)
		t.Text, t.Color, t.TextSize, t.TextStyle, t.FontSource = line, fg, size, p.style, p.fontSource()
		t.Alignment = p.align
		t.Hidden = p.offscreen
		t.Refresh()
	}
	r.Layout(p.Size())
}

func importanceColor(i widget.Importance) fyne.ThemeColorName {
	switch i {
	case widget.LowImportance:
		return theme.ColorNameDisabled
	case widget.HighImportance:
		return theme.ColorNamePrimary
	case widget.DangerImportance:
		return theme.ColorNameError
	case widget.WarningImportance:
		return theme.ColorNameWarning
	case widget.SuccessImportance:
		return theme.ColorNameSuccess
	default:
		return theme.ColorNameForeground
	}
}

func (r *paragraphRenderer) Objects() []fyne.CanvasObject { return r.texts }

func (r *paragraphRenderer) Destroy() {
	if r.p.renderer == r {
		r.p.renderer = nil
	}
}

// measurer tells how wide a letter is.
type measurer interface {
	letter(r rune) float32
}

// textMeasure reads letter widths in one text size and style.
type textMeasure struct {
	size  float32
	style fyne.TextStyle
}

type letterKey struct {
	r     rune
	size  float32
	style fyne.TextStyle
}

// letterWidths keeps every letter's width once known.
var letterWidths sync.Map

func (m textMeasure) letter(r rune) float32 {
	k := letterKey{r, m.size, m.style}
	if w, ok := letterWidths.Load(k); ok {
		return w.(float32)
	}
	w, ok := fontAdvance(fyne.CurrentApp().Settings().Theme().Font(m.style), r, m.size)
	if !ok { // a letter from a fallback font: Fyne knows its width
		w = fyne.MeasureText(string(r), m.size, m.style).Width
	}
	letterWidths.Store(k, w)
	return w
}

// wrapText breaks text into lines no wider than width: at spaces, or inside
// a word longer than a whole line. Lines are found from the widths of their
// letters alone, with a small margin, and never measured: a measurement
// shapes the text, which is what costs.
func wrapText(text string, width float32, m measurer) []string {
	var lines []string
	for _, hard := range strings.Split(text, "\n") {
		lines = append(lines, wrapLine(hard, width, m)...)
	}
	return lines
}

func wrapLine(line string, width float32, m measurer) []string {
	words := strings.Split(line, " ")
	var out []string
	for i := 0; i < len(words); {
		j := i + fitWords(words[i:], width, m)
		if j == i+1 && guessWidth(words[i], m) > width {
			out = append(out, breakWord(words[i], width, m)...)
		} else {
			out = append(out, strings.Join(words[i:j], " "))
		}
		i = j
	}
	return out
}

// fitWords tells how many of words, at least one, make a line that fits.
func fitWords(words []string, width float32, m measurer) int {
	width *= guessMargin
	space := m.letter(' ')
	n, guess := 0, float32(0)
	for n < len(words) {
		w := guess + guessWidth(words[n], m)
		if n > 0 {
			w += space
		}
		if n > 0 && w > width {
			break
		}
		guess, n = w, n+1
	}
	return n
}

// guessMargin keeps a guessed line a little narrower than the paragraph.
// Shaped text is narrower than the sum of its letters by up to 2.4%
// (kerning), and wider by at most 0.12% (rounding), over every text of the
// bundled courses in all three styles; TestEveryCourseLineFits checks it.
const guessMargin = 0.995

func guessWidth(word string, m measurer) float32 {
	w := float32(0)
	for _, r := range word {
		w += m.letter(r)
	}
	return w
}

// breakWord splits a word wider than a line into pieces that fit, at least
// one letter each.
func breakWord(word string, width float32, m measurer) []string {
	width *= guessMargin
	var out []string
	rs := []rune(word)
	for len(rs) > 0 {
		n, w := 1, m.letter(rs[0])
		for n < len(rs) && w+m.letter(rs[n]) <= width {
			w += m.letter(rs[n])
			n++
		}
		out = append(out, string(rs[:n]))
		rs = rs[n:]
	}
	return out
}
