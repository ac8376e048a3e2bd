package quiz_test

import (
	"testing"

	"github.com/ogoh/ogoh/internal/quiz"
)

// TestMatchingEarnsTheShareOfItsPairs: a matching question with one of
// its three pairs right earns a third of a question, two of three two
// thirds; every other kind earns all or nothing, as before.
func TestMatchingEarnsTheShareOfItsPairs(t *testing.T) {
	q := example(t)
	m := q.Question("match")
	if m == nil {
		t.Fatal("the example course has no matching question 'match'")
	}
	swapped := quiz.Response{quiz.Match("recruitment", "recruitment"), quiz.Match("fraud", "forced-labour"), quiz.Match("forced-labour", "fraud")}
	if quiz.Correct(m, swapped) {
		t.Fatal("one pair of three is not fully right")
	}
	if got := quiz.RightPairs(m, swapped); got != 1 {
		t.Errorf("right pairs %d, want 1", got)
	}
	if got := quiz.Credit(m, swapped); got < 0.333 || got > 0.334 {
		t.Errorf("credit %v, want 1/3", got)
	}
	if got := quiz.Credit(m, quiz.Key(m)); got != 1 {
		t.Errorf("the key earns %v", got)
	}
	if got := quiz.Credit(q.Question("means"), quiz.Response{"c"}); got != 0 {
		t.Errorf("half a multiple-response answer earns %v", got)
	}
}

// TestPartialCreditCountsTowardThePassMark: 4 fully right of 5, and a
// matching question with 2 of 3 pairs, is 4.67 of 5: 93%, where all or
// nothing made it 80%; a missed question is still listed for review.
func TestPartialCreditCountsTowardThePassMark(t *testing.T) {
	order := []string{"a", "b", "c", "d", "e"}
	ans := []quiz.Answer{{QuestionID: "a", Correct: true}, {QuestionID: "b", Correct: true}, {QuestionID: "c", Correct: true},
		{QuestionID: "d", Correct: true}, {QuestionID: "e"}}
	r := quiz.ScoreWithCredit(order, ans, map[string]float64{"e": 2.0 / 3}, 90)
	if r.Score != 4 || r.Percent != 93 || !r.Passed || r.Points < 4.66 || r.Points > 4.67 {
		t.Errorf("%+v", r)
	}
	if len(r.Missed) != 1 || r.Missed[0] != "e" {
		t.Errorf("missed %v", r.Missed)
	}
	if r := quiz.ScoreWithCredit([]string{"a", "b", "c", "d", "e", "f"}, nil, map[string]float64{"a": 5.0 / 6, "b": 5.0 / 6, "c": 5.0 / 6, "d": 5.0 / 6, "e": 5.0 / 6, "f": 5.0 / 6}, 80); r.Percent != 83 {
		t.Errorf("six times 5/6 is %d%%, want 83%%", r.Percent)
	}
}
