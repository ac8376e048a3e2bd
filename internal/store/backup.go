package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// BackupDir is where backups go, inside the data folder.
const BackupDir = "backups"

// KeepBackups is how many daily backups are kept.
const KeepBackups = 7

// ErrCorrupt means the database file is damaged or not a database.
var ErrCorrupt = errors.New("the progress database is damaged")

// Backup writes a consistent copy of the database to path with VACUUM
// INTO, which works while the app runs.
func (s *DB) Backup(ctx context.Context, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	return nil
}

// DailyBackup takes a backup into dir unless one was taken in the last 24
// hours, and keeps only the newest KeepBackups daily ones.
func (s *DB) DailyBackup(ctx context.Context, dir string) (string, error) {
	list, _ := Backups(dir)
	now := s.now()
	if len(list) > 0 && now.Sub(list[0].Taken) < 24*time.Hour {
		return "", nil
	}
	path := filepath.Join(dir, "ogoh-"+now.UTC().Format("20060102-150405")+".db")
	if err := s.Backup(ctx, path); err != nil {
		return "", err
	}
	daily := 0
	for _, b := range append([]BackupFile{{Path: path}}, list...) {
		if strings.HasPrefix(filepath.Base(b.Path), "ogoh-2") {
			if daily++; daily > KeepBackups {
				os.Remove(b.Path)
			}
		}
	}
	return path, nil
}

// BackupFile is one backup on disk.
type BackupFile struct {
	Path  string
	Taken time.Time
}

// Backups lists the backups in dir, newest first.
func Backups(dir string) ([]BackupFile, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []BackupFile
	for _, e := range entries {
		info, err := e.Info()
		if err != nil || e.IsDir() || !strings.HasSuffix(e.Name(), ".db") {
			continue
		}
		out = append(out, BackupFile{Path: filepath.Join(dir, e.Name()), Taken: info.ModTime()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Taken.After(out[j].Taken) })
	return out, nil
}

// Check opens the file read-only and runs SQLite's quick check: ErrCorrupt
// if the file is damaged, nil if it is sound or does not exist yet.
func Check(ctx context.Context, file string) error {
	if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	db, err := sql.Open("sqlite3", "file:"+file+"?mode=ro")
	if err != nil {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	defer db.Close()
	var verdict string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&verdict); err != nil {
		return fmt.Errorf("%w: %v", ErrCorrupt, err)
	}
	if verdict != "ok" {
		return fmt.Errorf("%w: %s", ErrCorrupt, verdict)
	}
	return nil
}

// Restore puts backup in place of the damaged database file, keeping the
// damaged one beside it (renamed, never deleted).
func Restore(file, backup string, now time.Time) (kept string, err error) {
	kept = file + ".damaged-" + now.UTC().Format("20060102-150405")
	if err := os.Rename(file, kept); err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("restore: %w", err)
	}
	for _, ext := range []string{"-wal", "-shm"} { // they belong to the damaged file
		os.Rename(file+ext, kept+ext)
	}
	data, err := os.ReadFile(backup)
	if err != nil {
		return kept, fmt.Errorf("restore from %s: %w", backup, err)
	}
	if err := os.WriteFile(file, data, 0o600); err != nil {
		return kept, fmt.Errorf("restore: %w", err)
	}
	return kept, nil
}
