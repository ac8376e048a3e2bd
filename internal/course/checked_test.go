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

// The home screen counts the questions due for review with HasQuestion:
// it must answer as the decoded quiz would, a question a course update
// removed included, and leave the pools undecoded.
func TestHasQuestionAnswersWithoutDecodingThePools(t *testing.T) {
	fsys := os.DirFS("../../docs/example-course")
	want, err := course.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	got, err := course.LoadChecked(fsys)
	if err != nil {
		t.Fatal(err)
	}
	asked := 0
	for _, q := range want.Quizzes {
		for _, qu := range q.Questions {
			if !got.HasQuestion(q.ID, qu.ID) {
				t.Errorf("quiz %s: question %s not found", q.ID, qu.ID)
			}
			asked++
		}
		if got.HasQuestion(q.ID, "removed-by-an-update") {
			t.Errorf("quiz %s: a question it does not have was found", q.ID)
		}
	}
	if asked == 0 {
		t.Fatal("the example course has no questions to ask about")
	}
	if got.HasQuestion("no-such-quiz", want.Quizzes[0].Questions[0].ID) {
		t.Error("a question was found in a quiz the course does not have")
	}
	for _, q := range got.Quizzes {
		if q.Questions != nil {
			t.Errorf("quiz %s: HasQuestion decoded its questions", q.ID)
		}
	}
	if err := got.LoadParts(); err != nil {
		t.Fatal(err)
	}
	if !got.HasQuestion(want.Quizzes[0].ID, want.Quizzes[0].Questions[0].ID) || got.HasQuestion(want.Quizzes[0].ID, "removed-by-an-update") {
		t.Error("after the pools were decoded, HasQuestion answers differently")
	}
}
