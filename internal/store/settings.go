package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Setting returns a device-wide setting, or def when it was never set.
func (s *DB) Setting(ctx context.Context, key, def string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM setting WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return def, nil
	}
	if err != nil {
		return def, fmt.Errorf("setting %s: %w", key, err)
	}
	return v, nil
}

// SetSetting stores a device-wide setting.
func (s *DB) SetSetting(ctx context.Context, key, value string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
		if err != nil {
			return fmt.Errorf("set setting %s: %w", key, err)
		}
		return nil
	})
}

// SetSettings stores several settings in one transaction: a group that
// belongs together (the LRS address, user and password) is saved whole or
// not at all.
func (s *DB) SetSettings(ctx context.Context, values map[string]string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		for key, value := range values {
			_, err := tx.ExecContext(ctx,
				`INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
			if err != nil {
				return fmt.Errorf("set setting %s: %w", key, err)
			}
		}
		return nil
	})
}
