package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/ogoh/ogoh/internal/domain"
)

// CreateLearner stores a new learner and returns it with its ID.
func (s *DB) CreateLearner(ctx context.Context, l domain.Learner) (domain.Learner, error) {
	l.ID = domain.NewUUID()
	l.CreatedAt = s.now().UTC()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO learner (id, name, role, post, staff_number, language, pin_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			l.ID, l.Name, l.Role, l.Post, l.StaffNumber, l.Language, nullable(l.PINHash), formatTime(l.CreatedAt))
		return err
	})
	if err != nil {
		return domain.Learner{}, fmt.Errorf("create learner %q: %w", l.Name, err)
	}
	return l, nil
}

const learnerColumns = `id, name, role, post, staff_number, language, COALESCE(pin_hash, ''), created_at`

// Learners lists the active learners, by name.
func (s *DB) Learners(ctx context.Context) ([]domain.Learner, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT `+learnerColumns+` FROM learner WHERE archived_at IS NULL ORDER BY name COLLATE NOCASE, created_at`)
	if err != nil {
		return nil, fmt.Errorf("list learners: %w", err)
	}
	defer rows.Close()
	var out []domain.Learner
	for rows.Next() {
		l, err := scanLearner(rows)
		if err != nil {
			return nil, fmt.Errorf("list learners: %w", err)
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// HasLearners is whether an active learner exists.
func (s *DB) HasLearners(ctx context.Context) (bool, error) {
	var has bool
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM learner WHERE archived_at IS NULL)`).Scan(&has)
	if err != nil {
		return false, fmt.Errorf("any learner: %w", err)
	}
	return has, nil
}

// Learner returns one learner by ID.
func (s *DB) Learner(ctx context.Context, id string) (domain.Learner, error) {
	l, err := scanLearner(s.db.QueryRowContext(ctx, `SELECT `+learnerColumns+` FROM learner WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		err = domain.ErrNotFound
	}
	if err != nil {
		return domain.Learner{}, fmt.Errorf("learner %s: %w", id, err)
	}
	return l, nil
}

// SetLearnerLanguage records the language a learner chose.
func (s *DB) SetLearnerLanguage(ctx context.Context, id, lang string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE learner SET language = ? WHERE id = ?`, lang, id)
		if err != nil {
			return fmt.Errorf("set language of learner %s: %w", id, err)
		}
		return mustAffect(res, "learner "+id)
	})
}

type scanner interface{ Scan(...any) error }

func scanLearner(r scanner) (domain.Learner, error) {
	var l domain.Learner
	var created sql.NullString
	err := r.Scan(&l.ID, &l.Name, &l.Role, &l.Post, &l.StaffNumber, &l.Language, &l.PINHash, &created)
	l.CreatedAt = parseTime(created)
	return l, err
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func mustAffect(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, domain.ErrNotFound)
	}
	return nil
}

// PINFailures is how many wrong PINs were typed in a row for a learner.
func (s *DB) PINFailures(ctx context.Context, id string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT pin_failures FROM learner WHERE id = ?`, id).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		err = domain.ErrNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("PIN failures of learner %s: %w", id, err)
	}
	return n, nil
}

// AddPINFailure counts one more wrong PIN for a learner and returns the
// count, in one transaction, so two windows cannot both take the last try.
func (s *DB) AddPINFailure(ctx context.Context, id string) (int, error) {
	var n int
	err := s.tx(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx,
			`UPDATE learner SET pin_failures = pin_failures + 1 WHERE id = ? RETURNING pin_failures`, id).Scan(&n)
	})
	if errors.Is(err, sql.ErrNoRows) {
		err = domain.ErrNotFound
	}
	if err != nil {
		return 0, fmt.Errorf("count a wrong PIN of learner %s: %w", id, err)
	}
	return n, nil
}

// ResetPINFailures forgets a learner's wrong PINs (after a right one).
func (s *DB) ResetPINFailures(ctx context.Context, id string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE learner SET pin_failures = 0 WHERE id = ? AND pin_failures <> 0`, id); err != nil {
			return fmt.Errorf("reset PIN failures of learner %s: %w", id, err)
		}
		return nil
	})
}

// demoColumnSince is the migration that added learner.demo.
const demoColumnSince = 7

// RealLearnerIDs are the learners not made by demo seed, archived ones
// included: a device's real people.
func (s *DB) RealLearnerIDs(ctx context.Context) ([]string, error) {
	query := `SELECT id FROM learner WHERE demo = 0 ORDER BY id`
	if v, err := s.SchemaVersion(ctx); err == nil && v < demoColumnSince {
		query = `SELECT id FROM learner ORDER BY id` // read-only and not yet migrated: all are real
	}
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("list real learners: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("list real learners: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// MarkDemoLearners marks every learner not in keep as made by demo seed.
func (s *DB) MarkDemoLearners(ctx context.Context, keep []string) error {
	real := map[string]bool{}
	for _, id := range keep {
		real[id] = true
	}
	ids, err := s.RealLearnerIDs(ctx)
	if err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			if real[id] {
				continue
			}
			if _, err := tx.ExecContext(ctx, `UPDATE learner SET demo = 1 WHERE id = ?`, id); err != nil {
				return fmt.Errorf("mark demo learner %s: %w", id, err)
			}
		}
		return nil
	})
}
