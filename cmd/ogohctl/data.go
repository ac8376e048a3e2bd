package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
)

// openDevice opens a device's data folder through the same code as the
// app: its database (backed up before any migration) and its courses.
func openDevice(ctx context.Context, dir string) (*progress.Device, error) {
	bundled, err := readyToOpen(ctx, dir)
	if err != nil {
		return nil, err
	}
	return progress.Open(ctx, dir, bundled)
}

// openDeviceReadOnly opens a data folder for reading only (see
// progress.OpenReadOnly): a report changes nothing, even on a copy.
func openDeviceReadOnly(ctx context.Context, dir string) (*progress.Device, error) {
	bundled, err := readyToOpen(ctx, dir)
	if err != nil {
		return nil, err
	}
	return progress.OpenReadOnly(ctx, dir, bundled)
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
	err := progress.Check(ctx, dir)
	if errors.Is(err, domain.ErrCorrupt) {
		return fmt.Errorf("%w; open Ogoh on this folder to restore the newest backup", err)
	}
	return err
}
