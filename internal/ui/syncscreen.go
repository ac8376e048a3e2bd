package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/sanitize"
)

// showSync is where progress leaves the device, in plain words to a
// learner: what waits to be sent and what went to their organisation;
// "Send now" with a progress bar and cancel when sending over the network
// is set up, and "Export for sync" (the main button when it is not) for
// posts with no network. Trainer mode adds the details: the LRS settings,
// the device's key, and queueing set-aside records again.
func (a *App) showSync() {
	a.show(func() (string, fyne.CanvasObject) {
		saved, err := a.svc.LRS(a.ctx)
		if err != nil {
			a.fail("error.load", err)
		}
		cfg, err := a.svc.XAPIConfig(a.ctx)
		if err != nil {
			a.fail("error.load", err)
		}
		status := wrapped(a.syncStatusText())
		endpoint := a.nav.entry()
		endpoint.SetPlaceHolder("https://lrs.example.org/xAPI/")
		endpoint.SetText(saved.Endpoint)
		user := a.nav.entry()
		user.SetPlaceHolder(a.T("sync.user.placeholder"))
		user.SetText(saved.User)
		password := a.nav.passwordEntry()
		password.SetPlaceHolder(a.T("sync.password.keep"))
		if saved.Password == "" {
			password.SetPlaceHolder("")
		}
		home := a.nav.entry()
		home.SetText(cfg.HomePage)
		base := a.nav.entry()
		base.SetText(cfg.ActivityBase)
		names := newToggle(a.T("sync.send.names"), cfg.SendNames)
		staff := newToggle(a.T("sync.staff.numbers"), cfg.StaffNumbers)
		names.keys, staff.keys = a.nav.typedKey, a.nav.typedKey
		result := wrapped("")

		entered := func() domain.LRS {
			l := domain.LRS{Endpoint: endpoint.Text, User: user.Text, Password: password.Text}
			if l.Password == "" {
				l.Password = saved.Password // empty keeps the saved one: it is never shown back
			}
			return l
		}
		save := a.nav.button(a.T("sync.save"), theme.DocumentSaveIcon(), func() {
			cfg.HomePage, cfg.ActivityBase = home.Text, base.Text
			cfg.SendNames, cfg.StaffNumbers = names.selected, staff.selected
			err := a.svc.SaveSyncSettings(a.ctx, entered(), cfg)
			switch {
			case errors.Is(err, progress.ErrBadAddress):
				result.SetText(a.T("sync.bad.address") + "\n" + sanitize.Printable(fmt.Sprint(domain.ErrorArgs(err)["Address"])))
				return
			case err != nil:
				a.fail("error.save", err)
				return
			}
			text := a.T("sync.saved")
			if progress.InsecureLRS(entered()) {
				text += "\n" + a.T("sync.insecure")
			}
			result.SetText(text)
		})
		test := a.nav.button(a.T("sync.test"), theme.SearchIcon(), func() {
			result.SetText(a.T("sync.testing"))
			l := entered()
			a.background(func() {
				err := a.svc.Syncer().TestLRS(a.ctx, l)
				a.do(func() { result.SetText(a.syncErrorText(err, a.T("sync.test.ok"))) })
			})
		})
		form := widget.NewForm(
			widget.NewFormItem(a.T("sync.endpoint"), endpoint),
			widget.NewFormItem(a.T("sync.user"), user),
			widget.NewFormItem(a.T("sync.password"), password),
			widget.NewFormItem(a.T("sync.homepage"), home),
			widget.NewFormItem(a.T("sync.activity.base"), base),
			widget.NewFormItem("", names),
			widget.NewFormItem("", staff),
		)
		run := a.syncRunner(status, result)
		export := a.exportButton(status, result)
		// With nowhere set to send to, the file is the way: it is the main
		// button, and a learner is not offered a "Send now" that cannot.
		if saved.Endpoint == "" {
			run.now.Importance = widget.MediumImportance
			export.Importance = widget.HighImportance
			if !a.trainer {
				run.now.Hide()
				result.SetText(a.T("sync.no.lrs"))
			}
		}
		title := a.T("sync.title")
		statusBox := container.NewVBox(status)
		body := container.NewVBox(
			// The title as text that wraps: a Card's title does not, and in
			// Russian at the largest text it widened the window.
			widget.NewCard("", "", container.NewVBox(heading(a.T("sync.status")), statusBox)),
			container.NewHBox(run.now, run.cancel, export),
			container.NewHBox(a.receiptButton(status, result), a.exchangeButton(status)),
			run.bar, result,
		)
		back := a.showSettings
		if a.trainer { // the LRS, what is sent and the device's key are the organisation's, for trainer mode
			statusBox.Add(a.retryButton(status, result))
			body.Add(note(a.deviceText()))
			body.Add(widget.NewCard(a.T("sync.lrs"), "", container.NewVBox(note(a.T("sync.lrs.hint")), form, container.NewHBox(save, test))))
			back = a.showTrainer
		} else {
			body.Add(note(a.T("sync.lrs.trainer")))
		}
		return title, a.screen(title, back, container.NewVScroll(container.NewPadded(body)))
	})
}

// syncControls are "Sync now", its progress bar and its cancel button.
type syncControls struct {
	now, cancel *keyButton
	bar         *widget.ProgressBar
}

func (a *App) syncRunner(status, result *paragraph) syncControls {
	c := syncControls{bar: widget.NewProgressBar()}
	c.bar.Hide()
	var stop context.CancelFunc
	c.cancel = a.nav.button(a.T("dialog.cancel"), theme.CancelIcon(), func() {
		if stop != nil {
			stop()
		}
	})
	c.cancel.Hide()
	c.now = a.nav.button(a.T("sync.now"), theme.UploadIcon(), func() {
		st, _ := a.svc.SyncStatus(a.ctx)
		ctx, cancel := context.WithCancel(a.ctx)
		stop = cancel
		c.bar.Max = float64(max(st.Outbox.Pending, 1))
		c.bar.SetValue(0)
		c.bar.Show()
		c.cancel.Show()
		c.now.Disable()
		result.SetText(a.T("sync.running"))
		delivered := func(done int) { a.do(func() { c.bar.SetValue(float64(done)) }) }
		a.background(func() {
			defer cancel()
			rep, err := a.svc.Syncer().SyncNow(ctx, delivered)
			a.do(func() {
				c.bar.Hide()
				c.cancel.Hide()
				c.now.Enable()
				status.SetText(a.syncStatusText())
				text := a.T("sync.done", "Sent", rep.Sent, "Refused", rep.Refused)
				if err != nil {
					text = a.syncErrorText(err, "")
				}
				result.SetText(text)
			})
		})
	})
	c.now.Importance = widget.HighImportance
	return c
}

// retryButton queues the statements set aside again; it shows only while
// some are. An LRS set up wrongly, or an older Ogoh, may have set good
// statements aside.
func (a *App) retryButton(status, result *paragraph) *keyButton {
	var b *keyButton
	b = a.nav.button(a.T("sync.retry"), theme.ViewRefreshIcon(), func() {
		n, err := a.svc.RetrySetAside(a.ctx)
		if err != nil {
			a.fail("error.save", err)
			return
		}
		status.SetText(a.syncStatusText())
		result.SetText(a.T("sync.retried", "Count", n))
		b.Hide()
	})
	if st, err := a.svc.SyncStatus(a.ctx); err != nil || st.Outbox.Rejected == 0 {
		b.Hide()
	}
	return b
}

// deviceText is this device's ID and key fingerprint, which a trainer
// compares with what `ogohctl sync forward` prints.
func (a *App) deviceText() string {
	id, err := a.svc.Identity(a.ctx)
	if err != nil {
		a.logError(err)
		return a.T("error.load")
	}
	return a.T("sync.device", "Device", id.Device, "Fingerprint", id.Fingerprint)
}

// exportButton writes the unsent statements to a file the user picks,
// e.g. on a USB stick.
func (a *App) exportButton(status, result *paragraph) *keyButton {
	return a.nav.button(a.T("sync.export"), theme.DocumentSaveIcon(), func() {
		name, err := a.svc.SyncFileName(a.ctx, time.Now())
		if err != nil {
			a.logError(err)
			name = "ogoh.ogohsync"
		}
		a.askSave(name, func(path string) { a.exportTo(path, status, result) })
	})
}

// exportTo writes the sync file off the UI thread and says how it went.
func (a *App) exportTo(path string, status, result *paragraph) {
	result.SetText(a.T("sync.exporting"))
	a.background(func() {
		n, err := a.svc.ExportSync(a.ctx, path)
		a.do(func() {
			status.SetText(a.syncStatusText())
			if err != nil {
				a.logError(err)
				result.SetText(a.T("sync.export.failed", "File", filepath.Base(path)))
				return
			}
			result.SetText(a.T("sync.exported", "Count", n, "File", path))
		})
	})
}

// syncStatusText says what waits, what went, and how the last sync ended.
func (a *App) syncStatusText() string {
	st, err := a.svc.SyncStatus(a.ctx)
	if err != nil {
		a.logError(err)
		return a.T("error.load")
	}
	text := a.T("sync.counts", "Pending", st.Outbox.Pending, "Sent", st.Outbox.Sent, "Rejected", st.Outbox.Rejected)
	switch {
	case !st.HasLast:
		text += "\n" + a.T("sync.never")
	case st.Last.Error != "":
		text += "\n" + a.T("sync.last.failed", "When", st.Last.Ended.Local().Format("2006-01-02 15:04"))
	case st.Last.Route == domain.RouteFile:
		text += "\n" + a.T("sync.last.file", "When", st.Last.Ended.Local().Format("2006-01-02 15:04"), "Sent", st.Last.Sent)
	default:
		text += "\n" + a.T("sync.last.lrs", "When", st.Last.Ended.Local().Format("2006-01-02 15:04"), "Sent", st.Last.Sent)
	}
	return text + "\n" + a.receiptAndClockLines(st)
}

// syncErrorText explains a sync problem in the learner's language; the
// detail goes to the log. ok is what to say when all went well.
func (a *App) syncErrorText(err error, ok string) string {
	if err == nil {
		return ok
	}
	a.logError(err)
	id, found := syncMessages[domain.ErrorCode(err)]
	if !found {
		id = "sync.err.other"
	}
	return a.T(id, "Where", domain.ErrorArgs(err)["Where"])
}

// syncMessages are the sync screen's words for each code of a failed sync.
var syncMessages = map[domain.Code]string{
	domain.CodeCancelled:    "sync.cancelled",
	domain.CodeNoLRS:        "sync.no.lrs",
	domain.CodeBusy:         "sync.busy",
	domain.CodeLRSAuth:      "sync.err.auth",
	domain.CodeLRSForbidden: "sync.err.forbidden",
	domain.CodeNoNetwork:    "sync.err.unreachable",
	domain.CodeLRSConflict:  "sync.err.conflict",
	domain.CodeLRSRedirect:  "sync.err.redirect",
	domain.CodeNotLRS:       "sync.err.notlrs",
	domain.CodeProxyAuth:    "sync.err.proxy",
	domain.CodeLRSBusy:      "sync.err.busy",
	domain.CodeLRSServer:    "sync.err.server",
	domain.CodeLRSReply:     "sync.err.reply",
}

// StartAutoSync starts the syncer's schedule: it tries the LRS now and
// then, never blocks the UI and stays quiet when the post has no network.
func (a *App) StartAutoSync() { a.svc.Syncer().Start(a.ctx) }

// Close stops the automatic sync; the app calls it as it quits.
func (a *App) Close() { a.svc.Syncer().Stop() }
