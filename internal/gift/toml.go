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
const Header = headerStart + "Moodle GIFT question bank (ogohctl gift import)."

const headerStart = "# Quiz questions imported from a "
const sumPrefix = "# sha256 "

// Source names, in the quiz file's header, the bank a quiz was imported
// from and the command that may replace the file while it is unedited.
type Source struct {
	Format  string // "Moodle GIFT", "Moodle XML", "Aiken"
	Command string // "gift import", "bank import"
}

// GIFTSource is what gift import writes in its header.
var GIFTSource = Source{Format: "Moodle GIFT", Command: "gift import"}

func (s Source) header() string {
	return headerStart + s.Format + " question bank (ogohctl " + s.Command + ")."
}

func (s Source) sumSuffix() string {
	return " of the text below: while it matches, " + s.Command + " may replace this file."
}

// importedRe matches the two lines an importer writes first, whichever
// bank and command: a file one importer wrote, another may replace.
var importedRe = regexp.MustCompile(`^# Quiz questions imported from a [A-Za-z ]+ question bank \(ogohctl (?:gift|bank) import\)\.\n# sha256 ([0-9a-f]{64}) of the text below: while it matches, (?:gift|bank) import may replace this file\.\n`)

// Imported reports whether data starts as a quiz file an importer wrote,
// edited since or not.
func Imported(data []byte) bool { return bytes.HasPrefix(data, []byte(headerStart)) }

// Unedited reports whether data is a quiz file exactly as WriteQuizTOML
// (or WriteQuiz, from any bank) wrote it. A file without the header or its
// sum line (written by hand, or by an older importer) is not: there is no
// telling what was changed.
func Unedited(data []byte) bool {
	m := importedRe.FindSubmatchIndex(data)
	if m == nil {
		return false
	}
	want := sha256.Sum256(data[m[1]:])
	return string(data[m[2]:m[3]]) == hex.EncodeToString(want[:])
}

// WriteQuizTOML writes questions imported from a GIFT bank as a course quiz
// file, with their texts in lang.
func WriteQuizTOML(w io.Writer, qs []course.Question, lang string) error {
	return WriteQuiz(w, qs, lang, GIFTSource)
}

// WriteQuiz writes questions as a course quiz file, with their texts in
// lang and a header naming where they came from. An empty explanation is
// written as "" so that the course validator asks the author for one.
func WriteQuiz(w io.Writer, qs []course.Question, lang string, src Source) error {
	var b bytes.Buffer
	l := key(lang)
	fmt.Fprintf(&b, "# Before the course validates: write every empty explanation.%s, and list\n", lang)
	b.WriteString("# this file under [[quizzes]] in course.toml.\n")
	for _, q := range qs {
		if err := writeQuestion(&b, q, lang, l); err != nil {
			return err
		}
	}
	sum := sha256.Sum256(b.Bytes())
	_, err := fmt.Fprintf(w, "%s\n%s%s%s\n%s", src.header(), sumPrefix, hex.EncodeToString(sum[:]), src.sumSuffix(), b.Bytes())
	return err
}

func writeQuestion(b *bytes.Buffer, q course.Question, lang, l string) error {
	b.WriteString("\n[[questions]]\n")
	fmt.Fprintf(b, "id = %s\n", quote(q.ID))
	fmt.Fprintf(b, "type = %s\n", quote(string(q.Type)))
	fmt.Fprintf(b, "lesson = %s\n", quote(q.Lesson))
	if a, ok := answer(q.Answer); ok {
		fmt.Fprintf(b, "answer = %s\n", a)
	} else if q.Answer != nil {
		return fmt.Errorf("question %q: cannot write answer of type %T", q.ID, q.Answer)
	}
	if q.Category != "" {
		fmt.Fprintf(b, "category = %s\n", quote(q.Category))
	}
	if q.Title != "" {
		fmt.Fprintf(b, "title = %s\n", quote(q.Title))
	}
	fmt.Fprintf(b, "text.%s = %s\n", l, quote(q.Text[lang]))
	fmt.Fprintf(b, "explanation.%s = %s\n", l, quote(q.Explanation[lang]))
	if s := q.FeedbackTrue[lang]; s != "" {
		fmt.Fprintf(b, "feedback_true.%s = %s\n", l, quote(s))
	}
	if s := q.FeedbackFalse[lang]; s != "" {
		fmt.Fprintf(b, "feedback_false.%s = %s\n", l, quote(s))
	}
	for _, o := range q.Options {
		b.WriteString("\n  [[questions.options]]\n")
		fmt.Fprintf(b, "  id = %s\n", quote(o.ID))
		fmt.Fprintf(b, "  text.%s = %s\n", l, quote(o.Text[lang]))
		if s := o.Feedback[lang]; s != "" {
			fmt.Fprintf(b, "  feedback.%s = %s\n", l, quote(s))
		}
	}
	for _, p := range q.Pairs {
		b.WriteString("\n  [[questions.pairs]]\n")
		fmt.Fprintf(b, "  id = %s\n", quote(p.ID))
		fmt.Fprintf(b, "  left.%s = %s\n", l, quote(p.Left[lang]))
		fmt.Fprintf(b, "  right.%s = %s\n", l, quote(p.Right[lang]))
	}
	return nil
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
