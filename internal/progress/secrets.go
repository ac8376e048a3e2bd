package progress

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"

	"github.com/ogoh/ogoh/internal/domain"
)

// Keyring is the system's credential store (Secret Service, Windows
// Credential Manager, the macOS keychain). The app passes one when it
// keeps its data in the user's own profile; a portable data folder on a
// stick goes from computer to computer, where no keyring knows it, so its
// secrets are sealed in the database instead.
type Keyring interface {
	Get(name string) (string, error)
	Set(name, value string) error
}

const (
	sealedPrefix  = "sealed1:"
	keyringMarker = "keyring"
)

// ErrSecretLost is a secret that was kept in a keyring this computer no
// longer has, or sealed with another device's key.
var ErrSecretLost = &domain.Error{Code: domain.CodeUnreadable, Err: errors.New("the saved LRS password cannot be read on this computer: enter it again")}

// secret reads the LRS password: from the keyring when it was put there,
// else unsealed with the device key. A value from an older Ogoh, kept in
// plain text, is returned as it is (and sealed at the next save).
func (s *Service) secret(ctx context.Context, key string) (string, error) {
	v, err := s.db.Setting(ctx, key, "")
	switch {
	case err != nil || v == "":
		return "", err
	case v == keyringMarker:
		if s.keyring == nil {
			return "", ErrSecretLost
		}
		got, err := s.keyring.Get(s.keyringName(ctx, key))
		if err != nil {
			return "", fmt.Errorf("%w (%v)", ErrSecretLost, err)
		}
		return got, nil
	case strings.HasPrefix(v, sealedPrefix):
		return s.unseal(strings.TrimPrefix(v, sealedPrefix))
	}
	return v, nil
}

// setSecretTx is what setting the secret writes into the database: a
// marker when the keyring took it, else the sealed value.
func (s *Service) sealedOrMarker(ctx context.Context, key, value string) (string, error) {
	if value == "" {
		return "", nil
	}
	if s.keyring != nil && s.keyring.Set(s.keyringName(ctx, key), value) == nil {
		return keyringMarker, nil
	}
	sealed, err := s.seal(value)
	if err != nil {
		return "", err
	}
	return sealedPrefix + sealed, nil
}

func (s *Service) keyringName(ctx context.Context, key string) string {
	device, _ := s.db.DeviceID(ctx)
	return "ogoh " + device + " " + key
}

// sealKey is the AES key derived from the device's signing key, which is
// in its own file (mode 0600), never in the database.
func (s *Service) sealKey() (cipher.AEAD, error) {
	if s.key == nil {
		return nil, ErrNoDeviceKey
	}
	sum := sha256.Sum256(append([]byte("ogoh secrets v1\x00"), s.key.Seed()...))
	block, err := aes.NewCipher(sum[:])
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}

func (s *Service) seal(value string) (string, error) {
	aead, err := s.sealKey()
	if err != nil {
		return "", err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", err
	}
	return base64.StdEncoding.EncodeToString(aead.Seal(nonce, nonce, []byte(value), nil)), nil
}

func (s *Service) unseal(text string) (string, error) {
	aead, err := s.sealKey()
	if err != nil {
		return "", err
	}
	raw, err := base64.StdEncoding.DecodeString(text)
	if err != nil || len(raw) < aead.NonceSize() {
		return "", ErrSecretLost
	}
	plain, err := aead.Open(nil, raw[:aead.NonceSize()], raw[aead.NonceSize():], nil)
	if err != nil {
		return "", ErrSecretLost
	}
	return string(plain), nil
}

// sealLegacySecret seals an LRS password an older Ogoh kept in plain text.
func (s *Service) sealLegacySecret(ctx context.Context) error {
	v, err := s.db.Setting(ctx, settingLRSPassword, "")
	if err != nil || v == "" || v == keyringMarker || strings.HasPrefix(v, sealedPrefix) || s.key == nil {
		return err
	}
	stored, err := s.sealedOrMarker(ctx, settingLRSPassword, v)
	if err != nil {
		return err
	}
	return s.db.SetSettings(ctx, map[string]string{settingLRSPassword: stored})
}
