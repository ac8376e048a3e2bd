package domain_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ogoh/ogoh/internal/domain"
)

// TestErrorsKeepTheirCodeThroughWrapping: a screen reads the code of an
// error that several layers wrapped with their context.
func TestErrorsKeepTheirCodeThroughWrapping(t *testing.T) {
	cases := []struct {
		err  error
		want domain.Code
	}{
		{fmt.Errorf("save answer to q3: %w", fmt.Errorf("attempt a1: %w", domain.ErrNotFound)), domain.CodeNotFound},
		{fmt.Errorf("open: %w", &domain.SchemaTooNewError{File: "ogoh.db", Found: 9, Known: 7}), domain.CodeTooNew},
		{fmt.Errorf("check: %w", domain.ErrCorrupt), domain.CodeCorrupt},
		{domain.Errorf(domain.CodeInvalid, "course %q: %w", "c1", errors.New("no title")), domain.CodeInvalid},
		{errors.New("sql: no rows in result set"), domain.CodeInternal},
		{nil, ""},
	}
	for _, c := range cases {
		if got := domain.ErrorCode(c.err); got != c.want {
			t.Errorf("ErrorCode(%v) = %q, want %q", c.err, got, c.want)
		}
	}
	wrapped := domain.Wrap(domain.CodeDiskFull, fmt.Errorf("x: %w", domain.ErrNotFound))
	if domain.ErrorCode(wrapped) != domain.CodeNotFound {
		t.Errorf("Wrap replaced the code an error already had: %v", wrapped)
	}
	if !errors.Is(wrapped, domain.ErrNotFound) {
		t.Errorf("Wrap lost the cause")
	}
	e := domain.Errorf(domain.CodeUnreadable, "read %s", "a.zip").With("File", "a.zip")
	if domain.ErrorArgs(fmt.Errorf("import: %w", e))["File"] != "a.zip" {
		t.Errorf("the message's arguments are lost in wrapping")
	}
}
