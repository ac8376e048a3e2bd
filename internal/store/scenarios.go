package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// ScenarioRun is a scenario played to an ending.
type ScenarioRun struct {
	CourseID, ScenarioID string
	Path                 []string // "step/choice", in order
	Outcome              string
}

// SaveScenarioRun records a finished scenario with its statement.
func (s *DB) SaveScenarioRun(ctx context.Context, learnerID string, r ScenarioRun, out ...Statement) error {
	path, _ := json.Marshal(r.Path)
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO scenario_run (id, learner_id, course_id, scenario_id, path, outcome, finished_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, NewUUID(), learnerID, r.CourseID, r.ScenarioID, string(path), r.Outcome, s.stamp())
		if err != nil {
			return fmt.Errorf("save scenario %s: %w", r.ScenarioID, err)
		}
		return s.queue(ctx, tx, out)
	})
}

// ScenarioSummary is a learner's best outcome in a scenario and how often
// they played it.
type ScenarioSummary struct {
	Runs int
	Best string // good, mixed or poor
}

// ScenarioSummaries returns a learner's runs of each scenario of a course.
func (s *DB) ScenarioSummaries(ctx context.Context, learnerID, courseID string) (map[string]ScenarioSummary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT scenario_id, COUNT(*),
			CASE MIN(CASE outcome WHEN 'good' THEN 0 WHEN 'mixed' THEN 1 ELSE 2 END) WHEN 0 THEN 'good' WHEN 1 THEN 'mixed' ELSE 'poor' END
		FROM scenario_run WHERE learner_id = ? AND course_id = ? GROUP BY scenario_id`, learnerID, courseID)
	if err != nil {
		return nil, fmt.Errorf("scenarios of %s: %w", courseID, err)
	}
	defer rows.Close()
	out := map[string]ScenarioSummary{}
	for rows.Next() {
		var id string
		var sum ScenarioSummary
		if err := rows.Scan(&id, &sum.Runs, &sum.Best); err != nil {
			return nil, err
		}
		out[id] = sum
	}
	return out, rows.Err()
}
