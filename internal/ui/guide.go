package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/reference"
)

// guideScreen is the field quick-reference: open from the profile picker
// without a profile, or from the catalogue; back returns where it came
// from. The setting chosen and the search typed stay through a redraw.
type guideScreen struct {
	a              *App
	back           func()
	setting, query string
}

func newGuideScreen(a *App, back func()) *guideScreen { return &guideScreen{a: a, back: back} }

func (s *guideScreen) draw() (string, fyne.CanvasObject) {
	a, back := s.a, s.back
	lang := a.loc.Lang
	if a.guide == nil {
		return a.T("guide.title"), a.screen(a.T("guide.title"), back, wrapped(a.T("guide.missing")))
	}
	cards := container.NewVBox()
	terms := container.NewVBox()
	fill := func() {
		cards.RemoveAll()
		for _, c := range a.guide.Find(s.setting, s.query, lang) {
			cards.Add(s.card(c, lang))
		}
		if len(cards.Objects) == 0 {
			cards.Add(wrapped(a.T("guide.nothing")))
		}
		terms.RemoveAll()
		for _, t := range a.guide.Terms(s.query, lang) {
			l := a.guide.Lang(lang)
			terms.Add(container.NewVBox(strong(t.Term[l]), wrapped(t.Definition[l]), note(t.Source), widget.NewSeparator()))
		}
		if len(terms.Objects) == 0 {
			terms.Add(wrapped(a.T("guide.nothing")))
		}
	}
	search := widget.NewEntry()
	search.SetPlaceHolder(a.T("guide.search"))
	search.SetText(s.query)
	search.OnChanged = func(text string) { s.query = text; fill() }
	names := []string{a.T("guide.all")}
	for _, name := range reference.Settings {
		names = append(names, a.T("guide.setting."+name))
	}
	filter := widget.NewSelect(names, nil)
	filter.SetSelectedIndex(indexOf(append([]string{""}, reference.Settings...), s.setting))
	filter.OnChanged = func(string) {
		if i := filter.SelectedIndex(); i > 0 {
			s.setting = reference.Settings[i-1]
		} else {
			s.setting = ""
		}
		fill()
	}
	fill()
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon(a.T("guide.cards"), theme.ListIcon(), culledScroll(container.NewPadded(cards))),
		container.NewTabItemWithIcon(a.T("guide.glossary"), theme.InfoIcon(), culledScroll(container.NewPadded(terms))),
		container.NewTabItemWithIcon(a.T("contacts.title"), theme.AccountIcon(), container.NewVScroll(container.NewPadded(a.contactList()))),
	)
	top := container.NewBorder(nil, nil, nil, container.NewHBox(filter, a.pocketCardButton()), search)
	a.nav.focus = search
	title := a.T("guide.title")
	return title, a.screen(title, back, container.NewBorder(container.NewPadded(top), nil, nil, nil, tabs))
}

func (s *guideScreen) card(c reference.Card, lang string) fyne.CanvasObject {
	a := s.a
	l := a.guide.Lang(lang)
	box := container.NewVBox(note(a.T("guide.kind."+c.Kind) + " · " + a.T("guide.setting."+c.Setting)))
	for i, item := range c.Items[l] {
		mark := "• "
		if c.Kind == reference.Action {
			mark = fmt.Sprintf("%d. ", i+1)
		}
		box.Add(wrapped(mark + item))
	}
	box.Add(note(a.T("guide.source", "Source", c.Source)))
	title := widget.NewRichText(&widget.TextSegment{Text: c.Title[l],
		Style: widget.RichTextStyle{SizeName: theme.SizeNameSubHeadingText, TextStyle: fyne.TextStyle{Bold: true}}})
	title.Wrapping = fyne.TextWrapWord
	return widget.NewCard("", "", container.NewVBox(title, box))
}
