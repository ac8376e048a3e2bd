package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/ogoh/ogoh/internal/domain"
)

// CreateAttempt stores a new attempt; ID and StartedAt are set here.
// The attempt's ID must be set by the caller when out refers to it (as an
// xAPI registration); it is made here otherwise.
func (s *DB) CreateAttempt(ctx context.Context, a domain.Attempt, out ...domain.Statement) (*domain.Attempt, error) {
	if a.ID == "" {
		a.ID = domain.NewUUID()
	}
	a.StartedAt = s.now().UTC()
	order, _ := json.Marshal(a.QuestionIDs)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO quiz_attempt (id, learner_id, course_id, course_version, quiz_id, language, seed, question_ids, pass_mark, started_at)
			 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			a.ID, a.LearnerID, a.CourseID, a.CourseVersion, a.QuizID, a.Language, a.Seed, string(order), a.PassMark, formatTime(a.StartedAt))
		if err != nil {
			return err
		}
		return s.queue(ctx, tx, out)
	})
	if err != nil {
		return nil, fmt.Errorf("start quiz %s/%s: %w", a.CourseID, a.QuizID, err)
	}
	return &a, nil
}

// OpenAttempt returns the learner's unfinished attempt at a quiz with its
// answers, or ErrNotFound: this is how a quiz resumes after a crash.
func (s *DB) OpenAttempt(ctx context.Context, learnerID, courseID, quizID string) (*domain.Attempt, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+attemptColumns+` FROM quiz_attempt
		WHERE learner_id = ? AND course_id = ? AND quiz_id = ? AND finished_at IS NULL
		ORDER BY started_at DESC LIMIT 1`, learnerID, courseID, quizID)
	a, err := scanAttempt(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("open attempt at %s/%s: %w", courseID, quizID, err)
	}
	if a.Answers, err = s.answers(ctx, a.ID); err != nil {
		return nil, err
	}
	return a, nil
}

// LearnersWithOpenAttempts are the learners with an unfinished attempt at
// any quiz (the partial index quiz_attempt_open serves it).
func (s *DB) LearnersWithOpenAttempts(ctx context.Context) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT learner_id FROM quiz_attempt WHERE finished_at IS NULL`)
	if err != nil {
		return nil, fmt.Errorf("learners with open attempts: %w", err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("learners with open attempts: %w", err)
		}
		out[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("learners with open attempts: %w", err)
	}
	return out, nil
}

// Attempt returns an attempt by ID with its answers.
func (s *DB) Attempt(ctx context.Context, id string) (*domain.Attempt, error) {
	a, err := scanAttempt(s.db.QueryRowContext(ctx, `SELECT `+attemptColumns+` FROM quiz_attempt WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, domain.ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("attempt %s: %w", id, err)
	}
	if a.Answers, err = s.answers(ctx, a.ID); err != nil {
		return nil, err
	}
	return a, nil
}

// SaveAnswer commits one answer. It returns only once the answer is on
// disk; answering the same question twice is refused, so a double click
// cannot change a recorded answer.
// A review change, when given, is applied in the same transaction.
func (s *DB) SaveAnswer(ctx context.Context, attemptID string, ans domain.Answer, review *domain.ReviewChange, out ...domain.Statement) error {
	resp, _ := json.Marshal(ans.Response)
	return s.tx(ctx, func(tx *sql.Tx) error {
		var finished sql.NullString
		var learnerID string
		err := tx.QueryRowContext(ctx, `SELECT finished_at, learner_id FROM quiz_attempt WHERE id = ?`, attemptID).Scan(&finished, &learnerID)
		if err != nil {
			return fmt.Errorf("save answer to %s: attempt: %w", ans.QuestionID, err)
		}
		if finished.Valid {
			return fmt.Errorf("save answer to %s: attempt %s is finished", ans.QuestionID, attemptID)
		}
		_, err = tx.ExecContext(ctx,
			`INSERT INTO attempt_answer (attempt_id, position, question_id, response, correct, credit, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
			attemptID, ans.Position, ans.QuestionID, string(resp), ans.Correct, ans.Credit, s.stamp())
		if isConstraint(err) {
			return fmt.Errorf("save answer to %s: %w", ans.QuestionID, domain.ErrAlreadyAnswered)
		}
		if err != nil {
			return fmt.Errorf("save answer to %s: %w", ans.QuestionID, err)
		}
		if err := s.applyReview(ctx, tx, learnerID, review); err != nil {
			return err
		}
		return s.queue(ctx, tx, out)
	})
}

// FinishAttempt records the result of an attempt: the questions fully
// right, the points earned with partial credit, and the pass.
func (s *DB) FinishAttempt(ctx context.Context, attemptID string, r domain.AttemptResult, out ...domain.Statement) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx,
			`UPDATE quiz_attempt SET finished_at = ?, score = ?, points = ?, max_score = ?, passed = ? WHERE id = ? AND finished_at IS NULL`,
			s.stamp(), r.Score, r.Points, r.Max, r.Passed, attemptID)
		if err != nil {
			return fmt.Errorf("finish attempt %s: %w", attemptID, err)
		}
		if err := mustAffect(res, "unfinished attempt "+attemptID); err != nil {
			return err
		}
		return s.queue(ctx, tx, out)
	})
}

// QuizSummaries returns a learner's attempts at each quiz of a course.
func (s *DB) QuizSummaries(ctx context.Context, learnerID, courseID string) (map[string]domain.QuizSummary, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT quiz_id,
			COUNT(finished_at),
			COALESCE(MAX(passed), 0),
			COUNT(*) - COUNT(finished_at)
		FROM quiz_attempt WHERE learner_id = ? AND course_id = ? GROUP BY quiz_id`, learnerID, courseID)
	if err != nil {
		return nil, fmt.Errorf("quiz summaries of %s: %w", courseID, err)
	}
	defer rows.Close()
	out := map[string]domain.QuizSummary{}
	for rows.Next() {
		var id string
		var q domain.QuizSummary
		var open int
		if err := rows.Scan(&id, &q.Attempts, &q.Passed, &open); err != nil {
			return nil, err
		}
		q.Open = open > 0
		out[id] = q
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, s.fillBest(ctx, learnerID, courseID, out)
}

// fillBest reads the score, points and max of each quiz's best finished
// attempt: the one that earned the most, partial credit included.
func (s *DB) fillBest(ctx context.Context, learnerID, courseID string, out map[string]domain.QuizSummary) error {
	rows, err := s.db.QueryContext(ctx, `SELECT quiz_id, score, points, max_score FROM quiz_attempt
		WHERE learner_id = ? AND course_id = ? AND finished_at IS NOT NULL
		ORDER BY quiz_id, points / MAX(max_score, 1) DESC, finished_at`, learnerID, courseID)
	if err != nil {
		return fmt.Errorf("best scores of %s: %w", courseID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var score, max int
		var points float64
		if err := rows.Scan(&id, &score, &points, &max); err != nil {
			return err
		}
		if q := out[id]; q.BestMax == 0 {
			q.BestScore, q.BestPoints, q.BestMax = score, points, max
			out[id] = q
		}
	}
	return rows.Err()
}

const attemptColumns = `id, learner_id, course_id, course_version, quiz_id, language, seed, question_ids, pass_mark,
	started_at, finished_at, COALESCE(score, 0), COALESCE(points, 0), COALESCE(max_score, 0), COALESCE(passed, 0)`

func scanAttempt(r scanner) (*domain.Attempt, error) {
	var a domain.Attempt
	var order string
	var started, finished sql.NullString
	err := r.Scan(&a.ID, &a.LearnerID, &a.CourseID, &a.CourseVersion, &a.QuizID, &a.Language, &a.Seed, &order, &a.PassMark,
		&started, &finished, &a.Score, &a.Points, &a.Max, &a.Passed)
	if err != nil {
		return nil, err
	}
	a.StartedAt, a.FinishedAt = parseTime(started), parseTime(finished)
	if err := json.Unmarshal([]byte(order), &a.QuestionIDs); err != nil {
		return nil, fmt.Errorf("attempt %s question order: %w", a.ID, err)
	}
	return &a, nil
}

func (s *DB) answers(ctx context.Context, attemptID string) ([]domain.Answer, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT position, question_id, response, correct, credit, answered_at FROM attempt_answer WHERE attempt_id = ? ORDER BY position`, attemptID)
	if err != nil {
		return nil, fmt.Errorf("answers of attempt %s: %w", attemptID, err)
	}
	defer rows.Close()
	var out []domain.Answer
	for rows.Next() {
		var a domain.Answer
		var resp string
		var at sql.NullString
		if err := rows.Scan(&a.Position, &a.QuestionID, &resp, &a.Correct, &a.Credit, &at); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(resp), &a.Response); err != nil {
			return nil, fmt.Errorf("answer %s: %w", a.QuestionID, err)
		}
		a.AnsweredAt = parseTime(at)
		out = append(out, a)
	}
	return out, rows.Err()
}
