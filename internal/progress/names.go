package progress

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ogoh/ogoh/internal/domain"
)

// MaxNameRunes is the longest name or post a profile takes: enough for
// any real name, short enough to show whole in the picker and reports.
const MaxNameRunes = 80

// Problems with a profile's text fields; a *FieldError says which field.
var (
	ErrTooLong   = fmt.Errorf("longer than %d characters", MaxNameRunes)
	ErrLineBreak = &domain.Error{Code: domain.CodeInvalid, Err: errors.New("holds a line break")}
	ErrInvisible = &domain.Error{Code: domain.CodeInvalid, Err: errors.New("holds an invisible or control character")}
)

// FieldError is a problem with one field of a new profile: "name" or "post".
type FieldError struct {
	Field string
	Err   error
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *FieldError) Unwrap() error { return e.Err }

// cleanText trims s and refuses what would make one learner look like
// another in the picker or a report: more than MaxNameRunes, a line break,
// or a character that shows nothing or reorders text (zero-width and bidi
// controls, other Cf and Cc, private use, fillers, broken UTF-8).
func cleanText(field, s string) (string, error) {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > MaxNameRunes {
		return "", &FieldError{field, ErrTooLong}
	}
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == '\u0085' || r == '\u2028' || r == '\u2029':
			return "", &FieldError{field, ErrLineBreak}
		case invisible(r):
			return "", &FieldError{field, ErrInvisible}
		}
	}
	return s, nil
}

func invisible(r rune) bool {
	switch r {
	case utf8.RuneError, '\u115F', '\u1160', '\u3164', '\uFFA0', '\u2800': // broken UTF-8, Hangul fillers, blank Braille
		return true
	}
	return unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs)
}
