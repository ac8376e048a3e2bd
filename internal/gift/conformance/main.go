// Command conformance checks the GIFT importer against an external corpus:
// GIFT files, each with the JSON reading of a reference parser beside it
// (NAME.gift and NAME.json).
//
//	go run ./internal/gift/conformance ../shared/conformance/gift
//
// For every reference question of a type Ogoh asks (multiple choice,
// true/false, matching) the imported question must have the same stem,
// options or pairs, answer key, feedback and explanation (the general
// feedback); every other type must be reported as skipped, by type and
// by the line where the question starts, not dropped; categories, titles, IDs, tags and text formats must be
// those of the reference. It prints one line per file and then
// "N passed, M failed", and exits 1 if any file failed.
//
// How the two readings are compared, and where they may differ:
//   - Texts are compared with runs of whitespace collapsed to one space and
//     no space around the missing-word blank "_____". Moodle trims the lines
//     of a question and puts the blank exactly where the braces were ("from
//     _____."); the reference joins the pieces with spaces ("from _____ .")
//     and folds the lines of feedback into one. The words are the same.
//   - True/false feedback is compared by position. The reference stores the
//     first feedback as trueFeedback whatever the right answer is; Moodle,
//     which the importer follows, shows the first to a learner who answered
//     wrongly and the second to one who answered rightly. So the first
//     feedback is feedback_false of a TRUE question and feedback_true of a
//     FALSE one.
//   - The correct options of a multiple-choice question are those the
//     reference marks isCorrect ("="); if there are none, those of positive
//     weight (Moodle's multiple-response form). One "=" makes a single-answer
//     question; several "=" a multiple one (Moodle accepts any one of them,
//     Ogoh cannot express "any of" and asks for all).
//   - A matching pair with an empty left side ("= -> Chat") is a distractor
//     answer. The parser keeps it, as the reference does; the imported
//     question drops it, since every Ogoh pair is a match.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/gift"
)

const lang = "en"

type refText struct {
	Format string `json:"format"`
	Text   string `json:"text"`
}

type refChoice struct {
	IsCorrect bool            `json:"isCorrect"`
	Weight    *float64        `json:"weight"`
	Text      json.RawMessage `json:"text"` // a text, or a number for numerical questions
	Feedback  *refText        `json:"feedback"`
}

type refPair struct {
	Subquestion refText `json:"subquestion"`
	Subanswer   string  `json:"subanswer"`
}

type refItem struct {
	Type               string          `json:"type"`
	Title              *string         `json:"title"`
	ID                 *string         `json:"id"`
	Tags               []string        `json:"tags"`
	Stem               *refText        `json:"stem"`
	HasEmbeddedAnswers bool            `json:"hasEmbeddedAnswers"`
	GlobalFeedback     *refText        `json:"globalFeedback"`
	Choices            json.RawMessage `json:"choices"`
	MatchPairs         []refPair       `json:"matchPairs"`
	IsTrue             bool            `json:"isTrue"`
	TrueFeedback       *refText        `json:"trueFeedback"`
	FalseFeedback      *refText        `json:"falseFeedback"`
}

// types maps the reference's type names to the parser's.
var types = map[string]string{
	"MC":          gift.MultiChoice,
	"TF":          gift.TrueFalse,
	"Matching":    gift.Matching,
	"Short":       gift.ShortAnswer,
	"Numerical":   gift.Numerical,
	"Essay":       gift.Essay,
	"Description": gift.Description,
	"Category":    "category",
}

var supported = map[string]bool{gift.MultiChoice: true, gift.TrueFalse: true, gift.Matching: true}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: conformance DIR (a folder of NAME.gift files, each with NAME.json)")
		os.Exit(2)
	}
	files, err := filepath.Glob(filepath.Join(os.Args[1], "*.gift"))
	if err != nil || len(files) == 0 {
		fmt.Fprintf(os.Stderr, "conformance: no .gift files in %s\n", os.Args[1])
		os.Exit(2)
	}
	sort.Strings(files)
	passed, failed := 0, 0
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".gift")
		diffs := checkFile(f)
		if len(diffs) == 0 {
			fmt.Printf("%s: ok\n", name)
			passed++
			continue
		}
		fmt.Printf("%s: %s\n", name, strings.Join(diffs, "; "))
		failed++
	}
	fmt.Printf("%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		os.Exit(1)
	}
}

// item is one entry of our reading, in file order: a category, or a
// question with its imported form or the report of its skipping.
type item struct {
	line     int
	category *gift.Category
	q        *gift.Question
	imported *course.Question
	skip     *gift.Skip
}

// checkFile compares our reading of one GIFT file with the reference's,
// item by item, and says where each question and category is reported.
func checkFile(path string) []string {
	ref, err := readReference(strings.TrimSuffix(path, ".gift") + ".json")
	if err != nil {
		return []string{err.Error()}
	}
	items, err := ourReading(path)
	if err != nil {
		return []string{err.Error()}
	}
	var diffs []string
	src, _ := os.ReadFile(path)
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	for _, it := range items {
		if d := checkStart(lines, it.line); d != "" {
			diffs = append(diffs, fmt.Sprintf("line %d: %s", it.line, d))
		}
	}
	if len(items) != len(ref) {
		diffs = append(diffs, fmt.Sprintf("%d items, the reference has %d", len(items), len(ref)))
	}
	for i := 0; i < len(items) && i < len(ref); i++ {
		for _, d := range compare(ref[i], items[i]) {
			diffs = append(diffs, fmt.Sprintf("item %d (line %d): %s", i+1, items[i].line, d))
		}
	}
	return diffs
}

func readReference(path string) ([]refItem, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("no reference: %w", err)
	}
	var ref []refItem
	if err := json.Unmarshal(data, &ref); err != nil {
		return nil, fmt.Errorf("reference JSON: %w", err)
	}
	return ref, nil
}

// ourReading parses and imports a GIFT file, and lists its categories and
// questions in file order, each question with its import or its skip.
func ourReading(path string) ([]item, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	bank, err := gift.Parse(f)
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	qs, report := gift.ToQuestions(bank, lang, "lesson")
	var items []item
	for i := range bank.Categories {
		items = append(items, item{line: bank.Categories[i].Line, category: &bank.Categories[i]})
	}
	skips := map[int]*gift.Skip{}
	for i := range report.Skipped {
		skips[report.Skipped[i].Line] = &report.Skipped[i]
	}
	next := 0
	for i := range bank.Questions {
		it := item{line: bank.Questions[i].Line, q: &bank.Questions[i]}
		if s, ok := skips[it.line]; ok {
			it.skip = s
		} else if next < len(qs) {
			it.imported = &qs[next]
			next++
		}
		items = append(items, it)
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].line < items[j].line })
	return items, nil
}

// checkStart checks that a question or category is reported at the line
// where it starts: a line with text, after a blank line, a comment, a
// category or the start of the file.
func checkStart(lines []string, n int) string {
	if n < 1 || n > len(lines) {
		return "outside the file"
	}
	t := strings.TrimSpace(lines[n-1])
	if t == "" || strings.HasPrefix(t, "//") {
		return "reported at a line without question text"
	}
	if n == 1 {
		return ""
	}
	prev := strings.TrimSpace(lines[n-2])
	if prev != "" && !strings.HasPrefix(prev, "//") && !strings.HasPrefix(prev, "$CATEGORY:") {
		return "reported in the middle of a question"
	}
	return ""
}

// compare compares one item of the reference with ours at the same place.
func compare(r refItem, it item) []string {
	want, known := types[r.Type]
	if !known {
		return []string{fmt.Sprintf("unknown reference type %q", r.Type)}
	}
	if want == "category" {
		if it.category == nil {
			return []string{fmt.Sprintf("a %s question where the reference has a category", it.q.Type)}
		}
		var d diff
		d.text("category", deref(r.Title), it.category.Name)
		return d
	}
	if it.q == nil {
		return []string{fmt.Sprintf("a category where the reference has a %s question", want)}
	}
	if it.q.Type != want {
		return []string{fmt.Sprintf("type %s, the reference has %s", it.q.Type, want)}
	}
	var d diff
	d.parsed(r, it.q, want)
	switch {
	case !supported[want]:
		d.skipped(r, it, want)
	case it.imported == nil:
		reason := "not imported"
		if it.skip != nil {
			reason = "skipped: " + it.skip.Reason
		}
		d.add("%s", reason)
	default:
		d.imported(r, it.q, it.imported, want)
	}
	return d
}

// parsed compares what the parser read of a question of any type: title,
// ID, tags, stem, form and general feedback.
func (d *diff) parsed(r refItem, q *gift.Question, want string) {
	d.text("title", deref(r.Title), q.Title)
	d.text("id", deref(r.ID), q.ID)
	if !slices.Equal(r.Tags, q.Tags) {
		d.add("tags %q, the reference has %q", q.Tags, r.Tags)
	}
	if r.Stem != nil {
		d.textf("stem", *r.Stem, q.Text)
	}
	if r.HasEmbeddedAnswers != q.Embedded {
		d.add("missing-word form %v, the reference has %v", q.Embedded, r.HasEmbeddedAnswers)
	}
	if want != gift.Description {
		d.optText("general feedback", r.GlobalFeedback, q.GeneralFeedback)
	}
}

// skipped checks that a question of a type Ogoh does not ask was reported
// as skipped, as its type.
func (d *diff) skipped(r refItem, it item, want string) {
	switch {
	case it.skip == nil:
		d.add("a %s question was imported, not reported", want)
	case it.skip.Type != want:
		d.add("reported as %s, the reference has %s", it.skip.Type, want)
	}
	if want == gift.ShortAnswer {
		d.choices(r, it.q)
	}
}

// imported compares an imported question with the reference: its text,
// explanation and what its type asks.
func (d *diff) imported(r refItem, q *gift.Question, cq *course.Question, want string) {
	if r.Stem != nil {
		d.text("imported text", r.Stem.Text, cq.Text[lang])
	}
	d.text("explanation", optional(r.GlobalFeedback), cq.Explanation[lang])
	switch want {
	case gift.MultiChoice:
		d.multiChoice(r, q, cq)
	case gift.TrueFalse:
		d.trueFalse(r, q, cq)
	case gift.Matching:
		d.matching(r, q, cq)
	}
}

func (d *diff) multiChoice(r refItem, q *gift.Question, cq *course.Question) {
	choices := d.choices(r, q)
	if len(choices) != len(cq.Options) {
		d.add("%d options, the reference has %d choices", len(cq.Options), len(choices))
		return
	}
	var correct []string
	anyExact := false
	for _, c := range choices {
		anyExact = anyExact || c.IsCorrect
	}
	for j, c := range choices {
		o := cq.Options[j]
		var t refText
		json.Unmarshal(c.Text, &t)
		d.text(fmt.Sprintf("option %s", o.ID), t.Text, o.Text[lang])
		d.text(fmt.Sprintf("option %s feedback", o.ID), optional(c.Feedback), o.Feedback[lang])
		if anyExact && c.IsCorrect || !anyExact && c.Weight != nil && *c.Weight > 0 {
			correct = append(correct, o.ID)
		}
	}
	wantType := domain.KindMultiple
	if anyExact && len(correct) == 1 {
		wantType = domain.KindSingle
	}
	if cq.Type != wantType {
		d.add("type %s, expected %s", cq.Type, wantType)
	}
	if !slices.Equal(cq.Correct, correct) {
		d.add("correct options %q, the reference has %q", cq.Correct, correct)
	}
}

func (d *diff) trueFalse(r refItem, q *gift.Question, cq *course.Question) {
	if cq.CorrectBool != r.IsTrue {
		d.add("answer %v, the reference has %v", cq.CorrectBool, r.IsTrue)
	}
	first, second := cq.FeedbackTrue, cq.FeedbackFalse // a FALSE question: first for a wrong "true"
	if r.IsTrue {
		first, second = cq.FeedbackFalse, cq.FeedbackTrue
	}
	d.text("imported first feedback", optional(r.TrueFeedback), first[lang])
	d.text("imported second feedback", optional(r.FalseFeedback), second[lang])
	d.optText("first feedback", r.TrueFeedback, q.WrongFeedback)
	d.optText("second feedback", r.FalseFeedback, q.RightFeedback)
}

func (d *diff) matching(r refItem, q *gift.Question, cq *course.Question) {
	if len(q.Pairs) != len(r.MatchPairs) {
		d.add("%d pairs, the reference has %d", len(q.Pairs), len(r.MatchPairs))
		return
	}
	var matches []refPair
	for j, p := range r.MatchPairs {
		d.textf(fmt.Sprintf("pair %d left", j+1), p.Subquestion, q.Pairs[j].Left)
		d.text(fmt.Sprintf("pair %d right", j+1), p.Subanswer, q.Pairs[j].Right)
		if strings.TrimSpace(p.Subquestion.Text) != "" {
			matches = append(matches, p)
		}
	}
	if len(matches) != len(cq.Pairs) {
		d.add("%d imported pairs, the reference has %d matches", len(cq.Pairs), len(matches))
		return
	}
	for j, p := range matches {
		d.text(fmt.Sprintf("imported pair %s left", cq.Pairs[j].ID), p.Subquestion.Text, cq.Pairs[j].Left[lang])
		d.text(fmt.Sprintf("imported pair %s right", cq.Pairs[j].ID), p.Subanswer, cq.Pairs[j].Right[lang])
	}
}

type diff []string

func (d *diff) add(format string, args ...any) { *d = append(*d, fmt.Sprintf(format, args...)) }

func (d *diff) text(what, want, got string) {
	if norm(want) != norm(got) {
		d.add("%s %q, the reference has %q", what, got, want)
	}
}

func (d *diff) textf(what string, want refText, got gift.Text) {
	d.text(what, want.Text, got.Text)
	if want.Format != got.Format {
		d.add("%s format %s, the reference has %s", what, got.Format, want.Format)
	}
}

// optText compares a text the reference may give as null (no text).
func (d *diff) optText(what string, want *refText, got gift.Text) {
	if want == nil {
		d.text(what, "", got.Text)
		return
	}
	d.textf(what, *want, got)
}

// choices compares the parser's answers with the reference's choices, and
// returns the choices.
func (d *diff) choices(r refItem, q *gift.Question) []refChoice {
	var choices []refChoice
	if err := json.Unmarshal(r.Choices, &choices); err != nil {
		d.add("reference choices: %v", err)
		return nil
	}
	if len(choices) != len(q.Answers) {
		d.add("%d answers, the reference has %d", len(q.Answers), len(choices))
		return choices
	}
	for j, c := range choices {
		a := q.Answers[j]
		var t refText
		if err := json.Unmarshal(c.Text, &t); err != nil {
			d.add("reference choice %d: %v", j+1, err)
			continue
		}
		d.textf(fmt.Sprintf("answer %d", j+1), t, a.Text)
		d.optText(fmt.Sprintf("answer %d feedback", j+1), c.Feedback, a.Feedback)
		switch {
		case (c.Weight == nil) != (a.Weight == nil):
			d.add("answer %d weight %v, the reference has %v", j+1, ptr(a.Weight), ptr(c.Weight))
		case c.Weight != nil && *c.Weight != *a.Weight:
			d.add("answer %d weight %v, the reference has %v", j+1, *a.Weight, *c.Weight)
		}
		if c.IsCorrect != a.Correct && q.Type == gift.MultiChoice {
			d.add("answer %d marked right %v, the reference has %v", j+1, a.Correct, c.IsCorrect)
		}
	}
	return choices
}

func ptr(f *float64) any {
	if f == nil {
		return "none"
	}
	return *f
}

// norm collapses whitespace, and drops it around the missing-word blank.
func norm(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, " "+gift.Blank, gift.Blank)
	return strings.ReplaceAll(s, gift.Blank+" ", gift.Blank)
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func optional(t *refText) string {
	if t == nil {
		return ""
	}
	return t.Text
}
