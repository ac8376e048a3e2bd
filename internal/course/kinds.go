package course

import (
	"strings"

	"github.com/ogoh/ogoh/internal/domain"
)

// answerKind is what the course format asks of the answer of one kind of
// question.
type answerKind struct {
	// check reports what is wrong with the question's options, pairs and
	// answer, and fills its key (Correct, CorrectBool) from a good answer.
	check func(qu *Question, r reporter, key string)
	// fillKey fills the key of a question that passed check before, for
	// LoadChecked, which skips the checks.
	fillKey func(qu *Question)
	// feedbackByAnswer: the question may say what each answer is told
	// (feedback_true, feedback_false).
	feedbackByAnswer bool
}

// answerKinds has one entry per domain.Kind; a kind missing here is
// reported as an unknown type.
var answerKinds = map[domain.Kind]answerKind{
	domain.KindSingle:    {check: checkSingle, fillKey: fillOneOption},
	domain.KindMultiple:  {check: checkMultiple, fillKey: fillOptionList},
	domain.KindTrueFalse: {check: checkTrueFalse, fillKey: fillBool, feedbackByAnswer: true},
	domain.KindOrdering:  {check: checkOrdering, fillKey: fillOptionList},
	domain.KindMatching:  {check: checkMatching, fillKey: func(*Question) {}},
}

func checkAnswer(qu *Question, r reporter, key string) {
	kind, ok := answerKinds[qu.Type]
	if !ok {
		r.at(key+".type", "question %q: type %q must be one of %s", qu.ID, qu.Type, kindList())
		return
	}
	kind.check(qu, r, key)
}

// answerKey fills Correct and CorrectBool from Answer, as checkAnswer does
// for a question that passed it.
func answerKey(qu *Question) {
	if kind, ok := answerKinds[qu.Type]; ok {
		kind.fillKey(qu)
	}
}

func kindList() string {
	words := make([]string, len(domain.Kinds))
	for i, k := range domain.Kinds {
		words[i] = string(k)
	}
	return strings.Join(words, ", ")
}

func checkSingle(qu *Question, r reporter, key string) {
	needOptions(qu, r, key, 2)
	s, ok := qu.Answer.(string)
	if !ok {
		r.at(key+".answer", "question %q: answer must be one option id, e.g. answer = \"b\"", qu.ID)
		return
	}
	qu.Correct = checkKnown(qu, r, key+".answer", []string{s})
}

func checkMultiple(qu *Question, r reporter, key string) {
	needOptions(qu, r, key, 2)
	list, ok := stringList(qu.Answer)
	if !ok || len(list) == 0 {
		r.at(key+".answer", "question %q: answer must list the correct option ids, e.g. answer = [\"a\", \"c\"]", qu.ID)
		return
	}
	qu.Correct = checkKnown(qu, r, key+".answer", list)
}

func checkOrdering(qu *Question, r reporter, key string) {
	needOptions(qu, r, key, 2)
	list, ok := stringList(qu.Answer)
	if !ok || len(list) != len(qu.Options) {
		r.at(key+".answer", "question %q: answer must list every option id once, in the right order", qu.ID)
		return
	}
	qu.Correct = checkKnown(qu, r, key+".answer", list)
}

func checkTrueFalse(qu *Question, r reporter, key string) {
	b, ok := qu.Answer.(bool)
	if !ok {
		r.at(key+".answer", "question %q: answer must be true or false", qu.ID)
	}
	if len(qu.Options) > 0 || len(qu.Pairs) > 0 {
		r.at(key, "question %q (truefalse) takes no options or pairs", qu.ID)
	}
	qu.CorrectBool = b
}

func checkMatching(qu *Question, r reporter, key string) {
	if len(qu.Pairs) < 2 {
		r.at(key, "question %q (matching) needs at least 2 [[questions.pairs]]", qu.ID)
	}
	if len(qu.Options) > 0 || qu.Answer != nil {
		r.at(key, "question %q (matching) takes pairs only: each left matches its own right", qu.ID)
	}
}

// needOptions is the check of the kinds that choose among options.
func needOptions(qu *Question, r reporter, key string, min int) {
	if len(qu.Options) < min {
		r.at(key, "question %q (%s) needs at least %d options", qu.ID, qu.Type, min)
	}
	if len(qu.Pairs) > 0 {
		r.at(key+".pairs", "question %q (%s) cannot have pairs", qu.ID, qu.Type)
	}
}

func fillOneOption(qu *Question) {
	if s, ok := qu.Answer.(string); ok {
		qu.Correct = []string{s}
	}
}

func fillOptionList(qu *Question) { qu.Correct, _ = stringList(qu.Answer) }

func fillBool(qu *Question) { qu.CorrectBool, _ = qu.Answer.(bool) }

// checkKnown reports answer ids that name no option, or that repeat. The
// options are looked up in a set made once: a search per answer id made an
// ordering question of 100,000 options take half a minute.
func checkKnown(qu *Question, r reporter, key string, ids []string) []string {
	options := make(map[string]bool, len(qu.Options))
	for _, o := range qu.Options {
		options[o.ID] = true
	}
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if !options[id] {
			r.at(key, "question %q: answer names option %q, which does not exist", qu.ID, id)
		}
		if seen[id] {
			r.at(key, "question %q: answer names option %q twice", qu.ID, id)
		}
		seen[id] = true
	}
	return ids
}

func stringList(v any) ([]string, bool) {
	items, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		s, ok := it.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}
