// Package quiz is the pure logic of a quiz attempt: which questions are
// drawn and in what order, how an answer scores, and the result. It does no
// I/O; randomness comes from a seed the caller stores, so an attempt shows
// the same questions in the same order after a restart.
package quiz

import (
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
)

// Draw picks q.Draw questions from the pool and shuffles them, by seed.
func Draw(q *course.Quiz, seed int64) []string {
	ids := make([]string, len(q.Questions))
	for i, qu := range q.Questions {
		ids[i] = qu.ID
	}
	r := rng(seed, q.ID)
	r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	n := min(q.Draw, len(ids))
	return ids[:n]
}

// OptionOrder is the order in which a question's choices are shown in an
// attempt: options for single, multiple and ordering questions, the right
// column (pair IDs) for matching, and nothing for true/false. Ordering
// questions are shuffled until they are not already in the right order.
func OptionOrder(qu *course.Question, seed int64) []string {
	k := kindOf(qu)
	ids := k.choices(qu)
	r := rng(seed, qu.ID)
	for try := 0; try < 8; try++ {
		r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		if !k.notSolved || !slices.Equal(ids, qu.Correct) {
			break
		}
	}
	return ids
}

// ChoiceOrder is the order in which a scenario step's choices are shown in
// one play: the choice IDs shuffled by the play's seed, so the best choice
// is not given away by standing first, and a play resumed after a restart
// shows the same order. Grading does not depend on it: a choice keeps its
// quality wherever it stands.
func ChoiceOrder(sc *course.Scenario, st *course.Step, seed int64) []string {
	ids := make([]string, len(st.Choices))
	for i, ch := range st.Choices {
		ids[i] = ch.ID
	}
	r := rng(seed, sc.ID+"/"+st.ID)
	r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	return ids
}

func rng(seed int64, salt string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(salt))
	return rand.New(rand.NewPCG(uint64(seed), h.Sum64()))
}

// Response is a learner's answer, encoded the same way for every language:
//   - single: [optionID]
//   - multiple: the chosen option IDs, in any order
//   - truefalse: ["true"] or ["false"]
//   - ordering: every option ID, in the order the learner put them
//   - matching: "pairID=rightPairID" for each left item
type Response []string

// Bool makes the response to a true/false question.
func Bool(b bool) Response { return Response{strconv.FormatBool(b)} }

// Match makes one item of a matching response.
func Match(left, right string) string { return left + "=" + right }

// Correct reports whether resp fully answers qu. Half of a
// multiple-response answer is still a miss; a matching question, though,
// earns the share of its pairs matched right (Credit).
func Correct(qu *course.Question, resp Response) bool { return kindOf(qu).correct(qu, resp) }

// Credit is how much of one question resp earns, from 0 to 1: 1 when it
// is fully right; for a matching question, the share of its pairs matched
// right (4 of 6 pairs: 2/3); otherwise 0 (docs/course-format.md, Scoring).
func Credit(qu *course.Question, resp Response) float64 {
	k := kindOf(qu)
	switch {
	case k.correct(qu, resp):
		return 1
	case k.credit != nil:
		return k.credit(qu, resp)
	}
	return 0
}

// Complete reports whether resp is a full answer that can be checked: one
// choice, at least one box ticked, every item ordered or matched.
func Complete(qu *course.Question, resp Response) bool { return kindOf(qu).complete(qu, resp) }

// Result is the outcome of a finished attempt.
type Result struct {
	Score    int     // questions fully right
	Points   float64 // what the answers earned: Score plus partial credit
	Max      int     // questions drawn
	Percent  int     // of Points over Max, rounded down, so 79.9% never passes an 80% mark
	Passed   bool
	PassMark int
	Missed   []string // question IDs not fully right, in the order they were asked
}

// Answer is one question's answer as recorded.
type Answer struct {
	QuestionID string
	Correct    bool
}

// Score computes the result of an attempt from its drawn questions and
// answers; a question left unanswered counts as missed.
func Score(order []string, answers []Answer, passMark int) Result {
	return ScoreWithCredit(order, answers, nil, passMark)
}

// ScoreWithCredit is Score with the partial credit (Credit) of answers
// not fully right, by question ID; a correct answer earns 1 whatever
// credit says.
func ScoreWithCredit(order []string, answers []Answer, credit map[string]float64, passMark int) Result {
	right := map[string]bool{}
	for _, a := range answers {
		right[a.QuestionID] = a.Correct
	}
	r := Result{Max: len(order), PassMark: passMark}
	for _, id := range order {
		if right[id] {
			r.Score++
			r.Points++
			continue
		}
		r.Points += min(max(credit[id], 0), 1)
		r.Missed = append(r.Missed, id)
	}
	r.Percent = domain.Percent(r.Points, r.Max)
	r.Passed = r.Max > 0 && r.Percent >= passMark
	return r
}

// Key is the right answer to qu as a Response, to show a learner what
// they missed.
func Key(qu *course.Question) Response { return kindOf(qu).key(qu) }

// SplitMatch reads one item of a matching response.
func SplitMatch(item string) (left, right string) {
	left, right, _ = strings.Cut(item, "=")
	return left, right
}
