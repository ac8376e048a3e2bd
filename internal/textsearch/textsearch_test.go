package textsearch_test

import (
	"testing"

	"github.com/ogoh/ogoh/internal/textsearch"
)

// TestWhatPeopleTypeFindsWhatIsWritten: another ending, one slip of a
// key, capitals and the Uzbek apostrophe's look-alikes still find the
// word; a word that only starts the same, or two slips, do not.
func TestWhatPeopleTypeFindsWhatIsWritten(t *testing.T) {
	cases := []struct {
		typed, text string
		want        bool
	}{
		{"паспорта", "Изъятие паспорта у работника", true},
		{"паспорт", "Проверьте паспорта пассажиров", true},
		{"паспортов", "Изъятый паспорт", true},
		{"Паспорт", "паспорт", true},
		{"ёлка", "елка", true},
		{"pasportlar", "Ishchining pasporti olib qoʻyilgan", true},
		{"pasport", "pasportlarini", true},
		{"o'zbek", "Oʻzbekiston", true},
		{"traficking", "human trafficking", true},
		{"traffikcing", "human trafficking", true},
		{"trafficking", "trafficing", true},
		{"recruiters", "the recruiter kept the passports", true},
		{"debt", "a debt bondage case", true},
		{"ID", "their IDs were taken", true},
		{"at", "an attack at night", true},
		{"at", "attack", false},
		{"pass", "passenger", false},
		{"trfiknig", "trafficking", false},
		{"border guard", "a guard at the border", true},
		{"border guard", "a border post", false},
		{"", "anything", true},
	}
	for _, c := range cases {
		if got, _ := textsearch.Parse(c.typed).Match(c.text); got != c.want {
			t.Errorf("%q in %q: %v, want %v", c.typed, c.text, got, c.want)
		}
	}
}

// TestMatchesAreMarkedWhereTheyAre: the spans name each matching word of
// the text, so a screen can highlight and count them.
func TestMatchesAreMarkedWhereTheyAre(t *testing.T) {
	text := "Паспорт забрали. Где паспорта других?"
	ok, spans := textsearch.Parse("паспорт").Match(text)
	if !ok || len(spans) != 2 {
		t.Fatalf("matched %v with %d spans, want 2", ok, len(spans))
	}
	if got := text[spans[0].Start:spans[0].End]; got != "Паспорт" {
		t.Errorf("first span %q", got)
	}
	if got := text[spans[1].Start:spans[1].End]; got != "паспорта" {
		t.Errorf("second span %q", got)
	}
}
