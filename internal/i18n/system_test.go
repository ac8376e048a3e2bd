package i18n

import "testing"

// TestTheSystemLanguageIsReadAsFyneReadsIt: LC_ALL and LC_MESSAGES come
// before LANG, as on any Unix desktop, and the tag maps to one of ours.
func TestTheSystemLanguageIsReadAsFyneReadsIt(t *testing.T) {
	for _, c := range []struct{ lcAll, lcMessages, lang, want string }{
		{"", "", "ru_RU.UTF-8", "ru"},
		{"uz_UZ.UTF-8", "", "en_US.UTF-8", "uz"},
		{"", "ru_RU.UTF-8", "en_US.UTF-8", "ru"},
		{"", "", "de_DE.UTF-8", "en"},
	} {
		t.Setenv("LANGUAGE", "")
		t.Setenv("LC_ALL", c.lcAll)
		t.Setenv("LC_MESSAGES", c.lcMessages)
		t.Setenv("LANG", c.lang)
		if got := Supported(SystemLanguage()); got != c.want {
			t.Errorf("LC_ALL=%q LC_MESSAGES=%q LANG=%q: %q, want %q", c.lcAll, c.lcMessages, c.lang, got, c.want)
		}
	}
}
