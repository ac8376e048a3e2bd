package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ogoh/ogoh/internal/domain"
)

// SaveScenarioRun records a finished scenario with its statement, and
// ends the learner's open play of it, if any, in the same transaction.
func (s *DB) SaveScenarioRun(ctx context.Context, learnerID string, r domain.ScenarioRun, out ...domain.Statement) error {
	path, _ := json.Marshal(r.Path)
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO scenario_run (id, learner_id, course_id, scenario_id, seed, path, outcome, finished_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, domain.NewUUID(), learnerID, r.CourseID, r.ScenarioID, r.Seed, string(path), r.Outcome, s.stamp())
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

// StartScenarioPlay stores a new play, replacing the learner's open play
// of the same scenario; ID and StartedAt are set here.
func (s *DB) StartScenarioPlay(ctx context.Context, p domain.ScenarioPlay) (*domain.ScenarioPlay, error) {
	p.ID, p.StartedAt = domain.NewUUID(), s.now().UTC()
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
func (s *DB) OpenScenarioPlay(ctx context.Context, learnerID, courseID, scenarioID string) (*domain.ScenarioPlay, error) {
	p := domain.ScenarioPlay{LearnerID: learnerID, CourseID: courseID, ScenarioID: scenarioID}
	var path string
	var started sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT id, seed, path, started_at FROM scenario_play
		WHERE learner_id = ? AND course_id = ? AND scenario_id = ?`, learnerID, courseID, scenarioID).Scan(&p.ID, &p.Seed, &path, &started)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.ErrNotFound
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
		return fmt.Errorf("save scenario choice: play %s: %w", playID, domain.ErrNotFound)
	}
	return nil
}

// ScenarioSummaries returns a learner's runs of each scenario of a course.
func (s *DB) ScenarioSummaries(ctx context.Context, learnerID, courseID string) (map[string]domain.ScenarioSummary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT scenario_id, COUNT(*),
			CASE MIN(CASE outcome WHEN 'good' THEN 0 WHEN 'mixed' THEN 1 ELSE 2 END) WHEN 0 THEN 'good' WHEN 1 THEN 'mixed' ELSE 'poor' END
		FROM scenario_run WHERE learner_id = ? AND course_id = ? GROUP BY scenario_id`, learnerID, courseID)
	if err != nil {
		return nil, fmt.Errorf("scenarios of %s: %w", courseID, err)
	}
	defer rows.Close()
	out := map[string]domain.ScenarioSummary{}
	for rows.Next() {
		var id string
		var sum domain.ScenarioSummary
		if err := rows.Scan(&id, &sum.Runs, &sum.Best); err != nil {
			return nil, err
		}
		out[id] = sum
	}
	return out, rows.Err()
}
