package syncfile

import (
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// DeviceKeyFile is the device's signing key in its data folder: the
// private key, readable by its user only. It is not in the database, so
// restoring a backup of the database never changes who the device is.
const DeviceKeyFile = "device.key"

const secretPrefix = "ogoh-device-secret"

// ErrBadDeviceKey is a device key file that cannot be read as one.
var ErrBadDeviceKey = errors.New("the device key file is damaged")

// LoadOrCreateDeviceKey reads the device's key from path, or makes one
// there on first start. A file that exists but does not read is an
// error: replacing it would make every forwarder refuse this device.
func LoadOrCreateDeviceKey(path string) (ed25519.PrivateKey, error) {
	data, err := os.ReadFile(path)
	if err == nil {
		return parseDeviceKey(path, data)
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("read device key: %w", err)
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	if err := writeNewKey(path, priv); err != nil {
		if errors.Is(err, os.ErrExist) { // another process made it first
			return LoadOrCreateDeviceKey(path)
		}
		return nil, err
	}
	return priv, nil
}

func parseDeviceKey(path string, data []byte) (ed25519.PrivateKey, error) {
	f := strings.Fields(string(data))
	if len(f) != 2 || f[0] != secretPrefix {
		return nil, fmt.Errorf("%s: %w", path, ErrBadDeviceKey)
	}
	raw, err := base64.StdEncoding.DecodeString(f[1])
	if err != nil || len(raw) != ed25519.PrivateKeySize {
		return nil, fmt.Errorf("%s: %w", path, ErrBadDeviceKey)
	}
	return ed25519.PrivateKey(raw), nil
}

func writeNewKey(path string, priv ed25519.PrivateKey) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("device key: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("device key: %w", err)
	}
	_, err = fmt.Fprintf(f, "%s %s\n", secretPrefix, base64.StdEncoding.EncodeToString(priv))
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("device key: %w", err)
	}
	return nil
}

// Fingerprint is a public key as a trainer reads it aloud or compares it
// by eye: the first 80 bits of its SHA-256, in five groups of four.
func Fingerprint(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	h := strings.ToUpper(hex.EncodeToString(sum[:10]))
	return strings.Join([]string{h[0:4], h[4:8], h[8:12], h[12:16], h[16:20]}, " ")
}

// DevicePublicText is a device's enrolment file ("ogoh-device ID KEY"),
// for a trainer's --trust-devices folder.
func DevicePublicText(device string, pub ed25519.PublicKey) string {
	return fmt.Sprintf("ogoh-device %s %s\n", device, base64.StdEncoding.EncodeToString(pub))
}

// LoadEnrolled reads every *.pub device file in dir: the only devices a
// forwarder then accepts.
func LoadEnrolled(dir string) (map[string]ed25519.PublicKey, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.pub"))
	if err != nil {
		return nil, err
	}
	out := map[string]ed25519.PublicKey{}
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("enrolled device: %w", err)
		}
		f := strings.Fields(string(data))
		var raw []byte
		if len(f) == 3 && f[0] == "ogoh-device" {
			raw, err = base64.StdEncoding.DecodeString(f[2])
		}
		if len(raw) != ed25519.PublicKeySize || err != nil {
			return nil, fmt.Errorf("%s: not an Ogoh device file (ogoh device show --pub writes one)", name)
		}
		out[f[1]] = ed25519.PublicKey(raw)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s holds no device files (*.pub)", dir)
	}
	return out, nil
}
