package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/reference"
)

// showGuide is the field quick-reference: open from the profile picker
// without a profile, or from the catalogue. Back returns where it came from.
func (a *App) showGuide(back func()) {
	setting, query := "", ""
	a.show(func() (string, fyne.CanvasObject) {
		lang := a.loc.Lang
		if a.guide == nil {
			return a.T("guide.title"), a.screen(a.T("guide.title"), back, wrapped(a.T("guide.missing")))
		}
		cards := container.NewVBox()
		terms := container.NewVBox()
		fill := func() {
			cards.RemoveAll()
			for _, c := range a.guide.Find(setting, query, lang) {
				cards.Add(a.guideCard(c, lang))
			}
			if len(cards.Objects) == 0 {
				cards.Add(wrapped(a.T("guide.nothing")))
			}
			terms.RemoveAll()
			for _, t := range a.guide.Terms(query, lang) {
				l := a.guide.Lang(lang)
				terms.Add(container.NewVBox(strong(t.Term[l]), wrapped(t.Definition[l]), note(t.Source), widget.NewSeparator()))
			}
			if len(terms.Objects) == 0 {
				terms.Add(wrapped(a.T("guide.nothing")))
			}
		}
		search := widget.NewEntry()
		search.SetPlaceHolder(a.T("guide.search"))
		search.SetText(query)
		search.OnChanged = func(s string) { query = s; fill() }
		names := []string{a.T("guide.all")}
		for _, s := range reference.Settings {
			names = append(names, a.T("guide.setting."+s))
		}
		filter := widget.NewSelect(names, nil)
		filter.SetSelectedIndex(indexOf(append([]string{""}, reference.Settings...), setting))
		filter.OnChanged = func(string) {
			if i := filter.SelectedIndex(); i > 0 {
				setting = reference.Settings[i-1]
			} else {
				setting = ""
			}
			fill()
		}
		fill()
		tabs := container.NewAppTabs(
			container.NewTabItemWithIcon(a.T("guide.cards"), theme.ListIcon(), culledScroll(container.NewPadded(cards))),
			container.NewTabItemWithIcon(a.T("guide.glossary"), theme.InfoIcon(), culledScroll(container.NewPadded(terms))),
			container.NewTabItemWithIcon(a.T("contacts.title"), theme.AccountIcon(), container.NewVScroll(container.NewPadded(a.contactList()))),
		)
		top := container.NewBorder(nil, nil, nil, filter, search)
		a.nav.focus = search
		title := a.T("guide.title")
		return title, a.screen(title, back, container.NewBorder(container.NewPadded(top), nil, nil, nil, tabs))
	})
}

func (a *App) guideCard(c reference.Card, lang string) fyne.CanvasObject {
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
