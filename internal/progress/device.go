package progress

// This file is the one wiring of Ogoh's services: the app, ogohctl and
// the UI tests all open a data folder here — its progress database, its
// device key, its courses and its backups — and the UI never sees the store.

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/library"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// Device is an opened data folder.
type Device struct {
	DataDir  string
	Service  *Service
	Library  *library.Library
	Courses  []*course.Course
	Problems course.Problems // installed courses left out, and why
	db       *store.DB
}

// DatabaseFile is the progress database's name in a data folder.
const DatabaseFile = store.FileName

// OpenOption changes how a data folder is opened.
type OpenOption func(*openOptions)

type openOptions struct {
	keyring Keyring
	now     func() time.Time
	seed    func() int64
	store   []store.Option
	tune    func(*lrs.Sender)
}

func defaultOpenOptions(opts []OpenOption) openOptions {
	o := openOptions{now: time.Now, seed: rand.Int64}
	for _, opt := range opts {
		opt(&o)
	}
	return o
}

// WithClock runs the services on now instead of the wall clock: demo data
// is made on a simulated one, and UI tests on a fixed one.
func WithClock(now func() time.Time) OpenOption { return func(o *openOptions) { o.now = now } }

// WithSeed draws quizzes and orders choices from seed, so tests see the
// same draw every run.
func WithSeed(seed func() int64) OpenOption { return func(o *openOptions) { o.seed = seed } }

// WithSenderTuning changes each LRS client the device's syncer makes:
// tests shorten its retries and waits.
func WithSenderTuning(tune func(*lrs.Sender)) OpenOption {
	return func(o *openOptions) { o.tune = tune }
}

// Unsynced writes without waiting for the disk, for demo data made by
// the thousand: a power cut may lose it, and it can be made again.
func Unsynced() OpenOption {
	return func(o *openOptions) { o.store = append(o.store, store.Unsynced()) }
}

// WithKeyring keeps the LRS password in the system's credential store.
// The app passes it for a data folder in the user's own profile; a
// portable folder on a stick seals it in the database instead.
func WithKeyring(k Keyring) OpenOption { return func(o *openOptions) { o.keyring = k } }

// KnownSchemaVersion is the newest database schema this app knows.
func KnownSchemaVersion() int { return store.KnownSchemaVersion() }

// Check tells whether the data folder's database can be opened safely:
// domain.ErrCorrupt when it is damaged, and when it is missing or empty while
// backups are there (it was lost, not never made: starting afresh would
// make a new device and hide everyone's progress); a
// *domain.SchemaTooNewError when a newer Ogoh wrote it.
func Check(ctx context.Context, dataDir string) error {
	file := filepath.Join(dataDir, store.FileName)
	if err := store.Check(ctx, file); err != nil {
		return err
	}
	info, err := os.Stat(file)
	if err == nil && info.Size() > 0 {
		return nil
	}
	list, _ := store.Backups(filepath.Join(dataDir, store.BackupDir))
	if len(list) == 0 {
		return nil // a new device
	}
	state := "missing"
	if err == nil {
		state = "empty (0 bytes)"
	}
	return fmt.Errorf("%w: %s is %s, yet %s holds %d backup(s)", domain.ErrCorrupt, file, state, store.BackupDir, len(list))
}

// Open opens the data folder, backing the database up before any
// migration, makes the device's signing key on first start, and loads
// the bundled and installed courses.
func Open(ctx context.Context, dataDir string, bundled []*course.Course, opts ...OpenOption) (*Device, error) {
	o := defaultOpenOptions(opts)
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	db, err := store.Open(ctx, filepath.Join(dataDir, store.FileName), o.now,
		append(o.store, store.BackupBeforeMigrating(filepath.Join(dataDir, store.BackupDir)))...)
	if err != nil {
		return nil, err
	}
	keyFile := filepath.Join(dataDir, syncfile.DeviceKeyFile)
	_, statErr := os.Stat(keyFile)
	key, err := syncfile.LoadOrCreateDeviceKey(keyFile)
	if err != nil {
		db.Close()
		return nil, err
	}
	svc, err := New(ctx, db, Options{Seed: o.seed, Now: o.now, DeviceKey: key,
		NewDeviceKey: os.IsNotExist(statErr), Keyring: o.keyring, TuneSender: o.tune})
	if err != nil {
		db.Close()
		return nil, err
	}
	lib := library.New(db, dataDir, bundled)
	if err := lib.Keyed(ctx, libraryKey(key), os.IsNotExist(statErr)); err != nil {
		db.Close()
		return nil, err
	}
	d := &Device{DataDir: dataDir, Service: svc, Library: lib, db: db}
	d.Courses, d.Problems = d.Library.Courses()
	return d, nil
}

// libraryKey authenticates the trusted keys and the record of checked
// courses; it is derived from the device key, never stored.
func libraryKey(key ed25519.PrivateKey) []byte {
	sum := sha256.Sum256(append([]byte("ogoh library v1\x00"), key.Seed()...))
	return sum[:]
}

// OpenReadOnly opens the data folder for reading only, as a report needs:
// no migration, no backup, no key made, nothing written, so it works on a
// read-only folder and leaves a copy as it was. Only Service's reads work.
func OpenReadOnly(ctx context.Context, dataDir string, bundled []*course.Course) (*Device, error) {
	db, err := store.OpenReadOnly(ctx, filepath.Join(dataDir, store.FileName), time.Now)
	if err != nil {
		return nil, fmt.Errorf("data folder %s: %w", dataDir, err)
	}
	svc, err := New(ctx, db, Options{Seed: rand.Int64, Now: time.Now})
	if err != nil {
		db.Close()
		return nil, err
	}
	d := &Device{DataDir: dataDir, Service: svc, Library: library.New(db, dataDir, bundled), db: db}
	d.Courses, d.Problems = d.Library.Courses()
	return d, nil
}

// AfterStart does what start-up leaves for later, once a day: the daily
// backup, after the full check of a database too large to check before the
// window shows, so a damaged file never takes a good backup's place. The
// check reads the whole file (7 s of CPU for 400 MB on an old laptop), so
// it runs with the backup, not at every start. domain.ErrCorrupt means damage was
// found; the next start-up will offer the newest backup.
func (d *Device) AfterStart(ctx context.Context) error {
	dir := filepath.Join(d.DataDir, store.BackupDir)
	if !d.db.BackupDue(dir) {
		return nil
	}
	if d.db.NeedsDeepCheck() {
		if err := d.db.DeepCheck(ctx); err != nil {
			return err
		}
	}
	_, err := d.db.DailyBackup(ctx, dir)
	return err
}

// DB is the device's database, for ogohctl's checks and for tests that
// look at what was saved; the app's screens go through Service.
func (d *Device) DB() *store.DB { return d.db }

// Close closes the database.
func (d *Device) Close() error { return d.db.Close() }

// LatestBackup is the newest backup of the data folder, if any.
func LatestBackup(dataDir string) (path string, taken time.Time, ok bool) {
	list, err := store.Backups(filepath.Join(dataDir, store.BackupDir))
	if err != nil || len(list) == 0 {
		return "", time.Time{}, false
	}
	return list[0].Path, list[0].Taken, true
}

// Restore replaces the damaged database with a backup, keeping the damaged
// file beside it; it returns where the damaged file was kept.
func Restore(dataDir, backup string) (string, error) {
	return store.Restore(filepath.Join(dataDir, store.FileName), backup, time.Now())
}
