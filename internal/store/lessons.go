package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/ogoh/ogoh/internal/domain"
)

// OpenLesson records that a learner opened a lesson (keeping the first
// time) with the statements describing it.
func (s *DB) OpenLesson(ctx context.Context, learnerID, courseID, lessonID string, out ...domain.Statement) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO lesson_progress (learner_id, course_id, lesson_id, first_opened_at) VALUES (?, ?, ?, ?)
			 ON CONFLICT DO NOTHING`, learnerID, courseID, lessonID, s.stamp())
		if err != nil {
			return fmt.Errorf("open lesson %s/%s: %w", courseID, lessonID, err)
		}
		return s.queue(ctx, tx, out)
	})
}

// CompleteLesson records that a learner read a lesson to the end. Only the
// first completion counts: it reports whether this was it, and only then
// queues the statements.
func (s *DB) CompleteLesson(ctx context.Context, learnerID, courseID, lessonID string, out ...domain.Statement) (bool, error) {
	first := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		now := s.stamp()
		res, err := tx.ExecContext(ctx,
			`INSERT INTO lesson_progress (learner_id, course_id, lesson_id, first_opened_at, completed_at) VALUES (?, ?, ?, ?, ?)
			 ON CONFLICT DO UPDATE SET completed_at = excluded.completed_at WHERE completed_at IS NULL`,
			learnerID, courseID, lessonID, now, now)
		if err != nil {
			return fmt.Errorf("complete lesson %s/%s: %w", courseID, lessonID, err)
		}
		n, _ := res.RowsAffected()
		if first = n > 0; !first {
			return nil
		}
		return s.queue(ctx, tx, out)
	})
	return first, err
}

// CompleteCourse records, once, that a learner finished a course, with
// its statements; it reports whether this was the first time.
func (s *DB) CompleteCourse(ctx context.Context, learnerID, courseID string, out ...domain.Statement) (bool, error) {
	first := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO course_completion (learner_id, course_id, completed_at) VALUES (?, ?, ?)
			ON CONFLICT DO NOTHING`, learnerID, courseID, s.stamp())
		if err != nil {
			return fmt.Errorf("complete course %s: %w", courseID, err)
		}
		n, _ := res.RowsAffected()
		if first = n > 0; !first {
			return nil
		}
		return s.queue(ctx, tx, out)
	})
	return first, err
}

// Lessons returns a learner's progress in the lessons of a course, by lesson ID.
func (s *DB) Lessons(ctx context.Context, learnerID, courseID string) (map[string]domain.LessonState, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT lesson_id, first_opened_at, completed_at FROM lesson_progress WHERE learner_id = ? AND course_id = ?`,
		learnerID, courseID)
	if err != nil {
		return nil, fmt.Errorf("lessons of %s: %w", courseID, err)
	}
	defer rows.Close()
	out := map[string]domain.LessonState{}
	for rows.Next() {
		var st domain.LessonState
		var opened, done sql.NullString
		if err := rows.Scan(&st.LessonID, &opened, &done); err != nil {
			return nil, err
		}
		st.Opened, st.CompletedAt = parseTime(opened), parseTime(done)
		out[st.LessonID] = st
	}
	return out, rows.Err()
}
