package cert

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"os"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// Devices are the devices a verifier knows: device ID to public key.
type Devices map[string]ed25519.PublicKey

// Verdict is what a check found: a genuine certificate, the fingerprint
// of the key that signed it, and whether that key is a known device's.
type Verdict struct {
	Certificate domain.Certificate
	Fingerprint string
	Known       bool
}

// Refusals of a genuine record from a device the verifier cannot vouch for.
var (
	ErrUnknownDevice = &domain.Error{Code: domain.CodeUntrusted, Err: errors.New("the signature is sound, but the device that signed it is not among the known devices: anyone can sign a certificate with a key of their own")}
	ErrOtherDevice   = &domain.Error{Code: domain.CodeUntrusted, Err: errors.New("the device ID is known, but with another key: this certificate was not signed by that device")}
	ErrIDMismatch    = &domain.Error{Code: domain.CodeUntrusted, Err: errors.New("the typed certificate ID is not the ID in the QR text: the paper and the code are of different certificates")}
)

// Verify checks a certificate's text against the known devices; typedID,
// when not empty, is the ID read off the paper, which must be the
// record's. It returns a verdict with every refusal but a damaged text,
// so a screen can say whose certificate was refused.
func Verify(text, typedID string, known Devices) (Verdict, error) {
	c, err := Parse(text)
	if err != nil {
		return Verdict{}, err
	}
	v := Verdict{Certificate: c, Fingerprint: syncfile.Fingerprint(ed25519.PublicKey(c.DeviceKey))}
	if typedID != "" && NormalID(typedID) != c.ID {
		return v, ErrIDMismatch
	}
	if err := Genuine(c); err != nil {
		return v, err
	}
	pub, ok := known[c.DeviceID]
	switch {
	case !ok:
		return v, fmt.Errorf("%w (device %s, key fingerprint %s)", ErrUnknownDevice, c.DeviceID, v.Fingerprint)
	case !bytes.Equal(pub, c.DeviceKey):
		return v, fmt.Errorf("%w (device %s: known fingerprint %s, this one %s)", ErrOtherDevice, c.DeviceID, syncfile.Fingerprint(pub), v.Fingerprint)
	}
	v.Known = true
	return v, nil
}

// LoadDevices reads the devices a verifier knows from path: a forwarder's
// device registry (devices.json), a folder of enrolment files (*.pub), or
// one enrolment file.
func LoadDevices(path string) (Devices, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("known devices: %w", err)
	}
	if info.IsDir() {
		m, err := syncfile.LoadEnrolled(path)
		return Devices(m), err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("known devices: %w", err)
	}
	if bytes.HasPrefix(data, []byte("ogoh-device ")) {
		return enrolmentFile(path, data)
	}
	return registryDevices(path)
}

func enrolmentFile(path string, data []byte) (Devices, error) {
	f := bytes.Fields(data)
	if len(f) == 3 {
		if raw, err := base64.StdEncoding.DecodeString(string(f[2])); err == nil && len(raw) == ed25519.PublicKeySize {
			return Devices{string(f[1]): ed25519.PublicKey(raw)}, nil
		}
	}
	return nil, fmt.Errorf("%s: not an Ogoh device file (ogohctl device show --pub writes one)", path)
}

func registryDevices(path string) (Devices, error) {
	r, err := syncfile.OpenRegistry(path)
	if err != nil {
		return nil, err
	}
	out := Devices{}
	for id, d := range r.Devices {
		raw, err := base64.StdEncoding.DecodeString(d.Key)
		if err != nil || len(raw) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("device registry %s: the key of device %s is damaged", path, id)
		}
		out[id] = ed25519.PublicKey(raw)
	}
	return out, nil
}
