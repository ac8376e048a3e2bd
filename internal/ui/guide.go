package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/reference"
	"github.com/ogoh/ogoh/internal/textsearch"
)

// guideScreen is the field quick-reference: open from the profile picker
// without a profile, from the first-run welcome, or from the catalogue;
// back returns where it came from. The setting chosen and the search typed
// stay through a redraw. A search narrows every tab, marks the words it
// matched and says how many it found, or plainly that it found nothing.
type guideScreen struct {
	a              *App
	back           func()
	setting, query string
}

func newGuideScreen(a *App, back func()) *guideScreen { return &guideScreen{a: a, back: back} }

func (s *guideScreen) draw() (string, fyne.CanvasObject) {
	a, back := s.a, s.back
	if a.guide == nil {
		return a.T("guide.title"), a.screen(a.T("guide.title"), back, wrapped(a.T("guide.missing")))
	}
	cards, terms, contacts := container.NewVBox(), container.NewVBox(), container.NewVBox()
	cardScroll, termScroll := culledScroll(container.NewPadded(cards)), culledScroll(container.NewPadded(terms))
	contactScroll := container.NewVScroll(container.NewPadded(contacts))
	fill := func() {
		q := textsearch.Parse(s.query)
		s.fillCards(cards, q)
		s.fillTerms(terms, q)
		contacts.RemoveAll()
		contacts.Add(a.contactListMatching(q))
		// What is left may be shorter than where the tab was scrolled to.
		for _, sc := range []*container.Scroll{cardScroll, termScroll, contactScroll} {
			sc.ScrollToTop()
		}
	}
	search := a.nav.entry()
	search.SetPlaceHolder(a.T("guide.search"))
	search.SetText(s.query)
	search.OnChanged = func(text string) { s.query = text; fill() }
	filter := s.filter(fill)
	fill()
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon(a.T("guide.cards"), theme.ListIcon(), cardScroll),
		container.NewTabItemWithIcon(a.T("guide.glossary"), theme.InfoIcon(), termScroll),
		container.NewTabItemWithIcon(a.T("contacts.title"), theme.AccountIcon(), contactScroll),
	)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(filter, a.pocketCardButton()), search)
	a.nav.focus = search
	title := a.T("guide.title")
	return title, a.screen(title, back, container.NewBorder(container.NewPadded(top), nil, nil, nil, tabs))
}

// filter is the choice of setting, as wide as its longest option so that
// none is cut in any language.
func (s *guideScreen) filter(changed func()) fyne.CanvasObject {
	a := s.a
	names := []string{a.T("guide.all")}
	for _, name := range reference.Settings {
		names = append(names, a.T("guide.setting."+name))
	}
	filter := a.nav.newSelect(names, nil)
	filter.SetSelectedIndex(indexOf(append([]string{""}, reference.Settings...), s.setting))
	filter.OnChanged = func(string) {
		if i := filter.SelectedIndex(); i > 0 {
			s.setting = reference.Settings[i-1]
		} else {
			s.setting = ""
		}
		changed()
	}
	return container.New(&atLeastWide{width: selectWidth(names)}, filter)
}

// selectWidth is how wide a drop-down must be to show the longest of
// options whole: the text, its padding and the drop-down's arrow.
func selectWidth(options []string) float32 {
	var w float32
	for _, o := range options {
		w = max(w, fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return w + theme.IconInlineSize() + 6*theme.Padding()
}

// atLeastWide lays its one object out as wide as width, or wider.
type atLeastWide struct{ width float32 }

func (l *atLeastWide) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (l *atLeastWide) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objects {
		m = m.Max(o.MinSize())
	}
	m.Width = max(m.Width, l.width)
	return m
}

// fillCards lists the cards that match q in the chosen setting, with a
// count when something was typed.
func (s *guideScreen) fillCards(box *fyne.Container, q textsearch.Query) {
	a := s.a
	box.RemoveAll()
	found := a.guide.Find(s.setting, s.query, a.loc.Lang)
	if len(found) == 0 {
		box.Add(wrapped(a.T("guide.nothing")))
		return
	}
	if !q.Empty() {
		box.Add(strong(a.loc.N("guide.found.cards", len(found))))
	}
	for _, c := range found {
		box.Add(s.card(c, q))
	}
}

// fillTerms lists the glossary entries that match q.
func (s *guideScreen) fillTerms(box *fyne.Container, q textsearch.Query) {
	a := s.a
	box.RemoveAll()
	found := a.guide.Terms(s.query, a.loc.Lang)
	if len(found) == 0 {
		box.Add(wrapped(a.T("guide.nothing")))
		return
	}
	if !q.Empty() {
		box.Add(strong(a.loc.N("guide.found.terms", len(found))))
	}
	l := a.guide.Lang(a.loc.Lang)
	for _, t := range found {
		spans := matchLines(q, []string{t.Term[l], t.Definition[l]})
		box.Add(container.NewVBox(lineWith(t.Term[l], spans[0], fyne.TextStyle{Bold: true}),
			lineWith(t.Definition[l], spans[1], fyne.TextStyle{}), note(t.Source), widget.NewSeparator()))
	}
}

func (s *guideScreen) card(c reference.Card, q textsearch.Query) fyne.CanvasObject {
	a := s.a
	l := a.guide.Lang(a.loc.Lang)
	spans := matchLines(q, append([]string{c.Title[l]}, c.Items[l]...))
	box := container.NewVBox(note(a.T("guide.kind."+c.Kind) + " · " + a.T("guide.setting."+c.Setting)))
	for i, item := range c.Items[l] {
		mark := "• "
		if c.Kind == reference.Action {
			mark = fmt.Sprintf("%d. ", i+1)
		}
		box.Add(lineWith(mark+item, shift(spans[i+1], len(mark)), fyne.TextStyle{}))
	}
	box.Add(note(a.T("guide.source", "Source", c.Source)))
	var title fyne.CanvasObject
	if len(spans[0]) > 0 {
		t := highlighted(c.Title[l], spans[0], fyne.TextStyle{Bold: true})
		t.Segments = append([]widget.RichTextSegment(nil), t.Segments...)
		for _, seg := range t.Segments {
			seg.(*widget.TextSegment).Style.SizeName = theme.SizeNameSubHeadingText
		}
		title = t
	} else {
		t := widget.NewRichText(&widget.TextSegment{Text: c.Title[l],
			Style: widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
		t.Wrapping = fyne.TextWrapWord
		title = t
	}
	return widget.NewCard("", "", container.NewVBox(title, box))
}

// shift moves spans by n bytes, for a line shown after a prefix.
func shift(spans []textsearch.Span, n int) []textsearch.Span {
	out := make([]textsearch.Span, len(spans))
	for i, sp := range spans {
		out[i] = textsearch.Span{Start: sp.Start + n, End: sp.End + n}
	}
	return out
}
