// Package progress is the learner's side of Ogoh: profiles, lesson
// progress and quiz attempts. It joins the course model, the quiz rules and
// the store, so the UI never touches SQL.
package progress

import (
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/xapi"
)

// Problems with a new profile, for the UI to explain.
var (
	ErrNameRequired = &domain.Error{Code: domain.CodeInvalid, Err: errors.New("name is required")}
	ErrBadRole      = &domain.Error{Code: domain.CodeInvalid, Err: errors.New("unknown role")}
	ErrBadPIN       = &domain.Error{Code: domain.CodeInvalid, Err: errors.New("PIN must be 4 to 8 digits")}
)

// Service records and reads a device's progress. Each event is stored
// with its xAPI statement in one transaction.
type Service struct {
	db   domain.Store
	seed func() int64
	now  func() time.Time
	xapi *xapi.Builder
	key  ed25519.PrivateKey

	keyring Keyring
	syncer  *Syncer

	// The trainer lock's wait runs on the process's monotonic clock.
	monotonic func() time.Time
	lockMu    sync.Mutex
	waitSeen  time.Time
	waitSaved time.Duration
}

// Options are the service's sources of time and chance, so tests control them.
type Options struct {
	Seed func() int64     // each new quiz attempt's draw
	Now  func() time.Time // event times and durations
	// DeviceKey signs the device's sync files and its trainer lock;
	// without one, exports fail and trainer mode stays shut.
	DeviceKey ed25519.PrivateKey
	// NewDeviceKey says the key was made in this start, the first of an
	// Ogoh that signs: an older unsigned trainer PIN is signed into a lock.
	NewDeviceKey bool
	// Monotonic runs the trainer lock's wait down; time.Now (whose
	// monotonic reading ignores changes of the wall clock) by default.
	Monotonic func() time.Time
	// Keyring, when set, keeps the LRS password; without one it is sealed
	// in the database with a key derived from the device key.
	Keyring Keyring
	// TuneSender, when set, changes each LRS client the syncer makes
	// (tests shorten its retries).
	TuneSender func(*lrs.Sender)
}

// New returns a service over db, with the statement settings stored in it.
func New(ctx context.Context, db domain.Store, opts Options) (*Service, error) {
	device, err := db.DeviceID(ctx)
	if err != nil {
		return nil, fmt.Errorf("device id: %w", err)
	}
	s := &Service{db: db, seed: opts.Seed, now: opts.Now, key: opts.DeviceKey,
		xapi: &xapi.Builder{DeviceID: device, Now: opts.Now, NewID: domain.NewUUID}}
	if s.xapi.Config, err = s.XAPIConfig(ctx); err != nil {
		return nil, err
	}
	s.keyring = opts.Keyring
	s.syncer = newSyncer(s, opts.TuneSender)
	if err := s.sealLegacySecret(ctx); err != nil {
		return nil, fmt.Errorf("seal the LRS password: %w", err)
	}
	s.monotonic = opts.Monotonic
	if s.monotonic == nil {
		s.monotonic = time.Now
	}
	if opts.NewDeviceKey {
		if err := s.upgradeLegacyLock(ctx); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Settings keys for the organisation's statement choices.
const (
	settingActivityBase = "xapi.activity_base"
	settingHomePage     = "xapi.home_page"
	settingSendNames    = "xapi.send_names"
	settingStaffNumbers = "xapi.staff_numbers"
)

// XAPIConfig reads the organisation's statement settings.
func (s *Service) XAPIConfig(ctx context.Context) (xapi.Config, error) {
	c := xapi.DefaultConfig
	var err error
	if c.ActivityBase, err = s.db.Setting(ctx, settingActivityBase, c.ActivityBase); err != nil {
		return c, err
	}
	if c.HomePage, err = s.db.Setting(ctx, settingHomePage, c.HomePage); err != nil {
		return c, err
	}
	names, err := s.db.Setting(ctx, settingSendNames, "false")
	if err != nil {
		return c, err
	}
	c.SendNames, _ = strconv.ParseBool(names)
	staff, err := s.db.Setting(ctx, settingStaffNumbers, "false")
	c.StaffNumbers, _ = strconv.ParseBool(staff)
	return c, err
}

// SetXAPIConfig stores the organisation's statement settings in one
// transaction; statements made from now on follow them (those already
// made never change).
func (s *Service) SetXAPIConfig(ctx context.Context, c xapi.Config) error {
	values, err := xapiValues(c)
	if err != nil {
		return err
	}
	if err := s.db.SetSettings(ctx, values); err != nil {
		return fmt.Errorf("save the statement settings: %w", err)
	}
	s.xapi.Config = c
	return nil
}

// xapiValues are c's settings, once its addresses are checked.
func xapiValues(c xapi.Config) (map[string]string, error) {
	for _, addr := range []string{c.HomePage, c.ActivityBase} {
		if err := checkAddress(addr); err != nil {
			return nil, err
		}
	}
	return map[string]string{settingActivityBase: c.ActivityBase, settingHomePage: c.HomePage,
		settingSendNames: strconv.FormatBool(c.SendNames), settingStaffNumbers: strconv.FormatBool(c.StaffNumbers)}, nil
}

// NewLearner is what a person types to create a profile.
type NewLearner struct {
	Name        string
	Role        domain.Role
	Post        string
	Language    string
	StaffNumber string // optional
	PIN         string // optional; empty for none
}

// CreateLearner checks and stores a new profile; the PIN is kept only as a
// slow salted hash.
func (s *Service) CreateLearner(ctx context.Context, n NewLearner) (domain.Learner, error) {
	l := domain.Learner{Role: n.Role, StaffNumber: strings.TrimSpace(n.StaffNumber), Language: n.Language}
	var err error
	if l.Name, err = cleanText("name", n.Name); err != nil {
		return domain.Learner{}, err
	}
	if l.Name == "" {
		return domain.Learner{}, ErrNameRequired
	}
	if l.Post, err = cleanText("post", n.Post); err != nil {
		return domain.Learner{}, err
	}
	if !l.Role.Valid() {
		return domain.Learner{}, ErrBadRole
	}
	if n.PIN != "" {
		if !ValidPIN(n.PIN) {
			return domain.Learner{}, ErrBadPIN
		}
		h, err := HashPIN(n.PIN)
		if err != nil {
			return domain.Learner{}, err
		}
		l.PINHash = h
	}
	return s.db.CreateLearner(ctx, l)
}

// Learners lists the device's learners.
func (s *Service) Learners(ctx context.Context) ([]domain.Learner, error) { return s.db.Learners(ctx) }

// HasLearners is whether the device has a learner, with no profile read:
// a first start has none.
func (s *Service) HasLearners(ctx context.Context) (bool, error) { return s.db.HasLearners(ctx) }

// Learner returns one learner.
func (s *Service) Learner(ctx context.Context, id string) (domain.Learner, error) {
	return s.db.Learner(ctx, id)
}

// Unlock reports whether pin opens the learner's profile; a profile with no
// PIN is always open. It counts nothing: the profile screen uses
// UnlockLearner.
func Unlock(l domain.Learner, pin string) bool {
	return l.PINHash == "" || CheckPIN(l.PINHash, pin)
}

// LearnerTries is how many wrong PINs in a row a profile takes; then it
// stays locked, whatever the clock says, until a trainer clears its PIN.
// Ten guesses find a 4-digit PIN once in a thousand.
const LearnerTries = 10

// ErrProfileLocked means too many wrong PINs were typed for a profile.
var ErrProfileLocked = &domain.Error{Code: domain.CodeLocked, Err: errors.New("too many wrong PINs: a trainer must clear this profile's PIN")}

// UnlockLearner checks pin for the learner with id, counting wrong ones
// in the database: after LearnerTries in a row it refuses every PIN, the
// right one too, with ErrProfileLocked. left is how many tries remain
// after a wrong PIN (ErrWrongPIN).
func (s *Service) UnlockLearner(ctx context.Context, id, pin string) (left int, err error) {
	l, err := s.db.Learner(ctx, id)
	if err != nil {
		return 0, err
	}
	if l.PINHash == "" {
		return LearnerTries, nil
	}
	fails, err := s.db.PINFailures(ctx, id)
	if err != nil {
		return 0, err
	}
	if fails >= LearnerTries {
		return 0, ErrProfileLocked
	}
	if CheckPIN(l.PINHash, pin) {
		return LearnerTries, s.db.ResetPINFailures(ctx, id)
	}
	if fails, err = s.db.AddPINFailure(ctx, id); err != nil {
		return 0, err
	}
	if fails >= LearnerTries {
		return 0, ErrProfileLocked
	}
	return LearnerTries - fails, ErrWrongPIN
}

// MarkDemoLearners marks every learner but those in keep as demo data.
func (s *Service) MarkDemoLearners(ctx context.Context, keep []string) error {
	return s.db.MarkDemoLearners(ctx, keep)
}

// SetLanguage stores the learner's language; progress is kept by ID, so
// nothing else changes.
func (s *Service) SetLanguage(ctx context.Context, learnerID, lang string) error {
	return s.db.SetLearnerLanguage(ctx, learnerID, lang)
}
