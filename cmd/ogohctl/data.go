package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/device"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// openDevice opens a device's data folder through the same code as the
// app: its database (backed up before any migration) and its courses.
func openDevice(ctx context.Context, dir string) (*device.Device, error) {
	bundled, err := readyToOpen(ctx, dir)
	if err != nil {
		return nil, err
	}
	return device.Open(ctx, dir, bundled)
}

// openDeviceReadOnly opens a data folder for reading only (see
// device.OpenReadOnly): a report changes nothing, even on a copy.
func openDeviceReadOnly(ctx context.Context, dir string) (*device.Device, error) {
	bundled, err := readyToOpen(ctx, dir)
	if err != nil {
		return nil, err
	}
	return device.OpenReadOnly(ctx, dir, bundled)
}

// readyToOpen checks what either way of opening needs first: a folder
// given, the app's start-up check passed, and the bundled courses.
func readyToOpen(ctx context.Context, dir string) ([]*course.Course, error) {
	if dir == "" {
		return nil, errors.New("--data DIR is required: the device's data folder")
	}
	if err := checkData(ctx, dir); err != nil {
		return nil, err
	}
	return bundledCourses()
}

// bundledFS holds the courses built into Ogoh (a test puts a broken one in
// their place).
var bundledFS fs.FS = courses.FS

// bundledCourses are the courses built into Ogoh; a problem in one is a
// broken build, said at once rather than a course quietly missing.
func bundledCourses() ([]*course.Course, error) {
	list, problems := course.LoadAll(bundledFS)
	if len(problems) > 0 {
		return nil, fmt.Errorf("the bundled courses have problems:\n%w", problems)
	}
	return list, nil
}

// checkData runs the app's start-up check, so ogohctl never works on, or
// makes afresh over, a database the app would offer to restore.
func checkData(ctx context.Context, dir string) error {
	err := device.Check(ctx, dir)
	if errors.Is(err, device.ErrCorrupt) {
		return fmt.Errorf("%w; open Ogoh on this folder to restore the newest backup", err)
	}
	return err
}

// openDataWithClock opens a data folder on a simulated clock, for demo data.
func openDataWithClock(ctx context.Context, dir string, now func() time.Time, opts ...store.Option) (*progress.Service, func(), error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, fmt.Errorf("data folder: %w", err)
	}
	db, err := store.Open(ctx, filepath.Join(dir, store.FileName), now, opts...)
	if err != nil {
		return nil, nil, err
	}
	key, err := syncfile.LoadOrCreateDeviceKey(filepath.Join(dir, syncfile.DeviceKeyFile))
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	svc, err := progress.New(ctx, db, progress.Options{Seed: rand.Int64, Now: now, DeviceKey: key})
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return svc, func() { db.Close() }, nil
}
