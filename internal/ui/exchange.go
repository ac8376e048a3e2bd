package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/progress"
)

// exchangeButton does a trainer's visit in one step (issue 12): the stick
// the trainer prepared gives this device its receipt and, in trainer
// mode, newer courses and the contacts; it takes this device's progress.
func (a *App) exchangeButton(status *paragraph) *keyButton {
	return a.nav.button(a.T("exchange.open"), theme.StorageIcon(), func() {
		a.askFolder(func(dir string) { a.exchangeWith(dir, status) })
	})
}

// exchangeWith runs the exchange with the stick at dir off the UI thread,
// with a bar for its steps, then says what it did.
func (a *App) exchangeWith(dir string, status *paragraph) {
	bar := widget.NewProgressBar()
	step := wrapped(a.T("exchange.choose"))
	summary := wrapped("")
	d := dialog.NewCustom(a.T("exchange.open"), a.T("dialog.ok"), container.NewVBox(step, bar, summary), a.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
	onStep := func(s progress.ExchangeStep, done, total int) {
		a.do(func() {
			step.SetText(a.T("exchange.step." + string(s)))
			bar.Max = float64(max(total, 1))
			bar.SetValue(float64(done))
		})
	}
	a.background(func() {
		sum, err := a.dev.Exchange(a.ctx, dir, progress.ExchangeOptions{Trainer: a.trainer, Progress: onStep})
		a.do(func() {
			status.SetText(a.syncStatusText())
			if err != nil {
				step.SetText(a.T("exchange.failed"))
				summary.SetText(a.errorText(err))
				return
			}
			if len(sum.Installed) > 0 {
				a.reloadCourses()
			}
			step.SetText(a.T("exchange.done"))
			bar.SetValue(bar.Max)
			summary.SetText(a.exchangeSummary(sum))
		})
	})
}

// exchangeSummary says, line by line, what the exchange did.
func (a *App) exchangeSummary(s progress.ExchangeSummary) string {
	lines := []string{a.T("exchange.exported", "Count", s.Exported)}
	switch {
	case s.ReceiptErr != nil:
		lines = append(lines, a.errorText(s.ReceiptErr))
	case s.Receipt == nil:
		lines = append(lines, a.T("exchange.receipt.none"))
	default:
		lines = append(lines, a.T("exchange.receipt", "Count", s.Receipt.Marked, "Trainer", s.Receipt.Trainer))
	}
	if len(s.Installed) > 0 {
		lines = append(lines, a.T("exchange.courses", "Count", len(s.Installed)))
	} else if s.UpToDate > 0 {
		lines = append(lines, a.T("exchange.courses.current"))
	}
	for file, err := range s.CourseErrs {
		lines = append(lines, a.T("exchange.course.refused", "File", file, "Reason", a.packProblem(err)))
	}
	if s.ContactsErr != nil {
		lines = append(lines, a.errorText(s.ContactsErr))
	} else if s.Contacts > 0 {
		lines = append(lines, a.T("exchange.contacts", "Count", s.Contacts))
	}
	if s.TrainerSkips {
		lines = append(lines, a.T("exchange.trainer"))
	}
	return joinLines(lines)
}

func joinLines(lines []string) string {
	out := ""
	for i, l := range lines {
		if i > 0 {
			out += "\n"
		}
		out += l
	}
	return out
}
