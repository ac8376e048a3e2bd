package gift_test

import (
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/gift"
)

// repeatedBank is n true/false questions that all have one title, as a bank
// exported from a quiz whose author never named its questions.
func repeatedBank(n int) string {
	var b strings.Builder
	for range n {
		b.WriteString("::Same title::Is this one more question?{T}\n\n")
	}
	return b.String()
}

// TestRepeatedTitlesAreNumberedInLinearWork: a bank of thousands of
// questions with one title imports with a few allocations per question, not
// one per earlier duplicate (the ID counter counted up from 1 every time).
// The work is counted in allocations, which do not depend on the machine.
func TestRepeatedTitlesAreNumberedInLinearWork(t *testing.T) {
	const n = 5000
	b := parse(t, repeatedBank(n))
	allocs := testing.AllocsPerRun(1, func() {
		got, _ := gift.ToQuestions(b, "en", "intro")
		if len(got) != n {
			t.Fatalf("imported %d of %d", len(got), n)
		}
		if got[0].ID != "same-title" || got[1].ID != "same-title-2" || got[n-1].ID != fmt.Sprintf("same-title-%d", n) {
			t.Errorf("ids %q, %q … %q", got[0].ID, got[1].ID, got[n-1].ID)
		}
	})
	if per := allocs / n; per > 100 {
		t.Errorf("%.0f allocations per question for %d questions with one title: the work grows with the duplicates", per, n)
	}
}

// BenchmarkRepeatedTitles imports banks of 40 to 40,000 questions with one
// title, as ogohctl gift import does (parse, convert, write the quiz file):
// the time per question should stay flat.
func BenchmarkRepeatedTitles(b *testing.B) {
	for _, n := range []int{40, 400, 4000, 40000} {
		src := repeatedBank(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				bank, err := gift.Parse(strings.NewReader(src))
				if err != nil {
					b.Fatal(err)
				}
				qs, _ := gift.ToQuestions(bank, "en", "intro")
				if err := gift.WriteQuizTOML(io.Discard, qs, "en"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
