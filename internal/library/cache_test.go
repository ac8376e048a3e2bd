package library

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
)

// device is a data folder with the example course installed from a pack,
// as a trainer would.
func device(t *testing.T) (*store.DB, string) {
	t.Helper()
	ctx := context.Background()
	data := t.TempDir()
	db := storetest.MustOpen(t, filepath.Join(data, store.FileName), time.Now)
	k, _ := course.NewKey("trainer")
	var b bytes.Buffer
	if err := course.WritePack("../../docs/example-course", k, time.Now(), &b); err != nil {
		t.Fatal(err)
	}
	pack := filepath.Join(t.TempDir(), "example.ogoh")
	os.WriteFile(pack, b.Bytes(), 0o644)
	l := keyed(t, New(db, data, nil))
	if _, err := l.Trust(ctx, k.PublicText()); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Install(ctx, pack, nil, false); err != nil {
		t.Fatal(err)
	}
	return db, data
}

// testMAC stands for the key a device derives from its signing key.
var testMAC = []byte("a device's library key, for tests")

func keyed(t testing.TB, l *Library) *Library {
	if err := l.Keyed(context.Background(), testMAC, false); err != nil {
		t.Fatal(err)
	}
	return l
}

// start is one start of the app: a new library over the data folder whose
// course checks are counted.
func start(t *testing.T, db *store.DB, data string) (list []*course.Course, problems course.Problems, checks int) {
	t.Helper()
	l := keyed(t, New(db, data, nil))
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
	if err := got.LoadParts(); err != nil {
		t.Fatal(err)
	}
	if got.ID != want.ID || len(got.Quizzes[0].Questions) != len(want.Quizzes[0].Questions) || len(got.Scenarios[0].Steps) != len(want.Scenarios[0].Steps) {
		t.Fatalf("the course read without checks differs: %+v", got)
	}
	for i, q := range got.Quizzes[0].Questions {
		if w := want.Quizzes[0].Questions[i]; strings.Join(q.Correct, ",") != strings.Join(w.Correct, ",") || q.CorrectBool != w.CorrectBool {
			t.Errorf("question %s: answer key %v %v, want %v %v", q.ID, q.Correct, q.CorrectBool, w.Correct, w.CorrectBool)
		}
	}

	folder := filepath.Join(data, CoursesDir, "example-course")
	os.Remove(filepath.Join(data, CoursesDir, checkedFile))
	if _, _, checks := start(t, db, data); checks != 1 {
		t.Errorf("without the record: %d checks, want 1", checks)
	}
	rec, _ := os.ReadFile(filepath.Join(data, CoursesDir, checkedFile))
	quiz := filepath.Join(folder, "quiz.toml")
	body, _ := os.ReadFile(quiz)
	os.WriteFile(quiz, append(body, "\n# edited\n"...), 0o644)
	fp, _ := fingerprint(os.DirFS(folder))
	forged := strings.Replace(string(rec), readChecked(filepath.Join(data, CoursesDir)).Folders["example-course"], fp, 1)
	os.WriteFile(filepath.Join(data, CoursesDir, checkedFile), []byte(forged), 0o644)
	if list, problems, _ := start(t, db, data); len(list) != 0 || !has(problems, course.ErrAltered) {
		t.Errorf("an edit hidden by a rewritten record: %d courses, problems %v", len(list), problems)
	}
}

// An installed course edited by hand is not shown, at this start or any
// other, and it shows again once the file is as the pack had it.
func TestAnEditedInstalledCourseIsNotShown(t *testing.T) {
	db, data := device(t)
	start(t, db, data)
	quiz := filepath.Join(data, CoursesDir, "example-course", "quiz.toml")
	body, _ := os.ReadFile(quiz)
	os.WriteFile(quiz, bytes.Replace(body, []byte(`answer = ["act", "means", "purpose"]`), []byte(`answer = ["act", "means", "nothing"]`), 1), 0o644)
	for range 2 {
		list, problems, _ := start(t, db, data)
		if len(list) != 0 || !has(problems, course.ErrAltered) || !strings.Contains(problems.Error(), "quiz.toml") {
			t.Fatalf("an edited course: %d courses, problems %v", len(list), problems)
		}
	}
	os.WriteFile(quiz, body, 0o644)
	if list, problems, _ := start(t, db, data); len(list) != 1 || len(problems) > 0 {
		t.Errorf("the file put back: %d courses, problems %v", len(list), problems)
	}
}

// A course folder copied into the data folder by hand, or holding a
// bundled course's ID, is refused; so is a key added to the table by hand.
func TestCourseFoldersThatNoTrustedPackMadeAreRefused(t *testing.T) {
	ctx := context.Background()
	db, data := device(t)
	copyDir(t, "../../docs/example-course", filepath.Join(data, CoursesDir, "copied"))
	list, problems, _ := start(t, db, data)
	if len(list) != 1 || !has(problems, course.ErrNotSealed) {
		t.Errorf("a copied folder: %d courses, problems %v", len(list), problems)
	}
	bundled, _ := course.LoadDir("../../docs/example-course")
	l := keyed(t, New(db, data, []*course.Course{bundled}))
	if list, problems := l.Courses(); len(list) != 1 || list[0] != bundled || !has(problems, ErrBundledID) {
		t.Errorf("a pack for a bundled course ID: %v, problems %v", list, problems)
	}
	other, _ := course.NewKey("someone")
	db.AddTrustedKey(ctx, domain.TrustedKey{ID: other.ID(), Name: "someone", Public: base64.StdEncoding.EncodeToString(other.Public)})
	if _, err := keyed(t, New(db, data, nil)).TrustedKeys(ctx); !errors.Is(err, ErrKeysTampered) {
		t.Errorf("a key added to the table by hand: %v", err)
	}
}

// has says whether one of the problems is for err.
func has(ps course.Problems, err error) bool {
	return ps != nil && strings.Contains(ps.Error(), err.Error())
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// BenchmarkInstalledCourses is the installed courses' share of a start:
// "checked" checks the folder as every start used to, "unchanged" reads it
// as an unchanged folder is read now.
func BenchmarkInstalledCourses(b *testing.B) {
	ctx := context.Background()
	data := b.TempDir()
	db := storetest.MustOpen(b, filepath.Join(data, store.FileName), time.Now)
	k, _ := course.NewKey("trainer")
	for _, dir := range []string{"../../courses/recognising-trafficking", "../../courses/border-indicators", "../../courses/first-response"} {
		var buf bytes.Buffer
		if err := course.WritePack(dir, k, time.Now(), &buf); err != nil {
			b.Fatal(err)
		}
		pack := filepath.Join(b.TempDir(), "c.ogoh")
		os.WriteFile(pack, buf.Bytes(), 0o644)
		l := keyed(b, New(db, data, nil))
		l.Trust(ctx, k.PublicText())
		if _, err := l.Install(ctx, pack, nil, false); err != nil {
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

// A pack may not take a bundled course's ID, and a course installed from
// one key is replaced from another only when the trainer confirms.
func TestACourseIDStaysWithItsPublisher(t *testing.T) {
	ctx := context.Background()
	db, data := device(t)
	pack := func(k course.Key, version string) string {
		dir := t.TempDir()
		copyDir(t, "../../docs/example-course", dir)
		manifest := filepath.Join(dir, course.ManifestFile)
		body, _ := os.ReadFile(manifest)
		os.WriteFile(manifest, bytes.Replace(body, []byte(`version = "1.0.0"`), []byte(`version = "`+version+`"`), 1), 0o644)
		var b bytes.Buffer
		if err := course.WritePack(dir, k, time.Now(), &b); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "p.ogoh")
		os.WriteFile(path, b.Bytes(), 0o644)
		return path
	}
	other, _ := course.NewKey("other publisher")
	l := keyed(t, New(db, data, nil))
	if _, err := l.Trust(ctx, other.PublicText()); err != nil {
		t.Fatal(err)
	}
	newer := pack(other, "1.1.0")
	if _, err := l.Install(ctx, newer, nil, false); !errors.Is(err, ErrOtherPublisher) {
		t.Fatalf("a newer version from another key: %v", err)
	}
	if _, err := l.Install(ctx, newer, nil, true); err != nil {
		t.Fatalf("the same, confirmed by the trainer: %v", err)
	}
	bundled, _ := course.LoadDir("../../docs/example-course")
	withBundled := keyed(t, New(db, data, []*course.Course{bundled}))
	if _, err := withBundled.Install(ctx, pack(other, "2.0.0"), nil, true); !errors.Is(err, ErrBundledID) {
		t.Errorf("a pack for a bundled course, even confirmed: %v", err)
	}
}
