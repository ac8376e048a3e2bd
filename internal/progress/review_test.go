package progress_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
)

// TestMissedQuestionsComeBackForReview plays a quiz with one miss, then
// moves a fake clock through the review schedule.
func TestMissedQuestionsComeBackForReview(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	svc, c, l := quizWithOneMiss(t, func() time.Time { return now })
	courses := []*course.Course{c}

	due := func() []progress.ReviewQuestion {
		t.Helper()
		d, err := svc.DueReviews(ctx, l.ID, courses)
		if err != nil {
			t.Fatal(err)
		}
		// The home screen shows the count; the review opens with the list.
		if n, err := svc.DueReviewCount(ctx, l.ID, courses); err != nil || n != len(d) {
			t.Fatalf("the home screen would say %d due (%v); the review has %d", n, err, len(d))
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
	for _, path := range [][]string{{"stamp"}, {"talk-separately", "refer"}} {
		p, err := svc.StartOrResumeScenario(ctx, l.ID, c, "minibus")
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range path {
			if _, _, err := svc.Choose(ctx, p, id); err != nil {
				t.Fatal(err)
			}
		}
	}
	p, _ := svc.CourseProgress(ctx, l.ID, c)
	if s := p.Scenarios["minibus"]; s.Runs != 2 || s.Best != "good" {
		t.Errorf("scenario summary = %+v", s)
	}
}

// TestTwoPlaysShowAStepInTwoOrdersGradedAlike: each play draws its own
// seed, so the same step shows its choices in another order, and every
// choice keeps its quality and where it leads. A play left half-way
// resumes after a restart with the same seed, order and step.
func TestTwoPlaysShowAStepInTwoOrdersGradedAlike(t *testing.T) {
	ctx := context.Background()
	c := exampleCourse(t)
	sc := c.Scenario("minibus")
	st := sc.Step(sc.Start)
	// Two seeds whose orders differ: the first, and the next that differs.
	seeds := []int64{1}
	for s := int64(2); len(seeds) < 2; s++ {
		if !slices.Equal(quiz.ChoiceOrder(sc, st, 1), quiz.ChoiceOrder(sc, st, s)) {
			seeds = append(seeds, s)
		}
	}
	file := filepath.Join(t.TempDir(), store.FileName)
	open := func() (*progress.Service, func()) {
		db := storetest.MustOpen(t, file, time.Now)
		svc, err := progress.New(ctx, db, progress.Options{Seed: func() int64 { s := seeds[0]; seeds = seeds[1:]; return s }, Now: time.Now})
		if err != nil {
			t.Fatal(err)
		}
		return svc, func() { db.Close() }
	}
	svc, closeDB := open()
	l, _ := svc.CreateLearner(ctx, progress.NewLearner{Name: "A", Role: "other", Language: "en"})

	type graded struct{ quality, next string }
	play := func(svc *progress.Service) ([]string, map[string]graded) {
		t.Helper()
		p, err := svc.StartOrResumeScenario(ctx, l.ID, c, sc.ID)
		if err != nil {
			t.Fatal(err)
		}
		if p.Step().ID != st.ID {
			t.Fatalf("play starts at %q, want %q", p.Step().ID, st.ID)
		}
		var order []string
		grades := map[string]graded{}
		for _, ch := range p.Choices(p.Step()) {
			order = append(order, ch.ID)
			grades[ch.ID] = graded{ch.Quality, ch.Next}
		}
		return order, grades
	}

	first, firstGrades := play(svc)
	closeDB() // a restart half-way: the play resumes in the same order
	svc, closeDB = open()
	defer func() { closeDB() }()
	again, _ := play(svc)
	if !slices.Equal(first, again) {
		t.Fatalf("resumed play shows %v, first showed %v", again, first)
	}
	p, _ := svc.StartOrResumeScenario(ctx, l.ID, c, sc.ID)
	ch, next, err := svc.Choose(ctx, p, "stamp")
	if err != nil || ch.Quality != "poor" || !next.End {
		t.Fatalf("choose stamp: %+v %+v %v", ch, next, err)
	}

	second, secondGrades := play(svc) // the first play ended: a new seed
	if slices.Equal(first, second) {
		t.Fatalf("two plays with seeds that differ showed the same order %v", first)
	}
	for id, g := range firstGrades {
		if secondGrades[id] != g {
			t.Errorf("choice %s graded %+v in one play and %+v in the other", id, g, secondGrades[id])
		}
	}
	t.Logf("step %s: %v, then %v", st.ID, first, second)
}

func TestReferralContactsKeepTheirOrder(t *testing.T) {
	ctx := context.Background()
	svc, _ := service(t)
	if list, _ := svc.Contacts(ctx); len(list) != 0 {
		t.Fatal("a new device has contacts")
	}
	svc.SetContacts(ctx, []domain.Contact{{Organisation: "Second"}, {Organisation: ""}, {Organisation: "First", Phone: "x"}})
	svc.SetContacts(ctx, []domain.Contact{{Organisation: "First", Phone: "x"}, {Organisation: "Second"}})
	list, _ := svc.Contacts(ctx)
	if len(list) != 2 || list[0].Organisation != "First" || list[0].Phone != "x" {
		t.Errorf("contacts = %+v", list)
	}
}

// A question a course update removed is neither counted nor reviewed.
func TestAQuestionRemovedByAnUpdateIsNotDue(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	svc, c, l := quizWithOneMiss(t, func() time.Time { return now })
	now = now.AddDate(0, 0, 1)

	updated := exampleCourse(t)
	q := updated.Quiz("check")
	q.Questions = slices.DeleteFunc(q.Questions, func(qu course.Question) bool { return qu.ID == "child-means" })
	for name, courses := range map[string][]*course.Course{"as installed": {c}, "after the update": {updated}} {
		want := 1
		if name == "after the update" {
			want = 0
		}
		n, err := svc.DueReviewCount(ctx, l.ID, courses)
		d, err2 := svc.DueReviews(ctx, l.ID, courses)
		if err != nil || err2 != nil || n != want || len(d) != want {
			t.Errorf("%s: %d counted, %d listed (%v, %v), want %d", name, n, len(d), err, err2, want)
		}
	}
}

// quizWithOneMiss is a learner who took the example course's quiz, on the
// clock's day, and missed one question, child-means.
func quizWithOneMiss(t *testing.T, clock func() time.Time) (*progress.Service, *course.Course, domain.Learner) {
	t.Helper()
	ctx := context.Background()
	db := storetest.MustOpen(t, filepath.Join(t.TempDir(), store.FileName), clock)
	svc, _ := progress.New(ctx, db, progress.Options{Seed: func() int64 { return 1 }, Now: clock})
	c := exampleCourse(t)
	l, _ := svc.CreateLearner(ctx, progress.NewLearner{Name: "A", Role: "other", Language: "en"})
	finishAttempt(t, svc, l.ID, c, "child-means")
	return svc, c, l
}
