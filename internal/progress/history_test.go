package progress_test

import (
	"context"
	"testing"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
)

// TestHistoryListsFinishedAttemptsWithTheirAnswers: a learner looking
// back sees each finished attempt, newest first, with every answer given,
// but not the attempt still open.
func TestHistoryListsFinishedAttemptsWithTheirAnswers(t *testing.T) {
	ctx := context.Background()
	svc, _ := service(t)
	c := exampleCourse(t)
	l, _ := svc.CreateLearner(ctx, progress.NewLearner{Name: "A", Role: "other", Language: "en"})
	ids := []string{finishAttempt(t, svc, l.ID, c, "child-means"), finishAttempt(t, svc, l.ID, c, "")}
	open, _ := svc.StartOrResume(ctx, l.ID, c, "check", "en")
	first, _ := open.Next()
	_, err := svc.Answer(ctx, open, first, quiz.Key(first))
	must(t, err)

	past, err := svc.QuizHistory(ctx, l.ID, c, "check")
	must(t, err)
	if len(past) != 2 || past[0].ID != ids[1] || past[1].ID != ids[0] {
		t.Fatalf("history has %d attempts, want the two finished, newest first", len(past))
	}
	if past[1].Score != 5 || past[0].Score != 6 || len(past[1].Answers) != 6 {
		t.Errorf("scores %d, %d with %d answers; want 6, 5 with 6", past[0].Score, past[1].Score, len(past[1].Answers))
	}
	if ans, ok := past[1].Answered("child-means"); !ok || ans.Correct {
		t.Error("the first attempt's missed answer is not in its history")
	}
}

// TestScenarioHistoryHasTheChoicesAndTheEnding: a scenario played to its
// end is in the history with each choice made and the ending reached.
func TestScenarioHistoryHasTheChoicesAndTheEnding(t *testing.T) {
	ctx := context.Background()
	svc, _ := service(t)
	c := exampleCourse(t)
	l, _ := svc.CreateLearner(ctx, progress.NewLearner{Name: "A", Role: "other", Language: "en"})
	p, _ := svc.StartOrResumeScenario(ctx, l.ID, c, "minibus")
	for st := p.Step(); st != nil && !st.End; st = p.Step() {
		_, _, err := svc.Choose(ctx, p, p.Choices(st)[0].ID)
		must(t, err)
	}
	plays, err := svc.ScenarioHistory(ctx, l.ID, c)
	must(t, err)
	if len(plays) != 1 || plays[0].Ending == nil || plays[0].Ending.Outcome != plays[0].Outcome || len(plays[0].Choices) != len(p.Path) {
		t.Fatalf("plays = %+v, want one with its ending and %d choices", plays, len(p.Path))
	}
}

// TestIdleLockIsTenMinutesUntilATrainerSetsIt: the shared-device lock
// waits ten minutes on a new device, keeps what a trainer saves, and
// refuses a time out of range without changing the saved one.
func TestIdleLockIsTenMinutesUntilATrainerSetsIt(t *testing.T) {
	ctx := context.Background()
	svc, _ := service(t)
	if l, err := svc.IdleLock(ctx); err != nil || l.Minutes != 10 {
		t.Fatalf("a new device's idle lock = %+v, %v; want 10 minutes", l, err)
	}
	must(t, svc.SetIdleLock(ctx, progress.IdleLock{Minutes: 3}))
	if err := svc.SetIdleLock(ctx, progress.IdleLock{Minutes: -1}); err == nil {
		t.Error("a negative idle time was accepted")
	}
	if l, _ := svc.IdleLock(ctx); l.Minutes != 3 {
		t.Errorf("idle lock = %d minutes after saving 3", l.Minutes)
	}
}

// finishAttempt answers every question of the example's quiz rightly but
// miss, and finishes the attempt; it returns the attempt's ID.
func finishAttempt(t *testing.T, svc *progress.Service, learnerID string, c *course.Course, miss string) string {
	t.Helper()
	ctx := context.Background()
	a, err := svc.StartOrResume(ctx, learnerID, c, "check", "en")
	must(t, err)
	answerAllBut(t, svc, a, miss)
	_, err = svc.Finish(ctx, a)
	must(t, err)
	return a.ID
}

// answerAllBut answers every question of an attempt at the example's quiz
// rightly but miss.
func answerAllBut(t *testing.T, svc *progress.Service, a *progress.Attempt, miss string) {
	t.Helper()
	for qu, _ := a.Next(); qu != nil; qu, _ = a.Next() {
		resp := quiz.Key(qu)
		if qu.ID == miss {
			resp = quiz.Bool(!qu.CorrectBool)
		}
		_, err := svc.Answer(context.Background(), a, qu, resp)
		must(t, err)
	}
}
