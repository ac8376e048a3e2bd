// Package reference is the field quick-reference: checklists of
// indicators and "what to do now" cards by setting, and a glossary, all
// offline and searchable in every language.
package reference

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/textsearch"
)

// Settings a card belongs to, in the order the screen offers them.
var Settings = []string{"border", "worksite", "online", "child", "general"}

// Kinds of card.
const (
	Checklist = "checklist"
	Action    = "action"
)

// Card is a checklist or a list of steps for one setting.
type Card struct {
	ID      string              `toml:"id"`
	Setting string              `toml:"setting"`
	Kind    string              `toml:"kind"`
	Title   course.Text         `toml:"title"`
	Items   map[string][]string `toml:"items"`
	Source  string              `toml:"source"`
}

// Term is a glossary entry.
type Term struct {
	ID         string      `toml:"id"`
	Term       course.Text `toml:"term"`
	Definition course.Text `toml:"definition"`
	Source     string      `toml:"source"`
}

// Guide is the whole quick-reference.
type Guide struct {
	Languages []string `toml:"languages"`
	Cards     []Card   `toml:"cards"`
	Glossary  []Term   `toml:"glossary"`
}

// File is the guide's file inside its folder.
const File = "cards.toml"

// Load reads and checks the guide; every problem is reported.
func Load(fsys fs.FS) (*Guide, error) {
	data, err := fs.ReadFile(fsys, File)
	if err != nil {
		return nil, fmt.Errorf("quick-reference: %w", err)
	}
	d := toml.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	var g Guide
	if err := d.Decode(&g); err != nil {
		return nil, fmt.Errorf("quick-reference %s: %w", File, err)
	}
	if errs := g.check(); len(errs) > 0 {
		return nil, fmt.Errorf("quick-reference %s: %w", File, errors.Join(errs...))
	}
	return &g, nil
}

// check lists every problem in the guide. Cards and glossary terms share
// one set of IDs.
func (g *Guide) check() []error {
	var p problems
	seen := map[string]bool{}
	for _, c := range g.Cards {
		g.checkCard(c, seen, &p)
	}
	for _, t := range g.Glossary {
		g.checkTerm(t, seen, &p)
	}
	if len(g.Languages) == 0 {
		p.add("languages is empty")
	}
	return p
}

// problems collects what is wrong in the guide.
type problems []error

func (p *problems) add(format string, args ...any) { *p = append(*p, fmt.Errorf(format, args...)) }

func (g *Guide) checkCard(c Card, seen map[string]bool, p *problems) {
	if !course.ValidID(c.ID) || seen[c.ID] {
		p.add("card %q: id must be a unique slug", c.ID)
	}
	seen[c.ID] = true
	if !slices.Contains(Settings, c.Setting) {
		p.add("card %q: setting %q must be one of %v", c.ID, c.Setting, Settings)
	}
	if c.Kind != Checklist && c.Kind != Action {
		p.add("card %q: kind must be checklist or action", c.ID)
	}
	if c.Source == "" {
		p.add("card %q: source is required", c.ID)
	}
	if len(g.Languages) == 0 {
		return // said once, for the whole guide
	}
	n := len(c.Items[g.Languages[0]])
	for _, l := range g.Languages {
		if c.Title[l] == "" {
			p.add("card %q: title has no %s", c.ID, l)
		}
		if len(c.Items[l]) != n || n == 0 {
			p.add("card %q: items in %s are %d, want %d in every language", c.ID, l, len(c.Items[l]), n)
		}
	}
}

func (g *Guide) checkTerm(t Term, seen map[string]bool, p *problems) {
	if !course.ValidID(t.ID) || seen[t.ID] {
		p.add("term %q: id must be a unique slug", t.ID)
	}
	seen[t.ID] = true
	for _, l := range g.Languages {
		if t.Term[l] == "" || t.Definition[l] == "" {
			p.add("term %q: no %s text", t.ID, l)
		}
	}
	if t.Source == "" {
		p.add("term %q: source is required", t.ID)
	}
}

// Lang is lang if the guide has it, else its first language.
func (g *Guide) Lang(lang string) string {
	if slices.Contains(g.Languages, lang) {
		return lang
	}
	return g.Languages[0]
}

// Cards returns the cards for a setting ("" for all) that match query in
// lang: every word of the query must appear in the title or an item,
// ignoring case, endings and one slip of a key (textsearch).
func (g *Guide) Find(setting, query, lang string) []Card {
	lang = g.Lang(lang)
	var out []Card
	for _, c := range g.Cards {
		if setting != "" && c.Setting != setting {
			continue
		}
		if matches(query, c.Title[lang]+"\n"+strings.Join(c.Items[lang], "\n")) {
			out = append(out, c)
		}
	}
	return out
}

// Terms returns the glossary entries matching query in lang.
func (g *Guide) Terms(query, lang string) []Term {
	lang = g.Lang(lang)
	var out []Term
	for _, t := range g.Glossary {
		if matches(query, t.Term[lang]+"\n"+t.Definition[lang]) {
			out = append(out, t)
		}
	}
	return out
}

func matches(query, text string) bool {
	ok, _ := textsearch.Parse(query).Match(text)
	return ok
}
