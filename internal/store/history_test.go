package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/store"
)

// TestHistoryIsTheLearnersOwnFinishedAttemptsNewestFirst: a
// learner's history of a quiz holds their finished attempts at it, newest
// first, each with its answers; never an open attempt, another quiz's or
// another learner's.
func TestHistoryIsTheLearnersOwnFinishedAttemptsNewestFirst(t *testing.T) {
	ctx := context.Background()
	db := open(t, filepath.Join(t.TempDir(), store.FileName))
	me, _ := db.CreateLearner(ctx, domain.Learner{Name: "Me", Role: "other", Language: "en"})
	other, _ := db.CreateLearner(ctx, domain.Learner{Name: "Other", Role: "other", Language: "en"})
	attempt := func(l domain.Learner, quizID string, finish bool) string {
		a, err := db.CreateAttempt(ctx, domain.Attempt{LearnerID: l.ID, CourseID: "c", CourseVersion: "1", QuizID: quizID, QuestionIDs: []string{"q1"}})
		if err != nil {
			t.Fatal(err)
		}
		if err := db.SaveAnswer(ctx, a.ID, domain.Answer{QuestionID: "q1", Response: []string{"a"}, Correct: true}, nil); err != nil {
			t.Fatal(err)
		}
		if finish {
			if err := db.FinishAttempt(ctx, a.ID, domain.AttemptResult{Score: 1, Points: 1, Max: 1, Passed: true}); err != nil {
				t.Fatal(err)
			}
		}
		return a.ID
	}
	first, second := attempt(me, "quiz", true), attempt(me, "quiz", true)
	attempt(me, "quiz", false)
	attempt(me, "another", true)
	attempt(other, "quiz", true)
	list, err := db.QuizAttempts(ctx, me.ID, "c", "quiz")
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].ID != second || list[1].ID != first {
		t.Fatalf("history = %d attempts, want the two finished, newest first", len(list))
	}
	if len(list[0].Answers) != 1 || list[0].Answers[0].Response[0] != "a" || !list[0].Passed {
		t.Errorf("attempt read back as %+v", list[0])
	}
}

// TestScenarioRunsAreTheLearnersOwnNewestFirst: a learner's scenario runs
// of a course, with path and ending, newest first; not another learner's.
func TestScenarioRunsAreTheLearnersOwnNewestFirst(t *testing.T) {
	ctx := context.Background()
	db := open(t, filepath.Join(t.TempDir(), store.FileName))
	me, _ := db.CreateLearner(ctx, domain.Learner{Name: "Me", Role: "other", Language: "en"})
	other, _ := db.CreateLearner(ctx, domain.Learner{Name: "Other", Role: "other", Language: "en"})
	for _, r := range []struct {
		l       domain.Learner
		outcome string
	}{{me, "poor"}, {me, "good"}, {other, "mixed"}} {
		err := db.SaveScenarioRun(ctx, r.l.ID, domain.ScenarioRun{CourseID: "c", ScenarioID: "s", Path: []string{"start/a"}, Outcome: r.outcome})
		if err != nil {
			t.Fatal(err)
		}
	}
	runs, err := db.ScenarioRuns(ctx, me.ID, "c")
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 2 || runs[0].Outcome != "good" || runs[1].Outcome != "poor" || runs[0].Path[0] != "start/a" || runs[0].FinishedAt.IsZero() {
		t.Errorf("runs = %+v, want mine, newest first", runs)
	}
}
