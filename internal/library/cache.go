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
	run := &installedLoad{l: l, before: l.checkedBefore(app), passed: map[string]string{}}
	list, problems := course.LoadInstalledWith(l.dir, run.load)
	if !maps.Equal(run.passed, run.before) && l.canRecord(app) {
		rec := checked{App: app, Folders: run.passed}
		rec.MAC = l.recordMAC(rec)
		writeChecked(l.dir, rec) // a read-only folder is checked again next time
	}
	return list, problems
}

// canRecord is whether checks can be recorded and the record believed: the
// program is known and the device's key is there to sign the record.
func (l *Library) canRecord(app string) bool { return app != "" && l.macKey != nil }

// checkedBefore are the folders that passed every check when last loaded,
// by their fingerprint then; none if another program (or a hand) wrote
// the record.
func (l *Library) checkedBefore(app string) map[string]string {
	old := readChecked(l.dir)
	if !l.canRecord(app) || old.App != app || !hmac.Equal([]byte(old.MAC), []byte(l.recordMAC(old))) {
		return nil
	}
	return old.Folders
}

// installedLoad is one loading of the installed courses: the folders that
// passed before, those that pass now, and the trusted keys, read once and
// only when some folder needs its seal checked.
type installedLoad struct {
	l              *Library
	before, passed map[string]string
	trusted        []course.Key
	trustErr       error
	trustRead      bool
}

// load loads one installed folder: unchanged since it passed, it is read
// without the checks; otherwise its seal and its course are checked.
func (r *installedLoad) load(name string, sub fs.FS) (*course.Course, error) {
	fp, fpErr := fingerprint(sub)
	if fpErr == nil && fp == r.before[name] {
		// A bundled course's ID is checked in full every time: only
		// the app's own key may take its place.
		if c, err := course.LoadChecked(sub); err == nil && !r.l.isBundledID(c.ID) {
			r.passed[name] = fp
			return c, nil
		}
	}
	trusted, err := r.trustedKeys()
	if err != nil {
		return nil, err
	}
	if err := r.l.verifySeal(sub, trusted); err != nil {
		return nil, err
	}
	c, err := r.l.validate(sub)
	if err == nil && fpErr == nil {
		r.passed[name] = fp
	}
	return c, err
}

func (r *installedLoad) trustedKeys() ([]course.Key, error) {
	if !r.trustRead {
		r.trusted, r.trustErr = r.l.TrustedKeys(context.Background())
		r.trustRead = true
	}
	return r.trusted, r.trustErr
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
