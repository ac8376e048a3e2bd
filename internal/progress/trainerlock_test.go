package progress_test

import (
	"context"
	"crypto/ed25519"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// lockDevice is a data folder with its key, a wall clock and a monotonic
// clock the test moves separately.
type lockDevice struct {
	t          *testing.T
	dir        string
	db         *store.DB
	svc        *progress.Service
	wall, mono time.Time
}

func newLockDevice(t *testing.T) *lockDevice {
	d := &lockDevice{t: t, dir: t.TempDir(), wall: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC), mono: time.Unix(0, 0)}
	d.open(false)
	return d
}

func (d *lockDevice) open(newKey bool) {
	d.t.Helper()
	ctx := context.Background()
	if d.db != nil {
		d.db.Close()
	}
	db := storetest.MustOpen(d.t, filepath.Join(d.dir, store.FileName), func() time.Time { return d.wall })
	key, err := syncfile.LoadOrCreateDeviceKey(filepath.Join(d.dir, syncfile.DeviceKeyFile))
	if err != nil {
		d.t.Fatal(err)
	}
	svc, err := progress.New(ctx, db, progress.Options{Seed: func() int64 { return 1 }, Now: func() time.Time { return d.wall },
		DeviceKey: key, NewDeviceKey: newKey, Monotonic: func() time.Time { return d.mono }})
	if err != nil {
		d.t.Fatal(err)
	}
	d.db, d.svc = db, svc
}

func (d *lockDevice) state() progress.LockState {
	d.t.Helper()
	s, err := d.svc.TrainerLock(context.Background())
	if err != nil {
		d.t.Fatal(err)
	}
	return s
}

func (d *lockDevice) learner() {
	d.svc.CreateLearner(context.Background(), progress.NewLearner{Name: "Aziza", Role: "border-guard", Language: "en"})
}

func TestTrainerPINWaitsAfterFiveWrongTriesAndDoubles(t *testing.T) {
	ctx := context.Background()
	d := newLockDevice(t)
	if d.state() != progress.LockNone {
		t.Fatal("a new device has a trainer lock")
	}
	if err := d.svc.SetTrainerLock(ctx, "12", nil); !errors.Is(err, progress.ErrBadPIN) {
		t.Errorf("short PIN: %v", err)
	}
	if err := d.svc.SetTrainerLock(ctx, "909090", nil); err != nil {
		t.Fatal(err)
	}
	for i := 1; i < progress.TrainerTries; i++ {
		if _, err := d.svc.UnlockTrainer(ctx, "000000"); !errors.Is(err, progress.ErrWrongPIN) {
			t.Fatalf("wrong try %d: %v", i, err)
		}
	}
	wait, err := d.svc.UnlockTrainer(ctx, "000000")
	if !errors.Is(err, progress.ErrLocked) || wait != progress.TrainerWait {
		t.Fatalf("fifth wrong try: %v, wait %v", err, wait)
	}
	d.open(false) // a restart does not reset the count
	if _, err := d.svc.UnlockTrainer(ctx, "909090"); !errors.Is(err, progress.ErrLocked) {
		t.Fatalf("the right PIN during the wait: %v", err)
	}
	d.mono = d.mono.Add(progress.TrainerWait)
	if wait, err := d.svc.UnlockTrainer(ctx, "111111"); !errors.Is(err, progress.ErrLocked) || wait != 2*progress.TrainerWait {
		t.Fatalf("a wrong PIN after the wait: %v, wait %v (want double)", err, wait)
	}
	d.mono = d.mono.Add(2 * progress.TrainerWait)
	if _, err := d.svc.UnlockTrainer(ctx, "909090"); err != nil {
		t.Fatalf("the right PIN after the wait: %v", err)
	}
	if _, err := d.svc.UnlockTrainer(ctx, "000000"); !errors.Is(err, progress.ErrWrongPIN) {
		t.Errorf("after a success the count starts again: %v", err)
	}
}

// TestTheClockMovedForwardDoesNotEndALockout: the wait runs down only
// while Ogoh runs, whatever the computer's clock says.
func TestTheClockMovedForwardDoesNotEndALockout(t *testing.T) {
	ctx := context.Background()
	d := newLockDevice(t)
	d.svc.SetTrainerLock(ctx, "909090", nil)
	for i := 0; i < progress.TrainerTries; i++ {
		d.svc.UnlockTrainer(ctx, "000000")
	}
	d.wall = d.wall.Add(365 * 24 * time.Hour)
	if _, err := d.svc.UnlockTrainer(ctx, "909090"); !errors.Is(err, progress.ErrLocked) {
		t.Fatalf("a year later by the clock, in the same second of running: %v", err)
	}
	d.open(false)
	d.wall = d.wall.Add(365 * 24 * time.Hour)
	if _, err := d.svc.UnlockTrainer(ctx, "909090"); !errors.Is(err, progress.ErrLocked) {
		t.Fatalf("restarted with the clock another year on: %v", err)
	}
}

// TestTheTrainerLockCannotBeTakenThroughTheDatabase: deleting the lock on
// a device in use, editing it, or putting an old-style PIN hash in its
// place never lets anyone choose a new trainer PIN.
func TestTheTrainerLockCannotBeTakenThroughTheDatabase(t *testing.T) {
	ctx := context.Background()
	d := newLockDevice(t)
	d.svc.SetTrainerLock(ctx, "909090", nil)
	d.learner()
	good, _ := d.db.Setting(ctx, "trainer.lock", "")

	d.db.SetSetting(ctx, "trainer.lock", "") // DELETE FROM setting WHERE key LIKE 'trainer.%'
	if d.state() != progress.LockTampered {
		t.Fatalf("the lock deleted on a device with learners: state %v", d.state())
	}
	if err := d.svc.SetTrainerLock(ctx, "1234", nil); !errors.Is(err, progress.ErrLockTampered) {
		t.Errorf("choosing a new PIN after the lock was deleted: %v", err)
	}
	if _, err := d.svc.UnlockTrainer(ctx, "1234"); !errors.Is(err, progress.ErrLockTampered) {
		t.Errorf("unlocking after the lock was deleted: %v", err)
	}

	hash, _ := progress.HashPIN("1234")
	d.db.SetSetting(ctx, "trainer.pin_hash", hash) // an old-style lock, forged
	d.open(false)
	if d.state() != progress.LockTampered {
		t.Errorf("a forged old-style PIN hash was taken for a lock")
	}

	d.db.SetSetting(ctx, "trainer.lock", good[:len(good)-8]+"AAAAAAA=") // a changed signature
	if d.state() != progress.LockTampered {
		t.Errorf("an edited lock: state %v", d.state())
	}
	d.db.SetSetting(ctx, "trainer.lock", good)
	if d.state() != progress.LockSet {
		t.Errorf("the untouched lock put back: state %v", d.state())
	}
}

// TestAnOlderDevicesTrainerPINIsKept: the first start of this Ogoh on a
// device with an unsigned trainer PIN signs it into a lock.
func TestAnOlderDevicesTrainerPINIsKept(t *testing.T) {
	ctx := context.Background()
	d := newLockDevice(t)
	d.learner()
	hash, _ := progress.HashPIN("909090")
	d.db.SetSetting(ctx, "trainer.pin_hash", hash)
	d.open(true) // the device key was just made: the first start after the update
	if _, err := d.svc.UnlockTrainer(ctx, "909090"); err != nil {
		t.Fatalf("the old trainer PIN after the update: %v", err)
	}
	if h, _ := d.db.Setting(ctx, "trainer.pin_hash", ""); h != "" {
		t.Error("the unsigned PIN hash is still there")
	}
}

// TestOnlyTheTrainersKeyResetsTheLock: a forgotten trainer PIN is reset
// with the key bound to the lock; any other key is refused.
func TestOnlyTheTrainersKeyResetsTheLock(t *testing.T) {
	ctx := context.Background()
	d := newLockDevice(t)
	_, trainer, _ := ed25519.GenerateKey(nil)
	_, stranger, _ := ed25519.GenerateKey(nil)
	d.svc.SetTrainerLock(ctx, "909090", trainer.Public().(ed25519.PublicKey))
	d.learner()
	if err := d.svc.ResetTrainerLock(ctx, stranger, []ed25519.PublicKey{stranger.Public().(ed25519.PublicKey)}, "1234"); !errors.Is(err, progress.ErrNotTrainerKey) {
		t.Fatalf("reset with another key: %v", err)
	}
	if err := d.svc.ResetTrainerLock(ctx, trainer, nil, "1234"); err != nil {
		t.Fatalf("reset with the trainer's key: %v", err)
	}
	if _, err := d.svc.UnlockTrainer(ctx, "1234"); err != nil {
		t.Errorf("the new PIN: %v", err)
	}
	// A lost lock on a device in use is reset with a key it trusts for packs.
	d.db.SetSetting(ctx, "trainer.lock", "")
	if err := d.svc.ResetTrainerLock(ctx, stranger, nil, "5678"); !errors.Is(err, progress.ErrNotTrainerKey) {
		t.Errorf("reset of a lost lock with an untrusted key: %v", err)
	}
	if err := d.svc.ResetTrainerLock(ctx, trainer, []ed25519.PublicKey{trainer.Public().(ed25519.PublicKey)}, "5678"); err != nil || d.state() != progress.LockSet {
		t.Errorf("reset of a lost lock with a trusted key: %v, state %v", err, d.state())
	}
}
