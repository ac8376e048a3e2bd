package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/progress"
)

// ShowRecovery is shown instead of the app when the progress database is
// damaged: it says so, offers the newest backup, and changes nothing until
// the user chooses. restored is called once the backup is in place.
func ShowRecovery(win fyne.Window, fy fyne.App, bundle *i18n.Bundle, lang, dataDir string, damage error, restored func()) {
	loc := bundle.For(lang)
	var newer *domain.SchemaTooNewError
	if errors.As(damage, &newer) {
		showNewer(win, fy, loc, newer)
		return
	}
	win.SetTitle("Ogoh — " + loc.T("recovery.title"))
	result := wrapped("")
	result.Importance = widget.DangerImportance
	quit := widget.NewButtonWithIcon(loc.T("recovery.quit"), theme.LogoutIcon(), fy.Quit)
	body := container.NewVBox(
		widget.NewRichTextFromMarkdown("# "+loc.T("recovery.title")),
		wrapped(loc.T("recovery.what")), note(errorMessage(loc, damage)),
	)
	backup, taken, ok := progress.LatestBackup(dataDir)
	if !ok {
		body.Add(wrapped(loc.T("recovery.none")))
		body.Add(container.NewHBox(quit))
	} else {
		body.Add(wrapped(loc.T("recovery.offer", "When", taken.Local().Format("2006-01-02 15:04"))))
		restore := widget.NewButtonWithIcon(loc.T("recovery.restore"), theme.HistoryIcon(), func() {
			kept, err := progress.Restore(dataDir, backup)
			if err != nil {
				result.SetText(loc.T("recovery.failed") + "\n" + errorMessage(loc, err))
				return
			}
			if kept == "" { // the database was missing: nothing to keep
				result.SetText(loc.T("recovery.restored"))
			} else {
				result.SetText(loc.T("recovery.kept", "File", kept))
			}
			restored() // the app takes over this window
		})
		restore.Importance = widget.HighImportance
		body.Add(container.NewHBox(restore, quit))
	}
	body.Add(result)
	win.SetContent(container.NewPadded(body))
}

// showNewer says that a newer Ogoh wrote the data folder's database, with
// both schema versions, and offers only to quit: a backup would lose what
// the newer app recorded, and this app must not change its file.
func showNewer(win fyne.Window, fy fyne.App, loc *i18n.Localizer, e *domain.SchemaTooNewError) {
	win.SetTitle("Ogoh — " + loc.T("recovery.newer.title"))
	quit := widget.NewButtonWithIcon(loc.T("recovery.quit"), theme.LogoutIcon(), fy.Quit)
	win.SetContent(container.NewPadded(container.NewVBox(
		widget.NewRichTextFromMarkdown("# "+loc.T("recovery.newer.title")),
		wrapped(loc.T("recovery.newer", "Found", e.Found, "Known", e.Known)),
		note(e.File),
		container.NewHBox(quit),
	)))
}
