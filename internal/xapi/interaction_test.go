package xapi_test

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/quiz"
	"github.com/ogoh/ogoh/internal/xapi"
)

// answered is the statement an LRS receives for one answer to a question
// of the example course, decoded as the LRS would read it.
func answered(t *testing.T, questionID string, resp quiz.Response) xapi.Statement {
	t.Helper()
	c, err := course.LoadDir("../../docs/example-course")
	if err != nil {
		t.Fatal(err)
	}
	q := c.Quiz("check")
	qu := q.Question(questionID)
	b := xapi.Builder{Config: xapi.DefaultConfig, DeviceID: "d", NewID: func() string { return "id" },
		Now: func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }}
	s := xapi.Subject{Learner: domain.Learner{ID: "l"}, Course: c, Lang: "en"}
	st := b.QuestionAnswered(s, q, qu, "att", resp, quiz.Correct(qu, resp))
	var out xapi.Statement
	if err := json.Unmarshal(st.Body, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

func componentIDs(cs []xapi.Component) []string {
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID)
	}
	return ids
}

// An LRS reads each kind of question as the cmi.interaction xAPI defines
// for it, with the right answer and the learner's in its pattern format.
func TestEveryKindIsTheInteractionAnLRSExpects(t *testing.T) {
	cases := []struct {
		question        string
		resp            quiz.Response
		interactionType string
		pattern         string
		response        string
		choices         []string
		source, target  []string
	}{
		{question: "purpose", resp: quiz.Response{"a"}, interactionType: "choice", pattern: "b", response: "a",
			choices: []string{"a", "b", "c"}},
		{question: "means", resp: quiz.Response{"c", "a"}, interactionType: "choice", pattern: "a[,]c", response: "c[,]a",
			choices: []string{"a", "b", "c"}},
		{question: "child-means", resp: quiz.Bool(false), interactionType: "true-false", pattern: "true", response: "false"},
		{question: "consent", resp: quiz.Bool(false), interactionType: "true-false", pattern: "false", response: "false"},
		{question: "order", resp: quiz.Response{"means", "act", "purpose"}, interactionType: "sequencing",
			pattern: "act[,]means[,]purpose", response: "means[,]act[,]purpose", choices: []string{"purpose", "act", "means"}},
		{question: "match", resp: quiz.Response{"recruitment=fraud", "fraud=recruitment", "forced-labour=forced-labour"},
			interactionType: "matching",
			pattern:         "recruitment[.]recruitment[,]fraud[.]fraud[,]forced-labour[.]forced-labour",
			response:        "recruitment[.]fraud[,]fraud[.]recruitment[,]forced-labour[.]forced-labour",
			source:          []string{"recruitment", "fraud", "forced-labour"}, target: []string{"recruitment", "fraud", "forced-labour"}},
	}
	for _, tc := range cases {
		st := answered(t, tc.question, tc.resp)
		def := st.Object.Definition
		if def.Type != "http://adlnet.gov/expapi/activities/cmi.interaction" || def.InteractionType != tc.interactionType {
			t.Errorf("%s: type %s, interactionType %q; want cmi.interaction, %q", tc.question, def.Type, def.InteractionType, tc.interactionType)
		}
		if !slices.Equal(def.CorrectResponsesPattern, []string{tc.pattern}) {
			t.Errorf("%s: correctResponsesPattern %q, want [%q]", tc.question, def.CorrectResponsesPattern, tc.pattern)
		}
		if st.Result.Response != tc.response {
			t.Errorf("%s: response %q, want %q", tc.question, st.Result.Response, tc.response)
		}
		if got := componentIDs(def.Choices); !slices.Equal(got, tc.choices) {
			t.Errorf("%s: choices %v, want %v", tc.question, got, tc.choices)
		}
		if got := componentIDs(def.Source); !slices.Equal(got, tc.source) {
			t.Errorf("%s: source %v, want %v", tc.question, got, tc.source)
		}
		if got := componentIDs(def.Target); !slices.Equal(got, tc.target) {
			t.Errorf("%s: target %v, want %v", tc.question, got, tc.target)
		}
		for _, cs := range [][]xapi.Component{def.Choices, def.Source, def.Target} {
			for _, c := range cs {
				if c.Description["en"] == "" {
					t.Errorf("%s: component %s has no English description", tc.question, c.ID)
				}
			}
		}
	}
}

// A matching answer tells the LRS how many of its pairs were right: its
// score is the share of a question it earned (docs/course-format.md).
func TestAMatchingAnswerCarriesItsShareOfPairs(t *testing.T) {
	st := answered(t, "match", quiz.Response{quiz.Match("recruitment", "recruitment"),
		quiz.Match("fraud", "forced-labour"), quiz.Match("forced-labour", "fraud")})
	sc := st.Result.Score
	if sc == nil || sc.Raw != 1 || sc.Max != 3 || sc.Scaled < 0.333 || sc.Scaled > 0.334 || *st.Result.Success {
		t.Errorf("result %+v, score %+v", st.Result, sc)
	}
	if st := answered(t, "purpose", quiz.Response{"b"}); st.Result.Score != nil {
		t.Errorf("a single choice answer has a score: %+v", st.Result.Score)
	}
}
