package course

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// SealFile keeps, in an installed course's folder, the manifest and the
// signature of the pack it came from, so the folder can be checked again
// against them whenever it changes: a course copied in by hand, or edited
// after install, is not shown.
const SealFile = ".ogoh-seal.json"

type seal struct {
	Manifest  []byte `json:"manifest"`  // the pack's manifest.json, as signed
	Signature []byte `json:"signature"` // the pack's signature file
}

// Why an installed folder is not shown.
var (
	ErrNotSealed = errors.New("this course folder did not come from a signed pack")
	ErrAltered   = errors.New("this course folder was changed after it was installed")
)

func writeSeal(dir string, p *Pack) error {
	if p.rawManifest == nil {
		return fmt.Errorf("%w: the pack's manifest was not kept", ErrNotSealed)
	}
	data, err := json.Marshal(seal{Manifest: p.rawManifest, Signature: p.signature})
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, SealFile), data, 0o644)
}

// VerifyInstalled checks an installed course folder against the signed
// manifest kept with it: the signature verifies with a key in trusted,
// and the folder holds exactly the files the manifest lists, each with its
// SHA-256. It returns the signing key.
func VerifyInstalled(fsys fs.FS, trusted []Key) (Key, PackManifest, error) {
	data, err := fs.ReadFile(fsys, SealFile)
	if err != nil {
		return Key{}, PackManifest{}, ErrNotSealed
	}
	var sl seal
	if err := json.Unmarshal(data, &sl); err != nil {
		return Key{}, PackManifest{}, fmt.Errorf("%w: %v", ErrNotSealed, err)
	}
	m, signer, err := checkSignature(map[string][]byte{packManifest: sl.Manifest, packSignature: sl.Signature}, trusted)
	if err != nil {
		return Key{}, m, err
	}
	seen := map[string]bool{}
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() || p == SealFile:
			return nil
		case !d.Type().IsRegular():
			return fmt.Errorf("%w: %s is not a plain file", ErrAltered, p)
		}
		name := packCourseDir + p
		want, listed := m.Files[name]
		if !listed {
			return fmt.Errorf("%w: %s was added", ErrAltered, p)
		}
		body, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		if sum := sha256.Sum256(body); hex.EncodeToString(sum[:]) != want {
			return fmt.Errorf("%w: %s differs from the pack", ErrAltered, p)
		}
		seen[name] = true
		return nil
	})
	if err != nil {
		return Key{}, m, err
	}
	for name := range m.Files {
		if !seen[name] {
			return Key{}, m, fmt.Errorf("%w: %s is missing", ErrAltered, strings.TrimPrefix(name, packCourseDir))
		}
	}
	return signer, m, nil
}
