package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"

	"github.com/ogoh/ogoh/internal/domain"
)

// KnownSchemaVersion is the number of the last migration this app has.
func KnownSchemaVersion() int {
	all, err := pendingMigrations(0)
	if err != nil || len(all) == 0 {
		return 0
	}
	return all[len(all)-1].version
}

// tooNew returns a *domain.SchemaTooNewError when db's schema is newer than this
// app knows.
func tooNew(ctx context.Context, db *sql.DB, file string) error {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if known := KnownSchemaVersion(); v > known {
		return &domain.SchemaTooNewError{File: file, Found: v, Known: known}
	}
	return nil
}

// refuseNewer looks at an existing database read-only, before anything
// opens it for writing (which would set its journal mode, add a device row
// or take a backup), and refuses one from a newer Ogoh.
func refuseNewer(ctx context.Context, file string) error {
	info, err := os.Stat(file)
	if errors.Is(err, os.ErrNotExist) || (err == nil && info.Size() == 0) {
		return nil
	}
	if err != nil {
		return err
	}
	db, err := openReadOnly(file)
	if err != nil {
		return err
	}
	defer db.Close()
	return tooNew(ctx, db, file)
}
