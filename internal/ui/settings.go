package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// showSettings offers the language and the theme; it returns to the screen
// it was opened from, redrawn in the new language.
func (a *App) showSettings() {
	back := a.redraw
	a.show(func() (string, fyne.CanvasObject) {
		lang := widget.NewSelect(languageNames(), nil)
		lang.SetSelected(languageName(a.loc.Lang))
		lang.OnChanged = func(name string) {
			if code := languageCode(name); code != a.loc.Lang {
				a.setLanguage(code)
				a.redraw()
			}
		}
		themes := []string{themeSystem, themeLight, themeDark}
		labels := []string{a.T("settings.theme.system"), a.T("settings.theme.light"), a.T("settings.theme.dark")}
		current, _ := a.svc.Setting(a.ctx, settingTheme, themeSystem)
		th := widget.NewRadioGroup(labels, nil)
		th.Horizontal = true
		th.SetSelected(labels[indexOf(themes, current)])
		th.OnChanged = func(label string) {
			if err := a.svc.SetSetting(a.ctx, settingTheme, themes[indexOf(labels, label)]); err != nil {
				a.fail("error.save", err)
				return
			}
			a.applyTheme()
		}
		data := widget.NewLabel(a.dataDir)
		data.Wrapping = fyne.TextWrapBreak
		data.Selectable = true
		note := note(a.T("settings.language.note"))
		form := widget.NewForm(
			widget.NewFormItem(a.T("settings.language"), lang),
			widget.NewFormItem(a.T("settings.theme"), th),
			widget.NewFormItem(a.T("settings.data"), data),
		)
		title := a.T("settings.title")
		return title, a.screen(title, back, container.NewPadded(container.NewVBox(form, note)))
	})
}
