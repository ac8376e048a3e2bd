package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// ScenarioRun is a scenario played to an ending.
type ScenarioRun struct {
	CourseID, ScenarioID string
	Seed                 int64    // the play's choice order
	Path                 []string // "step/choice", in order
	Outcome              string
}

// SaveScenarioRun records a finished scenario with its statement, and
// ends the learner's open play of it, if any, in the same transaction.
func (s *DB) SaveScenarioRun(ctx context.Context, learnerID string, r ScenarioRun, out ...Statement) error {
	path, _ := json.Marshal(r.Path)
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO scenario_run (id, learner_id, course_id, scenario_id, seed, path, outcome, finished_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, NewUUID(), learnerID, r.CourseID, r.ScenarioID, r.Seed, string(path), r.Outcome, s.stamp())
		if err != nil {
			return fmt.Errorf("save scenario %s: %w", r.ScenarioID, err)
		}
		_, err = tx.ExecContext(ctx, `DELETE FROM scenario_play WHERE learner_id = ? AND course_id = ? AND scenario_id = ?`,
			learnerID, r.CourseID, r.ScenarioID)
		if err != nil {
			return fmt.Errorf("end play of %s: %w", r.ScenarioID, err)
		}
		return s.queue(ctx, tx, out)
	})
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

// StartScenarioPlay stores a new play, replacing the learner's open play
// of the same scenario; ID and StartedAt are set here.
func (s *DB) StartScenarioPlay(ctx context.Context, p ScenarioPlay) (*ScenarioPlay, error) {
	p.ID, p.StartedAt = NewUUID(), s.now().UTC()
	path, _ := json.Marshal(append([]string{}, p.Path...))
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM scenario_play WHERE learner_id = ? AND course_id = ? AND scenario_id = ?`,
			p.LearnerID, p.CourseID, p.ScenarioID)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO scenario_play (id, learner_id, course_id, scenario_id, seed, path, started_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, p.ID, p.LearnerID, p.CourseID, p.ScenarioID, p.Seed, string(path), formatTime(p.StartedAt))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("start scenario %s/%s: %w", p.CourseID, p.ScenarioID, err)
	}
	return &p, nil
}

// OpenScenarioPlay returns the learner's unfinished play of a scenario,
// or ErrNotFound: this is how a play resumes after a restart.
func (s *DB) OpenScenarioPlay(ctx context.Context, learnerID, courseID, scenarioID string) (*ScenarioPlay, error) {
	p := ScenarioPlay{LearnerID: learnerID, CourseID: courseID, ScenarioID: scenarioID}
	var path string
	var started sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT id, seed, path, started_at FROM scenario_play
		WHERE learner_id = ? AND course_id = ? AND scenario_id = ?`, learnerID, courseID, scenarioID).Scan(&p.ID, &p.Seed, &path, &started)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("open play of %s/%s: %w", courseID, scenarioID, err)
	}
	if err := json.Unmarshal([]byte(path), &p.Path); err != nil {
		return nil, fmt.Errorf("open play of %s/%s: path: %w", courseID, scenarioID, err)
	}
	p.StartedAt = parseTime(started)
	return &p, nil
}

// SaveScenarioPath records the choices made so far in an open play. It
// returns only once they are on disk.
func (s *DB) SaveScenarioPath(ctx context.Context, playID string, path []string) error {
	data, _ := json.Marshal(append([]string{}, path...))
	res, err := s.db.ExecContext(ctx, `UPDATE scenario_play SET path = ? WHERE id = ?`, string(data), playID)
	if err != nil {
		return fmt.Errorf("save scenario choice: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("save scenario choice: play %s: %w", playID, ErrNotFound)
	}
	return nil
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
