package course

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/pelletier/go-toml/v2"
)

// ManifestFile is the name of a course's manifest.
const ManifestFile = "course.toml"

// LoadDir loads and validates the course in a folder on disk.
func LoadDir(dir string) (*Course, error) {
	return Load(os.DirFS(dir))
}

// Load reads and validates the course at the root of fsys. On failure the
// error is Problems, listing every problem found.
func Load(fsys fs.FS) (*Course, error) {
	var ps Problems
	c := loadManifest(fsys, &ps)
	if c == nil {
		return nil, ps
	}
	c.fsys = fsys
	for i := range c.Quizzes {
		loadQuiz(c, i, &ps)
	}
	for i := range c.Scenarios {
		loadScenario(c, i, &ps)
	}
	checkLessonFiles(c, &ps)
	if len(ps) > 0 {
		return nil, ps.sorted()
	}
	c.manifestIndex, c.lessonIDs = nil, nil // for the checks only; LoadChecked's course has neither
	return c, nil
}

// LoadAll loads every course folder found directly under root, returning
// the valid ones and the problems of the others, prefixed with their folder.
func LoadAll(root fs.FS) ([]*Course, Problems) {
	return loadFolders(root, func(_ string, sub fs.FS) (*Course, error) { return Load(sub) })
}

// SortByOrder puts courses in catalogue order: by their order key, those
// without one last, otherwise as they came.
func SortByOrder(courses []*Course) {
	sort.SliceStable(courses, func(i, j int) bool { return rank(courses[i]) < rank(courses[j]) })
}

func rank(c *Course) int {
	if c.Order > 0 {
		return c.Order
	}
	return math.MaxInt
}

func loadManifest(fsys fs.FS, ps *Problems) *Course {
	data, err := fs.ReadFile(fsys, ManifestFile)
	if err != nil {
		*ps = append(*ps, Problem{File: ManifestFile, Msg: "missing: every course needs a course.toml manifest"})
		return nil
	}
	var c Course
	if !decodeStrict(ManifestFile, data, &c, ps) {
		return nil
	}
	c.manifestIndex = linesOf(data)
	validateManifest(&c, reporter{file: ManifestFile, lines: c.manifestIndex, out: ps})
	return &c
}

type quizFile struct {
	Questions []Question `toml:"questions"`
}

func loadQuiz(c *Course, i int, ps *Problems) {
	q := &c.Quizzes[i]
	if q.File == "" || !fs.ValidPath(q.File) {
		return // reported by the manifest check
	}
	data, err := fs.ReadFile(c.fsys, q.File)
	if err != nil {
		reporter{file: ManifestFile, lines: manifestLines(c), out: ps}.at(fmt.Sprintf("quizzes.%d.file", i), "quiz file %q is missing", q.File)
		return
	}
	var f quizFile
	if !decodeStrict(q.File, data, &f, ps) {
		return
	}
	q.Questions = f.Questions
	validateQuestions(c, q, reporter{file: q.File, lines: linesOf(data), out: ps})
}

// decodeStrict decodes TOML, reporting a syntax error or every unknown key
// with its line.
func decodeStrict(file string, data []byte, v any, ps *Problems) bool {
	d := toml.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	err := d.Decode(v)
	if err == nil {
		return true
	}
	var strict *toml.StrictMissingError
	var de *toml.DecodeError
	switch {
	case errors.As(err, &strict):
		for _, e := range strict.Errors {
			row, _ := e.Position()
			*ps = append(*ps, Problem{File: file, Line: row, Msg: fmt.Sprintf("unknown key %q", strings.Join(e.Key(), "."))})
		}
		return true // the known keys decoded; keep checking them
	case errors.As(err, &de):
		row, _ := de.Position()
		msg := "TOML syntax: " + de.Error()
		if m := wrongType.FindStringSubmatch(de.Error()); m != nil {
			msg = fmt.Sprintf("%s must be %s, not a TOML %s", strings.Join(de.Key(), "."), goTypeWords(m[2]), m[1])
		}
		*ps = append(*ps, Problem{File: file, Line: row, Msg: msg})
	default:
		*ps = append(*ps, Problem{File: file, Line: 1, Msg: "TOML: " + err.Error()})
	}
	return false
}

// wrongType is how go-toml reports a value of the wrong type, which is
// well-formed TOML: not a syntax error.
var wrongType = regexp.MustCompile(`cannot decode TOML (\w+) into .* of type (\S+)$`)

// goTypeWords names a Go field type as a course author knows it.
func goTypeWords(t string) string {
	switch {
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "string", t == "domain.Kind": // a question's type is a Kind
		return "text in quotes"
	case t == "bool":
		return "true or false"
	case strings.HasPrefix(t, "[]"):
		return "a list"
	default:
		return "a table"
	}
}

// checkLessonFiles checks that every lesson exists in every language and
// that every image it shows is in the course.
func checkLessonFiles(c *Course, ps *Problems) {
	lines := manifestLines(c)
	r := reporter{file: ManifestFile, lines: lines, out: ps}
	for i, l := range c.Lessons {
		if l.File == "" {
			continue
		}
		for _, lang := range c.Languages {
			p := path.Join("lessons", lang, l.File)
			data, err := fs.ReadFile(c.fsys, p)
			if err != nil {
				r.at(fmt.Sprintf("lessons.%d.file", i), "lesson %q has no %s file: %s is missing", l.ID, lang, p)
				continue
			}
			checkLesson(c, p, data, ps)
		}
	}
}

// manifestLines is the manifest's line index, made when a problem is
// first reported and then kept for the rest of the course's checks.
func manifestLines(c *Course) func() lineIndex {
	if c.manifestIndex == nil {
		c.manifestIndex = sync.OnceValue(func() lineIndex {
			data, err := fs.ReadFile(c.fsys, ManifestFile)
			if err != nil {
				return lineIndex{}
			}
			return indexLines(data)
		})
	}
	return c.manifestIndex
}

// linesOf indexes a file's lines when a problem in it is first reported.
func linesOf(data []byte) func() lineIndex {
	return sync.OnceValue(func() lineIndex { return indexLines(data) })
}
