package progress_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
)

func service(t *testing.T) (*progress.Service, string) {
	t.Helper()
	file := filepath.Join(t.TempDir(), store.FileName)
	db := storetest.MustOpen(t, file, time.Now)
	seed := int64(0)
	svc, err := progress.New(context.Background(), db, progress.Options{Seed: func() int64 { seed++; return seed }, Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	return svc, file
}

func exampleCourse(t *testing.T) *course.Course {
	t.Helper()
	c, err := course.LoadDir("../../docs/example-course")
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestNewProfileChecksAndHashesThePIN(t *testing.T) {
	ctx := context.Background()
	svc, file := service(t)
	for _, bad := range []struct {
		n    progress.NewLearner
		want error
	}{
		{progress.NewLearner{Name: "  ", Role: "border-guard", Language: "en"}, progress.ErrNameRequired},
		{progress.NewLearner{Name: "A", Role: "pilot", Language: "en"}, progress.ErrBadRole},
		{progress.NewLearner{Name: "A", Role: "other", Language: "en", PIN: "123"}, progress.ErrBadPIN},
		{progress.NewLearner{Name: "A", Role: "other", Language: "en", PIN: "123456789"}, progress.ErrBadPIN},
		{progress.NewLearner{Name: "A", Role: "other", Language: "en", PIN: "12a4"}, progress.ErrBadPIN},
	} {
		if _, err := svc.CreateLearner(ctx, bad.n); !errors.Is(err, bad.want) {
			t.Errorf("%+v: err = %v, want %v", bad.n, err, bad.want)
		}
	}
	l, err := svc.CreateLearner(ctx, progress.NewLearner{Name: "Akmal", Role: "labour-inspector", Language: "uz", PIN: "48151623"})
	if err != nil {
		t.Fatal(err)
	}
	if !progress.Unlock(l, "48151623") || progress.Unlock(l, "48151624") || progress.Unlock(l, "") {
		t.Error("the PIN does not unlock exactly its profile")
	}
	if !strings.HasPrefix(l.PINHash, "pbkdf2-sha256$") {
		t.Errorf("PIN stored as %q, want a salted PBKDF2 hash", l.PINHash)
	}
	other, _ := svc.CreateLearner(ctx, progress.NewLearner{Name: "Bek", Role: "other", Language: "uz", PIN: "48151623"})
	if other.PINHash == l.PINHash {
		t.Error("two learners with the same PIN have the same hash: no salt")
	}
	for _, f := range []string{file, file + "-wal"} {
		data, _ := os.ReadFile(f)
		if bytes.Contains(data, []byte("48151623")) {
			t.Errorf("%s holds the PIN in clear", filepath.Base(f))
		}
	}
	open, _ := svc.CreateLearner(ctx, progress.NewLearner{Name: "Open", Role: "other", Language: "en"})
	if !progress.Unlock(open, "") {
		t.Error("a profile without a PIN should open")
	}
}

func TestQuizResumesWhereItStopped(t *testing.T) {
	ctx := context.Background()
	svc, _ := service(t)
	c := exampleCourse(t)
	l, _ := svc.CreateLearner(ctx, progress.NewLearner{Name: "A", Role: "other", Language: "en"})
	a, err := svc.StartOrResume(ctx, l.ID, c, "check", "en")
	if err != nil {
		t.Fatal(err)
	}
	first, pos := a.Next()
	if pos != 0 {
		t.Fatalf("a new attempt starts at %d", pos)
	}
	if _, err := svc.Answer(ctx, a, first, quiz.Key(first)); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Answer(ctx, a, first, quiz.Key(first)); err == nil {
		t.Error("the same question was answered twice")
	}
	again, err := svc.StartOrResume(ctx, l.ID, c, "check", "ru")
	if err != nil {
		t.Fatal(err)
	}
	next, pos := again.Next()
	if again.ID != a.ID || pos != 1 || next.ID != a.Questions()[1].ID {
		t.Fatalf("resume gave attempt %s at %d, want %s at 1", again.ID, pos, a.ID)
	}
}

func TestFinishedQuizCountsAndANewAttemptDrawsAfresh(t *testing.T) {
	ctx := context.Background()
	svc, _ := service(t)
	c := exampleCourse(t)
	l, _ := svc.CreateLearner(ctx, progress.NewLearner{Name: "A", Role: "other", Language: "en"})
	a, _ := svc.StartOrResume(ctx, l.ID, c, "check", "en")
	answerAllBut(t, svc, a, "child-means")
	r, err := svc.Finish(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	if r.Score != 5 || r.Max != 6 || !r.Passed || len(r.Missed) != 1 || r.Missed[0] != "child-means" {
		t.Errorf("result = %+v", r)
	}
	p, _ := svc.CourseProgress(ctx, l.ID, c)
	if s := p.Quizzes["check"]; s.Attempts != 1 || s.BestScore != 5 || !s.Passed || s.Open {
		t.Errorf("summary = %+v", s)
	}
	b, _ := svc.StartOrResume(ctx, l.ID, c, "check", "en")
	if b.ID == a.ID || len(b.Answers) != 0 {
		t.Error("after finishing, the quiz should start a new attempt")
	}
}

// TestCourseUpdateKeepsProgress: a new version with the same IDs keeps
// lesson marks and attempts; a question dropped from the pool is skipped.
func TestCourseUpdateKeepsProgress(t *testing.T) {
	ctx := context.Background()
	svc, _ := service(t)
	c := exampleCourse(t)
	l, _ := svc.CreateLearner(ctx, progress.NewLearner{Name: "A", Role: "other", Language: "en"})
	svc.CompleteLesson(ctx, l.ID, c, "three-elements")
	a, _ := svc.StartOrResume(ctx, l.ID, c, "check", "en")
	qu, _ := a.Next()
	svc.Answer(ctx, a, qu, quiz.Key(qu))

	updated := exampleCourse(t)
	updated.Version = "1.1.0"
	q := updated.Quiz("check")
	dropped := a.Questions()[1].ID
	for i := range q.Questions {
		if q.Questions[i].ID == dropped {
			q.Questions = append(q.Questions[:i], q.Questions[i+1:]...)
			break
		}
	}
	p, _ := svc.CourseProgress(ctx, l.ID, updated)
	if !p.Lessons["three-elements"].Done() {
		t.Error("the lesson mark was lost in the update")
	}
	resumed, _ := svc.StartOrResume(ctx, l.ID, updated, "check", "en")
	if resumed.ID != a.ID || len(resumed.Questions()) != 5 {
		t.Fatalf("resumed %d questions of attempt %s", len(resumed.Questions()), resumed.ID)
	}
	if next, pos := resumed.Next(); pos != 1 || next.ID == dropped {
		t.Errorf("resume went to %v at %d", next.ID, pos)
	}
}
