// Package textsearch finds what a person typed in text written in
// English, Russian or Uzbek, forgiving what people at a post get wrong:
// another ending of the same word ("паспорта" for "паспорт",
// "pasportlar" for "pasport"), one slip of a key ("trafiking"), capitals,
// ё for е, and the Uzbek apostrophe's look-alikes. It is pure logic.
package textsearch

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is where a word that matched lies in the text, in bytes.
type Span struct{ Start, End int }

// Query is what was typed, made ready to match many texts.
type Query struct{ words []string }

// Parse reads a query: its words, folded; an empty query matches all.
func Parse(query string) Query {
	var q Query
	for _, w := range words(query) {
		q.words = append(q.words, w.folded)
	}
	return q
}

// Empty reports whether nothing was typed.
func (q Query) Empty() bool { return len(q.words) == 0 }

// Match reports whether every word of the query is in text, and where
// each word of text that matched a query word lies, in order.
func (q Query) Match(text string) (bool, []Span) {
	if q.Empty() {
		return true, nil
	}
	found := make([]bool, len(q.words))
	var spans []Span
	for _, w := range words(text) {
		hit := false
		for i, qw := range q.words {
			if sameWord(qw, w.folded) {
				found[i], hit = true, true
			}
		}
		if hit {
			spans = append(spans, Span{w.start, w.end})
		}
	}
	for _, f := range found {
		if !f {
			return false, nil
		}
	}
	return true, spans
}

type word struct {
	folded     string
	start, end int
}

// words splits text into its words: letters and digits, with the
// apostrophes inside Uzbek words ("oʻzbek") kept as part of them.
func words(text string) []word {
	var out []word
	start := -1
	for i, r := range text {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || (start >= 0 && isApostrophe(r))
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			out = append(out, word{fold(text[start:i]), start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, word{fold(text[start:]), start, len(text)})
	}
	return out
}

func isApostrophe(r rune) bool {
	switch r {
	case '\'', 'ʻ', 'ʼ', '‘', '’', '`':
		return true
	}
	return false
}

// fold lowers case, reads ё as е, and writes every apostrophe as '.
func fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case isApostrophe(r):
			b.WriteRune('\'')
		case r == 'ё':
			b.WriteRune('е')
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimRight(b.String(), "'")
}

// minStem is the shortest start of a word that may stand for the word
// with another ending; below it, "at" would find "attack".
const minStem = 4

// maxEnding is how many letters an ending may add: "-ами", "-ingiz".
const maxEnding = 5

// sameWord: typed is text's word, or the same word with another ending,
// or it with one letter wrong, missing, extra or two swapped.
func sameWord(typed, text string) bool {
	if typed == text {
		return true
	}
	nt, nx := utf8.RuneCountInString(typed), utf8.RuneCountInString(text)
	if nt < minStem {
		return strings.HasPrefix(text, typed) && nt >= 2 && nx-nt <= 1 // "ID" finds "IDs"
	}
	if nt > minStem && strings.HasPrefix(text, typed) {
		return true // Uzbek stacks endings: "pasport" finds "pasportlarini"
	}
	stem := commonPrefix(typed, text)
	if stem >= minStem && nt-stem <= maxEnding && nx-stem <= maxEnding && stem*2 >= max(nt, nx) {
		return true
	}
	return nt >= 5 && abs(nt-nx) <= 1 && oneEditApart([]rune(typed), []rune(text))
}

func commonPrefix(a, b string) int {
	n := 0
	ra, rb := []rune(a), []rune(b)
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	return n
}

// oneEditApart: a and b differ by one substitution, insertion, deletion
// or swap of neighbours.
func oneEditApart(a, b []rune) bool {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	switch {
	case len(a) == len(b):
		if i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && string(a[i+2:]) == string(b[i+2:]) {
			return true // swapped neighbours
		}
		return string(a[i+1:]) == string(b[i+1:])
	case len(a)+1 == len(b):
		return string(a[i:]) == string(b[i+1:])
	case len(a) == len(b)+1:
		return string(a[i+1:]) == string(b[i:])
	}
	return false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
