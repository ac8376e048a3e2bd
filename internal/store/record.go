package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
)

// LearnerRecord reads a learner's whole record; the PIN hash stays behind.
func (s *DB) LearnerRecord(ctx context.Context, learnerID string) (domain.LearnerRecord, error) {
	var rec domain.LearnerRecord
	var err error
	if rec.Learner, err = s.Learner(ctx, learnerID); err != nil {
		return rec, err
	}
	rec.Learner.PINHash = ""
	readers := []func(context.Context, *domain.LearnerRecord) error{
		s.recordLessons, s.recordCompletions, s.recordAttempts, s.recordReviews, s.recordScenarios,
	}
	for _, read := range readers {
		if err := read(ctx, &rec); err != nil {
			return rec, fmt.Errorf("record of learner %s: %w", learnerID, err)
		}
	}
	return rec, nil
}

// each runs query for the learner and calls scan for each row.
func (s *DB) each(ctx context.Context, query, learnerID string, scan func(*sql.Rows) error) error {
	rows, err := s.db.QueryContext(ctx, query, learnerID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

func (s *DB) recordLessons(ctx context.Context, rec *domain.LearnerRecord) error {
	return s.each(ctx, `SELECT course_id, lesson_id, first_opened_at, completed_at FROM lesson_progress
		WHERE learner_id = ? ORDER BY course_id, first_opened_at, lesson_id`, rec.Learner.ID, func(r *sql.Rows) error {
		var l domain.LessonRecord
		var opened, done sql.NullString
		if err := r.Scan(&l.CourseID, &l.LessonID, &opened, &done); err != nil {
			return err
		}
		l.Opened, l.CompletedAt = parseTime(opened), parseTime(done)
		rec.Lessons = append(rec.Lessons, l)
		return nil
	})
}

func (s *DB) recordCompletions(ctx context.Context, rec *domain.LearnerRecord) error {
	return s.each(ctx, `SELECT course_id, completed_at FROM course_completion WHERE learner_id = ? ORDER BY completed_at, course_id`,
		rec.Learner.ID, func(r *sql.Rows) error {
			var c domain.CourseCompletion
			var at sql.NullString
			if err := r.Scan(&c.CourseID, &at); err != nil {
				return err
			}
			c.CompletedAt = parseTime(at)
			rec.Completions = append(rec.Completions, c)
			return nil
		})
}

func (s *DB) recordAttempts(ctx context.Context, rec *domain.LearnerRecord) error {
	err := s.each(ctx, `SELECT `+attemptColumns+` FROM quiz_attempt WHERE learner_id = ? ORDER BY started_at, id`,
		rec.Learner.ID, func(r *sql.Rows) error {
			a, err := scanAttempt(r)
			if err == nil {
				rec.Attempts = append(rec.Attempts, *a)
			}
			return err
		})
	if err != nil {
		return err
	}
	for i := range rec.Attempts {
		if rec.Attempts[i].Answers, err = s.answers(ctx, rec.Attempts[i].ID); err != nil {
			return err
		}
	}
	return nil
}

func (s *DB) recordReviews(ctx context.Context, rec *domain.LearnerRecord) error {
	return s.each(ctx, `SELECT course_id, quiz_id, question_id, due_at, step, streak FROM review_item
		WHERE learner_id = ? ORDER BY due_at, course_id, quiz_id, question_id`, rec.Learner.ID, func(r *sql.Rows) error {
		var it domain.ReviewItem
		var due sql.NullString
		if err := r.Scan(&it.CourseID, &it.QuizID, &it.QuestionID, &due, &it.Step, &it.Streak); err != nil {
			return err
		}
		it.Due = parseTime(due)
		rec.Reviews = append(rec.Reviews, it)
		return nil
	})
}

func (s *DB) recordScenarios(ctx context.Context, rec *domain.LearnerRecord) error {
	return s.each(ctx, `SELECT id, course_id, scenario_id, seed, path, outcome, finished_at FROM scenario_run
		WHERE learner_id = ? ORDER BY finished_at, id`, rec.Learner.ID, func(r *sql.Rows) error {
		var run domain.ScenarioRunRecord
		var path string
		var at sql.NullString
		if err := r.Scan(&run.ID, &run.CourseID, &run.ScenarioID, &run.Seed, &path, &run.Outcome, &at); err != nil {
			return err
		}
		run.FinishedAt = parseTime(at)
		if err := json.Unmarshal([]byte(path), &run.Path); err != nil {
			return fmt.Errorf("scenario run %s path: %w", run.ID, err)
		}
		rec.Scenarios = append(rec.Scenarios, run)
		return nil
	})
}

// ImportLearnerRecord adds a learner's record from another device in one
// transaction. A learner who comes back is listed again, with the
// profile as the record has it and this device's own PIN; rows the device
// already holds are kept as they are.
func (s *DB) ImportLearnerRecord(ctx context.Context, rec domain.LearnerRecord) error {
	steps := []func(context.Context, *sql.Tx, *domain.LearnerRecord) error{
		importLearner, importLessons, importCompletions, importAttempts, importReviews, importScenarios,
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, step := range steps {
			if err := step(ctx, tx, &rec); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("import the record of learner %s: %w", rec.Learner.ID, err)
	}
	return nil
}

func importLearner(ctx context.Context, tx *sql.Tx, rec *domain.LearnerRecord) error {
	l := rec.Learner
	_, err := tx.ExecContext(ctx, `INSERT INTO learner (id, name, role, post, staff_number, language, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role, post = excluded.post,
			staff_number = excluded.staff_number, language = excluded.language, archived_at = NULL, moved_at = NULL`,
		l.ID, l.Name, string(l.Role), l.Post, l.StaffNumber, l.Language, formatTime(l.CreatedAt))
	return err
}

func importLessons(ctx context.Context, tx *sql.Tx, rec *domain.LearnerRecord) error {
	for _, l := range rec.Lessons {
		_, err := tx.ExecContext(ctx, `INSERT INTO lesson_progress (learner_id, course_id, lesson_id, first_opened_at, completed_at)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (learner_id, course_id, lesson_id) DO UPDATE SET completed_at = COALESCE(completed_at, excluded.completed_at)`,
			rec.Learner.ID, l.CourseID, l.LessonID, formatTime(l.Opened), optionalTime(l.CompletedAt))
		if err != nil {
			return err
		}
	}
	return nil
}

func importCompletions(ctx context.Context, tx *sql.Tx, rec *domain.LearnerRecord) error {
	for _, c := range rec.Completions {
		_, err := tx.ExecContext(ctx, `INSERT INTO course_completion (learner_id, course_id, completed_at) VALUES (?, ?, ?)
			ON CONFLICT DO NOTHING`, rec.Learner.ID, c.CourseID, formatTime(c.CompletedAt))
		if err != nil {
			return err
		}
	}
	return nil
}

func importAttempts(ctx context.Context, tx *sql.Tx, rec *domain.LearnerRecord) error {
	for _, a := range rec.Attempts {
		order, _ := json.Marshal(a.QuestionIDs)
		var score, points, max, passed any
		if a.Finished() {
			score, points, max, passed = a.Score, a.Points, a.Max, a.Passed
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO quiz_attempt (id, learner_id, course_id, course_version, quiz_id, language, seed,
				question_ids, pass_mark, started_at, finished_at, score, points, max_score, passed)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			a.ID, rec.Learner.ID, a.CourseID, a.CourseVersion, a.QuizID, a.Language, a.Seed, string(order), a.PassMark,
			formatTime(a.StartedAt), optionalTime(a.FinishedAt), score, points, max, passed)
		if err != nil {
			return err
		}
		for _, ans := range a.Answers {
			resp, _ := json.Marshal(ans.Response)
			_, err := tx.ExecContext(ctx, `INSERT INTO attempt_answer (attempt_id, position, question_id, response, correct, credit, answered_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
				a.ID, ans.Position, ans.QuestionID, string(resp), ans.Correct, ans.Credit, formatTime(ans.AnsweredAt))
			if err != nil {
				return err
			}
		}
	}
	return nil
}

func importReviews(ctx context.Context, tx *sql.Tx, rec *domain.LearnerRecord) error {
	for _, it := range rec.Reviews {
		_, err := tx.ExecContext(ctx, `INSERT INTO review_item (learner_id, course_id, quiz_id, question_id, due_at, step, streak)
			VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			rec.Learner.ID, it.CourseID, it.QuizID, it.QuestionID, formatTime(it.Due), it.Step, it.Streak)
		if err != nil {
			return err
		}
	}
	return nil
}

func importScenarios(ctx context.Context, tx *sql.Tx, rec *domain.LearnerRecord) error {
	for _, r := range rec.Scenarios {
		path, _ := json.Marshal(append([]string{}, r.Path...))
		_, err := tx.ExecContext(ctx, `INSERT INTO scenario_run (id, learner_id, course_id, scenario_id, seed, path, outcome, finished_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			r.ID, rec.Learner.ID, r.CourseID, r.ScenarioID, r.Seed, string(path), r.Outcome, formatTime(r.FinishedAt))
		if err != nil {
			return err
		}
	}
	return nil
}

// optionalTime is a time for a column where NULL means "not yet".
func optionalTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return formatTime(t)
}

// MarkLearnerMoved takes the learner off the lists and the report as
// moved; an unknown or already moved learner is domain.ErrNotFound.
func (s *DB) MarkLearnerMoved(ctx context.Context, learnerID string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE learner SET moved_at = ?, archived_at = COALESCE(archived_at, ?)
			WHERE id = ? AND moved_at IS NULL`, s.stamp(), s.stamp(), learnerID)
		if err != nil {
			return fmt.Errorf("mark learner %s moved: %w", learnerID, err)
		}
		return mustAffect(res, "learner "+learnerID+" not yet moved")
	})
}
