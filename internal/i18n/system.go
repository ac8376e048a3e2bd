package i18n

import (
	"os"

	"github.com/jeandeaual/go-locale"
)

// SystemLanguage is the language the operating system is set to, read
// the way Fyne reads it: the Windows and macOS settings there, the
// LC_ALL, LC_MESSAGES, LANG and LANGUAGE variables elsewhere. Reading
// only LANG gave every Windows user the English welcome.
func SystemLanguage() string {
	if tag, err := locale.GetLocale(); err == nil && tag != "" {
		return tag
	}
	return os.Getenv("LANG")
}
