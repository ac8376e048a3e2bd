package progress

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// Settings keys for the LRS.
const (
	settingLRSEndpoint = "lrs.endpoint"
	settingLRSUser     = "lrs.user"
	settingLRSPassword = "lrs.password"
)

// LRS returns the configured Learning Record Store; Endpoint is empty when
// none is set.
func (s *Service) LRS(ctx context.Context) (domain.LRS, error) {
	var l domain.LRS
	var err error
	if l.Endpoint, err = s.db.Setting(ctx, settingLRSEndpoint, ""); err != nil {
		return l, err
	}
	if l.User, err = s.db.Setting(ctx, settingLRSUser, ""); err != nil {
		return l, err
	}
	l.Password, err = s.secret(ctx, settingLRSPassword)
	return l, err
}

// ErrBadAddress is returned for an LRS address, home page or activity base
// that is not an absolute http(s) address: statements made with it would
// be refused by every LRS.
var ErrBadAddress = &domain.Error{Code: domain.CodeInvalid, Err: errors.New("not an http:// or https:// address")}

func checkAddress(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return (&domain.Error{Code: domain.CodeInvalid, Err: fmt.Errorf("%q: %w", s, ErrBadAddress)}).With("Address", s)
	}
	return nil
}

// SetLRS stores the LRS to sync with; an empty endpoint means none.
func (s *Service) SetLRS(ctx context.Context, l domain.LRS) error {
	values, err := s.lrsValues(ctx, l)
	if err != nil {
		return err
	}
	if err := s.db.SetSettings(ctx, values); err != nil {
		return fmt.Errorf("save the LRS: %w", err)
	}
	return nil
}

// lrsValues are l's settings, its address checked and its password kept
// in the keyring or sealed.
func (s *Service) lrsValues(ctx context.Context, l domain.LRS) (map[string]string, error) {
	if l.Endpoint != "" {
		if err := checkAddress(l.Endpoint); err != nil {
			return nil, err
		}
	}
	password, err := s.sealedOrMarker(ctx, settingLRSPassword, l.Password)
	if err != nil {
		return nil, err
	}
	return map[string]string{settingLRSEndpoint: l.Endpoint, settingLRSUser: l.User, settingLRSPassword: password}, nil
}

// InsecureLRS says whether the LRS is reached over plain http:// with a
// password, which anyone on the network path can read.
func InsecureLRS(l domain.LRS) bool {
	u, err := url.Parse(l.Endpoint)
	return err == nil && u.Scheme == "http" && (l.User != "" || l.Password != "")
}

// SyncStatus is what the sync screen shows.
type SyncStatus struct {
	Outbox  domain.OutboxCounts
	Last    domain.SyncRun
	HasLast bool
	// The receipt read last: when it came and from whom.
	LastReceipt domain.Receipt
	HasReceipt  bool
	// The clock's offset as last seen (trusted minus this device's);
	// ClockOff when it is over a day either way, for the screen's warning.
	Clock      domain.ClockCheck
	ClockKnown bool
	ClockOff   bool
}

// SyncStatus counts the outbox and reads the last sync.
func (s *Service) SyncStatus(ctx context.Context) (SyncStatus, error) {
	var st SyncStatus
	var err error
	if st.Outbox, err = s.db.OutboxCounts(ctx); err != nil {
		return st, err
	}
	if st.Last, st.HasLast, err = found(s.db.LastSyncRun(ctx)); err != nil {
		return st, err
	}
	if st.LastReceipt, st.HasReceipt, err = found(s.db.LastReceipt(ctx)); err != nil {
		return st, err
	}
	if st.Clock, st.ClockKnown, err = found(s.db.LastClockCheck(ctx)); err != nil {
		return st, err
	}
	st.ClockOff = st.ClockKnown && domain.ClockOff(st.Clock.Offset)
	return st, nil
}

// found turns ErrNotFound into "none".
func found[T any](v T, err error) (T, bool, error) {
	if errors.Is(err, domain.ErrNotFound) {
		return v, false, nil
	}
	return v, err == nil, err
}

// Push sends the outbox to the LRS with sender and records the run, its
// result and the LRS's clock offset (a trusted time, kept for the clock
// warning and the next export).
func (s *Service) Push(ctx context.Context, sender *lrs.Sender) (lrs.Report, error) {
	started := s.now()
	// The LRS's clock is compared with the one that stamps the statements.
	sender.Now = s.now
	rep, err := sender.Push(ctx, s.db)
	run := domain.SyncRun{Route: domain.RouteLRS, Started: started, Ended: s.now(), Sent: rep.Sent,
		Rejected: len(rep.Rejected) + len(rep.Conflicts), ClockOffset: rep.ClockOffset, ClockOffsetKnown: rep.ClockKnown}
	if err != nil {
		run.Error = err.Error()
	}
	if rerr := s.db.RecordSyncRun(context.WithoutCancel(ctx), run); err == nil {
		err = rerr
	}
	if rep.ClockKnown {
		check := domain.ClockCheck{Source: domain.ClockFromLRS, Seen: started, Offset: rep.ClockOffset}
		if cerr := s.db.RecordClockCheck(context.WithoutCancel(ctx), check); err == nil {
			err = cerr
		}
	}
	return rep, err
}

// ExportSync writes every statement not yet confirmed into a sync file at
// path, signed with the device's key and numbered, with what a hub shows
// of the device (its post, learners and known clock offset) in the signed
// header. The statements stay queued: only an LRS's confirmation, by a
// push or by a trainer's receipt, marks them sent, so nothing is lost if
// the file is.
func (s *Service) ExportSync(ctx context.Context, path string) (int, error) {
	device, err := s.db.DeviceID(ctx)
	if err != nil {
		return 0, err
	}
	if s.key == nil {
		return 0, ErrNoDeviceKey
	}
	seq, err := s.db.NextExportSequence(ctx)
	if err != nil {
		return 0, err
	}
	about, err := s.exportAbout(ctx)
	if err != nil {
		return 0, err
	}
	started := s.now()
	n, err := syncfile.WriteFile(ctx, path, syncfile.Header{Device: device, Sequence: seq, Created: started, About: about}, s.key, s.db.EachPending)
	if err != nil {
		return 0, err
	}
	return n, s.db.RecordSyncRun(ctx, domain.SyncRun{Route: domain.RouteFile, Started: started, Ended: s.now(), Sent: n})
}

// ErrNoDeviceKey means the service was opened without the device's key.
var ErrNoDeviceKey = &domain.Error{Code: domain.CodeInternal, Err: errors.New("this device has no signing key")}

// Identity is who this device is to a forwarder: its ID and the
// fingerprint of its signing key, for a trainer to compare.
type Identity struct {
	Device      string
	Fingerprint string
	PublicKey   ed25519.PublicKey
}

// Identity returns the device's ID and key fingerprint.
func (s *Service) Identity(ctx context.Context) (Identity, error) {
	device, err := s.db.DeviceID(ctx)
	if err != nil {
		return Identity{}, err
	}
	if s.key == nil {
		return Identity{Device: device}, ErrNoDeviceKey
	}
	pub := s.key.Public().(ed25519.PublicKey)
	return Identity{Device: device, Fingerprint: syncfile.Fingerprint(pub), PublicKey: pub}, nil
}

// RetrySetAside queues every statement set aside again; the next push
// tries them. It returns how many.
func (s *Service) RetrySetAside(ctx context.Context) (int, error) {
	return s.db.RequeueRejected(ctx)
}

// Now is the service's clock, for callers that time a sync.
func (s *Service) Now() time.Time { return s.now() }
