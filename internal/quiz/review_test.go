package quiz_test

import (
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/quiz"
)

func TestReviewScheduleWithAFakeClock(t *testing.T) {
	day0 := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	days := func(t0 time.Time) int { return int(t0.Sub(day0).Hours() / 24) }

	// Missed in the quiz: back tomorrow.
	st, done := quiz.NextReview(quiz.ReviewState{}, false, false, day0)
	if done || days(st.Due) != 1 {
		t.Fatalf("after a miss: %+v, done %v", st, done)
	}
	// Right on day 1: next in 3 days, one right in a row.
	st, done = quiz.NextReview(st, true, true, day0.AddDate(0, 0, 1))
	if done || days(st.Due) != 4 || st.Streak != 1 {
		t.Fatalf("after one right: %+v", st)
	}
	// Wrong on day 4: back to the start.
	st, done = quiz.NextReview(st, true, false, day0.AddDate(0, 0, 4))
	if done || days(st.Due) != 5 || st.Streak != 0 || st.Step != 0 {
		t.Fatalf("after a miss in review: %+v", st)
	}
	// Right on days 5 and 8: retired after two in a row.
	st, done = quiz.NextReview(st, true, true, day0.AddDate(0, 0, 5))
	if done || days(st.Due) != 8 {
		t.Fatalf("day 5: %+v", st)
	}
	if _, done = quiz.NextReview(st, true, true, day0.AddDate(0, 0, 8)); !done {
		t.Fatal("two right answers in a row should retire the question")
	}
	// A question answered right and never missed is not reviewed.
	if _, done := quiz.NextReview(quiz.ReviewState{}, false, true, day0); !done {
		t.Error("a right answer to a question not in review should schedule nothing")
	}
}

func TestReviewIntervalsGrow(t *testing.T) {
	now := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	st := quiz.ReviewState{Step: len(quiz.ReviewIntervals) - 1}
	st, _ = quiz.NextReview(st, true, true, now)
	if got := int(st.Due.Sub(now).Hours() / 24); got != 14 {
		t.Errorf("the longest interval is %d days, want 14", got)
	}
}
