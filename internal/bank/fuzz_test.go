package bank_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"

	"github.com/ogoh/ogoh/internal/bank"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/gift"
)

// FuzzReadMoodleXML checks that no input makes the Moodle XML reader
// panic, and that what it reads is safe and converts: see fuzzBank.
// Seeds are in testdata/fuzz/FuzzReadMoodleXML.
func FuzzReadMoodleXML(f *testing.F) {
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<15 {
			t.Skip("bounded: banks in the fuzzer stay small")
		}
		b, err := bank.ReadMoodleXML(src)
		if err == nil {
			fuzzBank(t, b)
		}
	})
}

// FuzzReadAiken is FuzzReadMoodleXML for Aiken. Seeds are in
// testdata/fuzz/FuzzReadAiken.
func FuzzReadAiken(f *testing.F) {
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 1<<14 {
			t.Skip("bounded: banks in the fuzzer stay small")
		}
		b, err := bank.ReadAiken(src)
		if err == nil {
			fuzzBank(t, b)
		}
	})
}

// fuzzBank checks a bank read from any input: texts without control
// characters, images named inside media/ and within the limit, every
// question imported or reported, valid and distinct IDs, and a quiz file
// that is TOML reading back to as many questions.
func fuzzBank(t *testing.T, b *bank.Bank) {
	checkSafe(t, "fuzz", b)
	for _, m := range b.Media {
		if len(m.Data) != m.Size || m.Size > bank.MaxImage {
			t.Fatalf("image %s: %d bytes, size %d", m.Name, len(m.Data), m.Size)
		}
	}
	qs, rep := gift.ToQuestions(&b.Bank, "en", "lesson")
	if rep.Imported != len(qs) || rep.Imported+len(rep.Skipped) != len(b.Questions) {
		t.Fatalf("imported %d + skipped %d != %d questions", rep.Imported, len(rep.Skipped), len(b.Questions))
	}
	ids := map[string]bool{}
	for _, q := range qs {
		if !course.ValidID(q.ID) || ids[q.ID] || strings.TrimSpace(q.Text["en"]) == "" {
			t.Fatalf("bad or repeated id %q, or no text", q.ID)
		}
		ids[q.ID] = true
	}
	var buf bytes.Buffer
	if err := gift.WriteQuiz(&buf, qs, "en", b.Format.Source()); err != nil {
		t.Fatal(err)
	}
	var back struct {
		Questions []course.Question `toml:"questions"`
	}
	if err := toml.Unmarshal(buf.Bytes(), &back); err != nil || len(back.Questions) != len(qs) {
		t.Fatalf("written quiz does not read back (%v):\n%s", err, buf.String())
	}
	if !gift.Unedited(buf.Bytes()) {
		t.Fatal("a quiz as written does not count as unedited")
	}
}
