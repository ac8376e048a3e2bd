package store

import (
	"errors"

	"github.com/mattn/go-sqlite3"
	"github.com/ogoh/ogoh/internal/domain"
)

// coded gives a write's failure the code a screen explains: a full disk,
// a folder that cannot be written, damage, or another program holding the
// file. The cause stays wrapped for the log; an error that already has a
// code keeps it.
func coded(err error) error {
	var se sqlite3.Error
	if err == nil || !errors.As(err, &se) {
		return err
	}
	switch se.Code {
	case sqlite3.ErrFull:
		return domain.Wrap(domain.CodeDiskFull, err)
	case sqlite3.ErrReadonly, sqlite3.ErrPerm, sqlite3.ErrCantOpen:
		return domain.Wrap(domain.CodeReadOnly, err)
	case sqlite3.ErrCorrupt, sqlite3.ErrNotADB:
		return domain.Wrap(domain.CodeCorrupt, err)
	case sqlite3.ErrBusy, sqlite3.ErrLocked:
		return domain.Wrap(domain.CodeBusy, err)
	case sqlite3.ErrIoErr: // a stick pulled out, a failing disk
		return domain.Wrap(domain.CodeUnsaved, err)
	}
	return err
}

func isConstraint(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.Code == sqlite3.ErrConstraint
}
