package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/device"
	"github.com/ogoh/ogoh/internal/i18n"
)

// ShowRecovery is shown instead of the app when the progress database is
// damaged: it says so, offers the newest backup, and changes nothing until
// the user chooses. restored is called once the backup is in place.
func ShowRecovery(win fyne.Window, fy fyne.App, bundle *i18n.Bundle, lang, dataDir string, damage error, restored func()) {
	loc := bundle.For(lang)
	win.SetTitle("Ogoh — " + loc.T("recovery.title"))
	result := wrapped("")
	result.Importance = widget.DangerImportance
	quit := widget.NewButtonWithIcon(loc.T("recovery.quit"), theme.LogoutIcon(), fy.Quit)
	body := container.NewVBox(
		widget.NewRichTextFromMarkdown("# "+loc.T("recovery.title")),
		wrapped(loc.T("recovery.what")), note(damage.Error()),
	)
	backup, taken, ok := device.LatestBackup(dataDir)
	if !ok {
		body.Add(wrapped(loc.T("recovery.none")))
		body.Add(container.NewHBox(quit))
	} else {
		body.Add(wrapped(loc.T("recovery.offer", "When", taken.Local().Format("2006-01-02 15:04"))))
		restore := widget.NewButtonWithIcon(loc.T("recovery.restore"), theme.HistoryIcon(), func() {
			kept, err := device.Restore(dataDir, backup)
			if err != nil {
				result.SetText(loc.T("recovery.failed") + "\n" + err.Error())
				return
			}
			result.SetText(loc.T("recovery.kept", "File", kept))
			restored() // the app takes over this window
		})
		restore.Importance = widget.HighImportance
		body.Add(container.NewHBox(restore, quit))
	}
	body.Add(result)
	win.SetContent(container.NewPadded(body))
}
