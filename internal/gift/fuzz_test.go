package gift_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/gift"
)

// FuzzParse checks that no input makes the importer panic, that every
// question is either imported or reported, and that the quiz it writes is
// TOML that reads back to the same questions. Seeds are in
// testdata/fuzz/FuzzParse.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 1<<14 {
			t.Skip("bounded: question banks in the fuzzer stay small")
		}
		b, err := gift.Parse(strings.NewReader(src))
		if err != nil {
			return
		}
		questionsInLineOrder(t, src, b)
		qs, rep := gift.ToQuestions(b, "en", "lesson")
		if rep.Imported != len(qs) || rep.Imported+len(rep.Skipped) != len(b.Questions) {
			t.Fatalf("imported %d + skipped %d != %d questions", rep.Imported, len(rep.Skipped), len(b.Questions))
		}
		ids := map[string]bool{}
		for _, q := range qs {
			if !course.ValidID(q.ID) || ids[q.ID] {
				t.Fatalf("bad or repeated id %q", q.ID)
			}
			ids[q.ID] = true
		}
		writtenReadsBack(t, qs)
	})
}

// questionsInLineOrder checks that the parsed questions come in the order
// of their lines, each on a line of the input and with a type.
func questionsInLineOrder(t *testing.T, src string, b *gift.Bank) {
	t.Helper()
	lines := strings.Count(src, "\n") + 1
	if lines == 1 {
		lines = strings.Count(src, "\r") + 1 // an old Mac file
	}
	prev := 0
	for _, q := range b.Questions {
		if q.Line <= prev || q.Line > lines {
			t.Fatalf("question at line %d after line %d (input has %d lines)", q.Line, prev, lines)
		}
		prev = q.Line
		if q.Type == "" {
			t.Fatalf("question at line %d has no type", q.Line)
		}
	}
}

// writtenReadsBack writes the imported questions as a quiz file and reads
// it back as TOML: the same questions, texts, options and pairs.
func writtenReadsBack(t *testing.T, qs []course.Question) {
	t.Helper()
	var buf bytes.Buffer
	if err := gift.WriteQuizTOML(&buf, qs, "en"); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Questions []course.Question `toml:"questions"`
	}
	if err := toml.Unmarshal(buf.Bytes(), &back); err != nil {
		t.Fatalf("written quiz is not TOML: %v\n%s", err, buf.String())
	}
	if len(back.Questions) != len(qs) {
		t.Fatalf("%d questions read back, %d written", len(back.Questions), len(qs))
	}
	for i, q := range qs {
		r := back.Questions[i]
		if r.ID != q.ID || r.Text["en"] != q.Text["en"] || r.Explanation["en"] != q.Explanation["en"] || len(r.Options) != len(q.Options) || len(r.Pairs) != len(q.Pairs) {
			t.Fatalf("question %d read back as %+v, written %+v", i, r, q)
		}
		for j, o := range q.Options {
			if r.Options[j].Text["en"] != o.Text["en"] || r.Options[j].Feedback["en"] != o.Feedback["en"] {
				t.Fatalf("option %s/%s read back differently", q.ID, o.ID)
			}
		}
	}
}
