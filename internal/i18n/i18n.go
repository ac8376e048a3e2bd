// Package i18n gives the UI its words in English, Russian and Uzbek
// (Latin). It keeps its own go-i18n bundle because Fyne's translations
// follow only the system locale and have no Uzbek.
package i18n

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"

	"github.com/ogoh/ogoh/locales"
)

// Language is a UI language with its name written in itself.
type Language struct {
	Code, Name string
}

// Languages are the UI languages, English (the source) first.
var Languages = []Language{
	{"en", "English"},
	{"ru", "Русский"},
	{"uz", "Oʻzbekcha"},
}

// Default is the source language, used when a language is unknown.
const Default = "en"

// Bundle holds every language's messages.
type Bundle struct {
	b        *goi18n.Bundle
	messages map[string][]string // language -> message IDs
}

// Load reads the embedded locale files.
func Load() (*Bundle, error) { return LoadFS(locales.FS) }

// LoadFS reads <code>.toml for every language from fsys.
func LoadFS(fsys fs.FS) (*Bundle, error) {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	bundle := &Bundle{b: b, messages: map[string][]string{}}
	for _, l := range Languages {
		name := l.Code + ".toml"
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("load UI language %s: %w", l.Code, err)
		}
		mf, err := b.ParseMessageFileBytes(data, name)
		if err != nil {
			return nil, fmt.Errorf("load UI language %s: %w", l.Code, err)
		}
		for _, m := range mf.Messages {
			bundle.messages[l.Code] = append(bundle.messages[l.Code], m.ID)
		}
		sort.Strings(bundle.messages[l.Code])
	}
	return bundle, nil
}

// MessageIDs lists the IDs a language defines, sorted.
func (b *Bundle) MessageIDs(lang string) []string { return b.messages[lang] }

// Localizer speaks one language.
type Localizer struct {
	Lang string
	l    *goi18n.Localizer
}

// Supported returns code if it is a UI language, else the default; it also
// accepts locale names such as "ru_RU.UTF-8".
func Supported(code string) string {
	code = strings.ToLower(code)
	for _, l := range Languages {
		if code == l.Code || strings.HasPrefix(code, l.Code+"_") || strings.HasPrefix(code, l.Code+"-") {
			return l.Code
		}
	}
	return Default
}

// For returns a localizer for lang (English for an unknown language).
func (b *Bundle) For(lang string) *Localizer {
	lang = Supported(lang)
	return &Localizer{Lang: lang, l: goi18n.NewLocalizer(b.b, lang)}
}

// T returns the message id, filled with data given as key, value pairs.
// An unknown id shows as itself, so a gap is visible, never blank; the
// locale tests make sure none ships.
func (l *Localizer) T(id string, kv ...any) string {
	s, err := l.l.Localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data(kv)})
	if err != nil {
		return id
	}
	return s
}

// N is T for a message with plural forms chosen by count (exposed to the
// template as .Count).
func (l *Localizer) N(id string, count int, kv ...any) string {
	d := data(kv)
	d["Count"] = count
	s, err := l.l.Localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: d})
	if err != nil {
		return id
	}
	return s
}

func data(kv []any) map[string]any {
	d := make(map[string]any, len(kv)/2+1)
	for i := 0; i+1 < len(kv); i += 2 {
		d[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return d
}
