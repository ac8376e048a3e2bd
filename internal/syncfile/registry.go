package syncfile

import (
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// Registry is what a forwarder remembers of the devices it has seen: each
// device ID bound to its key on first sight, and each learner bound to the
// device that first spoke for them. It is a small JSON file on the
// trainer's machine.
type Registry struct {
	path     string
	Devices  map[string]*KnownDevice `json:"devices"`
	Learners map[string]string       `json:"learners"` // account name -> device ID
}

// KnownDevice is one device as first seen.
type KnownDevice struct {
	Key          string    `json:"key"` // base64 Ed25519 public key
	Fingerprint  string    `json:"fingerprint"`
	FirstSeen    time.Time `json:"first_seen"`
	LastSequence int64     `json:"last_sequence"`
}

// DefaultRegistryPath is the registry in the user's config folder.
func DefaultRegistryPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "ogoh", "devices.json"), nil
}

// OpenRegistry reads the registry at path; a missing file is an empty one.
func OpenRegistry(path string) (*Registry, error) {
	r := &Registry{path: path, Devices: map[string]*KnownDevice{}, Learners: map[string]string{}}
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return r, nil
	}
	if err != nil {
		return nil, fmt.Errorf("device registry: %w", err)
	}
	if err := json.Unmarshal(data, r); err != nil {
		return nil, fmt.Errorf("device registry %s is damaged: %w", path, err)
	}
	if r.Devices == nil {
		r.Devices = map[string]*KnownDevice{}
	}
	if r.Learners == nil {
		r.Learners = map[string]string{}
	}
	return r, nil
}

// Save writes the registry atomically, readable by its user only.
func (r *Registry) Save() error {
	if err := os.MkdirAll(filepath.Dir(r.path), 0o700); err != nil {
		return fmt.Errorf("device registry: %w", err)
	}
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(r.path), ".devices-*")
	if err != nil {
		return fmt.Errorf("device registry: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), r.path)
	}
	if err != nil {
		return fmt.Errorf("device registry: %w", err)
	}
	return nil
}

// Registry refusals.
var (
	ErrOtherKey    = errors.New("this device ID was first seen with another key: the file is not from that device")
	ErrNotEnrolled = errors.New("the device is not among the enrolled devices")
	ErrUnsigned    = errors.New("the file is unsigned")
)

// bind checks a device's key against what is known, binding a new device
// to its key; it says whether the device is new.
func (r *Registry) bind(device string, pub ed25519.PublicKey, now time.Time) (bool, error) {
	key := base64.StdEncoding.EncodeToString(pub)
	if known, ok := r.Devices[device]; ok {
		if known.Key != key {
			return false, fmt.Errorf("%w (known fingerprint %s)", ErrOtherKey, known.Fingerprint)
		}
		return false, nil
	}
	r.Devices[device] = &KnownDevice{Key: key, Fingerprint: Fingerprint(pub), FirstSeen: now.UTC()}
	return true, nil
}
