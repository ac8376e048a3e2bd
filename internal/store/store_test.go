package store_test

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
)

type clock struct{ t time.Time }

func (c *clock) now() time.Time { c.t = c.t.Add(time.Second); return c.t }

func open(t *testing.T, file string) *store.DB {
	t.Helper()
	c := &clock{t: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)}
	db := storetest.MustOpen(t, file, c.now)
	return db
}

func TestOpenAppliesMigrationsInWALAndIsRepeatable(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), store.FileName)
	db := open(t, file)
	v, err := db.SchemaVersion(ctx)
	if err != nil || v < 1 {
		t.Fatalf("schema version %d, %v", v, err)
	}
	dev, _ := db.DeviceID(ctx)
	db.Close()

	again := open(t, file)
	v2, _ := again.SchemaVersion(ctx)
	dev2, _ := again.DeviceID(ctx)
	if v2 != v || dev2 != dev || dev == "" {
		t.Errorf("reopening changed the schema (%d→%d) or device id (%q→%q)", v, v2, dev, dev2)
	}

	raw, _ := sql.Open("sqlite3", file)
	defer raw.Close()
	var mode string
	raw.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal mode %q, want wal", mode)
	}
}

func TestLearnerRoundTrip(t *testing.T) {
	ctx := context.Background()
	db := open(t, filepath.Join(t.TempDir(), store.FileName))
	l, err := db.CreateLearner(ctx, domain.Learner{Name: "Dilnoza", Role: "border-guard", Post: "Post 7", Language: "uz"})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetLearnerLanguage(ctx, l.ID, "ru"); err != nil {
		t.Fatal(err)
	}
	got, err := db.Learner(ctx, l.ID)
	if err != nil || got.Name != "Dilnoza" || got.Post != "Post 7" || got.Language != "ru" || got.PINHash != "" {
		t.Errorf("learner = %+v, %v", got, err)
	}
	if _, err := db.Learner(ctx, "nobody"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown learner: %v", err)
	}
	if _, err := db.CreateLearner(ctx, domain.Learner{Name: "", Role: "other", Language: "en"}); err == nil {
		t.Error("a learner without a name was stored")
	}
}

func TestForeignKeysAreEnforced(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), store.FileName))
	if err := db.OpenLesson(context.Background(), "no-such-learner", "c", "l"); err == nil {
		t.Error("progress for a learner who does not exist was stored")
	}
}

func TestLessonProgressKeepsFirstCompletion(t *testing.T) {
	ctx := context.Background()
	db := open(t, filepath.Join(t.TempDir(), store.FileName))
	l, _ := db.CreateLearner(ctx, domain.Learner{Name: "A", Role: "other", Language: "en"})
	db.OpenLesson(ctx, l.ID, "c", "one")
	db.CompleteLesson(ctx, l.ID, "c", "one")
	first, _ := db.Lessons(ctx, l.ID, "c")
	db.OpenLesson(ctx, l.ID, "c", "one")
	db.CompleteLesson(ctx, l.ID, "c", "one")
	db.CompleteLesson(ctx, l.ID, "c", "two") // finished without a recorded open
	got, err := db.Lessons(ctx, l.ID, "c")
	if err != nil {
		t.Fatal(err)
	}
	if !got["one"].Done() || !got["one"].CompletedAt.Equal(first["one"].CompletedAt) || !got["two"].Done() {
		t.Errorf("lessons = %+v", got)
	}
}

// An attempt takes one answer per question, resumes after a restart with
// its order and answers, and once finished takes no more and counts in the
// quiz's summary.
func TestAttemptAnswersResumeAndFinish(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), store.FileName)
	db := open(t, file)
	l, _ := db.CreateLearner(ctx, domain.Learner{Name: "A", Role: "other", Language: "en"})
	a, err := db.CreateAttempt(ctx, domain.Attempt{LearnerID: l.ID, CourseID: "c", CourseVersion: "1.0.0", QuizID: "q",
		Language: "en", Seed: 7, QuestionIDs: []string{"q2", "q1", "q3"}, PassMark: 80})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SaveAnswer(ctx, a.ID, domain.Answer{Position: 0, QuestionID: "q2", Response: []string{"b"}, Correct: true}, nil); err != nil {
		t.Fatal(err)
	}
	err = db.SaveAnswer(ctx, a.ID, domain.Answer{Position: 1, QuestionID: "q2", Response: []string{"c"}}, nil)
	if !errors.Is(err, domain.ErrAlreadyAnswered) {
		t.Errorf("second answer to the same question: %v", err)
	}
	db.Close()

	db = open(t, file) // as after a restart
	resumesAsLeft(t, db, l.ID, a.ID)
	finishedTakesNoMore(t, db, l.ID, a.ID)
	b, _ := db.CreateAttempt(ctx, domain.Attempt{LearnerID: l.ID, CourseID: "c", CourseVersion: "1.0.0", QuizID: "q",
		Language: "en", QuestionIDs: []string{"q1", "q2"}, PassMark: 80})
	db.FinishAttempt(ctx, b.ID, domain.AttemptResult{Score: 2, Points: 2, Max: 2, Passed: true})
	sum, err := db.QuizSummaries(ctx, l.ID, "c")
	if err != nil {
		t.Fatal(err)
	}
	if s := sum["q"]; s.Attempts != 2 || s.BestScore != 2 || s.BestMax != 2 || !s.Passed || s.Open {
		t.Errorf("summary = %+v", s)
	}
}

// resumesAsLeft checks that the learner's open attempt is the one left,
// with its seed, its order of questions and its one answer.
func resumesAsLeft(t *testing.T, db *store.DB, learner, attempt string) {
	t.Helper()
	open, err := db.OpenAttempt(context.Background(), learner, "c", "q")
	if err != nil {
		t.Fatal(err)
	}
	if open.ID != attempt || open.Seed != 7 || !slices.Equal(open.QuestionIDs, []string{"q2", "q1", "q3"}) ||
		len(open.Answers) != 1 || !slices.Equal(open.Answers[0].Response, []string{"b"}) || !open.Answers[0].Correct {
		t.Fatalf("resumed attempt = %+v", open)
	}
}

// finishedTakesNoMore finishes the attempt: it takes no further answer and
// is no longer the learner's open one.
func finishedTakesNoMore(t *testing.T, db *store.DB, learner, attempt string) {
	t.Helper()
	ctx := context.Background()
	if err := db.FinishAttempt(ctx, attempt, domain.AttemptResult{Score: 1, Points: 1, Max: 3}); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveAnswer(ctx, attempt, domain.Answer{Position: 1, QuestionID: "q1", Response: []string{"a"}}, nil); err == nil {
		t.Error("an answer was added to a finished attempt")
	}
	if _, err := db.OpenAttempt(ctx, learner, "c", "q"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("finished attempt still open: %v", err)
	}
}

func TestSettings(t *testing.T) {
	ctx := context.Background()
	db := open(t, filepath.Join(t.TempDir(), store.FileName))
	if v, _ := db.Setting(ctx, "ui.theme", "system"); v != "system" {
		t.Errorf("default = %q", v)
	}
	db.SetSetting(ctx, "ui.theme", "dark")
	db.SetSetting(ctx, "ui.theme", "light")
	if v, _ := db.Setting(ctx, "ui.theme", "system"); v != "light" {
		t.Errorf("setting = %q", v)
	}
}

// TestHasLearnersCountsOnlyActiveProfiles: a new device has no learner, a
// created one counts, and an archived one no longer does, as the first
// start's welcome needs.
func TestHasLearnersCountsOnlyActiveProfiles(t *testing.T) {
	ctx := context.Background()
	db := open(t, filepath.Join(t.TempDir(), "ogoh.db"))
	has := func() bool {
		t.Helper()
		ok, err := db.HasLearners(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if has() {
		t.Error("an empty device has a learner")
	}
	l, err := db.CreateLearner(ctx, domain.Learner{Name: "Dilnoza", Role: "border-guard", Language: "uz"})
	if err != nil {
		t.Fatal(err)
	}
	if !has() {
		t.Error("a device with a profile has none")
	}
	if err := db.ArchiveLearner(ctx, l.ID); err != nil {
		t.Fatal(err)
	}
	if has() {
		t.Error("an archived profile still counts")
	}
}
