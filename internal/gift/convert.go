package gift

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
)

// Report says what ToQuestions made of a bank.
type Report struct {
	Imported int                 `json:"imported"`
	ByType   map[domain.Kind]int `json:"by_type"` // course question type → count
	Skipped  []Skip              `json:"skipped"`
}

// Skip is a question that was not imported, and why.
type Skip struct {
	Line   int    `json:"line"`
	Type   string `json:"type"` // the GIFT type: essay, shortanswer, numerical, description, …
	Reason string `json:"reason"`
}

// ToQuestions converts the questions Ogoh can ask to the course format, with
// their text in lang and lesson as the lesson that teaches them, and reports
// every other question by line and type.
//
//   - IDs: the GIFT [id:…] if it is a valid course ID, else a slug of the
//     title, else "q-<line>"; a repeated ID gets "-2", "-3", ….
//   - Multiple choice with one "=" answer becomes single; with several "="
//     answers, multiple with all of them (Moodle counts any one as right,
//     Ogoh cannot say "any of"); with none, multiple with every answer of
//     positive weight. Option IDs are "a", "b", "c", …
//   - True/false feedback goes by position as in Moodle: the first is for a
//     wrong answer and the second for a right one.
//   - Matching pairs get IDs "p1", "p2", …; a pair with an empty left side
//     (a distractor answer) is dropped, since every Ogoh pair is a match.
//   - The general feedback (####) becomes the explanation; without one the
//     explanation is empty, for the author to write.
//   - Markup is kept as written.
func ToQuestions(b *Bank, lang, lesson string) (qs []course.Question, report Report) {
	report.ByType = map[domain.Kind]int{}
	report.Skipped = []Skip{}
	ids := newIDs(b)
	for _, gq := range b.Questions {
		q, reason := convert(gq, lang)
		if reason != "" {
			report.Skipped = append(report.Skipped, Skip{Line: gq.Line, Type: gq.Type, Reason: reason})
			continue
		}
		q.ID = ids.assign(gq)
		q.Lesson = lesson
		q.Category = gq.Category
		q.Title = gq.Title
		q.Explanation = course.Text{lang: gq.GeneralFeedback.Text}
		qs = append(qs, q)
		report.Imported++
		report.ByType[q.Type]++
	}
	return qs, report
}

// converters make a course question of each GIFT type Ogoh can ask, and
// say why not when they cannot; every other type is not supported.
var converters = map[string]func(gq Question, q *course.Question, lang string) (reason string){
	MultiChoice: convertMultiChoice,
	TrueFalse:   convertTrueFalse,
	Matching:    convertMatching,
	Ordering:    convertOrdering,
}

// convert returns the course question, or why there is none.
func convert(gq Question, lang string) (course.Question, string) {
	var q course.Question
	if reason := unsupported(gq); reason != "" {
		return q, reason
	}
	if gq.Problem != "" {
		return q, gq.Problem
	}
	if strings.TrimSpace(gq.Text.Text) == "" {
		return q, "the question has no text"
	}
	q.Text = course.Text{lang: gq.Text.Text}
	to, ok := converters[gq.Type]
	if !ok {
		return q, "not supported"
	}
	return q, to(gq, &q, lang)
}

// convertMultiChoice makes a single-choice question of one "=" answer,
// else a multiple-response one (see ToQuestions).
func convertMultiChoice(gq Question, q *course.Question, lang string) string {
	var exact, positive []string
	for i, a := range gq.Answers {
		if strings.TrimSpace(a.Text.Text) == "" {
			return fmt.Sprintf("answer %d has no text", i+1)
		}
		o := course.Option{ID: optionID(i), Text: course.Text{lang: a.Text.Text}}
		if a.Feedback.Text != "" {
			o.Feedback = course.Text{lang: a.Feedback.Text}
		}
		q.Options = append(q.Options, o)
		if a.Correct {
			exact = append(exact, o.ID)
		}
		if a.Fraction(MultiChoice) > 0 {
			positive = append(positive, o.ID)
		}
	}
	switch {
	case len(exact) == 1:
		q.Type = domain.KindSingle
		q.Answer = exact[0]
		q.Correct = exact
	case len(exact) > 1:
		q.Type = domain.KindMultiple
		q.Answer = exact
		q.Correct = exact
	case len(positive) > 0:
		q.Type = domain.KindMultiple
		q.Answer = positive
		q.Correct = positive
	default:
		return "no answer is marked right (with = or a positive %weight%)"
	}
	return ""
}

// convertTrueFalse keeps Moodle's feedback by position: the first for a
// wrong answer, the second for a right one.
func convertTrueFalse(gq Question, q *course.Question, lang string) string {
	q.Type = domain.KindTrueFalse
	q.Answer = gq.IsTrue
	q.CorrectBool = gq.IsTrue
	right, wrong := &q.FeedbackFalse, &q.FeedbackTrue
	if gq.IsTrue {
		right, wrong = &q.FeedbackTrue, &q.FeedbackFalse
	}
	if gq.WrongFeedback.Text != "" {
		*wrong = course.Text{lang: gq.WrongFeedback.Text}
	}
	if gq.RightFeedback.Text != "" {
		*right = course.Text{lang: gq.RightFeedback.Text}
	}
	return ""
}

// convertMatching drops distractors (a right side that matches no left).
func convertMatching(gq Question, q *course.Question, lang string) string {
	q.Type = domain.KindMatching
	for i, p := range gq.Pairs {
		if strings.TrimSpace(p.Left.Text) == "" {
			continue // a distractor
		}
		if strings.TrimSpace(p.Right) == "" {
			return fmt.Sprintf("pair %d has nothing after ->", i+1)
		}
		q.Pairs = append(q.Pairs, course.Pair{
			ID:    "p" + strconv.Itoa(len(q.Pairs)+1),
			Left:  course.Text{lang: p.Left.Text},
			Right: course.Text{lang: p.Right},
		})
	}
	if len(q.Pairs) < 2 {
		return "a matching question needs at least 2 pairs with text on both sides"
	}
	return ""
}

// convertOrdering asks the items in the order the bank lists them, which
// is the right order (Moodle's ordering plugin reads it so).
func convertOrdering(gq Question, q *course.Question, lang string) string {
	q.Type = domain.KindOrdering
	var order []string
	for i, a := range gq.Answers {
		if strings.TrimSpace(a.Text.Text) == "" {
			return fmt.Sprintf("item %d has no text", i+1)
		}
		o := course.Option{ID: optionID(i), Text: course.Text{lang: a.Text.Text}}
		q.Options = append(q.Options, o)
		order = append(order, o.ID)
	}
	if len(order) < 2 {
		return "an ordering question needs at least 2 items"
	}
	q.Answer = order
	q.Correct = order
	return ""
}

// unsupported says why a question of a type Ogoh does not ask is skipped.
func unsupported(gq Question) string {
	switch gq.Type {
	case Essay:
		return "not supported: an essay needs a person to mark it"
	case Numerical:
		return "not supported: Ogoh has no typed numeric answers"
	case Description:
		return "not supported: a description is not a question (put its text in a lesson)"
	case ShortAnswer:
		reason := "not supported: Ogoh has no typed answers"
		if gq.Embedded {
			reason = "not supported: missing-word short answer (Ogoh has no typed answers)"
		}
		if len(gq.Answers) == 1 {
			switch strings.ToLower(gq.Answers[0].Text.Text) {
			case "t", "true", "f", "false":
				reason += "; for true/false write {TRUE} or {FALSE} in capitals"
			}
		}
		return reason
	case TrueFalse, Matching:
		if gq.Embedded {
			return fmt.Sprintf("not supported: missing-word %s (the answer block stands inside the sentence)", gq.Type)
		}
	case Invalid:
		return gq.Problem
	}
	return ""
}

// optionID is "a" … "z", then "aa", "ab", ….
func optionID(i int) string {
	id := ""
	for i++; i > 0; i = (i - 1) / 26 {
		id = string(rune('a'+(i-1)%26)) + id
	}
	return id
}

type idSet struct {
	used     map[string]bool
	reserved map[string]bool // valid GIFT ids, kept for the questions that carry them
	next     map[string]int  // per base, the suffix to try next
}

// newIDs reserves the GIFT ids that are valid course IDs, so that a made-up
// ID never takes one an author chose.
func newIDs(b *Bank) *idSet {
	s := &idSet{used: map[string]bool{}, reserved: map[string]bool{}, next: map[string]int{}}
	for _, q := range b.Questions {
		if course.ValidID(q.ID) {
			s.reserved[q.ID] = true
		}
	}
	return s
}

// assign gives q its ID. The suffix count for a base resumes where the last
// duplicate of it stopped: counting up from 1 every time made a bank of
// 40,000 questions with one title take four minutes to import.
func (s *idSet) assign(q Question) string {
	if course.ValidID(q.ID) && !s.used[q.ID] {
		s.used[q.ID] = true
		return q.ID
	}
	base := q.ID
	if !course.ValidID(base) {
		base = Slug(q.Title)
	}
	if base == "" {
		base = "q-" + strconv.Itoa(q.Line)
	}
	for n := max(s.next[base], 1); ; n++ {
		id := base
		if n > 1 {
			suffix := "-" + strconv.Itoa(n)
			id = strings.TrimRight(cut(base, 64-len(suffix)), "-") + suffix
		}
		if !s.used[id] && !s.reserved[id] {
			s.used[id] = true
			s.next[base] = n + 1
			return id
		}
	}
}

// Slug makes a course ID from a title: lowercase ASCII letters and digits
// joined by hyphens, accents dropped and Cyrillic transliterated; "" if
// nothing is left.
func Slug(title string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(title) {
		var s string
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			s = string(r)
		case unicode.Is(unicode.Mn, r), r == '\'', r == '’', r == 'ʻ', r == 'ʼ', r == 'ъ', r == 'ь':
			continue // accents, apostrophes and signs join the letters around them
		case cyrillic[r] != "":
			s = cyrillic[r]
		default:
			s = asciiLetters(norm.NFD.String(string(r))) // é → e
		}
		if s == "" {
			hyphen = b.Len() > 0
			continue
		}
		if hyphen {
			b.WriteByte('-')
			hyphen = false
		}
		b.WriteString(s)
	}
	return strings.TrimRight(cut(b.String(), 64), "-")
}

func asciiLetters(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func cut(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

var cyrillic = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch",
	'ы': "y", 'э': "e", 'ю': "yu", 'я': "ya", 'ў': "o", 'қ': "q", 'ғ': "g", 'ҳ': "h",
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g",
}
