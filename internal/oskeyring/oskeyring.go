// Package oskeyring keeps a secret in the system's credential store:
// Secret Service on Linux, the Credential Manager on Windows, the keychain
// on macOS. A store that does not answer within a few seconds (no D-Bus
// session, a locked keyring waiting for a prompt) counts as absent, so the
// caller falls back instead of hanging.
package oskeyring

import (
	"errors"
	"time"

	"github.com/zalando/go-keyring"
)

// Store is the system keyring under one service name.
type Store struct {
	Service string
	Timeout time.Duration
}

// New returns the store the app uses.
func New() Store { return Store{Service: "org.ogoh.app", Timeout: 3 * time.Second} }

// ErrTimeout is a keyring that did not answer in time.
var ErrTimeout = errors.New("the system keyring did not answer")

// Get reads a secret.
func (s Store) Get(name string) (string, error) {
	var v string
	err := s.within(func() (err error) {
		v, err = keyring.Get(s.Service, name)
		return err
	})
	return v, err
}

// Set keeps a secret.
func (s Store) Set(name, value string) error {
	return s.within(func() error { return keyring.Set(s.Service, name, value) })
}

func (s Store) within(f func() error) error {
	done := make(chan error, 1)
	go func() { done <- f() }()
	t := time.NewTimer(s.Timeout)
	defer t.Stop()
	select {
	case err := <-done:
		return err
	case <-t.C:
		return ErrTimeout
	}
}
