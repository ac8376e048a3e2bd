package course_test

import (
	"io/fs"
	"os"
	"reflect"
	"testing"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
)

// A course read without its checks (a folder unchanged since it passed
// them) is the same course Load gives: the same texts, questions, answer
// keys and scenario steps, so the app cannot tell which way it came; only
// its quiz pools and scenarios are read when first asked for.
func TestLoadCheckedReadsWhatLoadReads(t *testing.T) {
	folders := map[string]fs.FS{"example": os.DirFS("../../docs/example-course")}
	entries, _ := fs.ReadDir(courses.FS, ".")
	for _, e := range entries {
		if e.IsDir() {
			sub, _ := fs.Sub(courses.FS, e.Name())
			folders[e.Name()] = sub
		}
	}
	for name, fsys := range folders {
		if _, err := fs.Stat(fsys, course.ManifestFile); err != nil {
			continue
		}
		want, err := course.Load(fsys)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := course.LoadChecked(fsys)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, q := range got.Quizzes {
			if q.Questions != nil {
				t.Errorf("%s: quiz %s was read before anything asked for it", name, q.ID)
			}
		}
		if err := got.LoadParts(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(course.WithoutParts(got), want) {
			t.Errorf("%s: LoadChecked and Load differ", name)
		}
	}
}
