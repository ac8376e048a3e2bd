// Package sanitize makes text from outside (a file, a server, a name)
// safe to print on a terminal or a screen.
package sanitize

import (
	"strings"
	"unicode"
)

// Printable replaces control characters, and the invisible characters
// that reorder or hide text, before anything that came from a file or a
// server reaches a terminal or a screen.
func Printable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			return '?'
		}
		return r
	}, s)
}
