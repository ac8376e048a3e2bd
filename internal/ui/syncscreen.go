package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/sanitize"
)

// autoSyncEvery is how often the app tries the LRS by itself.
const autoSyncEvery = 10 * time.Minute

// showSync is where progress leaves the device: the LRS settings, "Sync
// now" with a progress bar and cancel, and "Export for sync" for posts
// with no network.
func (a *App) showSync() {
	a.show(func() (string, fyne.CanvasObject) {
		saved, err := a.svc.LRS(a.ctx)
		if err != nil {
			a.fail("error.load", err)
		}
		cfg, _ := a.svc.XAPIConfig(a.ctx)
		status := wrapped(a.syncStatusText())
		endpoint := widget.NewEntry()
		endpoint.SetPlaceHolder("https://lrs.example.org/xAPI/")
		endpoint.SetText(saved.Endpoint)
		user := widget.NewEntry()
		user.SetPlaceHolder(a.T("sync.user.placeholder"))
		user.SetText(saved.User)
		password := widget.NewPasswordEntry()
		password.SetPlaceHolder(a.T("sync.password.keep"))
		if saved.Password == "" {
			password.SetPlaceHolder("")
		}
		home := widget.NewEntry()
		home.SetText(cfg.HomePage)
		base := widget.NewEntry()
		base.SetText(cfg.ActivityBase)
		names := newToggle(a.T("sync.send.names"), cfg.SendNames)
		staff := newToggle(a.T("sync.staff.numbers"), cfg.StaffNumbers)
		result := wrapped("")

		entered := func() domain.LRS {
			l := domain.LRS{Endpoint: endpoint.Text, User: user.Text, Password: password.Text}
			if l.Password == "" {
				l.Password = saved.Password // empty keeps the saved one: it is never shown back
			}
			return l
		}
		save := widget.NewButtonWithIcon(a.T("sync.save"), theme.DocumentSaveIcon(), func() {
			cfg.HomePage, cfg.ActivityBase = home.Text, base.Text
			cfg.SendNames, cfg.StaffNumbers = names.selected, staff.selected
			err := a.svc.SetLRS(a.ctx, entered())
			if err == nil {
				err = a.svc.SetXAPIConfig(a.ctx, cfg)
			}
			switch {
			case errors.Is(err, progress.ErrBadAddress):
				result.SetText(a.T("sync.bad.address") + "\n" + err.Error())
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
		test := widget.NewButtonWithIcon(a.T("sync.test"), theme.SearchIcon(), func() {
			result.SetText(a.T("sync.testing"))
			s := a.newSender(entered())
			s.Client.Timeout = 15 * time.Second
			a.background(func() {
				err := s.Check(a.ctx)
				fyne.Do(func() { result.SetText(a.syncErrorText(err, a.T("sync.test.ok"))) })
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
		retry := a.retryButton(status, result)
		title := a.T("sync.title")
		body := container.NewVBox(
			widget.NewCard(a.T("sync.status"), "", container.NewVBox(status, retry)),
			container.NewHBox(run.now, run.cancel, a.exportButton(status, result)),
			run.bar, result,
			note(a.deviceText()),
		)
		back := a.showSettings
		if a.trainer { // the LRS and what is sent are the organisation's, set in trainer mode
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
	now, cancel *widget.Button
	bar         *widget.ProgressBar
}

func (a *App) syncRunner(status, result *paragraph) syncControls {
	c := syncControls{bar: widget.NewProgressBar()}
	c.bar.Hide()
	var stop context.CancelFunc
	c.cancel = widget.NewButtonWithIcon(a.T("dialog.cancel"), theme.CancelIcon(), func() {
		if stop != nil {
			stop()
		}
	})
	c.cancel.Hide()
	c.now = widget.NewButtonWithIcon(a.T("sync.now"), theme.UploadIcon(), func() {
		saved, err := a.svc.LRS(a.ctx)
		if err != nil || saved.Endpoint == "" {
			result.SetText(a.T("sync.no.lrs"))
			return
		}
		st, _ := a.svc.SyncStatus(a.ctx)
		if !a.syncing.CompareAndSwap(false, true) {
			result.SetText(a.T("sync.busy"))
			return
		}
		ctx, cancel := context.WithCancel(a.ctx)
		stop = cancel
		c.bar.Max = float64(max(st.Outbox.Pending, 1))
		c.bar.SetValue(0)
		c.bar.Show()
		c.cancel.Show()
		c.now.Disable()
		result.SetText(a.T("sync.running"))
		sender := a.newSender(saved)
		sender.Progress = progressFunc(func(done int) { fyne.Do(func() { c.bar.SetValue(float64(done)) }) })
		a.background(func() {
			defer a.syncing.Store(false)
			defer cancel()
			rep, err := a.svc.Push(ctx, sender)
			fyne.Do(func() {
				c.bar.Hide()
				c.cancel.Hide()
				c.now.Enable()
				status.SetText(a.syncStatusText())
				text := a.T("sync.done", "Sent", rep.Sent, "Refused", len(rep.Rejected)+len(rep.Conflicts))
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
func (a *App) retryButton(status, result *paragraph) *widget.Button {
	var b *widget.Button
	b = widget.NewButtonWithIcon(a.T("sync.retry"), theme.ViewRefreshIcon(), func() {
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
		return a.T("error.load") + "\n" + err.Error()
	}
	return a.T("sync.device", "Device", id.Device, "Fingerprint", id.Fingerprint)
}

type progressFunc func(int)

func (f progressFunc) Delivered(done int) { f(done) }

// exportButton writes the unsent statements to a file the user picks,
// e.g. on a USB stick.
func (a *App) exportButton(status, result *paragraph) *widget.Button {
	return widget.NewButtonWithIcon(a.T("sync.export"), theme.DocumentSaveIcon(), func() {
		d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				return
			}
			path := w.URI().Path()
			w.Close()
			a.exportTo(path, status, result)
		}, a.win)
		d.SetFileName(fmt.Sprintf("ogoh-%s.ogohsync", time.Now().Format("2006-01-02-1504")))
		d.Show()
	})
}

// exportTo writes the sync file off the UI thread and says how it went.
func (a *App) exportTo(path string, status, result *paragraph) {
	result.SetText(a.T("sync.exporting"))
	a.background(func() {
		n, err := a.svc.ExportSync(a.ctx, path)
		fyne.Do(func() {
			status.SetText(a.syncStatusText())
			if err != nil {
				result.SetText(a.T("sync.export.failed", "File", filepath.Base(path)) + "\n" + err.Error())
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
		return a.T("error.load") + "\n" + err.Error()
	}
	text := a.T("sync.counts", "Pending", st.Outbox.Pending, "Sent", st.Outbox.Sent, "Rejected", st.Outbox.Rejected)
	switch {
	case !st.HasLast:
		text += "\n" + a.T("sync.never")
	case st.Last.Error != "":
		text += "\n" + a.T("sync.last.failed", "When", st.Last.Ended.Local().Format("2006-01-02 15:04"))
	case st.Last.Route == "file":
		text += "\n" + a.T("sync.last.file", "When", st.Last.Ended.Local().Format("2006-01-02 15:04"), "Sent", st.Last.Sent)
	default:
		text += "\n" + a.T("sync.last.lrs", "When", st.Last.Ended.Local().Format("2006-01-02 15:04"), "Sent", st.Last.Sent)
	}
	return text
}

// syncErrorText explains a sync problem in the learner's language, with
// the technical detail after it; ok is what to say when all went well.
func (a *App) syncErrorText(err error, ok string) string {
	var redirect *lrs.RedirectError
	switch {
	case err == nil:
		return ok
	case errors.Is(err, context.Canceled):
		return a.T("sync.cancelled")
	case errors.Is(err, lrs.ErrUnauthorized):
		return a.T("sync.err.auth")
	case errors.Is(err, lrs.ErrForbidden):
		return a.T("sync.err.forbidden")
	case errors.Is(err, lrs.ErrUnreachable):
		return a.T("sync.err.unreachable") + "\n" + err.Error()
	case errors.Is(err, lrs.ErrConflict):
		return a.T("sync.err.conflict") + "\n" + err.Error()
	case errors.As(err, &redirect):
		return a.T("sync.err.redirect", "Where", sanitize.Printable(redirect.Location))
	case errors.Is(err, lrs.ErrNotLRS):
		return a.T("sync.err.notlrs") + "\n" + err.Error()
	case errors.Is(err, lrs.ErrProxyAuth):
		return a.T("sync.err.proxy")
	case errors.Is(err, lrs.ErrBusy):
		return a.T("sync.err.busy")
	case errors.Is(err, lrs.ErrServer):
		return a.T("sync.err.server") + "\n" + err.Error()
	case errors.Is(err, lrs.ErrBadReply), errors.Is(err, lrs.ErrReplyTooLarge), errors.Is(err, lrs.ErrTooManyPages):
		return a.T("sync.err.reply") + "\n" + err.Error()
	}
	return a.T("sync.err.other") + "\n" + err.Error()
}

// StartAutoSync tries the LRS in the background now and then, when one is
// set and something waits; it never blocks the UI and stays quiet when the
// post has no network.
func (a *App) StartAutoSync() {
	ctx, cancel := context.WithCancel(a.ctx)
	a.stopAuto = cancel
	go func() {
		t := time.NewTicker(autoSyncEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				a.autoSync(ctx)
			}
		}
	}()
}

// autoSync pushes once if an LRS is set, something waits and no other sync runs.
func (a *App) autoSync(ctx context.Context) {
	saved, err := a.svc.LRS(ctx)
	if err != nil || saved.Endpoint == "" {
		return
	}
	if st, err := a.svc.SyncStatus(ctx); err != nil || st.Outbox.Pending == 0 {
		return
	}
	if !a.syncing.CompareAndSwap(false, true) {
		return
	}
	defer a.syncing.Store(false)
	a.svc.Push(ctx, a.newSender(saved)) // the outcome is recorded and shown on the sync screen
}

// Close stops the automatic sync; the app calls it as it quits.
func (a *App) Close() {
	if a.stopAuto != nil {
		a.stopAuto()
	}
}
