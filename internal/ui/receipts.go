package ui

import (
	"math"
	"time"

	"fyne.io/fyne/v2/theme"

	"github.com/ogoh/ogoh/internal/progress"
)

// receiptButton reads a receipt the trainer carried back (issue 12): the
// statements it confirms are delivered, and the next export leaves them out.
func (a *App) receiptButton(status, result *paragraph) *keyButton {
	return a.nav.button(a.T("sync.receipt.read"), theme.DocumentIcon(), func() {
		a.askOpen([]string{".ogohreceipt"}, func(path string) { a.readReceipt(path, status, result) })
	})
}

// readReceipt reads the receipt at path off the UI thread and says what
// it changed, or why it changed nothing.
func (a *App) readReceipt(path string, status, result *paragraph) {
	a.background(func() {
		read, err := a.dev.ReadReceipt(a.ctx, path)
		a.do(func() {
			status.SetText(a.syncStatusText())
			if err != nil {
				result.SetText(a.errorText(err))
				return
			}
			result.SetText(a.receiptText(read))
		})
	})
}

func (a *App) receiptText(r progress.ReceiptRead) string {
	if r.AlreadyRead {
		return a.T("sync.receipt.again")
	}
	text := a.T("sync.receipt.done", "Trainer", r.Trainer, "When", localTime(r.Forwarded), "Count", r.Marked+r.Already)
	if r.Unknown > 0 {
		text += "\n" + a.T("sync.receipt.unknown", "Count", r.Unknown)
	}
	return text
}

// receiptAndClockLines are the sync status's last receipt and, when the
// device's clock is known to be over a day off, the warning.
func (a *App) receiptAndClockLines(st progress.SyncStatus) string {
	text := a.T("sync.receipt.none")
	if st.HasReceipt {
		text = a.T("sync.receipt.last", "When", localTime(st.LastReceipt.Read), "Trainer", st.LastReceipt.Trainer)
	}
	if st.ClockOff {
		days := int(math.Round(math.Abs(st.Clock.Offset.Hours()) / 24))
		id := "sync.clock.behind" // the trusted time is ahead of this clock
		if st.Clock.Offset < 0 {
			id = "sync.clock.ahead"
		}
		text += "\n" + a.T(id, "Days", days)
	}
	return text
}

// localTime is t as a person reads it here; a time not known is a dash.
func localTime(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Local().Format("2006-01-02 15:04")
}
