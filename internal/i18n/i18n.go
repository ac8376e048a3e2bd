// Package i18n gives the UI its words in English, Russian and Uzbek
// (Latin). It keeps its own go-i18n bundle because Fyne's translations
// follow only the system locale and have no Uzbek.
package i18n

import (
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"

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

// Bundle holds the messages of the languages asked for so far. A language
// is read when first asked for: start-up reads the device's alone, about
// a third of the time and memory of reading all three. A message missing
// from a language shows as its ID, as before, never in English: the locale
// tests keep the gap from shipping, so English is not read to fill it.
//
// A read language's messages are parsed (so a broken file is found when it
// is read) but go into go-i18n's bundle one by one, when first asked for:
// go-i18n makes templates for every message it is given, 1.2 KB each, and
// a screen asks for a few dozen of the 549 (docs/performance.md).
type Bundle struct {
	fsys fs.FS
	// mu guards b and langs: a localizer reads them while another
	// language, or another message, may be read in.
	mu     sync.RWMutex
	b      *goi18n.Bundle
	langs  map[string]*langMessages
	failed map[string]error // language -> why it could not be read
}

// langMessages is a read language: the IDs its file defines, and those of
// its messages not yet handed to go-i18n, each kept as its text alone when
// it is no more than that (all but the few with plural forms).
type langMessages struct {
	tag     language.Tag
	ids     []string       // sorted
	waiting map[string]any // ID -> string or *goi18n.Message
}

// compact is msg as its text when it has nothing else.
func compact(msg *goi18n.Message) any {
	if *msg == (goi18n.Message{ID: msg.ID, Other: msg.Other}) {
		return msg.Other
	}
	return msg
}

// message is a waiting message as go-i18n takes it.
func message(id string, waiting any) *goi18n.Message {
	if text, ok := waiting.(string); ok {
		return &goi18n.Message{ID: id, Other: text}
	}
	return waiting.(*goi18n.Message)
}

// Load reads the embedded locale files.
func Load() (*Bundle, error) { return LoadFS(locales.FS) }

// LoadFS makes a bundle of the <code>.toml files of fsys. It reads none of
// them yet: the device's language, not the system's, is the first screen's,
// and a file is read when For first asks for its language. A file that
// cannot be read then gives English (the locale tests keep one from
// shipping); the error is kept for MessageIDs' callers, the tests.
func LoadFS(fsys fs.FS) (*Bundle, error) {
	b := goi18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	return &Bundle{fsys: fsys, b: b, langs: map[string]*langMessages{}, failed: map[string]error{}}, nil
}

// ensure reads lang's messages unless they are in already; a file that
// cannot be read is not tried again.
func (b *Bundle) ensure(lang string) error {
	b.mu.RLock()
	_, ok := b.langs[lang]
	err := b.failed[lang]
	b.mu.RUnlock()
	if ok || err != nil {
		return err
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.langs[lang]; ok {
		return nil
	}
	if err := b.read(lang); err != nil {
		b.failed[lang] = err
		return err
	}
	return nil
}

// read parses lang's file; call with mu held. Its messages wait for
// release; the language itself is registered with go-i18n now, or a
// localizer for it would match another language until its first message.
func (b *Bundle) read(lang string) error {
	name := lang + ".toml"
	data, err := fs.ReadFile(b.fsys, name)
	if err != nil {
		return fmt.Errorf("load UI language %s: %w", lang, err)
	}
	mf, err := goi18n.ParseMessageFileBytes(data, name, map[string]goi18n.UnmarshalFunc{"toml": toml.Unmarshal})
	if err != nil {
		return fmt.Errorf("load UI language %s: %w", lang, err)
	}
	if err := b.b.AddMessages(mf.Tag); err != nil {
		return fmt.Errorf("load UI language %s: %w", lang, err)
	}
	m := &langMessages{tag: mf.Tag, ids: make([]string, 0, len(mf.Messages)), waiting: make(map[string]any, len(mf.Messages))}
	for _, msg := range mf.Messages {
		m.ids = append(m.ids, msg.ID)
		m.waiting[msg.ID] = compact(msg)
	}
	sort.Strings(m.ids)
	b.langs[lang] = m
	return nil
}

// release hands lang's message id to go-i18n unless it has it already.
func (b *Bundle) release(lang, id string) {
	b.mu.RLock()
	m := b.langs[lang]
	waits := false
	if m != nil { // nil: not even English could be read
		_, waits = m.waiting[id]
	}
	b.mu.RUnlock()
	if !waits {
		return
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if w, ok := m.waiting[id]; ok {
		b.b.AddMessages(m.tag, message(id, w)) // cannot fail: read added the language
		delete(m.waiting, id)
	}
}

// MessageIDs lists the IDs a language defines, sorted; none when its file
// cannot be read.
func (b *Bundle) MessageIDs(lang string) []string {
	if b.ensure(lang) != nil {
		return nil
	}
	b.mu.RLock()
	defer b.mu.RUnlock()
	return b.langs[lang].ids
}

// Localizer speaks one language.
type Localizer struct {
	Lang string
	b    *Bundle
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

// For returns a localizer for lang (English for an unknown language, or
// for one whose file cannot be read).
func (b *Bundle) For(lang string) *Localizer {
	lang = Supported(lang)
	if b.ensure(lang) != nil {
		lang = Default
		b.ensure(lang) // English failing too leaves the IDs: nothing better to show
	}
	return &Localizer{Lang: lang, b: b, l: goi18n.NewLocalizer(b.b, lang)}
}

// T returns the message id, filled with data given as key, value pairs.
// An unknown id shows as itself, so a gap is visible, never blank; the
// locale tests make sure none ships.
func (l *Localizer) T(id string, kv ...any) string {
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, TemplateData: data(kv)})
}

// N is T for a message with plural forms chosen by count (exposed to the
// template as .Count).
func (l *Localizer) N(id string, count int, kv ...any) string {
	d := data(kv)
	d["Count"] = count
	return l.localize(&goi18n.LocalizeConfig{MessageID: id, PluralCount: count, TemplateData: d})
}

// localize fills in a message, or gives its ID when the language lacks it.
func (l *Localizer) localize(cfg *goi18n.LocalizeConfig) string {
	l.b.release(l.Lang, cfg.MessageID)
	l.b.mu.RLock()
	s, err := l.l.Localize(cfg)
	l.b.mu.RUnlock()
	if err != nil {
		return cfg.MessageID
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
