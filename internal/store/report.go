package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/ogoh/ogoh/internal/domain"
)

// Report lists every active learner's progress in every course they
// started, in one query, by name then course. The best percent is
// domain.Percent of the points earned, partial credit included, written
// in SQL.
func (s *DB) Report(ctx context.Context) ([]domain.ReportRow, error) {
	rows, err := s.db.QueryContext(ctx, `
		WITH pairs AS (
			SELECT learner_id, course_id FROM lesson_progress
			UNION SELECT learner_id, course_id FROM quiz_attempt),
		lessons AS (
			SELECT learner_id, course_id, COUNT(completed_at) AS done,
				MAX(COALESCE(completed_at, first_opened_at)) AS last
			FROM lesson_progress GROUP BY learner_id, course_id),
		quizzes AS (
			SELECT learner_id, course_id, COUNT(finished_at) AS attempts, MAX(COALESCE(passed, 0)) AS passed,
				MAX(CASE WHEN max_score > 0 THEN CAST(ROUND(points * 10000.0 / max_score) AS INTEGER) / 100 END) AS best,
				MAX(COALESCE(finished_at, started_at)) AS last
			FROM quiz_attempt GROUP BY learner_id, course_id)
		SELECT l.id, l.name, l.role, l.post, p.course_id, COALESCE(ls.done, 0), COALESCE(q.attempts, 0),
			COALESCE(q.best, -1), COALESCE(q.passed, 0), MAX(COALESCE(ls.last, ''), COALESCE(q.last, ''))
		FROM pairs p
		JOIN learner l ON l.id = p.learner_id
		LEFT JOIN lessons ls ON ls.learner_id = p.learner_id AND ls.course_id = p.course_id
		LEFT JOIN quizzes q ON q.learner_id = p.learner_id AND q.course_id = p.course_id
		WHERE l.archived_at IS NULL
		ORDER BY l.name COLLATE NOCASE, l.id, p.course_id`)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	defer rows.Close()
	var out []domain.ReportRow
	for rows.Next() {
		var r domain.ReportRow
		var last string
		if err := rows.Scan(&r.LearnerID, &r.Name, &r.Role, &r.Post, &r.CourseID, &r.LessonsDone, &r.Attempts,
			&r.BestPercent, &r.Passed, &last); err != nil {
			return nil, err
		}
		r.LastActivity = parseTime(sql.NullString{String: last, Valid: last != ""})
		out = append(out, r)
	}
	return out, rows.Err()
}

// ArchiveLearner hides a learner from the picker and reports; their
// records stay, and statements already made still sync.
// ClearLearnerPIN removes a learner's PIN; their records stay as they are.
func (s *DB) ClearLearnerPIN(ctx context.Context, id string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE learner SET pin_hash = NULL, pin_failures = 0 WHERE id = ?`, id)
		if err != nil {
			return fmt.Errorf("clear PIN of learner %s: %w", id, err)
		}
		return mustAffect(res, "learner "+id)
	})
}

func (s *DB) ArchiveLearner(ctx context.Context, id string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE learner SET archived_at = ? WHERE id = ? AND archived_at IS NULL`, s.stamp(), id)
		if err != nil {
			return fmt.Errorf("archive learner %s: %w", id, err)
		}
		return mustAffect(res, "learner "+id)
	})
}
