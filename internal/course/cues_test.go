package course_test

import (
	"testing"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
)

// TestAnswersAreNotGivenAwayByTheirShape holds every bundled course and
// the example course, in each language, to issue 15's cue limits: the
// right option is the longest in at most a third of single-choice
// questions; 40–60% of true/false questions are true; a scenario's best
// choice is the longest in at most a third of its steps. It logs every
// course's shares, so an author sees where they stand.
func TestAnswersAreNotGivenAwayByTheirShape(t *testing.T) {
	for _, c := range bundledAndExample(t) {
		for _, cu := range course.CueShares(c) {
			t.Log(cu)
			for _, w := range cu.Warnings() {
				t.Error(w)
			}
		}
	}
}

func TestCueSharesCountTiesAsLongest(t *testing.T) {
	c := &course.Course{ID: "x", Languages: []string{"en"}, DefaultLanguage: "en",
		Quizzes: []course.Quiz{{Questions: []course.Question{
			{Type: domain.KindSingle, Correct: []string{"a"}, Options: []course.Option{{ID: "a", Text: course.Text{"en": "same"}}, {ID: "b", Text: course.Text{"en": "four"}}}},
			{Type: domain.KindSingle, Correct: []string{"a"}, Options: []course.Option{{ID: "a", Text: course.Text{"en": "short"}}, {ID: "b", Text: course.Text{"en": "longer one"}}}},
			{Type: domain.KindSingle, Correct: []string{"b"}, Options: []course.Option{{ID: "a", Text: course.Text{"en": "ab"}}, {ID: "b", Text: course.Text{"en": "оʻа"}}}}, // runes, not bytes
			{Type: domain.KindTrueFalse, CorrectBool: true},
			{Type: domain.KindTrueFalse, CorrectBool: false},
		}}},
		Scenarios: []course.Scenario{{ID: "s", Steps: []course.Step{
			{Choices: []course.Choice{{Quality: "poor", Text: course.Text{"en": "a long poor choice"}}, {Quality: "best", Text: course.Text{"en": "best"}}}},
			{Choices: []course.Choice{{Quality: "best", Text: course.Text{"en": "best, and longest"}}, {Quality: "poor", Text: course.Text{"en": "poor"}}}},
			{End: true},
		}}},
	}
	cu := course.CueShares(c)[0]
	if cu.RightLongest != (course.Share{Count: 2, Of: 3}) || cu.True != (course.Share{Count: 1, Of: 2}) ||
		cu.Scenarios[0].BestLongest != (course.Share{Count: 1, Of: 2}) {
		t.Errorf("shares = %+v", cu)
	}
	if w := cu.Warnings(); len(w) != 2 {
		t.Errorf("warnings = %q, want the single-choice one and the scenario's", w)
	}
}
