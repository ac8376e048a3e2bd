package progress_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
	"github.com/ogoh/ogoh/internal/store"
)

// TestMissedQuestionsComeBackForReview plays a quiz with one miss, then
// moves a fake clock through the review schedule.
func TestMissedQuestionsComeBackForReview(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), store.FileName), clock)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	svc, _ := progress.New(ctx, db, progress.Options{Seed: func() int64 { return 1 }, Now: clock})
	c := exampleCourse(t)
	courses := []*course.Course{c}
	l, _ := svc.CreateLearner(ctx, progress.NewLearner{Name: "A", Role: "other", Language: "en"})
	a, _ := svc.StartOrResume(ctx, l.ID, c, "check", "en")
	for qu, _ := a.Next(); qu != nil; qu, _ = a.Next() {
		resp := quiz.Key(qu)
		if qu.ID == "child-means" {
			resp = quiz.Bool(!qu.CorrectBool)
		}
		svc.Answer(ctx, a, qu, resp)
	}
	svc.Finish(ctx, a)

	due := func() []progress.ReviewQuestion {
		t.Helper()
		d, err := svc.DueReviews(ctx, l.ID, courses)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	if d := due(); len(d) != 0 {
		t.Fatalf("%d due on the day of the quiz, want 0", len(d))
	}
	now = now.AddDate(0, 0, 1)
	d := due()
	if len(d) != 1 || d[0].Question.ID != "child-means" {
		t.Fatalf("due the next day: %+v", d)
	}
	if ok, _ := svc.AnswerReview(ctx, l.ID, d[0], quiz.Key(d[0].Question)); !ok {
		t.Fatal("the right answer did not score")
	}
	if len(due()) != 0 {
		t.Fatal("answered right, still due today")
	}
	now = now.AddDate(0, 0, 2)
	if len(due()) != 0 {
		t.Fatal("due after 2 days; the next interval is 3")
	}
	now = now.AddDate(0, 0, 1)
	d = due()
	if len(d) != 1 {
		t.Fatalf("not due 3 days after the first right answer")
	}
	svc.AnswerReview(ctx, l.ID, d[0], quiz.Key(d[0].Question))
	now = now.AddDate(0, 1, 0)
	if len(due()) != 0 {
		t.Error("two right answers in a row should end the review")
	}
	if st, _ := svc.SyncStatus(ctx); st.Outbox.Pending == 0 {
		t.Error("review answers make no statements")
	}
}

func TestScenarioRunsAreRecorded(t *testing.T) {
	ctx := context.Background()
	svc, _ := service(t)
	c := exampleCourse(t)
	l, _ := svc.CreateLearner(ctx, progress.NewLearner{Name: "A", Role: "other", Language: "en"})
	if err := svc.FinishScenario(ctx, l.ID, c, "minibus", []string{"documents/stamp"}, "poor"); err != nil {
		t.Fatal(err)
	}
	if err := svc.FinishScenario(ctx, l.ID, c, "minibus", []string{"documents/talk-separately", "story/refer"}, "good"); err != nil {
		t.Fatal(err)
	}
	p, _ := svc.CourseProgress(ctx, l.ID, c)
	if s := p.Scenarios["minibus"]; s.Runs != 2 || s.Best != "good" {
		t.Errorf("scenario summary = %+v", s)
	}
}

func TestReferralContactsKeepTheirOrder(t *testing.T) {
	ctx := context.Background()
	svc, _ := service(t)
	if list, _ := svc.Contacts(ctx); len(list) != 0 {
		t.Fatal("a new device has contacts")
	}
	svc.SetContacts(ctx, []progress.Contact{{Organisation: "Second"}, {Organisation: ""}, {Organisation: "First", Phone: "x"}})
	svc.SetContacts(ctx, []progress.Contact{{Organisation: "First", Phone: "x"}, {Organisation: "Second"}})
	list, _ := svc.Contacts(ctx)
	if len(list) != 2 || list[0].Organisation != "First" || list[0].Phone != "x" {
		t.Errorf("contacts = %+v", list)
	}
}
