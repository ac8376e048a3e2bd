package progress

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/sanitize"
)

// Syncer owns the device's syncs with an LRS: one at a time, whether
// started by hand or by the schedule, with the timeouts and retries the
// LRS client needs. Screens start, cancel and show; they build no sender.
type Syncer struct {
	svc       *Service
	newSender func(domain.LRS) *lrs.Sender
	running   atomic.Bool
	stop      context.CancelFunc
}

// AutoSyncEvery is how often the schedule tries the LRS by itself.
const AutoSyncEvery = 10 * time.Minute

// testTimeout bounds each request of "Test connection": a person waits.
const testTimeout = 15 * time.Second

func newSyncer(s *Service, tune func(*lrs.Sender)) *Syncer {
	return &Syncer{svc: s, newSender: func(l domain.LRS) *lrs.Sender {
		sender := lrs.NewSender(l)
		if tune != nil {
			tune(sender)
		}
		return sender
	}}
}

// Syncer is the service's one syncer.
func (s *Service) Syncer() *Syncer { return s.syncer }

// SyncResult is what a sync did.
type SyncResult struct {
	Sent    int // confirmed by the LRS
	Refused int // set aside: the LRS will not take them as they are
}

// SyncNow pushes everything waiting to the saved LRS. progress, when not
// nil, hears how many statements have gone. It fails with CodeNoLRS when
// none is set and CodeBusy when a sync already runs; every other failure
// carries the code that explains it.
func (y *Syncer) SyncNow(ctx context.Context, progress func(done int)) (SyncResult, error) {
	saved, err := y.svc.LRS(ctx)
	if err != nil {
		return SyncResult{}, err
	}
	if saved.Endpoint == "" {
		return SyncResult{}, domain.Errorf(domain.CodeNoLRS, "sync: no LRS is set up")
	}
	return y.push(ctx, saved, progress)
}

// PushTo pushes everything waiting to l, one sync at a time as SyncNow.
func (y *Syncer) PushTo(ctx context.Context, l domain.LRS) (SyncResult, error) {
	return y.push(ctx, l, nil)
}

func (y *Syncer) push(ctx context.Context, l domain.LRS, progress func(int)) (SyncResult, error) {
	if !y.running.CompareAndSwap(false, true) {
		return SyncResult{}, domain.Errorf(domain.CodeBusy, "sync: another sync is running")
	}
	defer y.running.Store(false)
	sender := y.newSender(l)
	if progress != nil {
		sender.Progress = deliveredFunc(progress)
	}
	rep, err := y.svc.Push(ctx, sender)
	return SyncResult{Sent: rep.Sent, Refused: len(rep.Rejected) + len(rep.Conflicts)}, syncError(err)
}

// TestLRS proves that l is an LRS that takes these credentials, sending
// nothing.
func (y *Syncer) TestLRS(ctx context.Context, l domain.LRS) error {
	sender := y.newSender(l)
	sender.Client.Timeout = testTimeout
	return syncError(sender.Check(ctx))
}

// SyncIfWaiting pushes once if an LRS is set, something waits and no
// other sync runs; the outcome is recorded for the sync screen. It is
// what the schedule does every AutoSyncEvery.
func (y *Syncer) SyncIfWaiting(ctx context.Context) {
	saved, err := y.svc.LRS(ctx)
	if err != nil || saved.Endpoint == "" {
		return
	}
	if st, err := y.svc.SyncStatus(ctx); err != nil || st.Outbox.Pending == 0 {
		return
	}
	y.push(ctx, saved, nil)
}

// Start runs the schedule until Stop: quiet when the post has no
// network, never in the way of a sync started by hand.
func (y *Syncer) Start(ctx context.Context) {
	ctx, y.stop = context.WithCancel(ctx)
	go func() {
		t := time.NewTicker(AutoSyncEvery)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				y.SyncIfWaiting(ctx)
			}
		}
	}()
}

// Stop ends the schedule; a sync under way is cancelled.
func (y *Syncer) Stop() {
	if y.stop != nil {
		y.stop()
	}
}

type deliveredFunc func(int)

func (f deliveredFunc) Delivered(done int) { f(done) }

// syncFaults maps the LRS client's faults to the codes a screen explains.
var syncFaults = []struct {
	err  error
	code domain.Code
}{
	{context.Canceled, domain.CodeCancelled},
	{lrs.ErrUnauthorized, domain.CodeLRSAuth},
	{lrs.ErrForbidden, domain.CodeLRSForbidden},
	{lrs.ErrUnreachable, domain.CodeNoNetwork},
	{lrs.ErrConflict, domain.CodeLRSConflict},
	{lrs.ErrNotLRS, domain.CodeNotLRS},
	{lrs.ErrProxyAuth, domain.CodeProxyAuth},
	{lrs.ErrBusy, domain.CodeLRSBusy},
	{lrs.ErrServer, domain.CodeLRSServer},
	{lrs.ErrBadReply, domain.CodeLRSReply},
	{lrs.ErrReplyTooLarge, domain.CodeLRSReply},
	{lrs.ErrTooManyPages, domain.CodeLRSReply},
}

// syncError gives a sync's failure its code; the cause stays wrapped.
func syncError(err error) error {
	if err == nil {
		return nil
	}
	var redirect *lrs.RedirectError
	if errors.As(err, &redirect) {
		return (&domain.Error{Code: domain.CodeLRSRedirect, Err: err}).With("Where", sanitize.Printable(redirect.Location))
	}
	for _, f := range syncFaults {
		if errors.Is(err, f.err) {
			return &domain.Error{Code: f.code, Err: err}
		}
	}
	return domain.Wrap(domain.CodeInternal, err)
}
