package quiz

import (
	"slices"
	"strconv"
	"strings"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
)

// kind is how an attempt asks and scores one kind of question.
type kind struct {
	// choices are what an attempt shuffles: option IDs, the right column
	// of a matching question (pair IDs), or nothing.
	choices func(qu *course.Question) []string
	// notSolved: the shuffle must not show the answer already in place.
	notSolved bool
	// correct: resp fully answers qu.
	correct func(qu *course.Question, resp Response) bool
	// complete: resp is a full answer that can be checked.
	complete func(qu *course.Question, resp Response) bool
	// key is the right answer as a Response.
	key func(qu *course.Question) Response
	// credit is the share of a question that resp earns when it is not
	// fully right; nil: none (only a fully right answer scores).
	credit func(qu *course.Question, resp Response) float64
}

// kinds has one entry per domain.Kind.
var kinds = map[domain.Kind]kind{
	domain.KindSingle:    {choices: optionIDs, correct: inKeyOrder, complete: oneAnswer, key: optionKey},
	domain.KindMultiple:  {choices: optionIDs, correct: sameOptions, complete: anyTicked, key: optionKey},
	domain.KindTrueFalse: {choices: noChoices, correct: rightBool, complete: oneAnswer, key: boolKey},
	domain.KindOrdering:  {choices: optionIDs, notSolved: true, correct: inKeyOrder, complete: everyOptionPlaced, key: optionKey},
	domain.KindMatching:  {choices: pairIDs, correct: everyPairMatched, complete: everyLeftMatched, key: matchKey, credit: pairsShare},
}

// unknownKind is for a question no check let through: it shows its
// options and never scores.
var unknownKind = kind{choices: optionIDs, correct: never, complete: never, key: optionKey}

func kindOf(qu *course.Question) kind {
	if k, ok := kinds[qu.Type]; ok {
		return k
	}
	return unknownKind
}

func optionIDs(qu *course.Question) []string {
	var ids []string
	for _, o := range qu.Options {
		ids = append(ids, o.ID)
	}
	return ids
}

func pairIDs(qu *course.Question) []string {
	var ids []string
	for _, p := range qu.Pairs {
		ids = append(ids, p.ID)
	}
	return ids
}

func noChoices(*course.Question) []string { return nil }

func never(*course.Question, Response) bool { return false }

func inKeyOrder(qu *course.Question, resp Response) bool { return slices.Equal(resp, qu.Correct) }

func sameOptions(qu *course.Question, resp Response) bool { return sameSet(resp, qu.Correct) }

func rightBool(qu *course.Question, resp Response) bool {
	return len(resp) == 1 && resp[0] == strconv.FormatBool(qu.CorrectBool)
}

func everyPairMatched(qu *course.Question, resp Response) bool { return sameSet(resp, matchKey(qu)) }

func oneAnswer(_ *course.Question, resp Response) bool { return len(resp) == 1 && resp[0] != "" }

func anyTicked(_ *course.Question, resp Response) bool { return len(resp) > 0 }

func everyOptionPlaced(qu *course.Question, resp Response) bool { return len(resp) == len(qu.Options) }

func optionKey(qu *course.Question) Response { return slices.Clone(qu.Correct) }

func boolKey(qu *course.Question) Response { return Bool(qu.CorrectBool) }

// matchKey is each left item matched with its own right item.
func matchKey(qu *course.Question) Response {
	r := make(Response, len(qu.Pairs))
	for i, p := range qu.Pairs {
		r[i] = Match(p.ID, p.ID)
	}
	return r
}

// pairsShare is the share of qu's pairs that resp matches right.
func pairsShare(qu *course.Question, resp Response) float64 {
	if len(qu.Pairs) == 0 {
		return 0
	}
	return float64(RightPairs(qu, resp)) / float64(len(qu.Pairs))
}

// RightPairs counts the left items of a matching question that resp
// matches with their own right item.
func RightPairs(qu *course.Question, resp Response) int {
	n := 0
	for _, p := range qu.Pairs {
		if slices.Contains(resp, Match(p.ID, p.ID)) {
			n++
		}
	}
	return n
}

func everyLeftMatched(qu *course.Question, resp Response) bool {
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

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}
