package library

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"sort"

	"github.com/ogoh/ogoh/internal/course"
)

// checkedFile records, per installed course folder, how the folder looked
// when it last passed every check, so that an unchanged course is not
// checked again at every start. It sits among the course folders under a
// name that loading skips.
const checkedFile = ".checked.json"

// checked is the record in checkedFile.
type checked struct {
	App     string            `json:"app"`     // the program that did the checks
	Folders map[string]string `json:"folders"` // folder name → its fingerprint then
	MAC     string            `json:"mac"`     // with the device's key: a record written by hand is not believed
}

func (l *Library) recordMAC(c checked) string {
	parts := []string{"checked", c.App}
	for name, fp := range c.Folders {
		parts = append(parts, name+"="+fp)
	}
	sort.Strings(parts[2:])
	return l.mac(parts...)
}

// loadInstalled loads the installed courses, checking only those that
// changed since they last passed (or that never did), and updates the record.
func (l *Library) loadInstalled() ([]*course.Course, course.Problems) {
	app := appIdentity()
	old := readChecked(l.dir)
	if old.App != app || app == "" || l.macKey == nil || !hmac.Equal([]byte(old.MAC), []byte(l.recordMAC(old))) {
		old.Folders = nil // another program, or a record not ours: check everything again
	}
	now := map[string]string{}
	var trusted []course.Key
	var trustErr error
	trustedOnce := false
	list, problems := course.LoadInstalledWith(l.dir, func(name string, sub fs.FS) (*course.Course, error) {
		fp, err := fingerprint(sub)
		if err == nil && fp == old.Folders[name] {
			// A bundled course's ID is checked in full every time: only
			// the app's own key may take its place.
			if c, err := course.LoadChecked(sub); err == nil && !l.isBundledID(c.ID) {
				now[name] = fp
				return c, nil
			}
		}
		if !trustedOnce {
			trusted, trustErr = l.TrustedKeys(context.Background())
			trustedOnce = true
		}
		if trustErr != nil {
			return nil, trustErr
		}
		if err := l.verifySeal(sub, trusted); err != nil {
			return nil, err
		}
		c, verr := l.validate(sub)
		if verr == nil && err == nil {
			now[name] = fp
		}
		return c, verr
	})
	if !maps.Equal(now, old.Folders) && app != "" && l.macKey != nil {
		rec := checked{App: app, Folders: now}
		rec.MAC = l.recordMAC(rec)
		writeChecked(l.dir, rec) // a read-only folder is checked again next time
	}
	return list, problems
}

func (l *Library) isBundledID(id string) bool {
	for _, b := range l.bundled {
		if b.ID == id {
			return true
		}
	}
	return false
}

// verifySeal checks an installed folder against the signed pack it came
// from; a folder with a bundled course's ID needs the app's own key.
func (l *Library) verifySeal(sub fs.FS, trusted []course.Key) error {
	signer, m, err := course.VerifyInstalled(sub, trusted)
	if err != nil {
		return err
	}
	for _, b := range l.bundled {
		if b.ID == m.CourseID && !l.isBundledKey(signer) {
			return fmt.Errorf("%w (%s, signed by key %s)", ErrBundledID, b.ID, signer.ID())
		}
	}
	return nil
}

// fingerprint is a digest of every file's and folder's path, kind, size
// and modification time: any edit, addition or removal changes it, without
// reading the files.
func fingerprint(fsys fs.FS) (string, error) {
	h := sha256.New()
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "%q %v %d %d\n", p, info.Mode(), info.Size(), info.ModTime().UnixNano())
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)), err
}

// appIdentity names the running program by its file's path, size and time,
// so that a new version of Ogoh, whose checks may be stricter, checks every
// course again; "" if it cannot tell.
func appIdentity() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	info, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return fmt.Sprintf("%s %d %d format %d", exe, info.Size(), info.ModTime().UnixNano(), course.FormatVersion)
}

func readChecked(dir string) checked {
	var c checked
	data, err := os.ReadFile(filepath.Join(dir, checkedFile))
	if err == nil && json.Unmarshal(data, &c) == nil {
		return c
	}
	return checked{}
}

// writeChecked replaces the record through a temporary file, so a crash
// leaves the old record or the new one, never half of one.
func writeChecked(dir string, c checked) {
	data, err := json.Marshal(c)
	if err != nil {
		return
	}
	tmp, err := os.CreateTemp(dir, ".checked-*")
	if err != nil {
		return
	}
	_, werr := tmp.Write(data)
	if cerr := tmp.Close(); werr != nil || cerr != nil || os.Rename(tmp.Name(), filepath.Join(dir, checkedFile)) != nil {
		os.Remove(tmp.Name())
	}
}
