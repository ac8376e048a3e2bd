package bank

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/ogoh/ogoh/internal/gift"
)

// ReadAiken reads an Aiken bank as Moodle's importer reads it
// (question/format/aiken/format.php):
//
//	Question text, on one line
//	A) Choice
//	B. Choice
//	ANSWER: B
//
// Every line is trimmed, and lines shorter than two bytes (blank ones
// included) are passed over wherever they stand. A line of a capital
// letter, ")" or "." and an optional space is a choice; a line starting
// "ANSWER:" closes the question, its first letter naming the right choice
// by position (A the first); any other line starts a question. The errors
// are Moodle's: a choice or ANSWER line outside a question, a question
// closed with fewer than two choices, a question left without its ANSWER
// line when the next one starts. Moodle drops a question still open at
// the end of the file without a word; here it is reported.
//
// Where this reader refuses what Moodle imports, it is to keep a wrong
// answer key out of a course: an ANSWER letter that names no choice (Moodle
// would store a question with no right answer) or whose choice is lettered
// otherwise (the choices "A) B) D)" with "ANSWER: D": Moodle takes the
// third choice by position, lettered B or D). A question is named by its
// text, shortened, as Moodle names it.
func ReadAiken(data []byte) (*Bank, error) {
	data, err := utf8Text(data)
	if err != nil {
		return nil, err
	}
	r := aikenReader{bank: &Bank{Format: Aiken}}
	for i, line := range splitLines(string(data)) {
		r.line(i+1, phpTrim(line))
	}
	r.unfinished("the file ends before its ANSWER: line")
	return r.bank, nil
}

// splitLines splits at "\r\n", "\n" or a lone "\r", as Moodle does.
func splitLines(s string) []string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Split(strings.ReplaceAll(s, "\r", "\n"), "\n")
}

// phpTrim trims what PHP's trim does.
func phpTrim(s string) string { return strings.Trim(s, " \t\n\r\x00\x0b") }

var (
	aikenChoiceRe = regexp.MustCompile(`^[A-Z][).][ \t]?`)
	aikenAnswerAt = regexp.MustCompile(`^ANSWER:`)
)

type aikenReader struct {
	bank    *Bank
	open    *gift.Question
	letters []byte // each choice's letter, as written
}

func (r *aikenReader) line(n int, s string) {
	switch {
	case len(s) < 2:
	case aikenChoiceRe.MatchString(s):
		if r.open == nil {
			r.orphan(n, "a choice line outside a question: the question's text, on one line, comes first")
			return
		}
		r.open.Answers = append(r.open.Answers, gift.Answer{Text: plain(phpTrim(s[2:]))})
		r.letters = append(r.letters, s[0])
	case aikenAnswerAt.MatchString(s):
		if r.open == nil {
			r.orphan(n, "an ANSWER: line outside a question: the question's text, on one line, comes first")
			return
		}
		r.answer(n, phpTrim(s[len("ANSWER:"):]))
	default:
		r.unfinished(fmt.Sprintf("line %d starts another question before this one's ANSWER: line (the question must be on one line)", n))
		q := gift.Question{Line: n, Type: gift.MultiChoice, Text: plain(s), Title: shorten(clean(s), 50)}
		r.open, r.letters = &q, nil
	}
}

// answer closes the open question with its ANSWER: line.
func (r *aikenReader) answer(n int, value string) {
	q := r.open
	r.open = nil
	switch {
	case len(q.Answers) < 2:
		q.Problem = fmt.Sprintf("a question needs at least 2 choices before its ANSWER: line (line %d)", n)
	case value == "":
		q.Problem = fmt.Sprintf("line %d: ANSWER: gives no letter", n)
	default:
		q.Problem = r.markRight(q, value)
	}
	r.bank.Questions = append(r.bank.Questions, *q)
}

// markRight marks the choice the answer's first letter names by position,
// as Moodle does, or says why it cannot.
func (r *aikenReader) markRight(q *gift.Question, value string) string {
	letter := value[0]
	last := 'A' + len(q.Answers) - 1
	pos := int(letter) - 'A'
	switch {
	case letter < 'A' || pos >= len(q.Answers):
		first, _ := utf8.DecodeRuneInString(value)
		return fmt.Sprintf("ANSWER: %q names no choice: the %d choices are A to %c (a capital letter)", first, len(q.Answers), last)
	case r.letters[pos] != letter:
		return fmt.Sprintf("ANSWER: %c: choice %d is lettered %c; Moodle takes the answer by position, so letter the choices A, B, C… in order", letter, pos+1, r.letters[pos])
	}
	q.Answers[pos].Correct = true
	return ""
}

// unfinished reports the open question, if any, as never closed.
func (r *aikenReader) unfinished(why string) {
	if r.open == nil {
		return
	}
	r.open.Problem = "not completed: " + why
	r.bank.Questions = append(r.bank.Questions, *r.open)
	r.open = nil
}

// orphan reports a line that belongs to no question.
func (r *aikenReader) orphan(n int, why string) {
	r.bank.Questions = append(r.bank.Questions, gift.Question{Line: n, Type: gift.Invalid, Problem: why})
}

// shorten names a question by its text, as Moodle names an Aiken question:
// the text up to n characters, cut at a space.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}

func plain(s string) gift.Text { return gift.Text{Text: clean(s), Format: gift.FormatPlain} }
