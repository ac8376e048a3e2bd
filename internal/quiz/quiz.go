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
	var ids []string
	switch qu.Type {
	case domain.KindMatching:
		for _, p := range qu.Pairs {
			ids = append(ids, p.ID)
		}
	case domain.KindTrueFalse:
		return nil
	default:
		for _, o := range qu.Options {
			ids = append(ids, o.ID)
		}
	}
	r := rng(seed, qu.ID)
	for try := 0; try < 8; try++ {
		r.Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
		if qu.Type != domain.KindOrdering || !slices.Equal(ids, qu.Correct) {
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

// Correct reports whether resp fully answers qu. A question scores only
// when fully right: half of a multiple-response answer is still a miss.
func Correct(qu *course.Question, resp Response) bool {
	switch qu.Type {
	case domain.KindSingle, domain.KindOrdering:
		return slices.Equal(resp, qu.Correct)
	case domain.KindMultiple:
		return sameSet(resp, qu.Correct)
	case domain.KindTrueFalse:
		return len(resp) == 1 && resp[0] == strconv.FormatBool(qu.CorrectBool)
	case domain.KindMatching:
		want := make([]string, len(qu.Pairs))
		for i, p := range qu.Pairs {
			want[i] = Match(p.ID, p.ID)
		}
		return sameSet(resp, want)
	}
	return false
}

// Complete reports whether resp is a full answer that can be checked: one
// choice, at least one box ticked, every item ordered or matched.
func Complete(qu *course.Question, resp Response) bool {
	switch qu.Type {
	case domain.KindSingle, domain.KindTrueFalse:
		return len(resp) == 1 && resp[0] != ""
	case domain.KindMultiple:
		return len(resp) > 0
	case domain.KindOrdering:
		return len(resp) == len(qu.Options)
	case domain.KindMatching:
		if len(resp) != len(qu.Pairs) {
			return false
		}
		for _, m := range resp {
			if strings.HasSuffix(m, "=") {
				return false
			}
		}
		return true
	}
	return false
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

// Result is the outcome of a finished attempt.
type Result struct {
	Score    int // questions fully right
	Max      int // questions drawn
	Percent  int // rounded down, so 79.9% never passes an 80% mark
	Passed   bool
	PassMark int
	Missed   []string // question IDs, in the order they were asked
}

// Answer is one question's answer as recorded.
type Answer struct {
	QuestionID string
	Correct    bool
}

// Score computes the result of an attempt from its drawn questions and
// answers; a question left unanswered counts as missed.
func Score(order []string, answers []Answer, passMark int) Result {
	right := map[string]bool{}
	for _, a := range answers {
		right[a.QuestionID] = a.Correct
	}
	r := Result{Max: len(order), PassMark: passMark}
	for _, id := range order {
		if right[id] {
			r.Score++
		} else {
			r.Missed = append(r.Missed, id)
		}
	}
	if r.Max > 0 {
		r.Percent = r.Score * 100 / r.Max
	}
	r.Passed = r.Max > 0 && r.Percent >= passMark
	return r
}

// Key is the right answer to qu as a Response, to show a learner what
// they missed.
func Key(qu *course.Question) Response {
	switch qu.Type {
	case domain.KindTrueFalse:
		return Bool(qu.CorrectBool)
	case domain.KindMatching:
		r := make(Response, len(qu.Pairs))
		for i, p := range qu.Pairs {
			r[i] = Match(p.ID, p.ID)
		}
		return r
	}
	return slices.Clone(qu.Correct)
}

// SplitMatch reads one item of a matching response.
func SplitMatch(item string) (left, right string) {
	left, right, _ = strings.Cut(item, "=")
	return left, right
}
