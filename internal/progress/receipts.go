package progress

import (
	"bytes"
	"context"
	"errors"
	"os"
	"time"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/sanitize"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// ReceiptRead is what reading a receipt did, for the sync screen.
type ReceiptRead struct {
	domain.ReceiptResult
	Trainer   string    // who signed it, printable
	Forwarded time.Time // when, by the forwarder's clock
}

// ReadReceipt reads the receipt at path and, when it is for this device
// and signed by a key the device trusts (the keys it takes course packs
// from), marks the statements it lists delivered. A receipt refused, for
// any reason, changes nothing; one read before changes nothing either.
func (d *Device) ReadReceipt(ctx context.Context, path string) (ReceiptRead, error) {
	r, err := syncfile.ReadReceiptFile(path)
	if err != nil {
		return ReceiptRead{}, receiptError(err)
	}
	trusted, err := d.Library.TrustedKeys(ctx)
	if err != nil {
		return ReceiptRead{}, domain.Wrap(domain.CodeUntrusted, err)
	}
	return d.Service.ApplyReceipt(ctx, r, trusted)
}

// receiptError gives a receipt that cannot be read its code.
func receiptError(err error) error {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return &domain.Error{Code: domain.CodeNotFound, Err: err}
	case errors.Is(err, syncfile.ErrReceiptTooLarge):
		return &domain.Error{Code: domain.CodeTooLarge, Err: err}
	case errors.Is(err, syncfile.ErrBadReceipt):
		return &domain.Error{Code: domain.CodeReceiptDamaged, Err: err}
	}
	return &domain.Error{Code: domain.CodeUnreadable, Err: err}
}

// ApplyReceipt checks a read receipt against this device and the keys
// given, then marks what it lists delivered and notes the clock its time
// shows, in one transaction. IDs this device never made are counted and
// ignored.
func (s *Service) ApplyReceipt(ctx context.Context, r *syncfile.Receipt, trusted []course.Key) (ReceiptRead, error) {
	device, err := s.db.DeviceID(ctx)
	if err != nil {
		return ReceiptRead{}, err
	}
	if r.Device != device {
		return ReceiptRead{}, domain.Errorf(domain.CodeReceiptForeign, "receipt for device %s, not this one", sanitize.Printable(r.Device)).
			With("Device", sanitize.Printable(r.Device))
	}
	signer, ok := trustedSigner(r, trusted)
	if !ok {
		return ReceiptRead{}, domain.Errorf(domain.CodeReceiptUntrusted, "receipt signed by %q, key %s, which this device does not trust", r.TrainerName(), signer.ID()).
			With("Trainer", r.TrainerName()).With("Key", signer.ID())
	}
	now := s.now()
	clock, err := s.receiptClock(ctx, r, now)
	if err != nil {
		return ReceiptRead{}, err
	}
	res, err := s.db.ApplyReceipt(ctx, domain.Receipt{Signature: r.Signature, Trainer: r.TrainerName(), KeyID: signer.ID(),
		Sequence: r.Sequence, Forwarded: r.ForwardedAt(), Read: now, Listed: len(r.Statements)}, r.Statements, &clock)
	if err != nil {
		return ReceiptRead{}, err
	}
	return ReceiptRead{ReceiptResult: res, Trainer: r.TrainerName(), Forwarded: r.ForwardedAt()}, nil
}

// trustedSigner is the receipt's key as a course key, and whether the
// device trusts it.
func trustedSigner(r *syncfile.Receipt, trusted []course.Key) (course.Key, bool) {
	k := course.Key{Name: r.TrainerName(), Public: r.PublicKey()}
	for _, t := range trusted {
		if bytes.Equal(t.Public, k.Public) {
			return t, true
		}
	}
	return k, false
}

// receiptClock is what a receipt's time proves of the device's clock.
// The forward happened after the export and before this reading, so the
// true offset (forwarder minus device) is at least forwarded-now, and at
// most forwarded-exported: a receipt that came "before" its export shows
// the device ahead, one read "before" it was forwarded shows it behind.
// Of the offsets both bounds allow, the one nearest the last known (or
// zero) is kept: a day-long carry proves nothing, a year does.
func (s *Service) receiptClock(ctx context.Context, r *syncfile.Receipt, now time.Time) (domain.ClockCheck, error) {
	forwarded := r.ForwardedAt()
	lo := forwarded.Sub(now)
	hi := time.Duration(1<<63 - 1)
	if exported := r.ExportedAt(); !exported.IsZero() {
		hi = forwarded.Sub(exported)
	}
	last, err := s.db.LastClockCheck(ctx)
	if err != nil && !errors.Is(err, domain.ErrNotFound) {
		return domain.ClockCheck{}, err
	}
	offset := min(max(last.Offset, lo), hi)
	if lo > hi { // the clock was changed between export and now: now counts
		offset = lo
	}
	return domain.ClockCheck{Source: domain.ClockFromReceipt, Seen: now, Offset: offset}, nil
}

// clockAbout is the device's known clock offset for an export's header.
func (s *Service) clockAbout(ctx context.Context, a *syncfile.About) error {
	c, err := s.db.LastClockCheck(ctx)
	switch {
	case errors.Is(err, domain.ErrNotFound):
		return nil
	case err != nil:
		return err
	}
	ms := c.Offset.Milliseconds()
	a.ClockOffsetMS, a.ClockSeen = &ms, c.Seen.UTC().Format(time.RFC3339)
	return nil
}

// exportAbout is what an export tells a hub about this device: the post
// most of its learners gave, how many learners it has, and its clock.
func (s *Service) exportAbout(ctx context.Context) (*syncfile.About, error) {
	learners, err := s.db.Learners(ctx)
	if err != nil {
		return nil, err
	}
	a := &syncfile.About{Learners: len(learners), Post: mostGiven(learners)}
	return a, s.clockAbout(ctx, a)
}

func mostGiven(learners []domain.Learner) string {
	count, best := map[string]int{}, ""
	for _, l := range learners {
		if l.Post == "" {
			continue
		}
		count[l.Post]++
		if n := count[l.Post]; n > count[best] || (n == count[best] && l.Post < best) {
			best = l.Post
		}
	}
	return best
}
