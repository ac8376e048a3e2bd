package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/ogoh/ogoh/internal/domain"
)

// QuizAttempts returns a learner's finished attempts at a quiz, newest
// first, each with its answers: the learner's history of that quiz.
func (s *DB) QuizAttempts(ctx context.Context, learnerID, courseID, quizID string) ([]domain.Attempt, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+attemptColumns+` FROM quiz_attempt
		WHERE learner_id = ? AND course_id = ? AND quiz_id = ? AND finished_at IS NOT NULL
		ORDER BY finished_at DESC, id`, learnerID, courseID, quizID)
	if err != nil {
		return nil, fmt.Errorf("attempts at %s/%s: %w", courseID, quizID, err)
	}
	var out []domain.Attempt
	for rows.Next() {
		a, err := scanAttempt(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("attempts at %s/%s: %w", courseID, quizID, err)
		}
		out = append(out, *a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("attempts at %s/%s: %w", courseID, quizID, err)
	}
	for i := range out { // after the rows are closed: one connection may be all there is
		if out[i].Answers, err = s.answers(ctx, out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ScenarioRuns returns a learner's finished plays of a course's
// scenarios, newest first, with the path taken and the ending reached.
func (s *DB) ScenarioRuns(ctx context.Context, learnerID, courseID string) ([]domain.ScenarioRunRecord, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, course_id, scenario_id, seed, path, outcome, finished_at FROM scenario_run
		WHERE learner_id = ? AND course_id = ? ORDER BY finished_at DESC, id`, learnerID, courseID)
	if err != nil {
		return nil, fmt.Errorf("scenario runs of %s: %w", courseID, err)
	}
	defer rows.Close()
	var out []domain.ScenarioRunRecord
	for rows.Next() {
		var run domain.ScenarioRunRecord
		var path string
		var at sql.NullString
		if err := rows.Scan(&run.ID, &run.CourseID, &run.ScenarioID, &run.Seed, &path, &run.Outcome, &at); err != nil {
			return nil, fmt.Errorf("scenario runs of %s: %w", courseID, err)
		}
		run.FinishedAt = parseTime(at)
		if err := json.Unmarshal([]byte(path), &run.Path); err != nil {
			return nil, fmt.Errorf("scenario run %s path: %w", run.ID, err)
		}
		out = append(out, run)
	}
	return out, rows.Err()
}
