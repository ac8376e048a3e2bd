package store

import "fmt"

// SetQuickCheckLimit lets tests make a small database count as a large one.
func SetQuickCheckLimit(n int64) (restore func()) {
	old := quickCheckLimit
	quickCheckLimit = n
	return func() { quickCheckLimit = old }
}

// LimitPages caps the database's size at n pages on every connection, so
// a test can fill "the disk" without a small file system.
func LimitPages(s *DB, n int) error {
	s.db.SetMaxOpenConns(1)
	_, err := s.db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", n))
	return err
}
