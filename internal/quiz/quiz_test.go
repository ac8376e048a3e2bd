package quiz_test

import (
	"slices"
	"testing"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/quiz"
)

func example(t *testing.T) *course.Quiz {
	t.Helper()
	c, err := course.LoadDir("../../docs/example-course")
	if err != nil {
		t.Fatal(err)
	}
	return c.Quiz("check")
}

func TestScoringEveryType(t *testing.T) {
	q := example(t)
	cases := []struct {
		question string
		resp     quiz.Response
		want     bool
	}{
		{"purpose", quiz.Response{"b"}, true},
		{"purpose", quiz.Response{"a"}, false},
		{"means", quiz.Response{"c", "a"}, true},
		{"means", quiz.Response{"a"}, false},           // half right is a miss
		{"means", quiz.Response{"a", "b", "c"}, false}, // ticking everything is a miss
		{"child-means", quiz.Bool(true), true},
		{"child-means", quiz.Bool(false), false},
		{"order", quiz.Response{"act", "means", "purpose"}, true},
		{"order", quiz.Response{"means", "act", "purpose"}, false},
		{"match", quiz.Response{"recruitment=recruitment", "fraud=fraud", "forced-labour=forced-labour"}, true},
		{"match", quiz.Response{"recruitment=fraud", "fraud=recruitment", "forced-labour=forced-labour"}, false},
	}
	for _, tc := range cases {
		qu := q.Question(tc.question)
		if got := quiz.Correct(qu, tc.resp); got != tc.want {
			t.Errorf("%s %v: correct = %v, want %v", tc.question, tc.resp, got, tc.want)
		}
	}
}

func TestKeyIsAlwaysCorrect(t *testing.T) {
	for _, qu := range example(t).Questions {
		if !quiz.Correct(&qu, quiz.Key(&qu)) || !quiz.Complete(&qu, quiz.Key(&qu)) {
			t.Errorf("%s: its own key does not score", qu.ID)
		}
	}
}

func TestCompleteBeforeCheck(t *testing.T) {
	q := example(t)
	if quiz.Complete(q.Question("means"), nil) {
		t.Error("no box ticked is not an answer")
	}
	if quiz.Complete(q.Question("match"), quiz.Response{"recruitment=fraud", "fraud=", "forced-labour=forced-labour"}) {
		t.Error("a matching answer with an empty choice is not complete")
	}
}

func TestDrawIsSeededAndShuffled(t *testing.T) {
	q := example(t)
	q.Draw = 3
	a, b := quiz.Draw(q, 42), quiz.Draw(q, 42)
	if !slices.Equal(a, b) {
		t.Fatalf("same seed drew %v then %v; a resumed attempt must see the same questions", a, b)
	}
	if len(a) != 3 {
		t.Fatalf("drew %d questions, want 3", len(a))
	}
	distinct := map[string]bool{}
	for seed := int64(0); seed < 50; seed++ {
		distinct[slices.Concat(quiz.Draw(q, seed))[0]] = true
	}
	if len(distinct) < 3 {
		t.Errorf("50 seeds started with only %v; draws are not shuffled", distinct)
	}
}

func TestOrderingNeverStartsSolved(t *testing.T) {
	qu := example(t).Question("order")
	for seed := int64(0); seed < 200; seed++ {
		if slices.Equal(quiz.OptionOrder(qu, seed), qu.Correct) {
			t.Fatalf("seed %d shows the ordering question already solved", seed)
		}
	}
}

func TestScoreRoundsDownAgainstThePassMark(t *testing.T) {
	order := []string{"a", "b", "c", "d", "e"}
	answers := []quiz.Answer{{"a", true}, {"b", true}, {"c", true}, {"d", true}, {"e", false}}
	r := quiz.Score(order, answers, 80)
	if r.Score != 4 || r.Percent != 80 || !r.Passed || !slices.Equal(r.Missed, []string{"e"}) {
		t.Errorf("4 of 5 at 80%%: %+v", r)
	}
	r = quiz.Score(order[:4], answers[:3], 80) // d unanswered
	if r.Passed || r.Percent != 75 || !slices.Equal(r.Missed, []string{"d"}) {
		t.Errorf("3 of 4 with one unanswered: %+v", r)
	}
	// 9 of 12 is 75%: fails an 80% mark; 10 of 12 is 83%: passes.
	twelve := make([]string, 12)
	var ans []quiz.Answer
	for i := range twelve {
		twelve[i] = string(rune('a' + i))
		ans = append(ans, quiz.Answer{twelve[i], i < 10})
	}
	if r := quiz.Score(twelve, ans, 80); !r.Passed || r.Percent != 83 {
		t.Errorf("10 of 12: %+v", r)
	}
	if r := quiz.Score(twelve, ans[:9], 80); r.Passed {
		t.Errorf("9 of 12 passed: %+v", r)
	}
}

// TestChoicesAreShuffledPerPlay: a seed fixes a step's order (a resumed
// play sees the same), every choice is shown once, and other seeds put
// each choice first, so its place tells the learner nothing.
func TestChoicesAreShuffledPerPlay(t *testing.T) {
	c, err := course.LoadDir("../../docs/example-course")
	if err != nil {
		t.Fatal(err)
	}
	sc := &c.Scenarios[0]
	st := sc.Step(sc.Start)
	if !slices.Equal(quiz.ChoiceOrder(sc, st, 7), quiz.ChoiceOrder(sc, st, 7)) {
		t.Fatal("the same seed gave two orders")
	}
	first := map[string]bool{}
	for seed := int64(0); seed < 100; seed++ {
		order := quiz.ChoiceOrder(sc, st, seed)
		got := slices.Sorted(slices.Values(order))
		var want []string
		for _, ch := range st.Choices {
			want = append(want, ch.ID)
		}
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("seed %d shows %v, want each of %v once", seed, order, want)
		}
		first[order[0]] = true
	}
	if len(first) != len(st.Choices) {
		t.Errorf("over 100 seeds only %v came first, of %d choices", first, len(st.Choices))
	}
}

// TestOptionsAreShuffledPerAttempt: every question type with options shows
// them in an order drawn by seed; true/false keeps True, False.
func TestOptionsAreShuffledPerAttempt(t *testing.T) {
	for _, qu := range example(t).Questions {
		if qu.Type == domain.KindTrueFalse {
			if quiz.OptionOrder(&qu, 1) != nil {
				t.Errorf("%s: true/false has an option order", qu.ID)
			}
			continue
		}
		first := map[string]bool{}
		for seed := int64(0); seed < 100; seed++ {
			order := quiz.OptionOrder(&qu, seed)
			if !slices.Equal(order, quiz.OptionOrder(&qu, seed)) {
				t.Fatalf("%s: seed %d gave two orders", qu.ID, seed)
			}
			first[order[0]] = true
		}
		if len(first) < 2 {
			t.Errorf("%s (%s): 100 seeds always put %v first", qu.ID, qu.Type, first)
		}
	}
}
