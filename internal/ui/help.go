package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

const settingWelcomed = "ui.welcomed"

// showWelcome is the first screen on a new device: what Ogoh is, that it
// works offline, and how progress is kept and synced; then a profile.
func (a *App) showWelcome() {
	a.show(func() (string, fyne.CanvasObject) {
		next := widget.NewButtonWithIcon(a.T("welcome.start"), theme.NavigateNextIcon(), func() {
			if err := a.svc.SetSetting(a.ctx, settingWelcomed, "yes"); err != nil {
				a.fail("error.save", err)
			}
			a.showNewProfile()
		})
		next.Importance = widget.HighImportance
		a.nav.bindEnter(next)
		lang := widget.NewSelect(languageNames(), nil)
		lang.SetSelected(languageName(a.loc.Lang))
		lang.OnChanged = func(name string) {
			if code := languageCode(name); code != a.loc.Lang {
				a.setLanguage(code)
				a.redraw()
			}
		}
		body := container.NewVBox(
			widget.NewRichTextFromMarkdown("# "+a.T("welcome.title")),
			wrapped(a.T("welcome.what")),
			wrapped(a.T("welcome.offline")),
			wrapped(a.T("welcome.data")),
			container.NewBorder(nil, nil, widget.NewLabel(a.T("settings.language")), nil, lang),
			container.NewHBox(next),
		)
		return a.T("welcome.title"), container.NewVScroll(container.NewPadded(body))
	})
}

// showHelp explains the app and lists the keyboard shortcuts, offline.
func (a *App) showHelp(back func()) {
	a.show(func() (string, fyne.CanvasObject) {
		keys := widget.NewForm(
			widget.NewFormItem("Tab / Shift+Tab", wrapped(a.T("help.key.tab"))),
			widget.NewFormItem("1 … 9", wrapped(a.T("help.key.numbers"))),
			widget.NewFormItem("Enter", wrapped(a.T("help.key.enter"))),
			widget.NewFormItem("Space", wrapped(a.T("help.key.space"))),
			widget.NewFormItem("Left / Right", wrapped(a.T("help.key.arrows"))),
			widget.NewFormItem("Esc", wrapped(a.T("help.key.escape"))),
		)
		body := container.NewVBox(
			widget.NewCard(a.T("help.use"), "", container.NewVBox(wrapped(a.T("help.use.text")), wrapped(a.T("welcome.offline")))),
			widget.NewCard(a.T("help.keys"), "", keys),
			widget.NewCard(a.T("help.data"), "", container.NewVBox(wrapped(a.T("welcome.data")), wrapped(a.T("help.data.where", "Folder", a.dataDir)))),
			widget.NewCard(a.T("help.about"), "", wrapped(a.aboutText())),
		)
		title := a.T("help.title")
		return title, a.screen(title, back, container.NewVScroll(container.NewPadded(body)))
	})
}

// aboutText is the version, build date and commit of this build.
func (a *App) aboutText() string {
	return fmt.Sprintf("Ogoh %s · %s · %s", a.build.Version, a.build.Date, a.build.Commit)
}

// Build identifies this build of the app, for the About section.
type Build struct {
	Version, Date, Commit string
}
