package progress

import (
	"context"
	"strings"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
)

// QuizHistory returns the learner's finished attempts at a quiz of c,
// newest first, each with its answers, to be looked back on: the same
// Attempt a quiz in progress is, so its questions and answers read alike.
func (s *Service) QuizHistory(ctx context.Context, learnerID string, c *course.Course, quizID string) ([]*Attempt, error) {
	if err := c.LoadParts(); err != nil {
		return nil, err
	}
	q := c.Quiz(quizID)
	if q == nil {
		return nil, nil
	}
	list, err := s.db.QuizAttempts(ctx, learnerID, c.ID, quizID)
	if err != nil {
		return nil, err
	}
	out := make([]*Attempt, len(list))
	for i := range list {
		out[i] = &Attempt{Attempt: &list[i], Course: c, Quiz: q}
	}
	return out, nil
}

// PastPlay is a finished play of a scenario: the choices made, in order,
// and the ending they led to, as the course now has them.
type PastPlay struct {
	domain.ScenarioRunRecord
	Scenario *course.Scenario
	Choices  []*course.Choice // a choice the course no longer has is left out
	Ending   *course.Step     // nil when the course no longer has it
}

// ScenarioHistory returns the learner's finished plays of c's scenarios,
// newest first; a play of a scenario the course dropped is left out.
func (s *Service) ScenarioHistory(ctx context.Context, learnerID string, c *course.Course) ([]PastPlay, error) {
	if err := c.LoadParts(); err != nil {
		return nil, err
	}
	runs, err := s.db.ScenarioRuns(ctx, learnerID, c.ID)
	if err != nil {
		return nil, err
	}
	var out []PastPlay
	for _, r := range runs {
		sc := c.Scenario(r.ScenarioID)
		if sc == nil {
			continue
		}
		p := PastPlay{ScenarioRunRecord: r, Scenario: sc}
		for _, item := range r.Path {
			stepID, choiceID, _ := strings.Cut(item, "/")
			if st := sc.Step(stepID); st != nil {
				if ch := choiceOf(st, choiceID); ch != nil {
					p.Choices = append(p.Choices, ch)
					p.Ending = sc.Step(ch.Next)
				}
			}
		}
		if p.Ending != nil && !p.Ending.End {
			p.Ending = nil
		}
		out = append(out, p)
	}
	return out, nil
}
