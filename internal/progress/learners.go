// Package progress is the learner's side of Ogoh: profiles, lesson
// progress and quiz attempts. It joins the course model, the quiz rules and
// the store, so the UI never touches SQL.
package progress

import (
	"context"
	"errors"
	"strings"

	"github.com/ogoh/ogoh/internal/store"
)

// Learner is one person who studies on this device.
type Learner = store.Learner

// Roles a learner can have; the UI shows them translated.
var Roles = []string{"border-guard", "labour-inspector", "other"}

// Problems with a new profile, for the UI to explain.
var (
	ErrNameRequired = errors.New("name is required")
	ErrBadRole      = errors.New("unknown role")
	ErrBadPIN       = errors.New("PIN must be 4 to 8 digits")
)

// Service records and reads a device's progress.
type Service struct {
	db   *store.DB
	seed func() int64
}

// New returns a service over db; seed gives each new quiz attempt its draw.
func New(db *store.DB, seed func() int64) *Service {
	return &Service{db: db, seed: seed}
}

// NewLearner is what a person types to create a profile.
type NewLearner struct {
	Name, Role, Post, Language string
	PIN                        string // optional; empty for none
}

// CreateLearner checks and stores a new profile; the PIN is kept only as a
// slow salted hash.
func (s *Service) CreateLearner(ctx context.Context, n NewLearner) (Learner, error) {
	l := Learner{Name: strings.TrimSpace(n.Name), Role: n.Role, Post: strings.TrimSpace(n.Post), Language: n.Language}
	if l.Name == "" {
		return Learner{}, ErrNameRequired
	}
	if !validRole(l.Role) {
		return Learner{}, ErrBadRole
	}
	if n.PIN != "" {
		if !ValidPIN(n.PIN) {
			return Learner{}, ErrBadPIN
		}
		h, err := HashPIN(n.PIN)
		if err != nil {
			return Learner{}, err
		}
		l.PINHash = h
	}
	return s.db.CreateLearner(ctx, l)
}

func validRole(r string) bool {
	for _, x := range Roles {
		if x == r {
			return true
		}
	}
	return false
}

// Learners lists the device's learners.
func (s *Service) Learners(ctx context.Context) ([]Learner, error) { return s.db.Learners(ctx) }

// Learner returns one learner.
func (s *Service) Learner(ctx context.Context, id string) (Learner, error) {
	return s.db.Learner(ctx, id)
}

// Unlock reports whether pin opens the learner's profile; a profile with no
// PIN is always open.
func Unlock(l Learner, pin string) bool {
	return l.PINHash == "" || CheckPIN(l.PINHash, pin)
}

// SetLanguage stores the learner's language; progress is kept by ID, so
// nothing else changes.
func (s *Service) SetLanguage(ctx context.Context, learnerID, lang string) error {
	return s.db.SetLearnerLanguage(ctx, learnerID, lang)
}

// Setting and SetSetting keep device-wide preferences (theme, the language
// of the profile picker).
func (s *Service) Setting(ctx context.Context, key, def string) (string, error) {
	return s.db.Setting(ctx, key, def)
}

// SetSetting stores a device-wide preference.
func (s *Service) SetSetting(ctx context.Context, key, value string) error {
	return s.db.SetSetting(ctx, key, value)
}
