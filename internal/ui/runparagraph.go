package ui

import (
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// runParagraph is a block of a lesson: runs of text in their styles
// (bold, italic, a heading's size), wrapped at spaces for its width from
// the widths of their letters (splitWords, breakRuns), each line's pieces
// drawn side by side. A piece marked bold and underlined (a search hit)
// is drawn with a line under it.
type runParagraph struct {
	widget.BaseWidget
	runs     []textRun
	minWidth float32

	lines   [][]textRun
	heights []float32 // of the lines
	width   float32   // the width lines were broken for
	laidOut bool      // resized once: before that, lines are not drawn

	// In a culled scroll, the part of it in view (top and bottom, in its
	// own coordinates), and the lines drawn for it; nil draws every line.
	view  *[2]float32
	drawn [2]int // first line drawn, and the one after the last
}

func newRunParagraph(runs []textRun) *runParagraph {
	p := &runParagraph{runs: runs, width: -1}
	p.ExtendBaseWidget(p)
	return p
}

func (p *runParagraph) pad() float32 { return p.Theme().Size(theme.SizeNameInnerPadding) }

// vpad is the space above and below the lines: a block's lines sit
// closer to the next block's than a label's would (the lesson's
// paragraphs are a text, not a form), about as RichText spaced them.
func (p *runParagraph) vpad() float32 { return p.Theme().Size(theme.SizeNameLineSpacing) }

// rewrap breaks the runs for width; it reports whether the lines changed.
// Below four ems (not laid out yet) nothing is broken, as in paragraph.
func (p *runParagraph) rewrap(width float32) bool {
	if width == p.width && p.lines != nil {
		return false
	}
	p.width = width
	inner := width - 2*p.pad()
	var lines [][]textRun
	if inner < 4*theme.TextSize() {
		lines = breakRuns(splitWords(p.runs), 1e9)
	} else {
		lines = breakRuns(splitWords(p.runs), inner)
	}
	changed := !slices.EqualFunc(lines, p.lines, slices.Equal[[]textRun])
	if changed || p.heights == nil {
		p.heights = make([]float32, len(lines))
		for i, l := range lines {
			p.heights[i] = lineHeight(l)
		}
	}
	p.lines = lines
	return changed
}

func (p *runParagraph) Resize(size fyne.Size) {
	changed := p.rewrap(size.Width) || !p.laidOut
	p.laidOut = true
	p.BaseWidget.Resize(size)
	if changed {
		p.Refresh()
	}
}

// awaitCulling draws none of its lines until showPart says which are in
// view: a culled scroll lays its content out before it culls, and each
// line drawn is measured, shaped and rasterised.
func (p *runParagraph) awaitCulling() {
	if p.view == nil {
		p.view = &[2]float32{}
	}
}

// showPart draws the lines between top and bottom (in its own
// coordinates) and no others; only a change of lines redraws.
func (p *runParagraph) showPart(top, bottom float32) {
	p.view = &[2]float32{top, bottom}
	if p.visibleLines() != p.drawn {
		p.Refresh()
	}
}

// visibleLines are the lines to draw: every line, or those in view.
func (p *runParagraph) visibleLines() [2]int {
	if !p.laidOut {
		return [2]int{}
	}
	if p.view == nil {
		return [2]int{0, len(p.lines)}
	}
	first, end := 0, 0
	y := p.vpad()
	for i, h := range p.heights {
		if y < p.view[1] && y+h > p.view[0] {
			if end == 0 {
				first = i
			}
			end = i + 1
		}
		y += h
	}
	return [2]int{first, end}
}

func (p *runParagraph) CreateRenderer() fyne.WidgetRenderer {
	r := &runParagraphRenderer{p: p}
	r.Refresh()
	return r
}

// lineHeight is the height of a line of runs: that of its largest text.
func lineHeight(line []textRun) float32 {
	h := float32(0)
	for _, r := range line {
		s, _ := fyne.CurrentApp().Driver().RenderedTextSize("M", r.textSize(), r.style, r.source())
		h = max(h, s.Height)
	}
	return h
}

type runParagraphRenderer struct {
	p       *runParagraph
	objects []fyne.CanvasObject
}

func (r *runParagraphRenderer) MinSize() fyne.Size {
	p := r.p
	if p.lines == nil {
		p.rewrap(p.Size().Width)
	}
	h := float32(0)
	for _, lh := range p.heights {
		h += lh
	}
	return fyne.NewSize(max(2*p.pad(), p.minWidth), h+2*p.vpad())
}

func (r *runParagraphRenderer) Layout(fyne.Size) {}

// Refresh draws the lines: each piece at the end of the one before it,
// measured once it is placed.
func (r *runParagraphRenderer) Refresh() {
	p := r.p
	if p.lines == nil {
		p.rewrap(p.Size().Width)
	}
	fg := p.Theme().Color(theme.ColorNameForeground, fyne.CurrentApp().Settings().ThemeVariant())
	driver := fyne.CurrentApp().Driver()
	scale := pixelScale()
	r.objects = r.objects[:0]
	p.drawn = p.visibleLines()
	y := p.vpad()
	for i, line := range p.lines {
		if i < p.drawn[0] || i >= p.drawn[1] {
			y += p.heights[i]
			continue
		}
		x, top := p.pad(), onPixel(y, scale)
		for _, run := range line {
			t := canvas.NewText(run.text, fg)
			t.TextSize, t.TextStyle, t.FontSource = run.textSize(), run.style, run.source()
			size, _ := driver.RenderedTextSize(run.text, t.TextSize, t.TextStyle, t.FontSource)
			x = onPixel(x, scale)
			t.Move(fyne.NewPos(x, top))
			t.Resize(size)
			r.objects = append(r.objects, t)
			if run.style.Underline {
				u := canvas.NewLine(fg)
				u.Position1, u.Position2 = fyne.NewPos(x, top+size.Height-1), fyne.NewPos(x+size.Width, top+size.Height-1)
				r.objects = append(r.objects, u)
			}
			x += size.Width
		}
		y += p.heights[i]
	}
}

// onPixel puts a position on a whole pixel: a piece of a line starts where
// the one before it ends, and a line below lines of fractional height, and
// text drawn between pixels is blurred, its letters greyer than the rest.
func onPixel(x, scale float32) float32 {
	return float32(math.Round(float64(x*scale))) / scale
}

func (r *runParagraphRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *runParagraphRenderer) Destroy()                     {}
