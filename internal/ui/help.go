package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// welcomeScreen is the first screen on a new device: what Ogoh is, that
// it works offline, and how progress is kept and synced; then a profile.
type welcomeScreen struct{ a *App }

func newWelcomeScreen(a *App) *welcomeScreen { return &welcomeScreen{a: a} }

func (s *welcomeScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	next := a.nav.button(a.T("welcome.start"), theme.NavigateNextIcon(), s.onStart)
	next.Importance = widget.HighImportance
	a.nav.bindEnter(next)
	guide := a.nav.button(a.T("guide.title"), theme.SearchIcon(), func() { a.nav.open(newGuideScreen(a, a.nav.to(s))) })
	lang := a.nav.newSelect(languageNames(), nil)
	lang.SetSelected(languageName(a.loc.Lang))
	lang.OnChanged = func(name string) {
		if code := languageCode(name); code != a.loc.Lang {
			a.setLanguage(code)
		}
	}
	body := container.NewVBox(
		widget.NewRichTextFromMarkdown("# "+a.T("welcome.title")),
		wrapped(a.T("welcome.what")),
		wrapped(a.T("welcome.offline")),
		wrapped(a.T("welcome.data")),
		container.NewBorder(nil, nil, widget.NewLabel(a.T("settings.language")), nil, lang),
		container.NewHBox(next, guide),
	)
	return a.T("welcome.title"), container.NewVScroll(container.NewPadded(body))
}

// onStart remembers that this device was welcomed and goes on to the
// first profile.
func (s *welcomeScreen) onStart() {
	if err := s.a.svc.SetWelcomed(s.a.ctx); err != nil {
		s.a.fail("error.save", err)
	}
	openNewProfile(s.a)
}

// helpScreen explains the app and lists the keyboard shortcuts, offline.
type helpScreen struct {
	a    *App
	back func()
}

func newHelpScreen(a *App, back func()) *helpScreen { return &helpScreen{a: a, back: back} }

func (s *helpScreen) draw() (string, fyne.CanvasObject) {
	a, back := s.a, s.back
	keys := widget.NewForm(
		widget.NewFormItem("Tab / Shift+Tab", wrapped(a.T("help.key.tab"))),
		widget.NewFormItem("1 … 9", wrapped(a.T("help.key.numbers"))),
		widget.NewFormItem("Enter", wrapped(a.T("help.key.enter"))),
		widget.NewFormItem("Space", wrapped(a.T("help.key.space"))),
		widget.NewFormItem("Left / Right", wrapped(a.T("help.key.arrows"))),
		widget.NewFormItem("Esc", wrapped(a.T("help.key.escape"))),
		widget.NewFormItem("F1", wrapped(a.T("help.key.f1"))),
	)
	body := container.NewVBox(
		widget.NewCard(a.T("help.use"), "", container.NewVBox(wrapped(a.T("help.use.text")), wrapped(a.T("welcome.offline")))),
		widget.NewCard(a.T("help.keys"), "", keys),
		widget.NewCard(a.T("help.data"), "", container.NewVBox(wrapped(a.T("welcome.data")), wrapped(a.T("help.data.where", "Folder", a.dataDir)))),
		widget.NewCard(a.T("help.about"), "", wrapped(s.aboutText())),
	)
	title := a.T("help.title")
	return title, a.screen(title, back, container.NewVScroll(container.NewPadded(body)))
}

// aboutText is the version, build date and commit of this build; a
// build the toolchain recorded no commit for (go run, make run) says it
// is a development build rather than "unknown · unknown".
func (s *helpScreen) aboutText() string {
	b := s.a.build
	if b.Commit == "" || b.Commit == "unknown" {
		return fmt.Sprintf("Ogoh %s · %s", b.Version, s.a.T("help.build.dev"))
	}
	return fmt.Sprintf("Ogoh %s · %s · %s", b.Version, b.Date[:min(10, len(b.Date))], b.Commit)
}

// Build identifies this build of the app, for the About section.
type Build struct {
	Version, Date, Commit string
}
