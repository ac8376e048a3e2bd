package main

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/store"
)

// openData opens a device's data folder through the same code as the app.
func openData(ctx context.Context, dir string, opts ...store.Option) (*progress.Service, func(), error) {
	if dir == "" {
		return nil, nil, errors.New("--data DIR is required: the device's data folder")
	}
	return openDataWithClock(ctx, dir, time.Now, opts...)
}

// openStore opens a data folder's database only.
func openStore(ctx context.Context, dir string) (*store.DB, func(), error) {
	if dir == "" {
		return nil, nil, errors.New("--data DIR is required: the device's data folder")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, fmt.Errorf("data folder: %w", err)
	}
	db, err := store.Open(ctx, filepath.Join(dir, store.FileName), time.Now)
	if err != nil {
		return nil, nil, err
	}
	return db, func() { db.Close() }, nil
}

func openDataWithClock(ctx context.Context, dir string, now func() time.Time, opts ...store.Option) (*progress.Service, func(), error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, nil, fmt.Errorf("data folder: %w", err)
	}
	db, err := store.Open(ctx, filepath.Join(dir, store.FileName), now, opts...)
	if err != nil {
		return nil, nil, err
	}
	svc, err := progress.New(ctx, db, progress.Options{Seed: rand.Int64, Now: now})
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return svc, func() { db.Close() }, nil
}
