package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
)

// ReviewItem returns the review state of one question, if it is in review.
func (s *DB) ReviewItem(ctx context.Context, learnerID, courseID, quizID, questionID string) (domain.ReviewItem, bool, error) {
	it := domain.ReviewItem{CourseID: courseID, QuizID: quizID, QuestionID: questionID}
	var due string
	err := s.db.QueryRowContext(ctx, `SELECT due_at, step, streak FROM review_item
		WHERE learner_id = ? AND course_id = ? AND quiz_id = ? AND question_id = ?`,
		learnerID, courseID, quizID, questionID).Scan(&due, &it.Step, &it.Streak)
	if errors.Is(err, sql.ErrNoRows) {
		return it, false, nil
	}
	if err != nil {
		return it, false, fmt.Errorf("review of %s: %w", questionID, err)
	}
	it.Due = parseTime(sql.NullString{String: due, Valid: true})
	return it, true, nil
}

// DueReviews lists a learner's review items due at or before now, oldest first.
func (s *DB) DueReviews(ctx context.Context, learnerID string, now time.Time) ([]domain.ReviewItem, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT course_id, quiz_id, question_id, due_at, step, streak FROM review_item
		WHERE learner_id = ? AND due_at <= ? ORDER BY due_at, course_id, question_id`, learnerID, formatTime(now))
	if err != nil {
		return nil, fmt.Errorf("due reviews: %w", err)
	}
	defer rows.Close()
	var out []domain.ReviewItem
	for rows.Next() {
		var it domain.ReviewItem
		var due string
		if err := rows.Scan(&it.CourseID, &it.QuizID, &it.QuestionID, &due, &it.Step, &it.Streak); err != nil {
			return nil, err
		}
		it.Due = parseTime(sql.NullString{String: due, Valid: true})
		out = append(out, it)
	}
	return out, rows.Err()
}

// SaveReviewAnswer records an answer given in a review session: the new
// schedule and its statement, in one transaction.
func (s *DB) SaveReviewAnswer(ctx context.Context, learnerID string, change domain.ReviewChange, out ...domain.Statement) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if err := s.applyReview(ctx, tx, learnerID, &change); err != nil {
			return err
		}
		return s.queue(ctx, tx, out)
	})
}

func (s *DB) applyReview(ctx context.Context, tx *sql.Tx, learnerID string, change *domain.ReviewChange) error {
	if change == nil {
		return nil
	}
	it := change.Item
	var err error
	if change.Done {
		_, err = tx.ExecContext(ctx, `DELETE FROM review_item WHERE learner_id = ? AND course_id = ? AND quiz_id = ? AND question_id = ?`,
			learnerID, it.CourseID, it.QuizID, it.QuestionID)
	} else {
		_, err = tx.ExecContext(ctx, `INSERT INTO review_item (learner_id, course_id, quiz_id, question_id, due_at, step, streak)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET due_at = excluded.due_at, step = excluded.step, streak = excluded.streak`,
			learnerID, it.CourseID, it.QuizID, it.QuestionID, formatTime(it.Due), it.Step, it.Streak)
	}
	if err != nil {
		return fmt.Errorf("review of %s: %w", it.QuestionID, err)
	}
	return nil
}
