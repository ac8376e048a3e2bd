package ui

import "fyne.io/fyne/v2/dialog"

// DamageFound tells the user that the check run after start-up found the
// progress database damaged, and what to do: the next start offers the
// newest backup (see ShowRecovery).
func (a *App) DamageFound() {
	dialog.ShowInformation(a.T("damage.title"), a.T("damage.text"), a.win)
}
