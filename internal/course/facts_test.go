package course_test

import (
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
)

// factsFile is the sourced facts every course must keep to. CI checks the
// repository out with shared/ beside it; this path is relative to this
// package's folder.
const factsFile = "../../../shared/content/FACTS.md"

// notFacts are numbers in course text that state no fact, each with where
// it may stand: a pattern around the number (the number itself is `#`).
// Keep it narrow: a figure, a year or an article number is a fact and
// belongs in FACTS.md, not here.
var notFacts = []struct{ pattern, why string }{
	{`^\s*#\.\s`, "a numbered list item"},
	{`(?i)\bstep #\b`, "the steps of a procedure the lesson walks through"},
	{`(?i)\bstage #\b`, "the stages of a model the lesson walks through"},
	{`(?i)\bQ#\b`, "a question number"},
	{`(?i)\b# (?:of|out of) #\b`, "a count within the lesson"},
}

// TestFiguresInEnglishAreInFacts: every sentence of an English lesson or
// quiz (question, option, feedback, explanation) that holds a figure, a
// year or an article number has each of its numbers in FACTS.md, outside
// "Do not use until verified" and off any line marked UNCONFIRMED. A
// number there is not proof the sentence is right, but a number that is
// not there cannot have come from it.
func TestFiguresInEnglishAreInFacts(t *testing.T) {
	data, err := os.ReadFile(factsFile)
	if err != nil {
		t.Fatalf("the sourced facts are read from shared/, beside the repository (as CI lays it): %v", err)
	}
	known := map[string]bool{}
	for _, n := range numbersIn(usableFacts(string(data))) {
		known[n] = true
	}
	list, problems := course.LoadAll(courses.FS)
	if len(problems) > 0 {
		t.Fatalf("bundled courses have problems:\n%v", problems)
	}
	var allow []*regexp.Regexp
	for _, nf := range notFacts {
		allow = append(allow, regexp.MustCompile(strings.ReplaceAll(nf.pattern, `#`, `\d+`)))
	}
	checked := 0
	for _, c := range list {
		for _, x := range englishTexts(t, c) {
			for _, s := range sentences(x.text) {
				masked := s
				for _, re := range allow {
					masked = re.ReplaceAllStringFunc(masked, func(m string) string { return strings.Repeat(" ", len(m)) })
				}
				nums := numbersIn(masked)
				if len(nums) == 0 {
					continue
				}
				checked++
				var missing []string
				for _, n := range nums {
					if !known[n] && !slices.Contains(missing, n) {
						missing = append(missing, n)
					}
				}
				if len(missing) > 0 {
					t.Errorf("%s:%d: %s not in FACTS.md: %q", x.file, x.line, strings.Join(missing, ", "), strings.TrimSpace(s))
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no sentence with a number was found; the reader has lost its way")
	}
	t.Logf("%d sentences with numbers checked", checked)
}

// usableFacts is FACTS.md without its "Do not use until verified" section
// and without any line marked UNCONFIRMED.
func usableFacts(s string) string {
	var keep []string
	skip := false
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "## ") {
			skip = strings.Contains(strings.ToLower(line), "do not use until verified")
		}
		if skip {
			continue
		}
		keep = append(keep, confirmedPart(line))
	}
	return strings.Join(keep, "\n")
}

// confirmedPart drops the sentences of a line that are marked
// UNCONFIRMED: the mark is on the claim it sits in ("Title UNCONFIRMED."
// after a sourced figure), not on the whole bullet.
func confirmedPart(line string) string {
	if !strings.Contains(line, "UNCONFIRMED") {
		return line
	}
	var keep []string
	for _, s := range regexp.MustCompile(`[.;?!](\s|$)`).Split(line, -1) {
		if !strings.Contains(s, "UNCONFIRMED") {
			keep = append(keep, s)
		}
	}
	return strings.Join(keep, ". ")
}

var number = regexp.MustCompile(`\d+(?:[.,]\d+)*`)

// numbersIn lists the numbers of s: figures, years, article and paragraph
// numbers ("148-2" gives 148 and 2, "4(2)" gives 4 and 2). Thousands
// separators are dropped (11,000 is 11000). Digits inside a name (P029,
// C29, CETS197) are not numbers of their own; "40th" and "1990s" are.
func numbersIn(s string) []string {
	var out []string
	for _, loc := range number.FindAllStringIndex(s, -1) {
		before, _ := utf8.DecodeLastRuneInString(s[:loc[0]])
		if unicode.IsLetter(before) {
			continue
		}
		after := s[loc[1]:]
		if r, _ := utf8.DecodeRuneInString(after); unicode.IsLetter(r) {
			suffix := strings.ToLower(strings.TrimRightFunc(after, func(r rune) bool { return !unicode.IsLetter(r) }))
			if i := strings.IndexFunc(suffix, func(r rune) bool { return !unicode.IsLetter(r) }); i >= 0 {
				suffix = suffix[:i]
			}
			if !slices.Contains([]string{"st", "nd", "rd", "th", "s"}, suffix) {
				continue
			}
		}
		n := s[loc[0]:loc[1]]
		n = strings.TrimRight(n, ".,") // the end of a sentence or a list
		if regexp.MustCompile(`^\d{1,3}(,\d{3})+$`).MatchString(n) {
			n = strings.ReplaceAll(n, ",", "")
		}
		out = append(out, n)
	}
	return out
}

// englishTexts are the English lessons, line by line, and the English
// texts of the quizzes: questions, options, feedback and explanations.
func englishTexts(t *testing.T, c *course.Course) []text {
	t.Helper()
	var out []text
	for _, l := range c.Lessons {
		name := c.ID + "/lessons/en/" + l.File
		for _, x := range textsOf(t, courses.FS, name, "en") {
			x.file = "courses/" + x.file
			if strings.HasPrefix(strings.TrimSpace(x.text), "![") {
				continue // an image
			}
			out = append(out, x)
		}
	}
	quizKey := regexp.MustCompile(`^\s*(text|explanation|feedback|feedback_true|feedback_false)\.en\s*=`)
	for _, q := range c.Quizzes {
		name := c.ID + "/" + q.File
		raw, err := fs.ReadFile(courses.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(raw), "\n")
		for _, x := range textsOf(t, courses.FS, name, "") {
			if x.lang != "en" || !quizKey.MatchString(lines[x.line-1]) {
				continue
			}
			x.file = "courses/" + x.file
			x.text = unquote(x.text)
			out = append(out, x)
		}
	}
	return out
}

func unquote(v string) string {
	v = strings.TrimSpace(v)
	v = strings.TrimPrefix(v, `"`)
	v = strings.TrimSuffix(v, `"`)
	return strings.ReplaceAll(v, `\"`, `"`)
}

// sentences splits text at a full stop, question or exclamation mark
// followed by a space and a capital, but not after an abbreviation
// ("Art. 3", "No. 29", "e.g.").
func sentences(s string) []string {
	abbrev := regexp.MustCompile(`(?i)(?:^|\W)(?:art|arts|no|nos|para|e\.g|i\.e|cf|vs|st|dr|mr|mrs|ms|sec)\.$`)
	var out []string
	start := 0
	for i, r := range s {
		if r != '.' && r != '?' && r != '!' {
			continue
		}
		rest := s[i+1:]
		if !strings.HasPrefix(rest, " ") {
			continue
		}
		next, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " *\"“(«"))
		if !unicode.IsUpper(next) || abbrev.MatchString(s[start:i+1]) {
			continue
		}
		out = append(out, s[start:i+1])
		start = i + 1
	}
	return append(out, s[start:])
}
