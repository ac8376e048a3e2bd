package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/ogoh/ogoh/internal/domain"
)

// TrustedKeys lists the keys this device trusts.
func (s *DB) TrustedKeys(ctx context.Context) ([]domain.TrustedKey, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name, public FROM trusted_key ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("trusted keys: %w", err)
	}
	defer rows.Close()
	var out []domain.TrustedKey
	for rows.Next() {
		var k domain.TrustedKey
		if err := rows.Scan(&k.ID, &k.Name, &k.Public); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rows.Err()
}

// AddTrustedKey trusts a key (again: adding it twice keeps one).
func (s *DB) AddTrustedKey(ctx context.Context, k domain.TrustedKey) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO trusted_key (id, name, public, added_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET name = excluded.name`, k.ID, k.Name, k.Public, s.stamp())
		if err != nil {
			return fmt.Errorf("trust key %s: %w", k.Name, err)
		}
		return nil
	})
}

// RemoveTrustedKey stops trusting a key; installed courses stay.
func (s *DB) RemoveTrustedKey(ctx context.Context, id string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM trusted_key WHERE id = ?`, id)
		return err
	})
}

// RecordInstall notes an installed course and its signer.
func (s *DB) RecordInstall(ctx context.Context, c domain.InstalledCourse) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO installed_course (course_id, version, key_id, installed_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (course_id) DO UPDATE SET version = excluded.version, key_id = excluded.key_id, installed_at = excluded.installed_at`,
			c.CourseID, c.Version, c.KeyID, s.stamp())
		return err
	})
}

// ForgetInstall removes the record of a removed course.
func (s *DB) ForgetInstall(ctx context.Context, courseID string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM installed_course WHERE course_id = ?`, courseID)
		return err
	})
}

// Installs lists the installed courses with their signers.
func (s *DB) Installs(ctx context.Context) ([]domain.InstalledCourse, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT course_id, version, key_id FROM installed_course ORDER BY course_id`)
	if err != nil {
		return nil, fmt.Errorf("installed courses: %w", err)
	}
	defer rows.Close()
	var out []domain.InstalledCourse
	for rows.Next() {
		var c domain.InstalledCourse
		if err := rows.Scan(&c.CourseID, &c.Version, &c.KeyID); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
