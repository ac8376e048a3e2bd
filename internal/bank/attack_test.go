package bank_test

import (
	"errors"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/ogoh/ogoh/internal/bank"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/gift"
)

const xmlHead = `<?xml version="1.0" encoding="UTF-8"?>` + "\n<quiz>\n"

// A bank nested a hundred thousand deep is refused at once, before any of
// it is kept.
func TestDeeplyNestedXMLIsRefused(t *testing.T) {
	const n = 100_000
	src := xmlHead + `<question type="truefalse"><questiontext><text>` + strings.Repeat("<a>", n) + strings.Repeat("</a>", n) + "</text></questiontext></question></quiz>"
	_, err := bank.ReadMoodleXML([]byte(src))
	if err == nil || !strings.Contains(err.Error(), "nest more than") {
		t.Fatalf("error %v, want a refusal for nesting", err)
	}
}

// A bank of millions of empty elements is refused by count.
func TestAFloodOfElementsIsRefused(t *testing.T) {
	src := xmlHead + `<question type="truefalse">` + strings.Repeat("<b/>", 2_100_000) + "</question></quiz>"
	_, err := bank.ReadMoodleXML([]byte(src))
	if err == nil || !strings.Contains(err.Error(), "elements") {
		t.Fatalf("error %v, want a refusal for the number of elements", err)
	}
}

// bigBank streams a bank whose one image is n bytes of base64, without
// holding it.
func bigBank(n int64) io.Reader {
	head := xmlHead + `<question type="truefalse"><questiontext format="html"><text><![CDATA[Big <img src="@@PLUGINFILE@@/big.png">]]></text><file name="big.png" path="/" encoding="base64">`
	tail := `</file></questiontext><generalfeedback><text>Why.</text></generalfeedback><answer fraction="100"><text>true</text></answer><answer fraction="0"><text>false</text></answer></question></quiz>`
	return io.MultiReader(strings.NewReader(head), io.LimitReader(repeat('A'), n), strings.NewReader(tail))
}

type repeat byte

func (r repeat) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// A 100 MB image is refused with the file, read no further than the
// limit.
func TestAHundredMegabyteImageIsRefused(t *testing.T) {
	_, err := bank.ReadAll(bigBank(100 << 20))
	if !errors.Is(err, bank.ErrTooLarge) {
		t.Fatalf("error %v, want %v", err, bank.ErrTooLarge)
	}
}

// An image over MaxImage in a bank under the file limit is left out, not
// decoded, and the question is still imported.
func TestAnImageOverTheLimitIsLeftOut(t *testing.T) {
	data, err := bank.ReadAll(bigBank(12 << 20))
	if err != nil {
		t.Fatal(err)
	}
	b, err := bank.ReadMoodleXML(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Media) != 0 || len(b.Notes) != 1 || !strings.Contains(b.Notes[0].Msg, "over 8 MB") {
		t.Fatalf("media %v, notes %v: want the image left out with a note", b.Media, b.Notes)
	}
	if _, r := gift.ToQuestions(&b.Bank, "en", "l"); r.Imported != 1 {
		t.Fatalf("report %+v: the question should still be imported", r)
	}
}

// Whatever the test banks hold, no text read from them carries a control
// character other than a new line, nor a mark that reorders text, and
// every image is named inside media/ by the reader, never by the bank.
func TestTextsAndImageNamesAreSafe(t *testing.T) {
	files, _ := filepath.Glob("testdata/*/*.*")
	checked := 0
	for _, file := range files {
		var f bank.Format
		switch filepath.Ext(file) {
		case ".xml":
			f = bank.MoodleXML
		case ".txt":
			f = bank.Aiken
		default:
			continue
		}
		b, err := bank.Read(readFile(t, file), f)
		if err != nil {
			continue
		}
		checkSafe(t, file, b)
		checked++
	}
	if checked < 25 {
		t.Fatalf("only %d test banks read", checked)
	}
}

func checkSafe(t *testing.T, file string, b *bank.Bank) {
	t.Helper()
	for _, q := range b.Questions {
		for _, s := range questionTexts(q) {
			if i := strings.IndexFunc(s, unsafeRune); i >= 0 {
				t.Errorf("%s line %d: text %q holds %U", file, q.Line, s, []rune(s[i:])[0])
			}
		}
	}
	for _, m := range b.Media {
		if _, ok := course.MediaPath(m.Name); !ok || strings.Contains(m.Name, "..") || strings.Count(m.Name, "/") != 1 {
			t.Errorf("%s: image named %q", file, m.Name)
		}
	}
}

func unsafeRune(r rune) bool {
	return r != '\n' && unicode.IsControl(r) || r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

func questionTexts(q gift.Question) []string {
	s := []string{q.Title, q.Category, q.Text.Text, q.GeneralFeedback.Text, q.RightFeedback.Text, q.WrongFeedback.Text, q.Type, q.Problem}
	for _, a := range q.Answers {
		s = append(s, a.Text.Text, a.Feedback.Text)
	}
	for _, p := range q.Pairs {
		s = append(s, p.Left.Text, p.Right)
	}
	return s
}
