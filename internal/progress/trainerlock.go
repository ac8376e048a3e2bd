package progress

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
)

// The trainer's lock: the trainer PIN's hash, the trainer's public key
// when one was given, and the count of wrong PINs with the wait still to
// serve, all signed with the device's key. Editing, deleting or copying
// it from another device breaks the signature, so one line of SQL no
// longer hands trainer mode to whoever runs it.
const settingTrainerLock = "trainer.lock"

// Legacy settings of Ogoh before the signed lock.
const (
	settingTrainerPIN      = "trainer.pin_hash"
	settingTrainerFailures = "trainer.failures"
	settingTrainerLocked   = "trainer.locked_until"
)

// TrainerTries is how many wrong PINs are allowed before trainer mode
// waits; each further wrong PIN doubles the wait.
const TrainerTries = 5

// TrainerWait is the first wait after too many wrong PINs.
const TrainerWait = 30 * time.Second

// Problems with trainer mode.
var (
	ErrWrongPIN       = &domain.Error{Code: domain.CodeLocked, Err: errors.New("wrong PIN")}
	ErrLocked         = &domain.Error{Code: domain.CodeLocked, Err: errors.New("too many wrong PINs: wait")}
	ErrLockTampered   = &domain.Error{Code: domain.CodeUntrusted, Err: errors.New("the trainer lock was changed or removed outside Ogoh: a trainer must reset it with their key")}
	ErrLockAlreadySet = &domain.Error{Code: domain.CodeConflict, Err: errors.New("the trainer lock is already set: only the trainer's key can reset it")}
	ErrNotTrainerKey  = &domain.Error{Code: domain.CodeUntrusted, Err: errors.New("this key is not the trainer's key for this device")}
)

// LockState says where a device stands with its trainer lock.
type LockState int

const (
	// LockNone: a new device with no learners; the lock is set up now.
	LockNone LockState = iota
	// LockSet: the lock is there and its signature holds.
	LockSet
	// LockTampered: the lock is damaged, or missing on a device in use.
	LockTampered
)

type trainerLock struct {
	Device     string `json:"device"`
	PINHash    string `json:"pin_hash"`
	TrainerKey string `json:"trainer_key,omitempty"` // base64 Ed25519 public key
	Failures   int    `json:"failures"`
	// WaitLeftMS is the wait still to serve after too many wrong PINs. It
	// runs down only while Ogoh runs, on the process's monotonic clock:
	// setting the computer's clock forward does not end it.
	WaitLeftMS int64 `json:"wait_left_ms"`
}

// TrainerLock tells whether the device's trainer lock is set, missing on
// a new device, or tampered with.
func (s *Service) TrainerLock(ctx context.Context) (LockState, error) {
	_, state, err := s.readLock(ctx)
	return state, err
}

// TrainerKey is the trainer's public key bound to the lock, if any.
func (s *Service) TrainerKey(ctx context.Context) (ed25519.PublicKey, error) {
	l, state, err := s.readLock(ctx)
	if err != nil || state != LockSet {
		return nil, err
	}
	pub, _ := base64.StdEncoding.DecodeString(l.TrainerKey)
	if len(pub) != ed25519.PublicKeySize {
		return nil, nil
	}
	return pub, nil
}

func (s *Service) readLock(ctx context.Context) (trainerLock, LockState, error) {
	var l trainerLock
	text, err := s.db.Setting(ctx, settingTrainerLock, "")
	if err != nil {
		return l, LockTampered, err
	}
	if text == "" {
		inUse, err := s.inUse(ctx)
		if err != nil {
			return l, LockTampered, err
		}
		if inUse {
			return l, LockTampered, nil
		}
		return l, LockNone, nil
	}
	device, err := s.db.DeviceID(ctx)
	if err != nil {
		return l, LockTampered, err
	}
	if !s.verifyLock(text, &l) || l.Device != device || l.PINHash == "" {
		return trainerLock{}, LockTampered, nil
	}
	return l, LockSet, nil
}

// inUse says whether anyone has a profile here: a device without a lock
// but with learners has lost its lock, and does not get a new one for
// the asking.
func (s *Service) inUse(ctx context.Context) (bool, error) {
	ls, err := s.db.Learners(ctx)
	return len(ls) > 0, err
}

func (s *Service) verifyLock(text string, l *trainerLock) bool {
	if s.key == nil {
		return false
	}
	body, sig, ok := strings.Cut(text, ".")
	raw, err1 := base64.StdEncoding.DecodeString(body)
	signature, err2 := base64.StdEncoding.DecodeString(sig)
	if !ok || err1 != nil || err2 != nil || !ed25519.Verify(s.key.Public().(ed25519.PublicKey), raw, signature) {
		return false
	}
	return json.Unmarshal(raw, l) == nil
}

func (s *Service) writeLock(ctx context.Context, l trainerLock) error {
	text, err := s.signLock(ctx, l)
	if err != nil {
		return err
	}
	return s.db.SetSetting(ctx, settingTrainerLock, text)
}

// signLock is l as stored: its JSON and the device's signature over it.
func (s *Service) signLock(ctx context.Context, l trainerLock) (string, error) {
	if s.key == nil {
		return "", ErrNoDeviceKey
	}
	device, err := s.db.DeviceID(ctx)
	if err != nil {
		return "", err
	}
	l.Device = device
	raw, err := json.Marshal(l)
	if err != nil {
		return "", err
	}
	sig := ed25519.Sign(s.key, raw)
	return base64.StdEncoding.EncodeToString(raw) + "." + base64.StdEncoding.EncodeToString(sig), nil
}

// SetTrainerLock sets the trainer PIN, and the trainer's public key when
// given, as the device is set up. Once set, or once the device is in use,
// only ResetTrainerLock with the trainer's key changes it.
func (s *Service) SetTrainerLock(ctx context.Context, pin string, trainerKey ed25519.PublicKey) error {
	if !ValidPIN(pin) {
		return ErrBadPIN
	}
	_, state, err := s.readLock(ctx)
	switch {
	case err != nil:
		return err
	case state == LockSet:
		return ErrLockAlreadySet
	case state == LockTampered:
		return ErrLockTampered
	}
	return s.lockWith(ctx, pin, trainerKey)
}

func (s *Service) lockWith(ctx context.Context, pin string, trainerKey ed25519.PublicKey) error {
	h, err := HashPIN(pin)
	if err != nil {
		return err
	}
	l := trainerLock{PINHash: h}
	if trainerKey != nil {
		l.TrainerKey = base64.StdEncoding.EncodeToString(trainerKey)
	}
	return s.writeLock(ctx, l)
}

// ResetTrainerLock sets a new trainer PIN with the trainer's signing key:
// the key bound to the lock, or, when the lock names none (or is lost), a
// key this device trusts for course packs. The key is kept in the new lock.
func (s *Service) ResetTrainerLock(ctx context.Context, key ed25519.PrivateKey, trusted []ed25519.PublicKey, pin string) error {
	if !ValidPIN(pin) {
		return ErrBadPIN
	}
	pub := key.Public().(ed25519.PublicKey)
	l, state, err := s.readLock(ctx)
	if err != nil {
		return err
	}
	bound, _ := base64.StdEncoding.DecodeString(l.TrainerKey)
	allowed := trusted
	if state == LockSet && len(bound) == ed25519.PublicKeySize {
		allowed = []ed25519.PublicKey{bound}
	}
	if !keyAmong(pub, allowed) || !provesKey(key) {
		return ErrNotTrainerKey
	}
	return s.lockWith(ctx, pin, pub)
}

func keyAmong(pub ed25519.PublicKey, keys []ed25519.PublicKey) bool {
	for _, k := range keys {
		if bytes.Equal(k, pub) {
			return true
		}
	}
	return false
}

// provesKey checks the private key is whole: it signs, and its public
// half verifies what it signed.
func provesKey(key ed25519.PrivateKey) bool {
	msg := []byte("ogoh trainer reset")
	return len(key) == ed25519.PrivateKeySize && ed25519.Verify(key.Public().(ed25519.PublicKey), msg, ed25519.Sign(key, msg))
}

// UnlockTrainer checks the trainer PIN. After TrainerTries wrong PINs in a
// row it refuses every try for a wait that doubles with each further
// wrong PIN. The count and the wait are in the signed lock, so a restart,
// an edit of the database or a change of the clock does not reset them.
// It returns how long is still to wait when locked.
func (s *Service) UnlockTrainer(ctx context.Context, pin string) (time.Duration, error) {
	s.lockMu.Lock()
	defer s.lockMu.Unlock()
	l, state, err := s.readLock(ctx)
	switch {
	case err != nil:
		return 0, err
	case state == LockTampered:
		return 0, ErrLockTampered
	case state == LockNone:
		return 0, ErrWrongPIN
	}
	if left := s.waitLeft(l); left > 0 {
		l.WaitLeftMS = left.Milliseconds()
		return left, errors.Join(ErrLocked, s.writeLock(ctx, l))
	}
	if CheckPIN(l.PINHash, pin) {
		l.Failures, l.WaitLeftMS = 0, 0
		s.waitSeen = time.Time{}
		return 0, s.writeLock(ctx, l)
	}
	l.Failures++
	l.WaitLeftMS = 0
	var wait time.Duration
	if l.Failures >= TrainerTries {
		wait = TrainerWait << min(l.Failures-TrainerTries, 16)
		l.WaitLeftMS = wait.Milliseconds()
		s.waitSeen, s.waitSaved = s.monotonic(), wait
	}
	if err := s.writeLock(ctx, l); err != nil {
		return 0, err
	}
	if wait > 0 {
		return wait, ErrLocked
	}
	return 0, ErrWrongPIN
}

// waitLeft is the lock's wait less the time this process has run since
// it first saw that wait; a new process starts from what was saved.
func (s *Service) waitLeft(l trainerLock) time.Duration {
	saved := time.Duration(l.WaitLeftMS) * time.Millisecond
	if saved <= 0 {
		return 0
	}
	now := s.monotonic()
	if s.waitSeen.IsZero() || s.waitSaved != saved {
		s.waitSeen, s.waitSaved = now, saved
	}
	left := saved - now.Sub(s.waitSeen)
	if left < 0 {
		return 0
	}
	s.waitSeen, s.waitSaved = now, left.Truncate(time.Millisecond)
	return left.Truncate(time.Millisecond)
}

// upgradeLegacyLock turns the unsigned trainer PIN of an older Ogoh into a
// signed lock. It runs only when the device's key was made in this start,
// the first start of an Ogoh that signs: afterwards, a PIN hash written
// into the database by hand is never taken for a lock.
func (s *Service) upgradeLegacyLock(ctx context.Context) error {
	hash, err := s.db.Setting(ctx, settingTrainerPIN, "")
	if err != nil || hash == "" {
		return err
	}
	text, err := s.db.Setting(ctx, settingTrainerLock, "")
	if err != nil {
		return fmt.Errorf("read the trainer lock: %w", err)
	}
	// The old unsigned PIN, its failures and its lock-out go as the signed
	// lock comes, in one transaction.
	values := map[string]string{settingTrainerPIN: "", settingTrainerFailures: "", settingTrainerLocked: ""}
	if text == "" {
		if values[settingTrainerLock], err = s.signLock(ctx, trainerLock{PINHash: hash}); err != nil {
			return fmt.Errorf("keep the trainer PIN: %w", err)
		}
	}
	return s.db.SetSettings(ctx, values)
}
