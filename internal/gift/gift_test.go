package gift_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/gift"
)

func parse(t *testing.T, src string) *gift.Bank {
	t.Helper()
	b, err := gift.Parse(strings.NewReader(src))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return b
}

// one parses a bank of one question and converts it.
func one(t *testing.T, src string) (gift.Question, course.Question) {
	t.Helper()
	b := parse(t, src)
	if len(b.Questions) != 1 {
		t.Fatalf("%d questions, want 1: %+v", len(b.Questions), b.Questions)
	}
	qs, rep := gift.ToQuestions(b, "en", "intro")
	if len(qs) != 1 {
		t.Fatalf("not imported: %+v", rep.Skipped)
	}
	return b.Questions[0], qs[0]
}

func options(q course.Question) []string {
	var s []string
	for _, o := range q.Options {
		s = append(s, o.ID+"="+o.Text["en"])
	}
	return s
}

func TestMultipleChoiceWithFeedback(t *testing.T) {
	g, q := one(t, `::Tomb::Who's buried in Grant's tomb?{
    ~Grant#He is not.
    ~Jefferson
    =no one#Right: it is a tomb, not a grave.
    ####Grant and his wife lie in sarcophagi above ground.
}`)
	if g.Type != gift.MultiChoice || q.Type != domain.KindSingle || q.Answer != "c" {
		t.Fatalf("type %s/%s answer %v", g.Type, q.Type, q.Answer)
	}
	if got := options(q); !reflect.DeepEqual(got, []string{"a=Grant", "b=Jefferson", "c=no one"}) {
		t.Errorf("options %q", got)
	}
	if q.Options[0].Feedback["en"] != "He is not." || q.Options[1].Feedback != nil || q.Options[2].Feedback["en"] != "Right: it is a tomb, not a grave." {
		t.Errorf("feedback %+v", q.Options)
	}
	if q.Text["en"] != "Who's buried in Grant's tomb?" || q.Title != "Tomb" || q.ID != "tomb" || q.Lesson != "intro" {
		t.Errorf("text %q title %q id %q lesson %q", q.Text["en"], q.Title, q.ID, q.Lesson)
	}
	if q.Explanation["en"] != "Grant and his wife lie in sarcophagi above ground." {
		t.Errorf("explanation %q", q.Explanation["en"])
	}
}

func TestMissingWordMultipleChoice(t *testing.T) {
	g, q := one(t, "Grant is {~buried =entombed ~living} in Grant's tomb.")
	if !g.Embedded || q.Text["en"] != "Grant is _____ in Grant's tomb." || q.Answer != "b" {
		t.Errorf("embedded %v text %q answer %v", g.Embedded, q.Text["en"], q.Answer)
	}
	// Braces at the very end are not a blank.
	g, q = one(t, "Grant is buried in {~the garden =a tomb}")
	if g.Embedded || q.Text["en"] != "Grant is buried in" {
		t.Errorf("embedded %v text %q", g.Embedded, q.Text["en"])
	}
}

func TestMultipleResponseWeights(t *testing.T) {
	g, q := one(t, `Which are continents?{
    ~%50%Africa#yes
    ~%-100%China
    ~%50%Asia
    ~%33.5%Europe
    ~Paris
}`)
	want := []float64{50, -100, 50, 33.5}
	for i, w := range want {
		if g.Answers[i].Weight == nil || *g.Answers[i].Weight != w {
			t.Errorf("answer %d weight %v, want %v", i, g.Answers[i].Weight, w)
		}
	}
	if g.Answers[4].Weight != nil || g.Answers[1].Text.Text != "China" {
		t.Errorf("answers %+v", g.Answers)
	}
	if q.Type != domain.KindMultiple || !reflect.DeepEqual(q.Answer, []string{"a", "c", "d"}) {
		t.Errorf("type %s answer %v", q.Type, q.Answer)
	}
	if q.Options[0].Feedback["en"] != "yes" {
		t.Errorf("feedback %+v", q.Options[0])
	}
	// Several "=" answers: Ogoh asks for all of them.
	_, q = one(t, `Specify the seasons\: {= spring = summer ~ easter}`)
	if q.Type != domain.KindMultiple || !reflect.DeepEqual(q.Answer, []string{"a", "b"}) || q.Text["en"] != "Specify the seasons:" {
		t.Errorf("type %s answer %v text %q", q.Type, q.Answer, q.Text["en"])
	}
	// A weight after "=" stays out of the text.
	g, _ = one(t, `Q{=%100%yes ~no}`)
	if g.Answers[0].Text.Text != "yes" || !g.Answers[0].Correct {
		t.Errorf("answer %+v", g.Answers[0])
	}
}

func TestTrueFalseForms(t *testing.T) {
	for src, want := range map[string]bool{"Q{T}": true, "Q{TRUE}": true, "Q{F}": false, "Q{FALSE}": false, "Q{ TRUE #why}": true} {
		g, q := one(t, src)
		if g.Type != gift.TrueFalse || q.Type != domain.KindTrueFalse || q.Answer != want || g.IsTrue != want {
			t.Errorf("%s: %s %s answer %v", src, g.Type, q.Type, q.Answer)
		}
	}
}

// Moodle shows the first feedback for a wrong answer and the second for a
// right one.
func TestTrueFalseFeedbackOrder(t *testing.T) {
	cases := []struct {
		src, onTrue, onFalse string
	}{
		{"Q{TRUE#wrong#right}", "right", "wrong"},
		{"Q{FALSE#wrong#right}", "wrong", "right"},
		{"Q{T#only wrong}", "", "only wrong"},
		{"Q{F#only wrong}", "only wrong", ""},
		{"Q{TRUE# #right}", "right", ""},
		{"Q{FALSE#wrong#right, with # inside}", "wrong", "right, with # inside"},
	}
	for _, c := range cases {
		_, q := one(t, c.src)
		if q.FeedbackTrue["en"] != c.onTrue || q.FeedbackFalse["en"] != c.onFalse {
			t.Errorf("%s: feedback_true %q feedback_false %q, want %q %q", c.src, q.FeedbackTrue["en"], q.FeedbackFalse["en"], c.onTrue, c.onFalse)
		}
		if q.FeedbackTrue != nil && q.FeedbackTrue["en"] == "" || q.FeedbackFalse != nil && q.FeedbackFalse["en"] == "" {
			t.Errorf("%s: empty feedback must be left out: %+v %+v", c.src, q.FeedbackTrue, q.FeedbackFalse)
		}
	}
}

func TestMatching(t *testing.T) {
	g, q := one(t, `::Capitals::[html]Match the <b>country</b>.{
    =Canada -> Ottawa
    =[plain]Italy  -> Rome
    =Japan->Tokyo
    = -> Paris
}`)
	if g.Type != gift.Matching || q.Type != domain.KindMatching || q.Answer != nil {
		t.Fatalf("type %s/%s answer %v", g.Type, q.Type, q.Answer)
	}
	if len(g.Pairs) != 4 || g.Pairs[1].Left.Format != gift.FormatPlain || g.Pairs[0].Left.Format != gift.FormatHTML || g.Pairs[3].Right != "Paris" {
		t.Errorf("parsed pairs %+v", g.Pairs)
	}
	var got []string
	for _, p := range q.Pairs {
		got = append(got, p.ID+":"+p.Left["en"]+"->"+p.Right["en"])
	}
	if want := []string{"p1:Canada->Ottawa", "p2:Italy->Rome", "p3:Japan->Tokyo"}; !reflect.DeepEqual(got, want) {
		t.Errorf("pairs %q, want %q (the distractor dropped)", got, want)
	}
	if q.Text["en"] != "Match the <b>country</b>." {
		t.Errorf("text %q", q.Text["en"])
	}
}

func TestEscapes(t *testing.T) {
	g, q := one(t, `::A\: b\:::Which is \{not\} a \~control\~ \= \#char\\acter?\nNext line.{
    ~ \~ # \~ is one.
    ~ \=
    = \\ # a backslash \\ is not
    ~ a \ b
}`)
	if g.Title != "A: b:" {
		t.Errorf("title %q", g.Title)
	}
	if want := "Which is {not} a ~control~ = #char\\acter?\nNext line."; q.Text["en"] != want {
		t.Errorf("text %q, want %q", q.Text["en"], want)
	}
	if got := options(q); !reflect.DeepEqual(got, []string{"a=~", "b==", `c=\`, `d=a \ b`}) {
		t.Errorf("options %q", got)
	}
	if q.Options[0].Feedback["en"] != "~ is one." || q.Options[2].Feedback["en"] != `a backslash \ is not` || q.Answer != "c" {
		t.Errorf("feedback %+v answer %v", q.Options, q.Answer)
	}
	// Four backslashes are two.
	g = parse(t, `Q \\\\ A{}`).Questions[0]
	if g.Text.Text != `Q \\ A` {
		t.Errorf("text %q", g.Text.Text)
	}
}

func TestCategoriesTitlesAndIDs(t *testing.T) {
	b := parse(t, `// a comment block alone

$CATEGORY: $course$/top/Border checks

// [id:doc-check]
// [tag:documents] [tag: fraud ]
::Documents::Is a visa needed?{T}

// [id:Not A Slug]
::Forged passport — signs::Which is a sign?{=a ~b}

::Forged passport — signs::Again?{=a ~b}

Untitled?{F}

$CATEGORY: second
::doc-check::Taken?{T}

// [id:doc-check]
Duplicate id?{T}
`)
	if len(b.Categories) != 2 || b.Categories[0].Name != "$course$/top/Border checks" || b.Categories[0].Line != 3 || b.Categories[1].Line != 16 {
		t.Errorf("categories %+v", b.Categories)
	}
	lines := []int{7, 10, 12, 14, 17, 20}
	if len(b.Questions) != len(lines) {
		t.Fatalf("%d questions: %+v", len(b.Questions), b.Questions)
	}
	for i, l := range lines {
		if b.Questions[i].Line != l {
			t.Errorf("question %d at line %d, want %d", i, b.Questions[i].Line, l)
		}
	}
	q0 := b.Questions[0]
	if q0.ID != "doc-check" || !reflect.DeepEqual(q0.Tags, []string{"documents", "fraud"}) || q0.Title != "Documents" || q0.Category != "$course$/top/Border checks" {
		t.Errorf("first question %+v", q0)
	}
	if b.Questions[4].Category != "second" || b.Questions[4].Title != "doc-check" {
		t.Errorf("category after the second $CATEGORY: %+v", b.Questions[4])
	}
	importedIDs(t, b)
}

// importedIDs imports the bank of TestCategoriesTitlesAndIDs and checks
// each question's ID, category and title.
func importedIDs(t *testing.T, b *gift.Bank) {
	t.Helper()
	qs, rep := gift.ToQuestions(b, "en", "l")
	if rep.Imported != 6 {
		t.Fatalf("report %+v", rep)
	}
	var ids []string
	for _, q := range qs {
		ids = append(ids, q.ID)
		if q.Category == "" {
			t.Errorf("%s lost its category", q.ID)
		}
	}
	// A valid GIFT id is kept, and a made-up ID never takes it; else the
	// title, else the line; a repeated one gets a number.
	want := []string{"doc-check", "forged-passport-signs", "forged-passport-signs-2", "q-14", "doc-check-2", "doc-check-3"}
	if !reflect.DeepEqual(ids, want) {
		t.Errorf("ids %q, want %q", ids, want)
	}
	if qs[1].Title != "Forged passport — signs" {
		t.Errorf("title %q", qs[1].Title)
	}
}

func TestIDReservedBeforeMadeUpOnes(t *testing.T) {
	b := parse(t, "Untitled?{T}\n\n// [id:q-1]\nSecond?{F}\n")
	qs, _ := gift.ToQuestions(b, "en", "l")
	if qs[0].ID != "q-1-2" || qs[1].ID != "q-1" {
		t.Errorf("ids %q %q", qs[0].ID, qs[1].ID)
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"06- création d'instance":   "06-creation-dinstance",
		"Jesus' hometown":           "jesus-hometown",
		"Проверка документов":       "proverka-dokumentov",
		"Hujjatlarni tekshirish oʻ": "hujjatlarni-tekshirish-o",
		"   ***   ":                 "",
		strings.Repeat("long ", 30): strings.TrimRight(strings.Repeat("long-", 13), "-"),
	} {
		got := gift.Slug(in)
		if got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
		if got != "" && !course.ValidID(got) {
			t.Errorf("Slug(%q) = %q is not a valid ID", in, got)
		}
	}
}

func TestFormats(t *testing.T) {
	b := parse(t, `[markdown]Steps:
- check the photo
    - and the hologram
- check the dates{
    =[plain]All of them  #  *Yes*
    ~None
}

[html]<pre>
    indented
</pre>{}

[moodle]Moodle text
    is trimmed line by line{T}

[unknown]stays{T}`)
	q := b.Questions[0]
	if q.Text.Format != gift.FormatMarkdown || q.Text.Text != "Steps:\n- check the photo\n    - and the hologram\n- check the dates" {
		t.Errorf("markdown %+v", q.Text)
	}
	if a := q.Answers[0]; a.Text != (gift.Text{Text: "All of them", Format: gift.FormatPlain}) || a.Feedback != (gift.Text{Text: "*Yes*", Format: gift.FormatMarkdown}) {
		t.Errorf("answer %+v: feedback takes the question's format", a)
	}
	if q.Answers[1].Text.Format != gift.FormatMarkdown {
		t.Errorf("answers take the question's format: %+v", q.Answers[1])
	}
	if q := b.Questions[1]; q.Text.Text != "<pre>\n    indented\n</pre>" || q.Text.Format != gift.FormatHTML {
		t.Errorf("html %+v", q.Text)
	}
	if q := b.Questions[2]; q.Text.Text != "Moodle text\nis trimmed line by line" {
		t.Errorf("moodle %+v", q.Text)
	}
	if q := b.Questions[3]; q.Text.Text != "[unknown]stays" || q.Text.Format != gift.FormatMoodle {
		t.Errorf("unknown format %+v", q.Text)
	}
}

func TestUnsupportedTypesAreReportedByLine(t *testing.T) {
	b := parse(t, `// header comment

Write about the checkpoint.{}

Who's buried in Grant's tomb?{=no one =nobody}

When was Grant born?{#1822:5}

::Intro::Read the next questions carefully.

{=Asia} is the largest continent.

The sun {T} rises in the east.

Unclosed { brace

No right answer here{~a ~b}

// [id:x]
Kept?{TRUE}

Lowercase?{true}

One answer only{~a}
`)
	qs, rep := gift.ToQuestions(b, "en", "l")
	if len(qs) != 1 || qs[0].ID != "x" || rep.Imported != 1 || rep.ByType[domain.KindTrueFalse] != 1 {
		t.Fatalf("imported %+v report %+v", qs, rep)
	}
	want := []struct {
		line int
		typ  string
		in   string
	}{
		{3, gift.Essay, "not supported"},
		{5, gift.ShortAnswer, "not supported"},
		{7, gift.Numerical, "not supported"},
		{9, gift.Description, "not supported"},
		{11, gift.ShortAnswer, "missing-word"},
		{13, gift.TrueFalse, "missing-word"},
		{15, gift.Invalid, "braces"},
		{17, gift.MultiChoice, "no answer is marked right"},
		{22, gift.ShortAnswer, "{TRUE}"},
		{24, gift.MultiChoice, "at least 2 answers"},
	}
	if len(rep.Skipped) != len(want) {
		t.Fatalf("skipped %+v", rep.Skipped)
	}
	for i, w := range want {
		s := rep.Skipped[i]
		if s.Line != w.line || s.Type != w.typ || !strings.Contains(s.Reason, w.in) {
			t.Errorf("skip %d = %+v, want line %d %s (%q)", i, s, w.line, w.typ, w.in)
		}
	}
}

func TestLineEndingsAndBOM(t *testing.T) {
	b := parse(t, "\ufeff// c\r\n\r\nQ1?{T}\r\n\r\n\r\n::t::Q2\r\nwraps?{F}\r\n")
	if len(b.Questions) != 2 || b.Questions[0].Line != 3 || b.Questions[1].Line != 6 || b.Questions[1].Text.Text != "Q2\nwraps?" {
		t.Errorf("questions %+v", b.Questions)
	}
}

func TestParseRefusesNonUTF8(t *testing.T) {
	_, err := gift.Parse(strings.NewReader("Q?{T}\n\n\xcf\xf0\xe8\xe2\xe5\xf2{T}\n")) // cp1251
	if err == nil || !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("err = %v", err)
	}
	if _, err := gift.Parse(strings.NewReader("Q\x00{T}")); err == nil {
		t.Error("NUL byte accepted")
	}
	b := parse(t, "")
	if len(b.Questions) != 0 {
		t.Errorf("empty input: %+v", b)
	}
}

func TestReportJSONShape(t *testing.T) {
	_, rep := gift.ToQuestions(parse(t, "Essay{}"), "en", "l")
	if rep.ByType == nil || len(rep.Skipped) != 1 || rep.Skipped[0] != (gift.Skip{Line: 1, Type: gift.Essay, Reason: rep.Skipped[0].Reason}) {
		t.Errorf("report %+v", rep)
	}
	_, rep = gift.ToQuestions(parse(t, "Q{T}"), "en", "l")
	if rep.Skipped == nil {
		t.Error("Skipped must be an empty list, not nil, so JSON shows []")
	}
}
