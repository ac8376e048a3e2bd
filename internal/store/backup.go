package store

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
)

// BackupDir is where backups go, inside the data folder.
const BackupDir = "backups"

// KeepBackups is how many daily backups are kept.
const KeepBackups = 7

// Backup writes a consistent copy of the database to path with VACUUM
// INTO, which works while the app runs. The file is made first, owner-only
// (VACUUM INTO fills an empty file), and named by its absolute path, which
// SQLite never takes for a URI.
func (s *DB) Backup(ctx context.Context, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	f, err := os.OpenFile(abs, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("backup: %w", err)
	}
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, abs); err != nil {
		if rerr := os.Remove(abs); rerr != nil {
			err = errors.Join(err, fmt.Errorf("remove the unfinished backup: %w", rerr))
		}
		return fmt.Errorf("backup to %s: %w", path, err)
	}
	return nil
}

// BackupDue is true when dir holds no backup from the last 24 hours. A
// folder that cannot be read counts as holding none: the backup then
// taken says what is wrong with it.
func (s *DB) BackupDue(dir string) bool {
	list, _ := BackupsAsOf(dir, s.now())
	return s.due(list)
}

// due is BackupDue over backups already listed by BackupsAsOf. A backup
// dated after now does not count: it was taken when the clock was wrong
// (or the clock is wrong now), and counting it would stop every daily
// backup until that date.
func (s *DB) due(list []BackupFile) bool {
	now := s.now()
	return len(list) == 0 || list[0].Taken.After(now) || now.Sub(list[0].Taken) >= 24*time.Hour
}

// DailyBackup takes a backup into dir unless one was taken in the last 24
// hours, and keeps only the newest KeepBackups daily ones. A backup taken
// but an old one not removed gives the new backup's path and the error, so
// a folder filling up with backups is heard of.
func (s *DB) DailyBackup(ctx context.Context, dir string) (string, error) {
	now := s.now()
	list, err := BackupsAsOf(dir, now)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("daily backup: %w", err)
	}
	if !s.due(list) {
		return "", nil
	}
	path := filepath.Join(dir, "ogoh-"+now.UTC().Format(backupStamp)+".db")
	if err := s.Backup(ctx, path); err != nil {
		return "", err
	}
	return path, pruneDaily(append([]BackupFile{{Path: path}}, list...))
}

// pruneDaily removes the daily backups after the newest KeepBackups in
// list; backups the app took for other reasons (before a migration) stay.
func pruneDaily(list []BackupFile) error {
	var errs []error
	daily := 0
	for _, b := range list {
		if !strings.HasPrefix(filepath.Base(b.Path), "ogoh-") {
			continue
		}
		if daily++; daily > KeepBackups {
			if err := os.Remove(b.Path); err != nil {
				errs = append(errs, fmt.Errorf("remove an old backup: %w", err))
			}
		}
	}
	return errors.Join(errs...)
}

// BackupFile is one backup on disk.
type BackupFile struct {
	Path  string
	Taken time.Time
}

// backupStamp is the time in a backup's name, in UTC.
const backupStamp = "20060102-150405"

// Backups lists the backups in dir, newest first, as BackupsAsOf now.
func Backups(dir string) ([]BackupFile, error) { return BackupsAsOf(dir, time.Now()) }

// BackupsAsOf lists the backups in dir, newest first. A backup's time is
// the one in its name (the app's clock when it took it; a copy keeps it),
// else its file's. Those dated after now come last, dropped first when old
// ones are pruned: their date is known to be wrong, so they cannot be
// trusted to be the newest.
func BackupsAsOf(dir string, now time.Time) ([]BackupFile, error) {
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
		out = append(out, BackupFile{Path: filepath.Join(dir, e.Name()), Taken: takenAt(e.Name(), info.ModTime())})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if fi, fj := out[i].Taken.After(now), out[j].Taken.After(now); fi != fj {
			return fj
		}
		return out[i].Taken.After(out[j].Taken)
	})
	return out, nil
}

// takenAt reads the time from a backup's name (…-20060102-150405.db).
func takenAt(name string, modTime time.Time) time.Time {
	base := strings.TrimSuffix(name, ".db")
	if len(base) >= len(backupStamp) {
		if t, err := time.Parse(backupStamp, base[len(base)-len(backupStamp):]); err == nil {
			return t
		}
	}
	return modTime
}

// quickCheckLimit is the largest database that gets SQLite's full quick
// check at start-up. The check reads every page: about 0.1 s for 8 MB but
// seconds for the 400 MB of a busy training centre's year, which start-up
// must not wait for. Larger files get the header and schema checked at
// start-up and the full check after it (DeepCheck).
var quickCheckLimit int64 = 8 << 20

// checkMark beside the database asks the next start-up for the full check:
// DeepCheck found damage while the app was running.
const checkMark = ".check"

// Check tells, before the database is opened for use, whether it is
// damaged: domain.ErrCorrupt if so, nil if it is sound or does not exist yet.
func Check(ctx context.Context, file string) error {
	info, err := os.Stat(file)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err := checkHeader(file, info.Size()); err != nil {
		return fmt.Errorf("%w: %v", domain.ErrCorrupt, err)
	}
	db, err := openReadOnly(file)
	if err != nil {
		return fmt.Errorf("%w: %v", domain.ErrCorrupt, err)
	}
	defer db.Close()
	if err := tooNew(ctx, db, file); err != nil {
		var newer *domain.SchemaTooNewError
		if errors.As(err, &newer) {
			return err
		}
		return fmt.Errorf("%w: %v", domain.ErrCorrupt, err)
	}
	if _, err := os.Stat(file + checkMark); err == nil || readWholeAtStart(info.Size()) {
		err := quickCheck(ctx, db)
		if err == nil {
			os.Remove(file + checkMark) // a mark the full check no longer confirms
		}
		return err
	}
	var tables int
	if err := db.QueryRowContext(ctx, "SELECT COUNT(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return fmt.Errorf("%w: %v", domain.ErrCorrupt, err)
	}
	return nil
}

// DeepCheck runs the full quick check on the open database, off the
// start-up path. On damage it marks the file, so that the next start-up
// finds it and offers the newest backup, and returns domain.ErrCorrupt.
func (s *DB) DeepCheck(ctx context.Context) error {
	err := quickCheck(ctx, s.db)
	if errors.Is(err, domain.ErrCorrupt) {
		if werr := os.WriteFile(s.file+checkMark, []byte(err.Error()+"\n"), 0o600); werr != nil {
			err = errors.Join(err, fmt.Errorf("mark the damage for the next start-up: %w", werr))
		}
	}
	return err
}

// NeedsDeepCheck is true when Check did not read the whole file.
func (s *DB) NeedsDeepCheck() bool {
	info, err := os.Stat(s.file)
	return err == nil && !readWholeAtStart(info.Size())
}

// readWholeAtStart is the one rule for which files Check reads whole.
func readWholeAtStart(size int64) bool { return size <= quickCheckLimit }

func quickCheck(ctx context.Context, db *sql.DB) error {
	var verdict string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&verdict); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("%w: %v", domain.ErrCorrupt, err)
	}
	if verdict != "ok" {
		return fmt.Errorf("%w: %s", domain.ErrCorrupt, verdict)
	}
	return nil
}

// checkHeader reads SQLite's 100-byte header: a truncated or overwritten
// file is found here without reading the rest of it.
func checkHeader(file string, size int64) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	var h [100]byte
	if _, err := io.ReadFull(f, h[:]); err != nil {
		if size == 0 {
			return nil // made but never written: SQLite starts it afresh
		}
		return fmt.Errorf("only %d bytes: not a database", size)
	}
	if string(h[:16]) != "SQLite format 3\x00" {
		return errors.New("not an SQLite database (its first bytes are wrong)")
	}
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	// The page count is only valid when written by the same change as the
	// counter beside it.
	if binary.BigEndian.Uint32(h[24:28]) == binary.BigEndian.Uint32(h[92:96]) && pages*pageSize > size {
		return fmt.Errorf("truncated: %d bytes of %d", size, pages*pageSize)
	}
	return nil
}

// Restore puts backup in place of the damaged database file, keeping the
// damaged one beside it (renamed, never deleted). It is atomic: the backup
// is copied to a temporary file in the same folder and synced before the
// damaged file is moved aside, then renamed into place and the folder
// synced, so a power cut leaves either the damaged file or the whole
// backup, never half of one. kept is "" when there was no file to keep.
func Restore(file, backup string, now time.Time) (kept string, err error) {
	tmp, err := copyBeside(backup, file)
	if err != nil {
		return "", fmt.Errorf("restore from %s: %w", backup, err)
	}
	defer os.Remove(tmp) // gone once renamed; left only by a failure
	kept = file + ".damaged-" + now.UTC().Format(backupStamp)
	moved, err := setAside(file, kept)
	if err != nil {
		return "", fmt.Errorf("restore: %w", err)
	}
	if !moved {
		kept = ""
	}
	if err := os.Rename(tmp, file); err != nil {
		return kept, fmt.Errorf("restore: %w", err)
	}
	if err := syncDir(filepath.Dir(file)); err != nil {
		return kept, fmt.Errorf("restore: %w", err)
	}
	return kept, nil
}

// copyBeside copies backup to a new owner-only file in file's folder,
// synced to disk, and returns its name. A backup that is not an SQLite
// database is refused before anything is moved.
func copyBeside(backup, file string) (string, error) {
	src, err := os.Open(backup)
	if err != nil {
		return "", err
	}
	defer src.Close()
	info, err := src.Stat()
	if err != nil {
		return "", err
	}
	if info.Size() == 0 {
		return "", errors.New("the backup is empty")
	}
	if err := checkHeader(backup, info.Size()); err != nil {
		return "", fmt.Errorf("the backup is not a sound database: %w", err)
	}
	dst, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".restoring-*")
	if err != nil {
		return "", err
	}
	_, err = io.Copy(dst, src)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(dst.Name())
		return "", err
	}
	return dst.Name(), nil
}

// setAside renames file and what belongs to it (its -wal, which SQLite
// would otherwise replay into the restored file, its -shm and check mark)
// to kept. moved is false when there was no file.
func setAside(file, kept string) (moved bool, err error) {
	for _, ext := range []string{"", "-wal", "-shm", checkMark} {
		err := os.Rename(file+ext, kept+ext)
		switch {
		case err == nil && ext == "":
			moved = true
		case err != nil && !errors.Is(err, os.ErrNotExist):
			return moved, err
		}
	}
	return moved, nil
}

// syncDir makes a rename in dir durable. Windows cannot sync a folder
// (and makes renames durable itself).
func syncDir(dir string) error {
	if runtime.GOOS == "windows" {
		return nil
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}
