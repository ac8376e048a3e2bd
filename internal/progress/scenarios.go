package progress

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/quiz"
)

// ScenarioPlay is a scenario being played, with its course. Its seed
// orders the choices of every step, as a quiz attempt's seed orders the
// options; the choices made are on disk, so a play resumes after a restart
// at the step reached, in the same order.
type ScenarioPlay struct {
	*domain.ScenarioPlay
	Course   *course.Course
	Scenario *course.Scenario
}

// StartOrResumeScenario returns the learner's unfinished play of the
// scenario, as it was left, or starts a new one with a fresh seed. A play
// whose path a later course version no longer has is started again.
func (s *Service) StartOrResumeScenario(ctx context.Context, learnerID string, c *course.Course, scenarioID string) (*ScenarioPlay, error) {
	if err := c.LoadParts(); err != nil {
		return nil, err
	}
	sc := c.Scenario(scenarioID)
	if sc == nil {
		return nil, fmt.Errorf("course %s has no scenario %q", c.ID, scenarioID)
	}
	p, err := s.db.OpenScenarioPlay(ctx, learnerID, c.ID, sc.ID)
	if err == nil {
		play := &ScenarioPlay{ScenarioPlay: p, Course: c, Scenario: sc}
		if st := play.Step(); st != nil && !st.End {
			return play, nil
		}
	} else if !errors.Is(err, domain.ErrNotFound) {
		return nil, err
	}
	p, err = s.db.StartScenarioPlay(ctx, domain.ScenarioPlay{LearnerID: learnerID, CourseID: c.ID, ScenarioID: sc.ID, Seed: s.seed()})
	if err != nil {
		return nil, err
	}
	return &ScenarioPlay{ScenarioPlay: p, Course: c, Scenario: sc}, nil
}

// Step is the step the play has reached, or nil when its path does not
// fit the scenario.
func (p *ScenarioPlay) Step() *course.Step {
	st := p.Scenario.Step(p.Scenario.Start)
	for _, item := range p.Path {
		stepID, choiceID, _ := strings.Cut(item, "/")
		if st == nil || st.ID != stepID {
			return nil
		}
		ch := choiceOf(st, choiceID)
		if ch == nil {
			return nil
		}
		st = p.Scenario.Step(ch.Next)
	}
	return st
}

// Choices are the choices of st in the order this play shows them.
func (p *ScenarioPlay) Choices(st *course.Step) []*course.Choice {
	var out []*course.Choice
	for _, id := range quiz.ChoiceOrder(p.Scenario, st, p.Seed) {
		out = append(out, choiceOf(st, id))
	}
	return out
}

func choiceOf(st *course.Step, id string) *course.Choice {
	for i := range st.Choices {
		if st.Choices[i].ID == id {
			return &st.Choices[i]
		}
	}
	return nil
}

// Choose records a choice at the step the play has reached, on disk before
// it returns, and returns it with the step it leads to. When that step is
// an ending, the run is recorded with its statement and the play ends.
func (s *Service) Choose(ctx context.Context, p *ScenarioPlay, choiceID string) (*course.Choice, *course.Step, error) {
	st := p.Step()
	if st == nil || st.End {
		return nil, nil, fmt.Errorf("scenario %s: the play has no step to choose at", p.Scenario.ID)
	}
	ch := choiceOf(st, choiceID)
	if ch == nil {
		return nil, nil, fmt.Errorf("scenario %s: step %q has no choice %q", p.Scenario.ID, st.ID, choiceID)
	}
	path := append(slices.Clip(p.Path), st.ID+"/"+ch.ID)
	next := p.Scenario.Step(ch.Next)
	if next == nil {
		return nil, nil, fmt.Errorf("scenario %s: choice %q leads to no step", p.Scenario.ID, ch.ID)
	}
	if next.End {
		sub, err := s.subject(ctx, p.LearnerID, p.Course)
		if err != nil {
			return nil, nil, err
		}
		err = s.db.SaveScenarioRun(ctx, p.LearnerID,
			domain.ScenarioRun{CourseID: p.CourseID, ScenarioID: p.ScenarioID, Seed: p.Seed, Path: path, Outcome: next.Outcome},
			s.xapi.ScenarioCompleted(sub, p.Scenario, next.Outcome, path))
		if err != nil {
			return nil, nil, err
		}
	} else if err := s.db.SaveScenarioPath(ctx, p.ID, path); err != nil {
		return nil, nil, err
	}
	p.Path = path
	return ch, next, nil
}

// Contacts lists the post's referral contacts.
func (s *Service) Contacts(ctx context.Context) ([]domain.Contact, error) { return s.db.Contacts(ctx) }

// SetContacts replaces the post's referral contacts; rows without an
// organisation are dropped as empty.
func (s *Service) SetContacts(ctx context.Context, list []domain.Contact) error {
	var keep []domain.Contact
	for _, c := range list {
		if c.Organisation != "" {
			keep = append(keep, c)
		}
	}
	return s.db.SetContacts(ctx, keep)
}
