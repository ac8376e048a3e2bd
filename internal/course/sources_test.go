package course_test

import (
	"strings"
	"testing"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
)

// TestASourceNeedsADescriptionInEveryLanguage: a source's title stays as
// published, so a learner reads what it is in the description; a course
// that lacks one in a language it offers is warned of, naming the course,
// the source and the language, and still loads (a trainer's pack made
// before descriptions existed keeps working); a description in a language
// the course does not offer is refused at its line.
func TestASourceNeedsADescriptionInEveryLanguage(t *testing.T) {
	ru := "description.ru = \"Палермский протокол, статья 3: определение торговли людьми.\"\n"
	en := "description.en = \"The Palermo Protocol, Art. 3: the definition of trafficking in persons.\"\n"
	cases := []struct {
		name string
		edit func(string) string
		want []string
	}{
		{"one language missing", replace(ru, ""), []string{`example-course [ru]: course.toml: source "palermo" has no description`}},
		{"none at all", func(s string) string { return replace(en, "")(replace(ru, "")(s)) }, []string{
			`example-course [en]: course.toml: source "palermo" has no description`,
			`example-course [ru]: course.toml: source "palermo" has no description`,
		}},
		{"blank", replace(ru, "description.ru = \"  \"\n"), []string{`example-course [ru]: course.toml: source "palermo" has no description`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := course.LoadDir(broken(t, map[string]func(string) string{"course.toml": tc.edit}))
			if err != nil {
				t.Fatalf("a source without a description made the course fail to load: %v", err)
			}
			got := course.Warnings(c)
			for _, want := range tc.want {
				if !anyHasPrefix(got, want) {
					t.Errorf("want a warning starting %q, got:\n%s", want, strings.Join(got, "\n"))
				}
			}
		})
	}
	got := problems(t, broken(t, map[string]func(string) string{"course.toml": replace(ru, ru+"description.uz = \"Palermo protokoli.\"\n")}))
	if want := `course.toml:44: course "example-course": source "palermo": description language "uz" is not in the course's languages`; !anyHasPrefix(got, want) {
		t.Errorf("want a problem starting %q, got:\n%s", want, strings.Join(got, "\n"))
	}
}

// TestSourceTitlesAreNotDescriptions: in the bundled courses every source
// has its description in each language, and its title is not the old mix
// of title and description: no note in brackets at its end, no English
// gloss such as "as quoted by" or "secondary source", and not the same
// text as its description.
func TestSourceTitlesAreNotDescriptions(t *testing.T) {
	list, problems := course.LoadAll(courses.FS)
	if len(problems) > 0 {
		t.Fatalf("bundled courses have problems:\n%v", problems)
	}
	n := 0
	for _, c := range list {
		for _, s := range c.Sources {
			n++
			if strings.HasSuffix(s.Title, ")") && !dated(s.Title) && !strings.HasSuffix(s.Title, "(No. 29)") && !strings.HasSuffix(s.Title, "(No. 182)") {
				t.Errorf("%s: source %q: the title %q ends in a note in brackets; put it in the description", c.ID, s.ID, s.Title)
			}
			for _, gloss := range []string{"as quoted", "as reported", "as summarised", "secondary source", "used as a benchmark", "Art. "} {
				if strings.Contains(s.Title, gloss) {
					t.Errorf("%s: source %q: the title %q holds %q, which belongs in the description", c.ID, s.ID, s.Title, gloss)
				}
			}
			for _, lang := range c.Languages {
				if s.Description[lang] == s.Title {
					t.Errorf("%s: source %q: the %s description repeats the title", c.ID, s.ID, lang)
				}
			}
		}
	}
	if n < 100 {
		t.Errorf("read only %d sources", n)
	}
}

// dated: a news item whose headline the course does not have is named by
// its outlet and date, e.g. "kun.uz (26.07.2023)".
func dated(title string) bool {
	i := strings.LastIndex(title, " (")
	return i >= 0 && strings.Trim(title[i+2:len(title)-1], "0123456789.") == ""
}
