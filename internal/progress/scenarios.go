package progress

import (
	"context"
	"fmt"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/store"
)

// ScenarioSummary is a learner's runs of a scenario and the best ending reached.
type ScenarioSummary = store.ScenarioSummary

// FinishScenario records a scenario played to an ending, with the path of
// choices, and its statement.
func (s *Service) FinishScenario(ctx context.Context, learnerID string, c *course.Course, scenarioID string, path []string, outcome string) error {
	sc := c.Scenario(scenarioID)
	if sc == nil {
		return fmt.Errorf("course %s has no scenario %q", c.ID, scenarioID)
	}
	sub, err := s.subject(ctx, learnerID, c)
	if err != nil {
		return err
	}
	return s.db.SaveScenarioRun(ctx, learnerID, store.ScenarioRun{CourseID: c.ID, ScenarioID: sc.ID, Path: path, Outcome: outcome},
		s.xapi.ScenarioCompleted(sub, sc, outcome, path))
}

// Contact is one of the post's referral contacts.
type Contact = store.Contact

// Contacts lists the post's referral contacts.
func (s *Service) Contacts(ctx context.Context) ([]Contact, error) { return s.db.Contacts(ctx) }

// SetContacts replaces the post's referral contacts; rows without an
// organisation are dropped as empty.
func (s *Service) SetContacts(ctx context.Context, list []Contact) error {
	var keep []Contact
	for _, c := range list {
		if c.Organisation != "" {
			keep = append(keep, c)
		}
	}
	return s.db.SetContacts(ctx, keep)
}
