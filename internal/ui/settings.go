package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/ogoh/ogoh/internal/progress"
)

// openSettings opens the settings from any screen, to return there.
func (a *App) openSettings() {
	a.settings = newSettingsScreen(a, a.nav.returnHere())
	a.nav.open(a.settings)
}

// backToSettings opens the settings of this visit again, as trainer mode
// and sync go back to them.
func (a *App) backToSettings() {
	if a.settings == nil {
		a.settings = newSettingsScreen(a, nil)
	}
	a.nav.open(a.settings)
}

// showSettings is backToSettings for the sync screen, until it is a
// screen of its own.
func (a *App) showSettings() { a.backToSettings() }

// settingsScreen offers the language, the theme and sync; Back returns to
// the screen settings were opened from, redrawn in the new language.
type settingsScreen struct {
	a    *App
	back func()
}

func newSettingsScreen(a *App, back func()) *settingsScreen { return &settingsScreen{a: a, back: back} }

func (s *settingsScreen) draw() (string, fyne.CanvasObject) {
	a, back := s.a, s.back
	lang := a.nav.newSelect(languageNames(), nil)
	lang.SetSelected(languageName(a.loc.Lang))
	lang.OnChanged = func(name string) {
		if code := languageCode(name); code != a.loc.Lang {
			a.setLanguage(code)
		}
	}
	labels := make([]string, len(progress.Themes))
	for i, t := range progress.Themes {
		labels[i] = a.T("settings.theme." + string(t))
	}
	th := a.nav.radio(labels, a.textScale() == 1) // stacked when text is large, to fit a small screen
	th.SetSelected(labels[max(0, slices.Index(progress.Themes, a.display.Theme))])
	th.OnChanged = func(label string) {
		d := a.display
		d.Theme = progress.Themes[indexOf(labels, label)]
		if a.saveDisplay(d) {
			a.applyTheme()
		}
	}
	sizes := []string{a.T("settings.text.normal"), a.T("settings.text.large"), a.T("settings.text.larger")}
	size := a.nav.radio(sizes, a.textScale() == 1)
	size.SetSelected(sizes[a.display.TextSize])
	size.OnChanged = func(label string) {
		d := a.display
		d.TextSize = indexOf(sizes, label)
		if a.saveDisplay(d) {
			a.applyTheme()
			a.redraw()
		}
	}
	data := widget.NewLabel(a.dataDir)
	data.Wrapping = fyne.TextWrapBreak
	// A button copies the folder's path: a selectable label would take
	// the focus and keep F1 and Escape.
	copyData := a.nav.button(a.T("settings.data.copy"), theme.ContentCopyIcon(), func() {
		a.fy.Clipboard().SetContent(a.dataDir)
	})
	note := note(a.T("settings.language.note"))
	form := widget.NewForm(
		widget.NewFormItem(a.T("settings.language"), lang),
		widget.NewFormItem(a.T("settings.theme"), th),
		widget.NewFormItem(a.T("settings.text"), size),
		widget.NewFormItem(a.T("settings.data"), container.NewBorder(nil, nil, nil, copyData, data)),
	)
	sync := a.nav.button(a.T("sync.title"), theme.UploadIcon(), a.showSync)
	trainer := a.nav.button(a.T("trainer.title"), theme.AccountIcon(), func() { openTrainer(a) })
	title := a.T("settings.title")
	// Sync and Trainer mode stay in sight below the scroll: at the end of it
	// they were half cut off at 600 px in Russian.
	buttons := container.NewVBox(widget.NewSeparator(), container.NewHBox(sync, trainer, a.recordButton()))
	return title, a.screen(title, back, container.NewBorder(nil, buttons, nil, nil,
		container.NewVScroll(container.NewPadded(container.NewVBox(form, note)))))
}
