// Package storetest opens databases for tests: the one helper every
// package's tests use, instead of a copy of store.Open and its checks in
// each of them. Only test files import it.
package storetest

import (
	"context"
	"fmt"
	"time"

	"github.com/ogoh/ogoh/internal/store"
)

// TB is the part of testing.TB MustOpen needs. The UI's crash test drives
// the app from a child process that has no *testing.T, so this is not
// testing.TB itself.
type TB interface {
	Helper()
	Fatal(args ...any)
}

// MustOpen opens (making it if need be) the database at file, with now as
// the store's clock (time.Now when nil), and fails the test if it cannot.
// When tb is a test it closes the database as the test ends; a test that
// closes it sooner, to open it again as after a restart, may.
func MustOpen(tb TB, file string, now func() time.Time, opts ...store.Option) *store.DB {
	tb.Helper()
	if now == nil {
		now = time.Now
	}
	db, err := store.Open(context.Background(), file, now, opts...)
	if err != nil {
		tb.Fatal(fmt.Errorf("open the test database: %w", err))
	}
	if t, ok := tb.(interface{ Cleanup(func()) }); ok {
		t.Cleanup(func() { db.Close() })
	}
	return db
}
