package course

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// Why an otherwise good pack is not installed.
var (
	ErrOlderVersion = errors.New("an older version than the one installed")
	ErrSameVersion  = errors.New("this version is already installed")
)

// Installed is what an install did.
type Installed struct {
	Course   *Course
	Replaced string // the version it replaced, if any
}

// Install puts a checked pack's course into coursesDir/<id>. It writes to
// a temporary folder beside it, validates the course there, and only then
// moves it into place (keeping the old one until the move has worked), so
// a refused or interrupted install leaves the device as it was. An older
// or equal version is refused unless force is set.
func Install(p *Pack, coursesDir string, force bool) (Installed, error) {
	if err := os.MkdirAll(coursesDir, 0o755); err != nil {
		return Installed{}, fmt.Errorf("install: %w", err)
	}
	tmp, err := os.MkdirTemp(coursesDir, ".incoming-")
	if err != nil {
		return Installed{}, fmt.Errorf("install: %w", err)
	}
	defer os.RemoveAll(tmp) // gone after the rename; cleans up any failure
	for name, data := range p.Files {
		dst := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return Installed{}, fmt.Errorf("install: %w", err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			return Installed{}, fmt.Errorf("install: %w", err)
		}
	}
	c, err := LoadDir(tmp)
	if err != nil {
		return Installed{}, fmt.Errorf("%w:\n%v", ErrPackInvalid, err)
	}
	if err := writeSeal(tmp, p); err != nil {
		return Installed{}, fmt.Errorf("install: %w", err)
	}
	if c.ID != p.Manifest.CourseID || c.Version != p.Manifest.CourseVersion {
		return Installed{}, fmt.Errorf("%w: it names %s %s but holds %s %s", ErrPackBadManifest,
			p.Manifest.CourseID, p.Manifest.CourseVersion, c.ID, c.Version)
	}
	target := filepath.Join(coursesDir, c.ID)
	var out Installed
	if old, err := LoadDir(target); err == nil {
		out.Replaced = old.Version
		if cmp := CompareVersions(c.Version, old.Version); cmp <= 0 && !force {
			if cmp == 0 {
				return Installed{}, fmt.Errorf("%w (%s %s)", ErrSameVersion, c.ID, c.Version)
			}
			return Installed{}, fmt.Errorf("%w: %s %s, installed %s", ErrOlderVersion, c.ID, c.Version, old.Version)
		}
	}
	if err := swapInto(tmp, target); err != nil {
		return Installed{}, fmt.Errorf("install %s: %w", c.ID, err)
	}
	out.Course, err = LoadDir(target)
	return out, err
}

// swapInto moves dir to target, keeping the old target aside until the
// move has succeeded.
func swapInto(dir, target string) error {
	old := ""
	if _, err := os.Stat(target); err == nil {
		old = target + ".old"
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("remove what an earlier install left: %w", err)
		}
		if err := os.Rename(target, old); err != nil {
			return err
		}
	}
	if err := os.Rename(dir, target); err != nil {
		if old != "" {
			if rerr := os.Rename(old, target); rerr != nil {
				return errors.Join(err, fmt.Errorf("put the installed version back: %w", rerr))
			}
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Remove deletes an installed course folder; progress stays in the
// database, keyed by IDs, should the course come back.
func Remove(coursesDir, id string) error {
	if !ValidID(id) {
		return fmt.Errorf("remove: %q is not a course id", id)
	}
	return os.RemoveAll(filepath.Join(coursesDir, id))
}

// CompareVersions compares MAJOR.MINOR.PATCH versions: -1, 0 or 1.
func CompareVersions(a, b string) int {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < 3; i++ {
		x, y := part(pa, i), part(pb, i)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
	}
	return 0
}

func part(p []string, i int) int {
	if i >= len(p) {
		return 0
	}
	n, _ := strconv.Atoi(p[i])
	return n
}

// LoadInstalled loads the courses installed in coursesDir, skipping
// temporary folders; problems are reported, not fatal.
func LoadInstalled(coursesDir string) ([]*Course, Problems) {
	return LoadInstalledWith(coursesDir, func(_ string, sub fs.FS) (*Course, error) { return Load(sub) })
}

// LoadInstalledWith is LoadInstalled with load reading each course folder
// (name is the folder's name in coursesDir): the library uses it to spare
// a folder unchanged since it last passed every check from checking again.
func LoadInstalledWith(coursesDir string, load func(name string, sub fs.FS) (*Course, error)) ([]*Course, Problems) {
	if _, err := os.Stat(coursesDir); err != nil {
		return nil, nil
	}
	return loadFolders(os.DirFS(coursesDir), load)
}

// loadFolders loads every course folder directly under root with load.
func loadFolders(root fs.FS, load func(name string, sub fs.FS) (*Course, error)) ([]*Course, Problems) {
	entries, err := fs.ReadDir(root, ".")
	if err != nil {
		return nil, Problems{{File: ".", Msg: err.Error()}}
	}
	var courses []*Course
	var all Problems
	for _, e := range entries {
		// Skip non-folders and an install's leftovers (.incoming-*, *.old).
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") || strings.HasSuffix(e.Name(), ".old") {
			continue
		}
		if _, err := fs.Stat(root, path.Join(e.Name(), ManifestFile)); err != nil {
			continue
		}
		sub, _ := fs.Sub(root, e.Name())
		c, err := load(e.Name(), sub)
		var ps Problems
		switch {
		case errors.As(err, &ps):
			all = append(all, ps.WithPrefix(e.Name())...)
			continue
		case err != nil:
			all = append(all, Problem{File: e.Name(), Msg: err.Error()})
			continue
		}
		courses = append(courses, c)
	}
	SortByOrder(courses)
	return courses, all
}
