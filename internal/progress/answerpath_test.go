package progress_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
	"github.com/ogoh/ogoh/internal/store"
)

// countingStore is the device's store, counting what the service reads
// and writes on an answer's way to disk.
type countingStore struct {
	domain.Store
	learnerReads int
	saved        []domain.Answer
	statements   []domain.Statement
}

func (c *countingStore) Learner(ctx context.Context, id string) (domain.Learner, error) {
	c.learnerReads++
	return c.Store.Learner(ctx, id)
}

func (c *countingStore) SaveAnswer(ctx context.Context, attemptID string, ans domain.Answer, review *domain.ReviewChange, out ...domain.Statement) error {
	c.saved = append(c.saved, ans)
	c.statements = append(c.statements, out...)
	return c.Store.SaveAnswer(ctx, attemptID, ans, review, out...)
}

// TestAnAnswerGoesToItsRowAndStatementReadingNoLearner: a learner's answers
// reach the store as domain values, each with its one statement, and the
// learner is read once, as the attempt starts, not again per answer.
func TestAnAnswerGoesToItsRowAndStatementReadingNoLearner(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), store.FileName), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	counted := &countingStore{Store: db}
	svc, err := progress.New(ctx, counted, progress.Options{Seed: func() int64 { return 7 }, Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	c := exampleCourse(t)
	l, err := svc.CreateLearner(ctx, progress.NewLearner{Name: "Dilnoza", Role: domain.RoleBorderGuard, Language: "uz"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := svc.StartOrResume(ctx, l.ID, c, "check", "uz")
	if err != nil {
		t.Fatal(err)
	}
	if counted.learnerReads != 1 {
		t.Fatalf("starting the attempt read the learner %d times, want once", counted.learnerReads)
	}
	answered := 0
	for qu, _ := a.Next(); qu != nil && answered < 3; qu, _ = a.Next() {
		if _, err := svc.Answer(ctx, a, qu, quiz.Key(qu)); err != nil {
			t.Fatal(err)
		}
		answered++
	}
	if counted.learnerReads != 1 {
		t.Errorf("%d answers read the learner %d more times; the attempt already knows who answers", answered, counted.learnerReads-1)
	}
	if len(counted.saved) != answered || len(counted.statements) != answered {
		t.Fatalf("%d answers gave %d rows and %d statements, want one each", answered, len(counted.saved), len(counted.statements))
	}
	checkAnswersSaved(t, counted, l.ID)
	resumed, err := svc.StartOrResume(ctx, l.ID, c, "check", "uz")
	if err != nil || len(resumed.Answers) != answered {
		t.Fatalf("resumed with %v answers (%v), want %d", resumed, err, answered)
	}
}

// checkAnswersSaved: each answer reached the store correct, in order,
// with its statement saying the learner answered.
func checkAnswersSaved(t *testing.T, counted *countingStore, learnerID string) {
	t.Helper()
	for i, st := range counted.statements {
		var body struct {
			Actor struct {
				Account struct{ Name string } `json:"account"`
			} `json:"actor"`
			Verb struct{ ID string } `json:"verb"`
		}
		if err := json.Unmarshal(st.Body, &body); err != nil {
			t.Fatal(err)
		}
		if body.Verb.ID != "http://adlnet.gov/expapi/verbs/answered" || body.Actor.Account.Name != learnerID {
			t.Errorf("answer %d's statement: verb %q, actor %q; want answered by %s", i, body.Verb.ID, body.Actor.Account.Name, learnerID)
		}
		if !counted.saved[i].Correct || counted.saved[i].Position != i {
			t.Errorf("answer %d saved as %+v", i, counted.saved[i])
		}
	}
}
