package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
)

// fakeMeasure makes every letter 10 wide.
type fakeMeasure struct{}

func (fakeMeasure) letter(rune) float32 { return 10 }

func (fakeMeasure) width(s string) float32 { return 10 * float32(len([]rune(s))) }

func TestWrappedLinesFitAndKeepEveryWord(t *testing.T) {
	text := "Documents held by others, travel paid by a third party, workers returning in debt."
	lines := wrapText(text, 200, fakeMeasure{})
	for _, l := range lines {
		if w := (fakeMeasure{}).width(l); w > 200 {
			t.Errorf("line %q is %v wide, over 200", l, w)
		}
	}
	if len(lines) < 5 {
		t.Errorf("%d lines: %q", len(lines), lines)
	}
	if got := strings.Join(lines, " "); got != text {
		t.Errorf("the lines read %q", got)
	}
}

// The lines are guessed, never measured; this holds the guess to what Fyne
// draws, for every text of the bundled courses, in every style a paragraph
// uses, at the widths of a small and a large window.
func TestEveryCourseLineFits(t *testing.T) {
	test.NewTempApp(t)
	cs, _ := course.LoadAll(courses.FS)
	var texts []string
	add := func(x course.Text) {
		for _, s := range x {
			texts = append(texts, s)
		}
	}
	for _, c := range cs {
		add(c.Title)
		add(c.Description)
		add(c.Audience)
		for _, q := range c.Quizzes {
			for _, qu := range q.Questions {
				add(qu.Text)
				for _, o := range qu.Options {
					add(o.Text)
					add(o.Feedback)
				}
			}
		}
	}
	lines := 0
	for _, style := range []fyne.TextStyle{{}, {Bold: true}, {Italic: true}} {
		m := textMeasure{size: theme.TextSize(), style: style}
		for _, width := range []float32{280, 640, 990} {
			for _, s := range texts {
				for _, l := range wrapText(s, width, m) {
					lines++
					if w := fyne.MeasureText(l, m.size, style).Width; w > width {
						t.Errorf("%v at %v: %q is %v wide", style, width, l, w)
					}
				}
			}
		}
	}
	if lines < 1000 {
		t.Errorf("only %d lines checked", lines)
	}
}

func TestAWordWiderThanTheLineIsBrokenInside(t *testing.T) {
	m := fakeMeasure{}
	lines := wrapText("Identifikatsiyalashtirilmaganlar bor", 100, m)
	if strings.Join(lines, "") != "Identifikatsiyalashtirilmaganlarbor" {
		t.Fatalf("letters lost or added: %q", lines)
	}
	for _, l := range lines {
		if m.width(l) > 100 {
			t.Errorf("piece %q is wider than the line", l)
		}
	}
}

func TestNewlinesAndEmptyLinesStay(t *testing.T) {
	lines := wrapText("one\n\ntwo", 500, fakeMeasure{})
	if strings.Join(lines, "|") != "one||two" {
		t.Errorf("lines %q", lines)
	}
}

func TestAParagraphGrowsTallerWhenNarrower(t *testing.T) {
	test.NewTempApp(t)
	p := wrapped(strings.Repeat("How trafficking shows at a border crossing. ", 6))
	w := test.NewWindow(p)
	defer w.Close()
	w.Resize(fyne.NewSize(900, 400))
	wide := p.MinSize().Height
	w.Resize(fyne.NewSize(300, 400))
	narrow := p.MinSize().Height
	if narrow <= wide {
		t.Errorf("height %v at 300 wide, %v at 900", narrow, wide)
	}
	for _, o := range test.WidgetRenderer(p).Objects() {
		if tx := o.(*canvas.Text); tx.MinSize().Width > p.Size().Width {
			t.Errorf("line %q is wider than the paragraph", tx.Text)
		}
	}
	p.SetText("Short now.")
	if got := len(test.WidgetRenderer(p).Objects()); got != 1 {
		t.Errorf("%d lines after SetText, want 1", got)
	}
}

// Text far below the window is not drawn until the learner scrolls to it;
// text in view always is.
func TestCatalogueDrawsOnlyTheTextInView(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	d.createProfile("Guard", "border-guard", "Post 12", "")
	cs := d.app.courses
	first, last := courseTitle(t, d, cs[0]), courseTitle(t, d, cs[len(cs)-1])
	if !drawn(first) {
		t.Fatalf("the first course's title is not drawn")
	}
	if drawn(last) {
		t.Fatalf("the last course's title is drawn, far below the window")
	}
	scroll := scrollOf(t, d)
	scroll.ScrollToBottom()
	if !drawn(last) {
		t.Errorf("the last course's title is not drawn once scrolled to")
	}
}

// drawn tells whether any line of p would be painted.
func drawn(p *paragraph) bool {
	for _, o := range test.WidgetRenderer(p).Objects() {
		if o.Visible() {
			return true
		}
	}
	return false
}

func courseTitle(t *testing.T, d *driver, c *course.Course) *paragraph {
	t.Helper()
	title := c.Title.In(c.Lang(d.loc.Lang), c.DefaultLanguage)
	for _, o := range d.visible() {
		if p, ok := o.(*paragraph); ok && p.Text() == title {
			return p
		}
	}
	t.Fatalf("no course title %q", title)
	return nil
}

func scrollOf(t *testing.T, d *driver) *container.Scroll {
	t.Helper()
	for _, o := range d.visible() {
		if s, ok := o.(*container.Scroll); ok {
			return s
		}
	}
	t.Fatal("no scroll on screen")
	return nil
}

// Italic text is drawn from the theme's italic font by name, sparing Fyne's
// system-font copy for italics, unless the font lacks one of its letters:
// then Fyne's fallback fonts must be free to draw it.
func TestItalicTextNamesItsFontOnlyWhenTheFontHasEveryLetter(t *testing.T) {
	test.NewTempApp(t)
	source := func(p *paragraph) fyne.Resource {
		p.Resize(fyne.NewSize(400, 100))
		return test.WidgetRenderer(p).Objects()[0].(*canvas.Text).FontSource
	}
	if s := source(note("Taxminan 55 daqiqa · Около 55 мин")); s == nil || s.Name() != italicFont().Name() {
		t.Errorf("an Uzbek and Russian note is drawn from %v, not the italic font", s)
	}
	if s := source(note("Folder: C:\\Users\\王芳")); s != nil {
		t.Errorf("a note with letters the font lacks is drawn from %s only", s.Name())
	}
	if s := source(wrapped("Regular text")); s != nil {
		t.Errorf("regular text names %s; Fyne's own faces serve it", s.Name())
	}
}

// A lesson runs to several screens: its sections below the window are not
// drawn until scrolled to, and keep their place meanwhile.
func TestLessonDrawsOnlyTheSectionsInView(t *testing.T) {
	d := firstLessonOpen(t)
	var boxes []*cullBox
	for _, o := range visibleUnder(d.app.win.Content()) {
		if b, ok := o.(*cullBox); ok {
			boxes = append(boxes, b)
		}
	}
	if len(boxes) < 3 {
		t.Fatalf("the lesson has %d sections", len(boxes))
	}
	first, last := boxes[0], boxes[len(boxes)-1]
	if !first.content.Visible() {
		t.Fatal("the lesson's first section is not drawn")
	}
	if last.content.Visible() {
		t.Fatal("the lesson's last section is drawn, screens below the window")
	}
	if last.Size().Height == 0 || last.Position().Y <= first.Position().Y {
		t.Errorf("a hidden section lost its place: at %v, %v", last.Position(), last.Size())
	}
	scrollOf(t, d).ScrollToBottom()
	if !last.content.Visible() {
		t.Error("the last section is not drawn once scrolled to")
	}
}

// A section that runs past the window's edge draws only its lines in
// view: each line drawn is one the learner can see, and each line in view
// is drawn, wherever the lesson is scrolled to.
func TestALessonDrawsOnlyTheLinesInView(t *testing.T) {
	d := firstLessonOpen(t)
	scroll := scrollOf(t, d)
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject
	culled := 0
	for _, by := range []float32{0, 333, 667, 1e6} { // as a mouse wheel does
		scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -by)})
		y := scroll.Offset.Y
		top := abs(scroll).Y
		bottom := top + scroll.Size().Height
		for _, p := range lessonBlocks(scroll.Content) {
			lineTop := abs(p).Y + p.vpad()
			drawn := map[float32]bool{}
			for _, o := range test.WidgetRenderer(p).Objects() {
				if txt, ok := o.(*canvas.Text); ok {
					drawn[txt.Position().Y] = true
				}
			}
			for i, h := range p.heights {
				inView := lineTop < bottom && lineTop+h > top
				at := onPixel(lineTop-abs(p).Y, pixelScale()) // where a line's pieces are put
				switch {
				case inView && !drawn[at]:
					t.Errorf("at offset %v: the line %q, in view, is not drawn", y, lineText(p.lines[i]))
				case !inView && drawn[at]:
					t.Errorf("at offset %v: the line %q, out of view, is drawn", y, lineText(p.lines[i]))
				case !inView:
					culled++
				}
				lineTop += h
			}
		}
	}
	if culled == 0 {
		t.Error("no line of a section partly in view was left undrawn")
	}
}

// firstLessonOpen is a new learner's first lesson of the first course, on
// screen; the driver closes with the test.
func firstLessonOpen(t *testing.T) *driver {
	t.Helper()
	d := start(t, t.TempDir(), "en")
	t.Cleanup(d.close)
	d.createProfile("Guard", "border-guard", "Post 12", "")
	d.openCourse(trafficking(t))
	d.tap(d.T("lesson.read"))
	return d
}

// lessonBlocks are the blocks of lesson text drawn under o: those of the
// sections in view.
func lessonBlocks(o fyne.CanvasObject) []*runParagraph {
	var out []*runParagraph
	for _, v := range visibleUnder(o) {
		if lt, ok := v.(*lessonText); ok {
			for _, b := range visibleUnder(lt.box) {
				if p, ok := b.(*runParagraph); ok {
					out = append(out, p)
				}
			}
		}
	}
	return out
}

func lineText(line []textRun) string {
	var b strings.Builder
	for _, r := range line {
		b.WriteString(r.text)
	}
	return b.String()
}

// The quick reference lists many cards: those far below are not drawn
// until scrolled to, and a search that changes the list draws what it
// brings into view.
func TestQuickReferenceDrawsOnlyTheCardsInView(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	d.createProfile("Guard", "border-guard", "Post 12", "")
	d.tap(d.T("guide.title"))
	var texts []*paragraph
	for _, o := range d.visible() {
		if p, ok := o.(*paragraph); ok {
			texts = append(texts, p)
		}
	}
	if len(texts) < 10 {
		t.Fatalf("the quick reference shows %d paragraphs", len(texts))
	}
	if !drawn(texts[0]) || drawn(texts[len(texts)-1]) {
		t.Fatalf("first drawn: %v, last drawn: %v; want only what is in view", drawn(texts[0]), drawn(texts[len(texts)-1]))
	}
	scrollOf(t, d).ScrollToBottom()
	if !drawn(texts[len(texts)-1]) {
		t.Error("the last card is not drawn once scrolled to")
	}
}
