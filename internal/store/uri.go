package store

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// fileURI is file as an SQLite URI with the query q. The path is made
// absolute and percent-encoded as SQLite's URI rules ask: unescaped, a `#`
// or `?` in a folder name ends the path and `%41` is read as `A`, so
// `post#1` and `post#2` would both open one file `post`.
func fileURI(file string, q url.Values) (string, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return "", fmt.Errorf("database path %s: %w", file, err)
	}
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/Users/… is file:///C:/Users/…
	}
	u := url.URL{Scheme: "file", Path: p, RawQuery: q.Encode()}
	return u.String(), nil
}

// openReadOnly opens file for reading only, creating and changing
// nothing: without a -wal beside it (no app has it open and none crashed)
// it is opened immutable, as SQLite's read-only mode would otherwise make
// a -wal and a -shm and leave them; with one, SQLite needs it read.
func openReadOnly(file string) (*sql.DB, error) {
	q := url.Values{}
	q.Set("mode", "ro")
	if _, err := os.Stat(file + "-wal"); errors.Is(err, os.ErrNotExist) {
		q.Set("immutable", "1")
	}
	uri, err := fileURI(file, q)
	if err != nil {
		return nil, err
	}
	return sql.Open("sqlite3", uri)
}

// createPrivate makes file, empty and readable by its owner only, unless
// it exists: SQLite would make it 0644, and the -wal and -shm it makes
// take the database file's mode.
func createPrivate(file string) error {
	f, err := os.OpenFile(file, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}
