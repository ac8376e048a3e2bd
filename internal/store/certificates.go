package store

import (
	"context"
	"fmt"

	"github.com/ogoh/ogoh/internal/domain"
)

// PassedAttempts returns the learner's first passing attempt at each quiz
// of a course, without answers, in the order of their quiz IDs.
func (s *DB) PassedAttempts(ctx context.Context, learnerID, courseID string) ([]domain.Attempt, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+attemptColumns+` FROM quiz_attempt
		WHERE learner_id = ? AND course_id = ? AND finished_at IS NOT NULL AND passed = 1
		ORDER BY quiz_id, finished_at`, learnerID, courseID)
	if err != nil {
		return nil, fmt.Errorf("passed quizzes of %s: %w", courseID, err)
	}
	defer rows.Close()
	var out []domain.Attempt
	for rows.Next() {
		a, err := scanAttempt(rows)
		if err != nil {
			return nil, err
		}
		if n := len(out); n > 0 && out[n-1].QuizID == a.QuizID {
			continue
		}
		out = append(out, *a)
	}
	return out, rows.Err()
}
