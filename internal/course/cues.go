package course

import (
	"fmt"
	"unicode/utf8"

	"github.com/ogoh/ogoh/internal/domain"
)

// Cues a learner could answer by without reading, measured per course and
// per language: the right option being the longest, true/false answers
// leaning one way, a scenario's best choice being the longest. The limits
// are issue 15's: a third of single-choice questions, 40–60% true, a third
// of a scenario's steps. They are warnings for a course author, not
// validation errors.

// Share is Count out of Of.
type Share struct{ Count, Of int }

func (s Share) String() string {
	if s.Of == 0 {
		return "0 of 0"
	}
	return fmt.Sprintf("%d of %d (%d%%)", s.Count, s.Of, (s.Count*100+s.Of/2)/s.Of)
}

// ScenarioCue is the share of a scenario's decision steps (two or more
// choices) whose best choice is the longest.
type ScenarioCue struct {
	Scenario    string
	BestLongest Share
}

// Cues are a course's cue shares in one language.
type Cues struct {
	Course, Lang string
	// Single-choice questions whose right option has at least as many runes
	// as every other option (ties count as longest).
	RightLongest Share
	// True/false questions whose answer is true.
	True      Share
	Scenarios []ScenarioCue
}

// CueShares measures every language of c, over all its quizzes and each
// of its scenarios.
func CueShares(c *Course) []Cues {
	c.LoadParts()
	var out []Cues
	for _, lang := range c.Languages {
		text := func(t Text) int { return utf8.RuneCountInString(t.In(lang, c.DefaultLanguage)) }
		cu := Cues{Course: c.ID, Lang: lang}
		for _, q := range c.Quizzes {
			for i := range q.Questions {
				qu := &q.Questions[i]
				switch qu.Type {
				case domain.KindSingle:
					cu.RightLongest.Of++
					if len(qu.Correct) == 1 && rightIsLongest(qu, qu.Correct[0], text) {
						cu.RightLongest.Count++
					}
				case domain.KindTrueFalse:
					cu.True.Of++
					if qu.CorrectBool {
						cu.True.Count++
					}
				}
			}
		}
		for i := range c.Scenarios {
			sc := &c.Scenarios[i]
			s := ScenarioCue{Scenario: sc.ID}
			for j := range sc.Steps {
				st := &sc.Steps[j]
				if len(st.Choices) < 2 {
					continue
				}
				s.BestLongest.Of++
				if bestIsLongest(st, text) {
					s.BestLongest.Count++
				}
			}
			cu.Scenarios = append(cu.Scenarios, s)
		}
		out = append(out, cu)
	}
	return out
}

func rightIsLongest(qu *Question, right string, length func(Text) int) bool {
	o := qu.Option(right)
	if o == nil {
		return false
	}
	n := length(o.Text)
	for _, other := range qu.Options {
		if other.ID != right && length(other.Text) > n {
			return false
		}
	}
	return true
}

// bestIsLongest: a step with several best choices counts when any of them
// is at least as long as every other choice.
func bestIsLongest(st *Step, length func(Text) int) bool {
	for i, ch := range st.Choices {
		if ch.Quality != "best" {
			continue
		}
		longest := true
		for j, other := range st.Choices {
			if j != i && length(other.Text) > length(ch.Text) {
				longest = false
			}
		}
		if longest {
			return true
		}
	}
	return false
}

// String is one line for a log: every share of the course in this language.
func (cu Cues) String() string {
	s := fmt.Sprintf("%s [%s]: right option longest in %v single-choice; true in %v true/false", cu.Course, cu.Lang, cu.RightLongest, cu.True)
	for _, sc := range cu.Scenarios {
		s += fmt.Sprintf("; scenario %s: best longest in %v steps", sc.Scenario, sc.BestLongest)
	}
	return s
}

// Warnings lists every share past its limit, each naming the course, the
// language and the share.
func (cu Cues) Warnings() []string {
	var out []string
	if r := cu.RightLongest; r.Count*3 > r.Of {
		out = append(out, fmt.Sprintf("%s [%s]: the right option is the longest in %v single-choice questions; at most a third may be",
			cu.Course, cu.Lang, r))
	}
	if t := cu.True; t.Of > 0 && (t.Count*10 < t.Of*4 || t.Count*10 > t.Of*6) {
		out = append(out, fmt.Sprintf("%s [%s]: %v true/false questions are true; keep it between 40%% and 60%%",
			cu.Course, cu.Lang, t))
	}
	for _, sc := range cu.Scenarios {
		if b := sc.BestLongest; b.Count*3 > b.Of {
			out = append(out, fmt.Sprintf("%s [%s]: scenario %s: the best choice is the longest in %v steps; at most a third may be",
				cu.Course, cu.Lang, sc.Scenario, b))
		}
	}
	return out
}

// CueWarnings are the warnings of every language of c.
func CueWarnings(c *Course) []string {
	var out []string
	for _, cu := range CueShares(c) {
		out = append(out, cu.Warnings()...)
	}
	return out
}
