package reference_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/ogoh/ogoh/internal/reference"
	"github.com/ogoh/ogoh/quickref"
)

func guide(t *testing.T) *reference.Guide {
	t.Helper()
	g, err := reference.Load(quickref.FS)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestTheGuideCoversEverySettingInEveryLanguage(t *testing.T) {
	g := guide(t)
	for _, s := range reference.Settings[:4] {
		kinds := map[string]bool{}
		for _, c := range g.Find(s, "", "en") {
			kinds[c.Kind] = true
		}
		if !kinds[reference.Checklist] || !kinds[reference.Action] {
			t.Errorf("setting %s has %v; it needs a checklist and a what-to-do card", s, kinds)
		}
	}
	for _, lang := range []string{"en", "ru", "uz"} {
		if g.Lang(lang) != lang {
			t.Errorf("the guide is not in %s", lang)
		}
	}
	if len(g.Glossary) < 15 {
		t.Errorf("glossary has %d terms", len(g.Glossary))
	}
}

func TestSearchFindsWordsInEachLanguage(t *testing.T) {
	g := guide(t)
	for lang, word := range map[string]string{"en": "passport", "ru": "паспорт", "uz": "pasport"} {
		found := g.Find("", word, lang)
		if len(found) == 0 {
			t.Errorf("%s: nothing found for %q", lang, word)
		}
		for _, c := range found {
			text := strings.ToLower(c.Title[lang] + strings.Join(c.Items[lang], " "))
			if !strings.Contains(text, word) {
				t.Errorf("%s: card %s does not contain %q", lang, c.ID, word)
			}
		}
	}
	if len(g.Find("", "zzzz-nothing", "en")) != 0 {
		t.Error("a word in no card found cards")
	}
	if all, border := g.Find("", "", "en"), g.Find("border", "", "en"); len(border) == 0 || len(border) >= len(all) {
		t.Errorf("the border filter gives %d of %d cards", len(border), len(all))
	}
}

func TestUzbekSearchIgnoresTheApostropheKind(t *testing.T) {
	g := guide(t)
	var word string
	for _, c := range g.Cards {
		for _, w := range strings.Fields(c.Title["uz"]) {
			if strings.Contains(w, "ʻ") {
				word = w
			}
		}
	}
	if word == "" {
		t.Fatal("no Uzbek card title with oʻ or gʻ to search for")
	}
	typed := strings.ReplaceAll(word, "ʻ", "'")
	if len(g.Find("", typed, "uz")) == 0 {
		t.Errorf("searching %q (typed with ') does not find %q", typed, word)
	}
}

// A guide that lists no languages is refused with that said, not with a
// crash of the app at start-up on the cards' texts.
func TestAGuideWithNoLanguagesIsRefused(t *testing.T) {
	cards := `languages = []

[[cards]]
id = "look"
setting = "border"
kind = "checklist"
source = "unodc"
title = { en = "Look" }
items = { en = ["one"] }
`
	_, err := reference.Load(fstest.MapFS{reference.File: {Data: []byte(cards)}})
	if err == nil || !strings.Contains(err.Error(), "languages is empty") {
		t.Fatalf("a guide with no languages: %v", err)
	}
}

// Every problem in the guide is reported at once, each naming its card or
// term.
func TestEveryProblemInTheGuideIsReported(t *testing.T) {
	cards := `languages = ["en", "ru"]

[[cards]]
id = "look"
setting = "airport"
kind = "list"
title = { en = "Look" }
items = { en = ["one"], ru = [] }

[[glossary]]
id = "look"
term = { en = "Look" }
definition = { en = "To see" }
`
	_, err := reference.Load(fstest.MapFS{reference.File: {Data: []byte(cards)}})
	if err == nil {
		t.Fatal("a guide full of problems loaded")
	}
	for _, want := range []string{
		`card "look": setting "airport"`, `card "look": kind`, `card "look": source is required`,
		`card "look": title has no ru`, `card "look": items in ru are 0, want 1`,
		`term "look": id must be a unique slug`, `term "look": no ru text`, `term "look": source is required`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the problems do not say %q:\n%v", want, err)
		}
	}
}

// TestSearchForgivesEndingsAndASlip: a guard who types another ending of
// a word, or slips on one key, finds the same cards as the word itself,
// in each language.
func TestSearchForgivesEndingsAndASlip(t *testing.T) {
	g := guide(t)
	for _, c := range []struct{ lang, word, variant string }{
		{"ru", "паспорт", "паспортами"},
		{"ru", "документы", "докуметы"},
		{"uz", "pasport", "pasportlar"},
		{"en", "passport", "pasport"},
		{"en", "documents", "document"},
	} {
		want := g.Find("", c.word, c.lang)
		if len(want) == 0 {
			t.Fatalf("%s: no card holds %q", c.lang, c.word)
		}
		got := g.Find("", c.variant, c.lang)
		if len(got) < len(want) {
			t.Errorf("%s: %q finds %d cards, %q finds %d", c.lang, c.word, len(want), c.variant, len(got))
		}
	}
}
