package store

import (
	"errors"

	"github.com/mattn/go-sqlite3"
)

func isConstraint(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrConstraint
}
