// Package library is the device's set of courses: those bundled with the
// app and those a trainer installed from signed packs, with the keys it
// trusts. The app's import and `ogohctl course install` both use it.
package library

import (
	"context"
	"encoding/base64"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/store"
)

// CoursesDir is where installed courses live inside the data folder.
const CoursesDir = "courses"

// Library manages the courses of one data folder.
type Library struct {
	db       *store.DB
	dir      string
	bundled  func() []*course.Course // read once, when first asked for
	first    func() ([]*course.Course, course.Problems)
	validate func(fs.FS) (*course.Course, error) // course.Load; tests count its calls
	macKey   []byte                              // authenticates the trusted keys and the checked record
}

// New returns the library of the data folder dataDir.
func New(db *store.DB, dataDir string, bundled []*course.Course) *Library {
	return NewLater(db, dataDir, func() []*course.Course { return bundled })
}

// NewLater returns the library of dataDir whose bundled courses come from
// bundled, called once, when the courses are first asked for: the app's
// first screen shows none, so it reads no course file before it is drawn.
func NewLater(db *store.DB, dataDir string, bundled func() []*course.Course) *Library {
	l := &Library{db: db, dir: filepath.Join(dataDir, CoursesDir), bundled: sync.OnceValue(bundled), validate: course.Load}
	l.first = sync.OnceValues(l.Courses)
	return l
}

// Loaded are the courses as first loaded, and their problems: the first
// call loads them (as Courses does), later ones return the same. The list
// is never nil, so a caller can tell "not asked yet" from "no courses".
func (l *Library) Loaded() ([]*course.Course, course.Problems) { return l.first() }

// Courses are the bundled courses and the installed ones; an installed
// course replaces a bundled one with the same ID when it is not older.
// Installed courses with problems are left out and their problems returned.
// A course unchanged since it last passed every check is not checked again.
func (l *Library) Courses() ([]*course.Course, course.Problems) {
	installed, problems := l.loadInstalled()
	byID := map[string]*course.Course{}
	var order []string
	for _, c := range l.bundled() {
		byID[c.ID] = c
		order = append(order, c.ID)
	}
	for _, c := range installed {
		if b, ok := byID[c.ID]; ok && course.CompareVersions(c.Version, b.Version) < 0 {
			continue
		}
		if _, ok := byID[c.ID]; !ok {
			order = append(order, c.ID)
		}
		byID[c.ID] = c
	}
	out := make([]*course.Course, len(order))
	for i, id := range order {
		out[i] = byID[id]
	}
	course.SortByOrder(out)
	return out, problems
}

// IsInstalled reports whether a course came from a pack (and so may be removed).
func (l *Library) IsInstalled(id string) bool {
	_, err := os.Stat(filepath.Join(l.dir, id, course.ManifestFile))
	return err == nil
}

// TrustedKeys are the keys this device accepts packs from.
func (l *Library) TrustedKeys(ctx context.Context) ([]course.Key, error) {
	rows, err := l.trustedRows(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]course.Key, 0, len(rows))
	for _, r := range rows {
		pub, err := base64.StdEncoding.DecodeString(r.Public)
		if err != nil {
			continue
		}
		out = append(out, course.Key{Name: r.Name, Public: pub})
	}
	return out, nil
}

// Trust adds the public key in a .pub file's text.
func (l *Library) Trust(ctx context.Context, pubText string) (course.Key, error) {
	k, err := course.ParseKey(pubText)
	if err != nil {
		return k, err
	}
	k.Private = nil // only the public half is ever kept
	if _, err := l.trustedRows(ctx); err != nil {
		return k, err
	}
	if err := l.db.AddTrustedKey(ctx, domain.TrustedKey{ID: k.ID(), Name: k.Name, Public: base64.StdEncoding.EncodeToString(k.Public)}); err != nil {
		return k, err
	}
	return k, l.sealTrust(ctx)
}

// Untrust removes a trusted key; the courses it signed are no longer shown.
func (l *Library) Untrust(ctx context.Context, keyID string) error {
	if err := l.db.RemoveTrustedKey(ctx, keyID); err != nil {
		return err
	}
	return l.sealTrust(ctx)
}

// ResetTrust clears a trusted-key list that was changed outside Ogoh, so a
// trainer can add the keys again; the courses they signed show again then.
func (l *Library) ResetTrust(ctx context.Context) error {
	rows, err := l.db.TrustedKeys(ctx)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := l.db.RemoveTrustedKey(ctx, r.ID); err != nil {
			return err
		}
	}
	return l.sealTrust(ctx)
}

// Signed lists, per key ID, the installed courses each key signed.
func (l *Library) Signed(ctx context.Context) (map[string][]string, error) {
	rows, err := l.db.Installs(ctx)
	out := map[string][]string{}
	for _, r := range rows {
		out[r.KeyID] = append(out[r.KeyID], r.CourseID+" "+r.Version)
	}
	return out, err
}

// Install checks the pack at path against the trusted keys (and extra
// ones, for the command line) and installs it. Progress stays, since it is
// kept by course and question IDs.
func (l *Library) Install(ctx context.Context, path string, extra []course.Key, force bool) (course.Installed, error) {
	f, err := os.Open(path)
	if err != nil {
		return course.Installed{}, fmt.Errorf("open pack: %w", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return course.Installed{}, err
	}
	trusted, err := l.TrustedKeys(ctx)
	if err != nil {
		return course.Installed{}, err
	}
	p, err := course.ReadPack(f, info.Size(), append(trusted, extra...))
	if err != nil {
		return course.Installed{}, err
	}
	if err := ctx.Err(); err != nil {
		return course.Installed{}, err // cancelled before anything was written
	}
	if err := l.checkPublisher(ctx, p, force); err != nil {
		return course.Installed{}, err
	}
	got, err := course.Install(p, l.dir, force)
	if err != nil {
		return got, err
	}
	return got, l.db.RecordInstall(ctx, domain.InstalledCourse{CourseID: got.Course.ID, Version: got.Course.Version, KeyID: p.Signer.ID()})
}

// Remove deletes an installed course; progress stays in the database.
func (l *Library) Remove(ctx context.Context, id string) error {
	if !l.IsInstalled(id) {
		return fmt.Errorf("course %q is part of the app and cannot be removed", id)
	}
	if err := course.Remove(l.dir, id); err != nil {
		return err
	}
	return l.db.ForgetInstall(ctx, id)
}
