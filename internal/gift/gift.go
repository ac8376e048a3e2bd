// Package gift reads Moodle GIFT question banks and turns the questions
// Ogoh can ask into course-format quiz questions.
//
// Parse follows Moodle's own importer (question/format/gift/format.php):
// questions are separated by blank lines; lines starting with // are
// comments, from which "[id:…]" and "[tag:…]" are taken; "$CATEGORY:"
// sets the category of the questions after it; "::title::" names a
// question; "[html]", "[markdown]", "[plain]" and "[moodle]" set the format
// of a text; \~ \= \# \{ \} \: and \\ escape the control characters and \n
// is a newline. The type is decided as Moodle decides it: no braces is a
// description, empty braces an essay, "{#" numerical, any "~" multiple
// choice, "=" with "->" matching, T/TRUE/F/FALSE true/false, anything else
// short answer. Text after the closing brace makes it a "missing word"
// question: the braces are replaced by "_____".
//
// Where Parse differs from Moodle it is to keep more of the author's text
// or to refuse what Moodle would import broken:
//   - lines of html and markdown texts keep their indentation (Moodle trims
//     every line, which flattens <pre> blocks and nested lists); moodle and
//     plain texts are trimmed line by line as Moodle does;
//   - a "$CATEGORY:" line followed by a question without a blank line
//     between them sets the category and starts the question (Moodle would
//     read the whole block as the category name);
//   - "=%50%answer" in a multiple-choice question keeps the weight out of
//     the answer text (Moodle leaves "%50%" in it);
//   - a question with a second {…} block is reported as a problem (Moodle
//     keeps the second block as literal text).
//
// Parse fails only when the input is not a text file (not UTF-8, a NUL
// byte, over 64 MB); questions Moodle would refuse are kept with a Problem
// so that they can be reported by line.
package gift

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Question types, as Moodle names them (but "matching" for Moodle's "match").
const (
	MultiChoice = "multichoice"
	TrueFalse   = "truefalse"
	Matching    = "matching"
	Ordering    = "ordering" // read from Moodle XML's ordering plugin; GIFT has none
	ShortAnswer = "shortanswer"
	Numerical   = "numerical"
	Essay       = "essay"
	Description = "description"
	Invalid     = "invalid" // braces that do not pair up: Moodle cannot tell the type
)

// Text formats.
const (
	FormatMoodle   = "moodle"
	FormatHTML     = "html"
	FormatPlain    = "plain"
	FormatMarkdown = "markdown"
)

// Blank is what replaces the answer block of a missing-word question.
const Blank = "_____"

// Text is a text with the format it is written in. Escapes are resolved;
// markup is kept as written.
type Text struct {
	Text   string `json:"text"`
	Format string `json:"format"`
}

// Bank is a parsed GIFT file.
type Bank struct {
	Categories []Category `json:"categories"`
	Questions  []Question `json:"questions"`
}

// Category is a $CATEGORY: line; it applies to the questions after it.
type Category struct {
	Name string `json:"name"`
	Line int    `json:"line"`
}

// Question is one question of a bank, of any type.
type Question struct {
	Line     int      `json:"line"` // 1-based line where the question starts (after its comments)
	Type     string   `json:"type"`
	Category string   `json:"category,omitempty"`
	Title    string   `json:"title,omitempty"`
	ID       string   `json:"id,omitempty"` // from a "// [id:…]" comment
	Tags     []string `json:"tags,omitempty"`
	Text     Text     `json:"text"`
	// Embedded is set for the missing-word form: the answer block stood
	// inside the sentence and Text has Blank in its place.
	Embedded        bool     `json:"embedded,omitempty"`
	Answers         []Answer `json:"answers,omitempty"` // multichoice, shortanswer; ordering, in the right order
	Pairs           []Pair   `json:"pairs,omitempty"`   // matching
	IsTrue          bool     `json:"is_true,omitempty"` // truefalse: the right answer
	WrongFeedback   Text     `json:"wrong_feedback"`    // truefalse: first feedback, for a wrong answer
	RightFeedback   Text     `json:"right_feedback"`    // truefalse: second feedback, for a right answer
	GeneralFeedback Text     `json:"general_feedback"`  // after ####
	// Problem says why Moodle would refuse the question; empty if none.
	Problem string `json:"problem,omitempty"`
}

// Answer is one answer of a multiple-choice or short-answer question.
type Answer struct {
	Text     Text     `json:"text"`
	Feedback Text     `json:"feedback"`
	Correct  bool     `json:"correct,omitempty"` // written with "="
	Weight   *float64 `json:"weight,omitempty"`  // the %weight% written, in percent
}

// Fraction is the share of the mark Moodle gives the answer: 1 for "=",
// the weight for "%n%", else 0 in multiple choice and 1 in short answer.
func (a Answer) Fraction(qtype string) float64 {
	switch {
	case a.Weight != nil:
		return *a.Weight / 100
	case a.Correct || qtype == ShortAnswer:
		return 1
	}
	return 0
}

// Pair is one "=left -> right" of a matching question. An empty Left is a
// distractor: a right answer that matches no question.
type Pair struct {
	Left  Text   `json:"left"`
	Right string `json:"right"`
}

// Placeholders for escaped characters while the structure is parsed: Unicode
// noncharacters, which never occur in text (Parse replaces any in the input).
const (
	phColon   = '\uFDD0'
	phHash    = '\uFDD1'
	phEquals  = '\uFDD2'
	phLBrace  = '\uFDD3'
	phRBrace  = '\uFDD4'
	phTilde   = '\uFDD5'
	phNewline = '\uFDD6'
)

var escapes = map[byte]rune{':': phColon, '#': phHash, '=': phEquals, '{': phLBrace, '}': phRBrace, '~': phTilde, 'n': phNewline}

var unescaper = strings.NewReplacer(
	string(phColon), ":", string(phHash), "#", string(phEquals), "=",
	string(phLBrace), "{", string(phRBrace), "}", string(phTilde), "~", string(phNewline), "\n")

// escape replaces GIFT escapes with placeholders, reading left to right as
// Moodle's escapedchar_pre does: "\\" is a backslash, "\:" a colon, and so on.
func escape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			if s[i+1] == '\\' {
				b.WriteByte('\\')
				i++
				continue
			}
			if r, ok := escapes[s[i+1]]; ok {
				b.WriteRune(r)
				i++
				continue
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

func unescape(s string) string { return unescaper.Replace(s) }

// phpTrim trims what PHP's trim does, and no more (not a no-break space).
func phpTrim(s string) string { return strings.Trim(s, " \t\n\r\x00\x0b") }

// maxInput bounds what Parse reads: a question bank is text, and a larger
// file is not one.
const maxInput = 64 << 20

// Parse reads a GIFT file. It fails only if the input cannot be read or is
// not UTF-8 text; every block of text becomes a question of some type, and
// questions Moodle would refuse carry a Problem.
func Parse(r io.Reader) (*Bank, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxInput+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxInput {
		return nil, fmt.Errorf("larger than %d MB: not a question bank", maxInput>>20)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("line %d: not UTF-8 text (save the file as UTF-8)", badLine(data))
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, fmt.Errorf("line %d: a NUL byte: this is not a GIFT text file", bytes.Count(data[:i], []byte("\n"))+1)
	}
	text := string(data)
	text = strings.Map(func(r rune) rune {
		if r >= phColon && r <= phNewline {
			return utf8.RuneError
		}
		return r
	}, text)
	if strings.Contains(text, "\n") {
		text = strings.ReplaceAll(text, "\r\n", "\n")
	} else {
		text = strings.ReplaceAll(text, "\r", "\n") // an old Mac file, as Moodle reads it
	}

	p := parser{bank: &Bank{}}
	var block []srcLine
	for i, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) == "" {
			p.block(block)
			block = block[:0]
			continue
		}
		block = append(block, srcLine{n: i + 1, s: l})
	}
	p.block(block)
	return p.bank, nil
}

func badLine(data []byte) int {
	n := 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size == 1 {
			return n
		}
		if r == '\n' {
			n++
		}
		data = data[size:]
	}
	return n
}

type srcLine struct {
	n int
	s string
}

type parser struct {
	bank     *Bank
	category string
}

var (
	idRe     = regexp.MustCompile(`\[id:((?:\\\]|[^\]\x00-\x1f\x7f])+)\]`)
	tagRe    = regexp.MustCompile(`\[tag:((?:\\\]|[^\]<>` + "`" + `\x00-\x1f\x7f])*)\]`)
	weightRe = regexp.MustCompile(`^%-*[0-9]{1,2}\.?[0-9]*%`)
)

// block reads one blank-line-separated block: comments, then a category or
// a question.
func (p *parser) block(lines []srcLine) {
	var comments strings.Builder
	var body []srcLine
	for _, l := range lines {
		if t := strings.TrimSpace(l.s); strings.HasPrefix(t, "//") {
			comments.WriteString(t)
			comments.WriteByte('\n')
			continue
		}
		body = append(body, l)
	}
	if len(body) == 0 {
		return
	}
	if first := phpTrim(body[0].s); strings.HasPrefix(first, "$CATEGORY:") {
		name := phpTrim(unescape(escape(first[len("$CATEGORY:"):])))
		p.bank.Categories = append(p.bank.Categories, Category{Name: name, Line: body[0].n})
		p.category = name
		body = body[1:]
		if len(body) == 0 {
			return
		}
	}
	q := Question{Line: body[0].n, Category: p.category}
	q.ID, q.Tags = idAndTags(comments.String())
	raw := make([]string, len(body))
	for i, l := range body {
		raw[i] = l.s
	}
	readQuestion(&q, escape(phpTrim(strings.Join(raw, "\n"))))
	p.bank.Questions = append(p.bank.Questions, q)
}

func idAndTags(comments string) (id string, tags []string) {
	if m := idRe.FindStringSubmatch(comments); m != nil {
		id = strings.ReplaceAll(strings.TrimSpace(m[1]), `\]`, "]")
	}
	for _, m := range tagRe.FindAllStringSubmatch(comments, -1) {
		if t := strings.ReplaceAll(strings.TrimSpace(m[1]), `\]`, "]"); t != "" {
			tags = append(tags, t)
		}
	}
	return id, tags
}

// readQuestion parses the text of one question, escapes already replaced:
// its title, then its answer block, then the answers as the block's type
// reads them.
func readQuestion(q *Question, text string) {
	q.Title, text = readTitle(text)
	if answer, ok := readAnswerBlock(q, text); ok {
		readAnswers(q, answer, q.Text.Format)
	}
}

// readTitle takes a leading "::title::" off text. An opening "::" without
// its closing one is dropped, as Moodle drops it.
func readTitle(text string) (title, rest string) {
	if !strings.HasPrefix(text, "::") {
		return "", text
	}
	text = text[2:]
	end := strings.Index(text, "::")
	if end < 0 {
		return "", text
	}
	return strings.Join(strings.Fields(unescape(text[:end])), " "), phpTrim(text[end+2:])
}

// readAnswerBlock sets the question's text and general feedback and
// returns what stands between its braces; without a pair of braces the
// question is a description, or invalid, and has no answers (ok false).
func readAnswerBlock(q *Question, text string) (answer string, ok bool) {
	start, finish := strings.IndexByte(text, '{'), strings.IndexByte(text, '}')
	switch {
	case start < 0 && finish < 0:
		q.Type = Description
		q.Text = textWithFormat(text, FormatMoodle)
		return "", false
	case start < 0 || finish < 0 || finish < start:
		q.Type = Invalid
		q.Text = textWithFormat(text, FormatMoodle)
		q.Problem = "the answer braces { } do not pair up"
		return "", false
	}
	answer = phpTrim(text[start+1 : finish])
	var stem string
	if strings.HasSuffix(text, "}") {
		stem = text[:start] + text[finish+1:]
	} else {
		stem = text[:start] + Blank + text[finish+1:]
		q.Embedded = true
	}
	if strings.ContainsAny(text[finish+1:], "{}") {
		q.Problem = "more than one answer block { }: write one question per block"
	}

	general := ""
	if i := strings.LastIndex(answer, "####"); i >= 0 {
		general = answer[i+4:]
		answer = phpTrim(answer[:i])
	}
	q.Text = textWithFormat(stem, FormatMoodle)
	q.GeneralFeedback = textWithFormat(general, q.Text.Format)
	return answer, true
}

// readAnswers decides the type from the answer block, as Moodle does, and
// reads the answers of that type.
func readAnswers(q *Question, answer, format string) {
	switch {
	case answer == "":
		q.Type = Essay
	case answer[0] == '#':
		q.Type = Numerical
	case strings.Contains(answer, "~"):
		q.Type = MultiChoice
		readMultiChoice(q, answer, format)
	case strings.Contains(answer, "=") && strings.Contains(answer, "->"):
		q.Type = Matching
		readMatching(q, answer, format)
	case isTrueFalse(answer):
		q.Type = TrueFalse
		readTrueFalse(q, answer, format)
	default:
		q.Type = ShortAnswer
		readShortAnswer(q, answer, format)
	}
}

// isTrueFalse: the answer, before any feedback, is T, TRUE, F or FALSE.
func isTrueFalse(answer string) bool {
	check := answer
	if i := strings.IndexByte(answer, '#'); i > 0 {
		check = phpTrim(answer[:i])
	}
	switch check {
	case "T", "TRUE", "F", "FALSE":
		return true
	}
	return false
}

// splitAnswers splits an answer block at sep, dropping an empty first part.
func splitAnswers(answer, sep string) []string {
	parts := strings.Split(answer, sep)
	parts[0] = phpTrim(parts[0])
	if parts[0] == "" {
		parts = parts[1:]
	}
	return parts
}

func readMultiChoice(q *Question, answer, format string) {
	parts := splitAnswers(strings.ReplaceAll(answer, "=", "~="), "~")
	if len(parts) < 2 {
		q.Problem = "a multiple-choice question needs at least 2 answers"
	}
	for _, part := range parts {
		part = phpTrim(part)
		var a Answer
		if strings.HasPrefix(part, "=") {
			a.Correct = true
			part = part[1:]
			if weightRe.MatchString(part) {
				a.Weight, part = readWeight(part)
			}
		} else if weightRe.MatchString(part) {
			a.Weight, part = readWeight(part)
		}
		a.Text, a.Feedback = withFeedback(part, format)
		q.Answers = append(q.Answers, a)
	}
}

func readShortAnswer(q *Question, answer, format string) {
	for _, part := range splitAnswers(answer, "=") {
		part = phpTrim(part)
		a := Answer{Correct: true}
		if weightRe.MatchString(part) {
			a.Weight, part = readWeight(part)
		}
		a.Text, a.Feedback = withFeedback(part, format)
		q.Answers = append(q.Answers, a)
	}
	if len(q.Answers) == 0 {
		q.Problem = "a short-answer question needs an answer"
	}
}

func readMatching(q *Question, answer, format string) {
	parts := splitAnswers(answer, "=")
	if len(parts) < 2 {
		q.Problem = "a matching question needs at least 2 pairs"
	}
	for _, part := range parts {
		part = phpTrim(part)
		arrow := strings.Index(part, "->")
		if arrow < 0 {
			if q.Problem == "" {
				q.Problem = fmt.Sprintf("matching pair %q has no ->", unescape(part))
			}
			continue
		}
		q.Pairs = append(q.Pairs, Pair{
			Left:  textWithFormat(part[:arrow], format),
			Right: phpTrim(unescape(part[arrow+2:])),
		})
	}
}

func readTrueFalse(q *Question, answer, format string) {
	bits := strings.SplitN(answer, "#", 3)
	switch phpTrim(bits[0]) {
	case "T", "TRUE":
		q.IsTrue = true
	}
	q.WrongFeedback = Text{Format: format}
	q.RightFeedback = Text{Format: format}
	if len(bits) > 1 {
		q.WrongFeedback = textWithFormat(bits[1], format)
	}
	if len(bits) > 2 {
		q.RightFeedback = textWithFormat(bits[2], format)
	}
}

// readWeight reads a leading "%n%" as Moodle's answerweightparser does.
func readWeight(s string) (*float64, string) {
	s = s[1:]
	end := strings.IndexByte(s, '%')
	w, err := strconv.ParseFloat(s[:end], 64)
	if err != nil {
		w = 0 // "%--5%": Moodle's regex lets it through; PHP would not read a number
	}
	return &w, s[end+1:]
}

// withFeedback splits "answer#feedback" at the first #.
func withFeedback(s, format string) (text, feedback Text) {
	bits := strings.SplitN(s, "#", 2)
	text = textWithFormat(bits[0], format)
	feedback = Text{Format: format}
	if len(bits) > 1 {
		feedback = textWithFormat(bits[1], format)
	}
	return text, feedback
}

// textWithFormat reads an optional [format] prefix, then resolves escapes
// and trims, as Moodle's parse_text_with_format does.
func textWithFormat(s, def string) Text {
	s = phpTrim(s)
	t := Text{Format: def}
	if strings.HasPrefix(s, "[") {
		if end := strings.IndexByte(s, ']'); end > 0 {
			switch f := s[1:end]; f {
			case FormatMoodle, FormatHTML, FormatPlain, FormatMarkdown:
				t.Format = f
				s = s[end+1:]
			}
		}
	}
	if t.Format == FormatMoodle || t.Format == FormatPlain {
		s = trimLines(s)
	}
	t.Text = phpTrim(unescape(s))
	return t
}

// trimLines trims every line, as Moodle does to all text.
func trimLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.Trim(l, " \t")
	}
	return strings.Join(lines, "\n")
}
