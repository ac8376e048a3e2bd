package progress

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// settingIdleMinutes is the idle lock group's one key.
const settingIdleMinutes = "ui.idle_minutes"

// DefaultIdleMinutes is how long a shared device waits with no input
// before it locks, until a trainer sets otherwise.
const DefaultIdleMinutes = 10

// MaxIdleMinutes is the longest idle time a trainer may set: a working day.
const MaxIdleMinutes = 480

// IdleLock is the shared-device lock group: after Minutes with no input
// the app asks whether the same learner goes on. 0: it never locks (a
// device one person uses).
type IdleLock struct {
	Minutes int
}

// After is how long the device waits, or 0 when it never locks.
func (l IdleLock) After() time.Duration { return time.Duration(l.Minutes) * time.Minute }

// IdleLock reads the idle lock group; an unknown stored value reads as
// the default.
func (s *Service) IdleLock(ctx context.Context) (IdleLock, error) {
	v, err := s.db.Setting(ctx, settingIdleMinutes, strconv.Itoa(DefaultIdleMinutes))
	if err != nil {
		return IdleLock{Minutes: DefaultIdleMinutes}, fmt.Errorf("read the idle lock setting: %w", err)
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 || n > MaxIdleMinutes {
		n = DefaultIdleMinutes
	}
	return IdleLock{Minutes: n}, nil
}

// SetIdleLock saves the idle lock group in one transaction.
func (s *Service) SetIdleLock(ctx context.Context, l IdleLock) error {
	if l.Minutes < 0 || l.Minutes > MaxIdleMinutes {
		return fmt.Errorf("idle lock of %d minutes: out of range", l.Minutes)
	}
	if err := s.db.SetSettings(ctx, map[string]string{settingIdleMinutes: strconv.Itoa(l.Minutes)}); err != nil {
		return fmt.Errorf("save the idle lock setting: %w", err)
	}
	return nil
}
