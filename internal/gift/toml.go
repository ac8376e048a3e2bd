package gift

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/ogoh/ogoh/internal/course"
)

// Header starts every quiz file WriteQuizTOML writes. The line after it
// holds the SHA-256 of the rest, so that Unedited can tell a file as the
// importer wrote it from one an author has since worked on.
const Header = "# Quiz questions imported from a Moodle GIFT question bank (ogohctl gift import)."

const sumPrefix = "# sha256 "
const sumSuffix = " of the text below: while it matches, gift import may replace this file."

// Unedited reports whether data is a quiz file exactly as WriteQuizTOML
// wrote it. A file without the header or its sum line (written by hand, or
// by an older importer) is not: there is no telling what was changed.
func Unedited(data []byte) bool {
	rest, ok := bytes.CutPrefix(data, []byte(Header+"\n"+sumPrefix))
	if !ok {
		return false
	}
	sum, body, ok := bytes.Cut(rest, []byte(sumSuffix+"\n"))
	want := sha256.Sum256(body)
	return ok && string(sum) == hex.EncodeToString(want[:])
}

// WriteQuizTOML writes questions as a course quiz file, with their texts in
// lang. An empty explanation is written as "" so that the course validator
// asks the author for one.
func WriteQuizTOML(w io.Writer, qs []course.Question, lang string) error {
	var b bytes.Buffer
	l := key(lang)
	fmt.Fprintf(&b, "# Before the course validates: write every empty explanation.%s, and list\n", lang)
	b.WriteString("# this file under [[quizzes]] in course.toml.\n")
	for _, q := range qs {
		b.WriteString("\n[[questions]]\n")
		fmt.Fprintf(&b, "id = %s\n", quote(q.ID))
		fmt.Fprintf(&b, "type = %s\n", quote(string(q.Type)))
		fmt.Fprintf(&b, "lesson = %s\n", quote(q.Lesson))
		if a, ok := answer(q.Answer); ok {
			fmt.Fprintf(&b, "answer = %s\n", a)
		} else if q.Answer != nil {
			return fmt.Errorf("question %q: cannot write answer of type %T", q.ID, q.Answer)
		}
		if q.Category != "" {
			fmt.Fprintf(&b, "category = %s\n", quote(q.Category))
		}
		if q.Title != "" {
			fmt.Fprintf(&b, "title = %s\n", quote(q.Title))
		}
		fmt.Fprintf(&b, "text.%s = %s\n", l, quote(q.Text[lang]))
		fmt.Fprintf(&b, "explanation.%s = %s\n", l, quote(q.Explanation[lang]))
		if s := q.FeedbackTrue[lang]; s != "" {
			fmt.Fprintf(&b, "feedback_true.%s = %s\n", l, quote(s))
		}
		if s := q.FeedbackFalse[lang]; s != "" {
			fmt.Fprintf(&b, "feedback_false.%s = %s\n", l, quote(s))
		}
		for _, o := range q.Options {
			b.WriteString("\n  [[questions.options]]\n")
			fmt.Fprintf(&b, "  id = %s\n", quote(o.ID))
			fmt.Fprintf(&b, "  text.%s = %s\n", l, quote(o.Text[lang]))
			if s := o.Feedback[lang]; s != "" {
				fmt.Fprintf(&b, "  feedback.%s = %s\n", l, quote(s))
			}
		}
		for _, p := range q.Pairs {
			b.WriteString("\n  [[questions.pairs]]\n")
			fmt.Fprintf(&b, "  id = %s\n", quote(p.ID))
			fmt.Fprintf(&b, "  left.%s = %s\n", l, quote(p.Left[lang]))
			fmt.Fprintf(&b, "  right.%s = %s\n", l, quote(p.Right[lang]))
		}
	}
	sum := sha256.Sum256(b.Bytes())
	_, err := fmt.Fprintf(w, "%s\n%s%s%s\n%s", Header, sumPrefix, hex.EncodeToString(sum[:]), sumSuffix, b.Bytes())
	return err
}

func answer(v any) (string, bool) {
	switch a := v.(type) {
	case string:
		return quote(a), true
	case bool:
		return fmt.Sprint(a), true
	case []string:
		return list(a), true
	case []any:
		s := make([]string, len(a))
		for i, x := range a {
			str, ok := x.(string)
			if !ok {
				return "", false
			}
			s[i] = str
		}
		return list(s), true
	}
	return "", false
}

func list(ids []string) string {
	q := make([]string, len(ids))
	for i, id := range ids {
		q[i] = quote(id)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

var bareKey = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

func key(k string) string {
	if bareKey.MatchString(k) {
		return k
	}
	return quote(k)
}

// quote writes s as a TOML basic string. Invalid UTF-8 becomes U+FFFD.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\b':
			b.WriteString(`\b`)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\f':
			b.WriteString(`\f`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
