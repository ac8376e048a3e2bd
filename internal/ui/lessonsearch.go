package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/textsearch"
)

// lessonSearchScreen finds what a learner typed in every lesson of every
// installed course, in the learner's language, forgiving endings and a
// slip of a key (textsearch). It lists each lesson that has every word:
// course, lesson and the line of the first hit, the words marked; Read
// opens the lesson with the hits marked there too, and Back comes here.
type lessonSearchScreen struct {
	a     *App
	query string
	texts map[lessonRef]string // lesson text read so far, by course and lesson
}

// lessonRef names one lesson of one installed course.
type lessonRef struct {
	c *course.Course
	i int
}

// lessonHit is one lesson that matched, and its line with the first hit.
type lessonHit struct {
	lessonRef
	line  string
	spans []textsearch.Span
}

// maxLessonHits is the most hits listed; more say to type more words.
const maxLessonHits = 50

func newLessonSearchScreen(a *App) *lessonSearchScreen {
	return &lessonSearchScreen{a: a, texts: map[lessonRef]string{}}
}

func (s *lessonSearchScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	a.awaitCourses()
	results := container.NewVBox()
	scroll := container.NewVScroll(container.NewPadded(results))
	fill := func() {
		results.RemoveAll()
		s.fill(results)
		scroll.ScrollToTop()
	}
	search := a.nav.entry()
	search.SetPlaceHolder(a.T("lessons.search.placeholder"))
	search.SetText(s.query)
	search.OnChanged = func(text string) { s.query = text; fill() }
	fill()
	a.nav.focus = search
	title := a.T("lessons.search")
	return title, a.screen(title, a.nav.to(newCatalogueScreen(a)), container.NewBorder(container.NewPadded(search), nil, nil, nil, scroll))
}

// fill lists the hits for the query, or says why there are none.
func (s *lessonSearchScreen) fill(box *fyne.Container) {
	a := s.a
	q := textsearch.Parse(s.query)
	if q.Empty() {
		box.Add(wrapped(a.T("lessons.search.hint")))
		return
	}
	hits := s.find(q)
	if len(hits) == 0 {
		box.Add(wrapped(a.T("lessons.search.none")))
		return
	}
	box.Add(strong(a.loc.N("lessons.search.found", len(hits))))
	for _, h := range hits[:min(len(hits), maxLessonHits)] {
		box.Add(s.hitCard(h))
	}
	if len(hits) > maxLessonHits {
		box.Add(note(a.T("lessons.search.more")))
	}
}

// find is every lesson whose text has every word of q, course by course.
func (s *lessonSearchScreen) find(q textsearch.Query) []lessonHit {
	var out []lessonHit
	for _, c := range s.a.courses {
		for i := range c.Lessons {
			ref := lessonRef{c, i}
			text := s.text(ref)
			if ok, _ := q.Match(text); !ok {
				continue
			}
			line, spans := firstHitLine(s.query, text)
			out = append(out, lessonHit{lessonRef: ref, line: line, spans: spans})
		}
	}
	return out
}

// text is a lesson's title and Markdown in the learner's language, read
// through the course once per screen.
func (s *lessonSearchScreen) text(ref lessonRef) string {
	if t, ok := s.texts[ref]; ok {
		return t
	}
	a := s.a
	lang := a.courseLang(ref.c)
	l := &ref.c.Lessons[ref.i]
	md, err := ref.c.LessonMarkdown(l, lang)
	if err != nil {
		a.logError(err)
	}
	t := l.Title.In(lang, ref.c.DefaultLanguage) + "\n" + md
	s.texts[ref] = t
	return t
}

func (s *lessonSearchScreen) hitCard(h lessonHit) fyne.CanvasObject {
	a := s.a
	c := h.c
	lang := a.courseLang(c)
	read := a.nav.button(a.T("lessons.search.read"), theme.DocumentIcon(), func() {
		a.nav.open(newLessonScreenAt(a, c, h.i, s.query, a.nav.to(s)))
	})
	where := note(c.Title.In(lang, c.DefaultLanguage))
	lesson := strong(c.Lessons[h.i].Title.In(lang, c.DefaultLanguage))
	snippet := highlighted(h.line, h.spans, fyne.TextStyle{})
	return panel(container.NewBorder(nil, nil, nil, container.NewCenter(read), container.NewVBox(where, lesson, snippet)))
}

// firstHitLine is the line of text (Markdown marks taken off its start)
// where a word of query is first found, cut to about a line on screen
// around the hit, with every hit in it.
func firstHitLine(query, text string) (string, []textsearch.Span) {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimLeft(line, "#>*-+ \t")
		spans := anySpans(query, line)
		if len(spans) == 0 {
			continue
		}
		return around(line, spans, 240)
	}
	return "", nil
}

// anySpans is where any word of query matches in text, in order.
func anySpans(query, text string) []textsearch.Span {
	var out []textsearch.Span
	for _, w := range strings.Fields(query) {
		if _, spans := textsearch.Parse(w).Match(text); len(spans) > 0 {
			out = append(out, spans...)
		}
	}
	slices.SortFunc(out, func(a, b textsearch.Span) int { return a.Start - b.Start })
	return slices.Compact(out)
}

// around cuts line to about width bytes around its first span, at spaces,
// marking a cut with "…", and moves the spans with it.
func around(line string, spans []textsearch.Span, width int) (string, []textsearch.Span) {
	if len(line) <= width {
		return line, spans
	}
	from := max(0, spans[0].Start-width/3)
	if i := strings.LastIndexByte(line[:from], ' '); from > 0 && i >= 0 {
		from = i + 1
	}
	to := min(len(line), from+width)
	if i := strings.IndexByte(line[to:], ' '); to < len(line) && i >= 0 {
		to += i
	} else if to < len(line) {
		to = len(line)
	}
	out, shift := line[from:to], from
	prefix := ""
	if from > 0 {
		prefix = "…"
	}
	if to < len(line) {
		out += "…"
	}
	var kept []textsearch.Span
	for _, sp := range spans {
		if sp.Start >= from && sp.End <= to {
			kept = append(kept, textsearch.Span{Start: sp.Start - shift + len(prefix), End: sp.End - shift + len(prefix)})
		}
	}
	return prefix + out, kept
}

// markHits marks in a rendered lesson every word that matches a word of
// query: bold and underlined, as the search's list marks them. It returns
// the first section with a hit, nil if none.
func markHits(lesson fyne.CanvasObject, query string) fyne.CanvasObject {
	box, ok := lesson.(*fyne.Container) // renderLesson's sections
	if !ok || strings.TrimSpace(query) == "" {
		return nil
	}
	var first fyne.CanvasObject
	for _, o := range box.Objects {
		b, ok := o.(*cullBox)
		if !ok {
			continue
		}
		if lt, ok := b.content.(*lessonText); ok {
			before := len(lt.Segments)
			lt.Segments = markSegments(lt.Segments, query)
			if first == nil && (len(lt.Segments) != before || hasMark(lt.Segments)) {
				first = b
			}
			lt.Refresh()
		}
	}
	return first
}

// hasMark reports whether markSegments marked something in segs.
func hasMark(segs []widget.RichTextSegment) bool {
	for _, s := range segs {
		switch t := s.(type) {
		case *widget.TextSegment:
			if t.Style.TextStyle.Bold && t.Style.TextStyle.Underline {
				return true
			}
		case *widget.ListSegment:
			if hasMark(t.Items) {
				return true
			}
		case *widget.ParagraphSegment:
			if hasMark(t.Texts) {
				return true
			}
		}
	}
	return false
}

// scrollToOnce scrolls s so that section (a child of body, which is
// inside s's content) is at the top, and keeps it there as the lesson's
// text settles into its lines, until the learner scrolls: the lesson
// opens at its first hit.
func scrollToOnce(s *container.Scroll, body *fyne.Container, section fyne.CanvasObject) {
	content, ok := s.Content.(*fyne.Container)
	if !ok {
		return
	}
	l := &scrollOnceLayout{inner: content.Layout, scroll: s, body: body, section: section, cull: s.OnScrolled}
	s.OnScrolled = func(p fyne.Position) {
		if !l.setting {
			l.done = true // the learner scrolled
		}
		if l.cull != nil {
			l.cull(p)
		}
	}
	content.Layout = l
}

type scrollOnceLayout struct {
	inner         fyne.Layout
	scroll        *container.Scroll
	body          *fyne.Container
	section       fyne.CanvasObject
	cull          func(fyne.Position)
	done, setting bool
	times         int
}

func (l *scrollOnceLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	l.inner.Layout(objects, size)
	if l.done || l.scroll.Size().Height <= 0 {
		return
	}
	y := l.body.Position().Y + l.section.Position().Y
	to := fyne.NewPos(0, min(y, max(0, size.Height-l.scroll.Size().Height)))
	if to == l.scroll.Offset || l.times > 20 { // settled (a refresh lays out again)
		return
	}
	l.times++
	l.setting = true
	l.scroll.Offset = to
	l.scroll.Refresh()
	l.setting = false
	if l.cull != nil { // culledScroll draws what is now in view
		l.cull(l.scroll.Offset)
	}
}

func (l *scrollOnceLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return l.inner.MinSize(objects)
}

// markSegments splits the text segments of segs where query's words
// match, the matching words bold and underlined.
func markSegments(segs []widget.RichTextSegment, query string) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for _, seg := range segs {
		switch t := seg.(type) {
		case *widget.TextSegment:
			out = append(out, splitAtHits(t, anySpans(query, t.Text))...)
			continue
		case *widget.ListSegment:
			t.Items = markSegments(t.Items, query)
		case *widget.ParagraphSegment:
			t.Texts = markSegments(t.Texts, query)
		}
		out = append(out, seg)
	}
	return out
}

// splitAtHits is t cut into pieces at spans, the spans marked.
func splitAtHits(t *widget.TextSegment, spans []textsearch.Span) []widget.RichTextSegment {
	if len(spans) == 0 {
		return []widget.RichTextSegment{t}
	}
	var out []widget.RichTextSegment
	piece := func(text string, hit bool) {
		if text == "" {
			return
		}
		st := t.Style
		st.Inline = true
		if hit {
			st.TextStyle.Bold, st.TextStyle.Underline = true, true
		}
		out = append(out, &widget.TextSegment{Text: text, Style: st})
	}
	at := 0
	for _, sp := range spans {
		if sp.Start < at {
			continue
		}
		piece(t.Text[at:sp.Start], false)
		piece(t.Text[sp.Start:sp.End], true)
		at = sp.End
	}
	piece(t.Text[at:], false)
	if !t.Style.Inline { // a block of its own (a heading, a quote): its pieces stay one block
		return []widget.RichTextSegment{&widget.ParagraphSegment{Texts: out}}
	}
	return out
}
