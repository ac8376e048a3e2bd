// Package store keeps Ogoh's progress in one SQLite file. All SQL lives
// here. Every exported method is one transaction, so an answer is either on
// disk or not given; times come from the clock passed to Open.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3"
	"github.com/ogoh/ogoh/internal/domain"
)

// FileName is the database's name inside the data folder.
const FileName = "ogoh.db"

//go:embed migrations/*.sql
var migrations embed.FS

// DB is an open progress database.
type DB struct {
	db        *sql.DB
	now       func() time.Time
	backupDir string // where to copy the database before a migration; "" for none
	file      string
}

// Option changes how Open opens a database.
type Option func(*openConfig)

type openConfig struct {
	dsn       url.Values
	backupDir string
}

// BackupBeforeMigrating copies the database into dir before any
// migration changes an existing schema.
func BackupBeforeMigrating(dir string) Option {
	return func(c *openConfig) { c.backupDir = dir }
}

// Unsynced trades durability for speed: SQLite does not wait for the disk.
// Only for filling a throwaway database (demo data, benchmarks); never for
// a learner's progress.
func Unsynced() Option { return func(c *openConfig) { c.dsn.Set("_synchronous", "OFF") } }

// Open opens (creating if needed) the database at file and brings its
// schema up to date. synchronous=FULL because a power cut at a post must
// not lose an answer the learner saw confirmed.
func Open(ctx context.Context, file string, now func() time.Time, opts ...Option) (*DB, error) {
	q := url.Values{}
	q.Set("_foreign_keys", "1")
	q.Set("_journal_mode", "WAL")
	q.Set("_synchronous", "FULL")
	q.Set("_busy_timeout", "5000")
	q.Set("_txlock", "immediate")
	cfg := openConfig{dsn: q}
	for _, o := range opts {
		o(&cfg)
	}
	if err := refuseNewer(ctx, file); err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := createPrivate(file); err != nil {
		return nil, fmt.Errorf("open database %s: %w", file, err)
	}
	uri, err := fileURI(file, q)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite3", uri)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", file, err)
	}
	s := &DB{db: db, now: now, backupDir: cfg.backupDir, file: file}
	if err := s.init(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", file, err)
	}
	return s, nil
}

func (s *DB) init(ctx context.Context) error {
	var mode string
	if err := s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return fmt.Errorf("read journal mode: %w", err)
	}
	if mode != "wal" {
		return fmt.Errorf("journal mode is %q, want wal", mode)
	}
	if err := s.migrate(ctx); err != nil {
		return err
	}
	return s.ensureDevice(ctx)
}

// OpenReadOnly opens the database at file for reading only: no
// migration, no backup, no device row, and no file made or changed, so a
// report can be made from a read-only folder or a copy. A database from a
// newer Ogoh is refused as by Open.
func OpenReadOnly(ctx context.Context, file string, now func() time.Time) (*DB, error) {
	if _, err := os.Stat(file); err != nil {
		return nil, fmt.Errorf("open database read-only: %w", err)
	}
	db, err := openReadOnly(file)
	if err != nil {
		return nil, fmt.Errorf("open database %s read-only: %w", file, err)
	}
	if err := tooNew(ctx, db, file); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database read-only: %w", err)
	}
	s := &DB{db: db, now: now, file: file}
	v, err := s.SchemaVersion(ctx)
	if err == nil && v == 0 {
		err = errors.New("it holds no progress yet (an empty, new database)")
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s read-only: %w", file, err)
	}
	return s, nil
}

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

// SchemaVersion is the number of the last migration applied.
func (s *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v)
	return v, err
}

type migration struct {
	version int
	name    string
}

func pendingMigrations(current int) ([]migration, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, n := range names {
		num, _, ok := strings.Cut(path.Base(n), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with its number", n)
		}
		if v > current {
			out = append(out, migration{v, n})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// migrate applies each pending migration in its own transaction together
// with the new user_version, so a crash leaves the schema at a known step.
func (s *DB) migrate(ctx context.Context) error {
	if err := tooNew(ctx, s.db, s.file); err != nil {
		return err // its -wal said newer than its file did
	}
	current, err := s.SchemaVersion(ctx)
	if err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	pending, err := pendingMigrations(current)
	if err != nil {
		return err
	}
	if current > 0 && len(pending) > 0 && s.backupDir != "" {
		name := fmt.Sprintf("before-v%d-%s.db", pending[0].version, s.now().UTC().Format("20060102-150405"))
		if err := s.Backup(ctx, filepath.Join(s.backupDir, name)); err != nil {
			return fmt.Errorf("backup before migrating: %w", err)
		}
	}
	for _, m := range pending {
		body, err := migrations.ReadFile(m.name)
		if err != nil {
			return err
		}
		err = s.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version))
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	return nil
}

func (s *DB) ensureDevice(ctx context.Context) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx,
			`INSERT INTO device (id, uuid, created_at) VALUES (1, ?, ?) ON CONFLICT (id) DO NOTHING`,
			domain.NewUUID(), s.stamp())
		return err
	})
}

// DeviceID is this device's UUID, made when the database was created.
func (s *DB) DeviceID(ctx context.Context) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, `SELECT uuid FROM device WHERE id = 1`).Scan(&id)
	return id, err
}

// tx runs fn in one transaction, committing only if it returns nil.
func (s *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return coded(err)
	}
	if err := fn(tx); err != nil {
		return coded(errors.Join(err, tx.Rollback()))
	}
	return coded(tx.Commit())
}

func (s *DB) stamp() string { return formatTime(s.now()) }

func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseTime(s sql.NullString) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	t, _ := time.Parse(time.RFC3339Nano, s.String)
	return t
}

// IntegrityCheck runs SQLite's integrity check and returns its verdict
// ("ok" when the file is sound).
func (s *DB) IntegrityCheck(ctx context.Context) (string, error) {
	var verdict string
	err := s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&verdict)
	return verdict, err
}

// DB is the device's domain.Store.
var _ domain.Store = (*DB)(nil)
