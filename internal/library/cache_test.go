package library

import (
	"bytes"
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/store"
)

// device is a data folder with the example course installed from a pack,
// as a trainer would.
func device(t *testing.T) (*store.DB, string) {
	t.Helper()
	ctx := context.Background()
	data := t.TempDir()
	db, err := store.Open(ctx, filepath.Join(data, store.FileName), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	k, _ := course.NewKey("trainer")
	var b bytes.Buffer
	if err := course.WritePack("../../docs/example-course", k, time.Now(), &b); err != nil {
		t.Fatal(err)
	}
	pack := filepath.Join(t.TempDir(), "example.ogoh")
	os.WriteFile(pack, b.Bytes(), 0o644)
	if _, err := New(db, data, nil).Install(ctx, pack, []course.Key{k}, false); err != nil {
		t.Fatal(err)
	}
	return db, data
}

// start is one start of the app: a new library over the data folder whose
// course checks are counted.
func start(t *testing.T, db *store.DB, data string) (list []*course.Course, problems course.Problems, checks int) {
	t.Helper()
	l := New(db, data, nil)
	l.validate = func(fsys fs.FS) (*course.Course, error) {
		checks++
		return course.Load(fsys)
	}
	list, problems = l.Courses()
	return list, problems, checks
}

// The second start with an unchanged installed course does not check it
// again, yet reads the same course, answer keys included; a changed file,
// an added file or a lost record makes the next start check it again.
func TestAnUnchangedInstalledCourseIsNotCheckedAtEveryStart(t *testing.T) {
	db, data := device(t)
	if _, _, checks := start(t, db, data); checks != 1 {
		t.Fatalf("first start: %d checks, want 1", checks)
	}
	list, problems, checks := start(t, db, data)
	if checks != 0 {
		t.Errorf("second start of an unchanged course: %d checks, want 0", checks)
	}
	if len(list) != 1 || len(problems) > 0 {
		t.Fatalf("second start: %d courses, problems %v", len(list), problems)
	}
	want, _ := course.LoadDir("../../docs/example-course")
	got := list[0]
	if got.ID != want.ID || len(got.Quizzes[0].Questions) != len(want.Quizzes[0].Questions) || len(got.Scenarios[0].Steps) != len(want.Scenarios[0].Steps) {
		t.Fatalf("the course read without checks differs: %+v", got)
	}
	for i, q := range got.Quizzes[0].Questions {
		if w := want.Quizzes[0].Questions[i]; strings.Join(q.Correct, ",") != strings.Join(w.Correct, ",") || q.CorrectBool != w.CorrectBool {
			t.Errorf("question %s: answer key %v %v, want %v %v", q.ID, q.Correct, q.CorrectBool, w.Correct, w.CorrectBool)
		}
	}

	folder := filepath.Join(data, CoursesDir, "example-course")
	quiz := filepath.Join(folder, "quiz.toml")
	body, _ := os.ReadFile(quiz)
	os.WriteFile(quiz, append(body, "\n# edited\n"...), 0o644)
	if _, _, checks := start(t, db, data); checks != 1 {
		t.Errorf("after an edit: %d checks, want 1", checks)
	}
	if _, _, checks := start(t, db, data); checks != 0 {
		t.Errorf("after the edit was checked: %d checks, want 0", checks)
	}

	os.WriteFile(filepath.Join(folder, "media", "new.png"), []byte("x"), 0o644)
	if _, _, checks := start(t, db, data); checks != 1 {
		t.Errorf("after a file was added: %d checks, want 1", checks)
	}

	os.Remove(filepath.Join(data, CoursesDir, checkedFile))
	if _, _, checks := start(t, db, data); checks != 1 {
		t.Errorf("without the record: %d checks, want 1", checks)
	}
}

// An edit that breaks the course is found at the next start, however the
// folder was checked before: the course is left out with its problem.
func TestABrokenEditIsFoundAtTheNextStart(t *testing.T) {
	db, data := device(t)
	start(t, db, data)
	quiz := filepath.Join(data, CoursesDir, "example-course", "quiz.toml")
	body, _ := os.ReadFile(quiz)
	os.WriteFile(quiz, bytes.Replace(body, []byte(`answer = ["act", "means", "purpose"]`), []byte(`answer = ["act", "means", "nothing"]`), 1), 0o644)
	for range 2 { // and again: a broken course is never recorded as checked
		list, problems, checks := start(t, db, data)
		if checks != 1 || len(list) != 0 || !strings.Contains(problems.Error(), `"nothing"`) {
			t.Fatalf("broken edit: %d checks, %d courses, problems %v", checks, len(list), problems)
		}
	}
}

// BenchmarkInstalledCourses is the installed courses' share of a start:
// "checked" checks the folder as every start used to, "unchanged" reads it
// as an unchanged folder is read now.
func BenchmarkInstalledCourses(b *testing.B) {
	ctx := context.Background()
	data := b.TempDir()
	db, err := store.Open(ctx, filepath.Join(data, store.FileName), time.Now)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	k, _ := course.NewKey("trainer")
	for _, dir := range []string{"../../courses/recognising-trafficking", "../../courses/border-indicators", "../../courses/first-response"} {
		var buf bytes.Buffer
		if err := course.WritePack(dir, k, time.Now(), &buf); err != nil {
			b.Fatal(err)
		}
		pack := filepath.Join(b.TempDir(), "c.ogoh")
		os.WriteFile(pack, buf.Bytes(), 0o644)
		if _, err := New(db, data, nil).Install(ctx, pack, []course.Key{k}, false); err != nil {
			b.Fatal(err)
		}
	}
	for _, mode := range []string{"checked", "unchanged"} {
		b.Run(mode, func(b *testing.B) {
			for b.Loop() {
				if mode == "checked" {
					os.Remove(filepath.Join(data, CoursesDir, checkedFile))
				}
				if list, ps := New(db, data, nil).Courses(); len(list) != 3 || len(ps) > 0 {
					b.Fatal(len(list), ps)
				}
			}
		})
	}
}
