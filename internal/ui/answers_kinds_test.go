package ui

import (
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/quiz"
)

// Every kind is asked through its entry in answerKinds, the one place the
// quiz screen's handling of a kind is written: its input takes the right
// answer and gives it back whole, and the answer can be put in words.
func TestEveryKindHasItsAnswerInput(t *testing.T) {
	for _, k := range domain.Kinds {
		kind, ok := answerKinds[k]
		if !ok || kind.input == nil || kind.describe == nil || kind.feedback == nil {
			t.Errorf("kind %q has no answer input in answerKinds", k)
		}
	}
	if len(answerKinds) != len(domain.Kinds) {
		t.Errorf("answerKinds has %d kinds, domain.Kinds %d", len(answerKinds), len(domain.Kinds))
	}

	d := start(t, t.TempDir(), "en")
	defer d.close()
	c, err := course.LoadDir("../../docs/example-course")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[domain.Kind]bool{}
	for i := range c.Quizzes[0].Questions {
		qu := &c.Quizzes[0].Questions[i]
		seen[qu.Type] = true
		in := d.app.newAnswerInput(qu, quiz.OptionOrder(qu, 1), "en", "en", func() {})
		key := quiz.Key(qu)
		in.set(key)
		if got := in.response(); !quiz.Correct(qu, got) {
			t.Errorf("%s (%s): set the right answer %v, the input gives back %v", qu.ID, qu.Type, key, got)
		}
		if d.app.describe(qu, key, "en", "en") == "" {
			t.Errorf("%s (%s): the right answer has no words", qu.ID, qu.Type)
		}
	}
	for _, k := range domain.Kinds {
		if !seen[k] {
			t.Errorf("the example course has no %s question to try", k)
		}
	}
}

// feedbackTexts is what the feedback to resp shows, as one string.
func feedbackTexts(d *driver, c *course.Course, qu *course.Question, resp quiz.Response) string {
	var parts []string
	for _, o := range visibleUnder(d.app.feedback(c, qu, resp, quiz.Correct(qu, resp), "en")) {
		if p, ok := o.(*paragraph); ok {
			parts = append(parts, p.Text())
		}
	}
	return strings.Join(parts, " | ")
}

// Feedback follows the kind: a chosen option says why it is right or not,
// a true/false answer gets the feedback written for it, and an order is
// judged whole, without its options' feedback.
func TestFeedbackFollowsTheKind(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	c := &course.Course{Languages: []string{"en"}, DefaultLanguage: "en"}
	options := []course.Option{
		{ID: "a", Text: course.Text{"en": "Alpha"}, Feedback: course.Text{"en": "alpha is why"}},
		{ID: "b", Text: course.Text{"en": "Beta"}},
	}
	single := &course.Question{Type: domain.KindSingle, Options: options, Correct: []string{"b"}, Explanation: course.Text{"en": "because"}}
	if got := feedbackTexts(d, c, single, quiz.Response{"a"}); !strings.Contains(got, "• Alpha: alpha is why") {
		t.Errorf("single choice, a chosen: feedback %q has no word on the option", got)
	}
	order := &course.Question{Type: domain.KindOrdering, Options: options, Correct: []string{"b", "a"}, Explanation: course.Text{"en": "because"}}
	if got := feedbackTexts(d, c, order, quiz.Response{"a", "b"}); strings.Contains(got, "alpha is why") {
		t.Errorf("ordering: feedback %q shows an option's feedback", got)
	}
	tf := &course.Question{Type: domain.KindTrueFalse, CorrectBool: false, Explanation: course.Text{"en": "because"},
		FeedbackTrue: course.Text{"en": "said true"}, FeedbackFalse: course.Text{"en": "said false"}}
	for resp, want := range map[string]string{"true": "said true", "false": "said false"} {
		got := feedbackTexts(d, c, tf, quiz.Response{resp})
		if !strings.Contains(got, want) || strings.Contains(got, map[string]string{"true": "said false", "false": "said true"}[resp]) {
			t.Errorf("true/false, %s answered: feedback %q, want %q only", resp, got, want)
		}
	}
}
