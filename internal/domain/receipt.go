package domain

import (
	"context"
	"time"
)

// Receipt is a trainer's signed word, read on the device, that the LRS
// holds some of the device's statements.
type Receipt struct {
	Signature string    // the receipt's signature, base64: the same receipt read twice is one
	Trainer   string    // the signing key's name, printable
	KeyID     string    // the signing key's ID, as course packs show it
	Sequence  int64     // the newest export it confirms
	Forwarded time.Time // the forwarder's time
	Read      time.Time // when the device read it, by its clock
	Listed    int       // IDs the receipt lists
}

// ReceiptResult is what reading a receipt changed.
type ReceiptResult struct {
	Marked      int  // statements waiting that are delivered now
	Already     int  // listed and delivered before
	Unknown     int  // listed but never made here: ignored
	AlreadyRead bool // the same receipt was read before: nothing changed
}

// ClockSource is where a trusted time came from.
type ClockSource string

// The trusted times a device sees.
const (
	ClockFromLRS     ClockSource = "lrs"     // an LRS's Date header at a push
	ClockFromReceipt ClockSource = "receipt" // a receipt's forwarder time
)

// ClockCheck is one sighting of a trusted time: the trusted clock minus
// the device's.
type ClockCheck struct {
	Source ClockSource
	Seen   time.Time // by the device's clock
	Offset time.Duration
}

// ClockWarnAfter is the offset over which a device's clock is flagged:
// beyond it, dates a learner sees and a hub compares are misleading.
const ClockWarnAfter = 24 * time.Hour

// ClockOff says whether offset is over ClockWarnAfter either way.
func ClockOff(offset time.Duration) bool {
	return offset > ClockWarnAfter || offset < -ClockWarnAfter
}

// ReceiptStore keeps the receipts a device read and the trusted times it
// saw.
type ReceiptStore interface {
	// ApplyReceipt marks the listed statements delivered by file and
	// records the receipt and the clock check, in one transaction; a
	// receipt read before changes nothing.
	ApplyReceipt(ctx context.Context, r Receipt, ids []string, clock *ClockCheck) (ReceiptResult, error)
	LastReceipt(ctx context.Context) (Receipt, error) // ErrNotFound when none was read
	RecordClockCheck(ctx context.Context, c ClockCheck) error
	LastClockCheck(ctx context.Context) (ClockCheck, error) // ErrNotFound when none was seen
}
