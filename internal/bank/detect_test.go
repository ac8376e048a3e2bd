package bank_test

import (
	"os"
	"testing"

	"github.com/ogoh/ogoh/internal/bank"
)

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The format comes from the extension, confirmed by the content; a name
// that says nothing leaves it to the content.
func TestDetect(t *testing.T) {
	aiken := "Question?\nA) Yes\nB) No\nANSWER: A\n"
	giftBank := "::T::Question?{=yes ~no}\n"
	xml := "\ufeff<?xml version=\"1.0\"?>\n<quiz></quiz>\n"
	for _, c := range []struct {
		name, content string
		want          bank.Format
		fails         bool
	}{
		{"bank.gift", giftBank, bank.GIFT, false},
		{"BANK.GIFT", aiken, bank.GIFT, false}, // named GIFT: read as GIFT, which reports what it makes of it
		{"bank.xml", xml, bank.MoodleXML, false},
		{"bank.XML", "  \n<quiz/>", bank.MoodleXML, false},
		{"bank.xml", giftBank, "", true},
		{"bank.txt", aiken, bank.Aiken, false},
		{"bank.txt", giftBank, bank.GIFT, false}, // Moodle's GIFT exports are often .txt
		{"bank.txt", aiken + giftBank, "", true},
		{"bank.txt", "just text\n", bank.Aiken, false},
		{"export", xml, bank.MoodleXML, false},
		{"export", aiken, bank.Aiken, false},
		{"export.dat", giftBank, bank.GIFT, false},
	} {
		got, err := bank.Detect(c.name, []byte(c.content))
		if (err != nil) != c.fails || got != c.want {
			t.Errorf("Detect(%q, %q) = %q, %v; want %q (fails %v)", c.name, c.content, got, err, c.want, c.fails)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for _, f := range bank.Formats {
		if got, err := bank.ParseFormat(string(f)); err != nil || got != f {
			t.Errorf("ParseFormat(%q) = %q, %v", f, got, err)
		}
	}
	if _, err := bank.ParseFormat("xml"); err == nil {
		t.Error(`ParseFormat("xml") should fail: the format is "moodlexml"`)
	}
}
