package gift_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/gift"
)

const bank = `$CATEGORY: $course$/top/Checks

// [id:visa]
::Visa::A "tourist" visa allows work.{FALSE#Wrong: it does not.#Right.####Work needs a work permit.}

::Signs::Which are signs of control?{
    ~%50%Someone else holds the passport#Yes.
    ~%50%Scripted answers
    ~%-100%A return ticket#No: that is normal.
    ####Control shows in documents and in speech.
}

::Act::The act is {~the reason =what is done ~how ####It comes first.} to the person.

::Match::[html]Match <i>each</i> term.{
    =Recruitment -> Act
    =Deception -> Means
    ####Act, means, purpose.
}

Tabs\tand "quotes" and a back\\slash,\nand a new line.{TRUE####Escapes survive.}
`

// minimalCourse writes a course in English with one lesson and a quiz file.
func minimalCourse(t *testing.T, quiz []byte, draw int) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"course.toml": `format = 1
id = "imported"
version = "1.0.0"
languages = ["en"]
default_language = "en"
estimated_minutes = 5
title.en = "Imported"
description.en = "Questions from a GIFT bank."
audience.en = "Testers"

[[lessons]]
id = "intro"
file = "intro.md"
minutes = 5
title.en = "Intro"

[[quizzes]]
id = "bank"
file = "bank.toml"
pass_mark = 80
draw = ` + string(rune('0'+draw)) + `
title.en = "Bank"

[[sources]]
id = "src"
title = "A source"
description.en = "What the course takes from it."
`,
		"lessons/en/intro.md": "# Intro\n",
		"bank.toml":           string(quiz),
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestWrittenQuizLoadsAsACourse(t *testing.T) {
	qs, rep := gift.ToQuestions(parse(t, bank), "en", "intro")
	if rep.Imported != 5 || len(rep.Skipped) != 0 {
		t.Fatalf("report %+v", rep)
	}
	var buf bytes.Buffer
	if err := gift.WriteQuizTOML(&buf, qs, "en"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), gift.Header) {
		t.Errorf("no header:\n%s", buf.String())
	}
	c, err := course.LoadDir(minimalCourse(t, buf.Bytes(), 5))
	if err != nil {
		t.Fatalf("course does not load:\n%v\n%s", err, buf.String())
	}
	got := c.Quizzes[0].Questions
	if len(got) != len(qs) {
		t.Fatalf("%d questions loaded, %d written", len(got), len(qs))
	}
	for i, q := range qs {
		loadedAsWritten(t, i, got[i], q)
	}
	visa := c.Quizzes[0].Question("visa")
	if visa == nil || visa.FeedbackTrue["en"] != "Wrong: it does not." || visa.FeedbackFalse["en"] != "Right." || visa.CorrectBool {
		t.Errorf("visa %+v", visa)
	}
	if q := c.Quizzes[0].Questions[4]; q.Text["en"] != "Tabs\\tand \"quotes\" and a back\\slash,\nand a new line." {
		t.Errorf("escaped text %q", q.Text["en"])
	}
}

// loadedAsWritten compares question i as the course loaded it with what
// was written: every field an author or a learner sees.
func loadedAsWritten(t *testing.T, i int, l, q course.Question) {
	t.Helper()
	if l.ID != q.ID || l.Type != q.Type || l.Lesson != "intro" || l.Category != q.Category || l.Title != q.Title {
		t.Errorf("question %d: loaded %+v, wrote %+v", i, l, q)
	}
	if !reflect.DeepEqual(l.Text, q.Text) || !reflect.DeepEqual(l.Explanation, q.Explanation) {
		t.Errorf("question %s: text %q/%q, explanation %q/%q", q.ID, l.Text, q.Text, l.Explanation, q.Explanation)
	}
	if !reflect.DeepEqual(l.Correct, q.Correct) || l.CorrectBool != q.CorrectBool {
		t.Errorf("question %s: answer %v/%v, wrote %v/%v", q.ID, l.Correct, l.CorrectBool, q.Correct, q.CorrectBool)
	}
	if !reflect.DeepEqual(l.Options, q.Options) || !reflect.DeepEqual(l.Pairs, q.Pairs) {
		t.Errorf("question %s: options %+v/%+v pairs %+v/%+v", q.ID, l.Options, q.Options, l.Pairs, q.Pairs)
	}
	if !reflect.DeepEqual(l.FeedbackTrue, q.FeedbackTrue) || !reflect.DeepEqual(l.FeedbackFalse, q.FeedbackFalse) {
		t.Errorf("question %s: feedback %v %v, wrote %v %v", q.ID, l.FeedbackTrue, l.FeedbackFalse, q.FeedbackTrue, q.FeedbackFalse)
	}
}

func TestMissingExplanationIsLeftForTheAuthor(t *testing.T) {
	qs, _ := gift.ToQuestions(parse(t, "Q1?{T}\n\nQ2?{~a =b}\n"), "en", "intro")
	var buf bytes.Buffer
	if err := gift.WriteQuizTOML(&buf, qs, "en"); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "explanation.en = \"\"\n"); n != 2 {
		t.Errorf("%d empty explanations written, want 2:\n%s", n, buf.String())
	}
	_, err := course.LoadDir(minimalCourse(t, buf.Bytes(), 2))
	var ps course.Problems
	if !errors.As(err, &ps) || len(ps) != 2 {
		t.Fatalf("want two problems, got %v", err)
	}
	for _, p := range ps {
		if p.File != "bank.toml" || !strings.Contains(p.Msg, "explanation") {
			t.Errorf("unexpected problem %v", p)
		}
	}
}

func TestTOMLStringsAreEscaped(t *testing.T) {
	nasty := "quote \" backslash \\ tab \t cr \r nl \n bell \x07 del \x7f esc \x1b unicode ʻ 🙂 bad \xff end"
	q := course.Question{
		ID: "q", Type: domain.KindSingle, Lesson: "l", Answer: "a", Category: nasty, Title: nasty,
		Text: course.Text{"en": nasty}, Explanation: course.Text{"en": nasty},
		Options: []course.Option{{ID: "a", Text: course.Text{"en": nasty}, Feedback: course.Text{"en": nasty}}},
	}
	var buf bytes.Buffer
	if err := gift.WriteQuizTOML(&buf, []course.Question{q}, "en"); err != nil {
		t.Fatal(err)
	}
	var f struct {
		Questions []course.Question `toml:"questions"`
	}
	if err := toml.Unmarshal(buf.Bytes(), &f); err != nil {
		t.Fatalf("not TOML: %v\n%s", err, buf.String())
	}
	want := strings.ToValidUTF8(nasty, "\uFFFD")
	got := f.Questions[0]
	for name, s := range map[string]string{"text": got.Text["en"], "title": got.Title, "category": got.Category, "option": got.Options[0].Text["en"], "feedback": got.Options[0].Feedback["en"]} {
		if s != want {
			t.Errorf("%s = %q, want %q", name, s, want)
		}
	}
}

func TestWriteQuizTOMLAnswerForms(t *testing.T) {
	qs := []course.Question{
		{ID: "m", Type: domain.KindMultiple, Answer: []any{"a", "b"}},
		{ID: "o", Type: domain.KindOrdering, Answer: []string{"b", "a"}},
		{ID: "t", Type: domain.KindTrueFalse, Answer: true},
	}
	var buf bytes.Buffer
	if err := gift.WriteQuizTOML(&buf, qs, "uz"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`answer = ["a", "b"]`, `answer = ["b", "a"]`, "answer = true", `text.uz = ""`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("missing %q in\n%s", want, buf.String())
		}
	}
	if err := gift.WriteQuizTOML(&buf, []course.Question{{ID: "x", Answer: 3}}, "en"); err == nil {
		t.Error("an answer of type int was written")
	}
}

// A quiz file written from any bank, by gift import or bank import, counts
// as unedited until a byte of it changes, and as imported even then; a
// file written by hand is neither.
func TestUneditedKnowsEveryImporter(t *testing.T) {
	qs, _ := gift.ToQuestions(parse(t, bank), "en", "intro")
	for _, src := range []gift.Source{gift.GIFTSource, {Format: "Moodle XML", Command: "bank import"}, {Format: "Aiken", Command: "bank import"}} {
		var buf bytes.Buffer
		if err := gift.WriteQuiz(&buf, qs, "en", src); err != nil {
			t.Fatal(err)
		}
		data := buf.Bytes()
		if !strings.HasPrefix(buf.String(), "# Quiz questions imported from a "+src.Format+" question bank (ogohctl "+src.Command+").\n") {
			t.Errorf("%s: header\n%s", src.Format, strings.SplitN(buf.String(), "\n", 2)[0])
		}
		if !gift.Unedited(data) || !gift.Imported(data) {
			t.Errorf("%s: a file as written is not unedited", src.Format)
		}
		edited := bytes.Replace(data, []byte(`text.en = "`), []byte(`text.en = "Edited: `), 1)
		if bytes.Equal(edited, data) {
			t.Fatal("nothing to edit")
		}
		if gift.Unedited(edited) || !gift.Imported(edited) {
			t.Errorf("%s: an edited file counts as unedited", src.Format)
		}
	}
	if gift.Unedited([]byte("[[questions]]\n")) || gift.Imported([]byte("[[questions]]\n")) {
		t.Error("a hand-written quiz counts as imported")
	}
}
