package domain

import "time"

// ScenarioRun is a scenario played to an ending.
type ScenarioRun struct {
	CourseID, ScenarioID string
	Seed                 int64    // the play's choice order
	Path                 []string // "step/choice", in order
	Outcome              string
}

// ScenarioPlay is a scenario being played: the seed that orders its
// choices and the choices made so far.
type ScenarioPlay struct {
	ID                              string
	LearnerID, CourseID, ScenarioID string
	Seed                            int64
	Path                            []string // "step/choice", in order
	StartedAt                       time.Time
}

// ScenarioSummary is a learner's best outcome in a scenario and how often
// they played it.
type ScenarioSummary struct {
	Runs int
	Best string // good, mixed or poor
}
