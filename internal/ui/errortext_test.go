package ui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/domain"
)

// TestAnErrorShowsInTheLearnersLanguage: an error whose text is raw
// English, shown on a screen in Russian, reads in Russian: the message for
// its code, not its text.
func TestAnErrorShowsInTheLearnersLanguage(t *testing.T) {
	raw := errors.New("sql: no rows")
	for _, tc := range []struct {
		name string
		err  error
		code domain.Code
	}{
		{"uncoded", fmt.Errorf("save answer to q3: %w", raw), domain.CodeInternal},
		{"coded", domain.Errorf(domain.CodeDiskFull, "save answer to q3: %w", raw), domain.CodeDiskFull},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := start(t, t.TempDir(), "ru")
			defer d.close()
			d.createProfile("Дильноза", "border-guard", "", "")
			d.app.fail("error.save.answer", tc.err)
			d.see(d.T("error.save.answer"))
			d.see(d.T(errorMessages[tc.code]))
			for _, english := range []string{"save answer", "sql", "no rows", "disk_full"} {
				if strings.Contains(d.texts(), english) {
					t.Errorf("the screen shows the English %q: %s", english, d.texts())
				}
			}
		})
	}
}

// TestEveryErrorCodeHasAMessage: each code an error can carry has its own
// message in every language, not the fallback for internal faults.
func TestEveryErrorCodeHasAMessage(t *testing.T) {
	codes := []domain.Code{
		domain.CodeInvalid, domain.CodeNotFound, domain.CodeConflict, domain.CodeDiskFull,
		domain.CodeReadOnly, domain.CodeCorrupt, domain.CodeLocked, domain.CodeUnreadable, domain.CodeNoNetwork,
		domain.CodeRefused, domain.CodeCancelled, domain.CodeTooNew, domain.CodeUntrusted, domain.CodeBusy,
		domain.CodeUnsaved, domain.CodeTooLarge, domain.CodeOutOfOrder,
	}
	d := start(t, t.TempDir(), "en")
	defer d.close()
	for _, lang := range []string{"en", "ru", "uz"} {
		loc := d.app.bundle.For(lang)
		internal := errorMessage(loc, errors.New("x"))
		for _, code := range codes {
			got := errorMessage(loc, &domain.Error{Code: code, Err: errors.New("x")})
			if got == internal {
				t.Errorf("%s: code %s has no message of its own", lang, code)
			}
		}
	}
}
