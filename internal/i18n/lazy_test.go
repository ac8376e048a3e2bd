package i18n_test

import (
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/locales"
)

// countingFS counts the files opened through it.
type countingFS struct {
	fs.FS
	mu     sync.Mutex
	opened map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opened[name]++
	c.mu.Unlock()
	return c.FS.Open(name)
}

func (c *countingFS) count(name string) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.opened[name]
}

// Start-up reads the device's language only, whatever the system's: an
// Uzbek device's screens cost neither the Russian nor the English file.
// Another language is read when asked for, once.
func TestALanguageIsReadWhenFirstAskedFor(t *testing.T) {
	t.Setenv("LC_ALL", "en_GB.UTF-8")
	fsys := &countingFS{FS: locales.FS, opened: map[string]int{}}
	b, err := i18n.LoadFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	uz := b.For("uz")
	if got := uz.T("welcome.start"); got == "welcome.start" {
		t.Fatalf("the Uzbek welcome shows its message ID")
	}
	if n := fsys.count("uz.toml") + fsys.count("en.toml") + fsys.count("ru.toml"); n != 1 || fsys.count("uz.toml") != 1 {
		t.Errorf("an Uzbek start read %v; want uz.toml alone, once", fsys.opened)
	}
	ru := b.For("ru")
	b.For("ru")
	if got, want := ru.T("welcome.start"), "welcome.start"; got == want || ru.Lang != "ru" {
		t.Errorf("after switching to Russian: %q (%s)", got, ru.Lang)
	}
	if fsys.count("ru.toml") != 1 || fsys.count("en.toml") != 0 {
		t.Errorf("switching to Russian twice read %v; want ru.toml once, en.toml never", fsys.opened)
	}
}

// A message a translation lacks shows as its ID, so the gap is seen (the
// locale tests keep one from shipping); a language whose file is broken is
// shown in English.
func TestAGapShowsAndABrokenLanguageFallsBackToEnglish(t *testing.T) {
	fsys := fstest.MapFS{
		"en.toml": {Data: []byte("[hello]\nother = \"Hello\"\n[bye]\nother = \"Goodbye\"\n")},
		"uz.toml": {Data: []byte("[hello]\nother = \"Salom\"\n")},
		"ru.toml": {Data: []byte("[hello\nother = ")},
	}
	b, err := i18n.LoadFS(fsys)
	if err != nil {
		t.Fatal(err)
	}
	uz := b.For("uz")
	if got := uz.T("hello"); got != "Salom" {
		t.Errorf("hello in Uzbek: %q", got)
	}
	if got := uz.T("bye"); got != "bye" {
		t.Errorf("a message Uzbek lacks shows as %q, want its ID", got)
	}
	ru := b.For("ru")
	if got := ru.T("hello"); got != "Hello" || ru.Lang != "en" {
		t.Errorf("with ru.toml broken, Russian shows %q (%s); want English", got, ru.Lang)
	}
	if ids := b.MessageIDs("ru"); ids != nil {
		t.Errorf("a broken ru.toml lists %v", ids)
	}
}

// Screens drawn beside a language switch ask for messages at once, from
// the UI thread and from the goroutines that load a screen: each gets its
// words, plurals included, whichever asks first (run with -race).
func TestMessagesAskedForAtOnceInTwoLanguages(t *testing.T) {
	b, err := i18n.LoadFS(locales.FS)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"ru": "5 вопросов на повторение", "uz": "Bugun takrorlash uchun 5 ta savol"}
	var wg sync.WaitGroup
	for i := range 8 {
		lang := []string{"ru", "uz"}[i%2]
		wg.Go(func() {
			l := b.For(lang)
			if got := l.N("review.due", 5); !strings.HasPrefix(got, want[lang]) {
				t.Errorf("%s: %q, want %q", lang, got, want[lang])
			}
			if got := l.T("welcome.start"); got == "welcome.start" {
				t.Errorf("%s: the welcome's button shows its ID", lang)
			}
		})
	}
	wg.Wait()
}
