package course_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
)

func TestExampleCourseInTheDocsIsValid(t *testing.T) {
	c, err := course.LoadDir("../../docs/example-course")
	if err != nil {
		t.Fatalf("docs/example-course must validate:\n%v", err)
	}
	types := map[domain.Kind]bool{}
	for _, q := range c.Quizzes[0].Questions {
		types[q.Type] = true
	}
	for _, want := range []domain.Kind{domain.KindSingle, domain.KindMultiple, domain.KindTrueFalse, domain.KindOrdering, domain.KindMatching} {
		if !types[want] {
			t.Errorf("the example course should show a %s question", want)
		}
	}
}

func TestBundledCoursesAreValidAndComplete(t *testing.T) {
	list, problems := course.LoadAll(courses.FS)
	if len(problems) > 0 {
		t.Fatalf("bundled courses have problems:\n%v", problems)
	}
	var found *course.Course
	for _, c := range list {
		if c.ID == "recognising-trafficking" {
			found = c
		}
	}
	if found == nil {
		t.Fatal("the course recognising-trafficking is not bundled")
	}
	if len(found.Lessons) < 4 {
		t.Errorf("lessons = %d, want at least 4", len(found.Lessons))
	}
	q := found.Quiz("final")
	if q == nil || len(q.Questions) < 12 || q.PassMark != 80 || q.Draw < 12 {
		t.Fatalf("final quiz must have at least 12 questions, draw 12 and pass at 80%%: %+v", q)
	}
	for _, lang := range []string{"en", "ru", "uz"} {
		if found.Lang(lang) != lang {
			t.Errorf("course is not in %s", lang)
		}
	}
	if len(found.Sources) == 0 {
		t.Error("course lists no sources")
	}
}

// TestUzbekUsesModifierLetters guards the course's Uzbek against the ASCII
// apostrophe that keyboards put in place of oʻ and gʻ.
func TestUzbekUsesModifierLetters(t *testing.T) {
	files, _ := filepath.Glob("../../courses/*/lessons/uz/*.md")
	tomls, _ := filepath.Glob("../../courses/*/*.toml")
	for _, f := range append(files, tomls...) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for n, line := range strings.Split(string(data), "\n") {
			if strings.HasSuffix(f, ".toml") && !strings.Contains(line, ".uz") {
				continue
			}
			for _, bad := range []string{"o'", "g'", "O'", "G'", "o`", "g`", "o‘", "g‘"} {
				if strings.Contains(line, bad) {
					t.Errorf("%s:%d: %q should use U+02BB (oʻ, gʻ)", f, n+1, bad)
				}
			}
		}
	}
}

// broken copies the example course to a temporary folder and applies edits
// (file -> function of its text; "" deletes the file).
func broken(t *testing.T, edits map[string]func(string) string) string {
	t.Helper()
	dir := t.TempDir()
	src := "../../docs/example-course"
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		text := string(data)
		if edit, ok := edits[filepath.ToSlash(rel)]; ok {
			if edit == nil {
				return nil
			}
			text = edit(text)
		}
		return os.WriteFile(filepath.Join(dir, rel), []byte(text), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func problems(t *testing.T, dir string) []string {
	t.Helper()
	_, err := course.LoadDir(dir)
	var ps course.Problems
	if !errors.As(err, &ps) {
		t.Fatalf("want problems, got %v", err)
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

func replace(old, new string) func(string) string {
	return func(s string) string {
		if !strings.Contains(s, old) {
			panic("test edit does not apply: " + old)
		}
		return strings.Replace(s, old, new, 1)
	}
}

func TestBrokenCoursesNameFileAndLine(t *testing.T) {
	cases := []struct {
		name  string
		edits map[string]func(string) string
		want  []string
	}{
		{"missing manifest", map[string]func(string) string{"course.toml": nil},
			[]string{"course.toml: missing"}},
		{"missing lesson file", map[string]func(string) string{"lessons/ru/three-elements.md": nil},
			[]string{`course.toml:19: lesson "three-elements" has no ru file: lessons/ru/three-elements.md is missing`}},
		{"missing quiz file", map[string]func(string) string{"quiz.toml": nil},
			[]string{`course.toml:26: quiz file "quiz.toml" is missing`}},
		{"bad TOML", map[string]func(string) string{"quiz.toml": replace(`answer = "b"`, `answer = "b`)},
			[]string{"quiz.toml:7: TOML syntax:"}},
		{"wrong type", map[string]func(string) string{"course.toml": replace("estimated_minutes = 10", `estimated_minutes = "ten"`)},
			[]string{"course.toml:8: estimated_minutes must be a whole number, not a TOML string"}},
		{"duplicate question id", map[string]func(string) string{"quiz.toml": replace(`id = "means"`, `id = "purpose"`)},
			[]string{`quiz.toml:31: duplicate question id "purpose"`}},
		{"duplicate option id", map[string]func(string) string{"quiz.toml": replace("  id = \"c\"\n  text.en = \"The means", "  id = \"a\"\n  text.en = \"The means")},
			[]string{`quiz.toml:26: duplicate option id "a"`}},
		{"answer names no option", map[string]func(string) string{"quiz.toml": replace(`answer = ["a", "c"]`, `answer = ["a", "x"]`)},
			[]string{`quiz.toml:34: question "means": answer names option "x", which does not exist`}},
		{"missing translation", map[string]func(string) string{"quiz.toml": replace("text.ru = \"Если человеку нет 18 лет, способ не требуется.\"\n", "")},
			[]string{`quiz.toml:60: questions.2.text: missing translation for "ru"`}},
		{"missing image", map[string]func(string) string{"lessons/en/three-elements.md": replace("media/elements.png", "media/nothing.png")},
			[]string{`lessons/en/three-elements.md:9: image "media/nothing.png" not found in the course`}},
		{"unknown key", map[string]func(string) string{"course.toml": replace("estimated_minutes = 10", "estimated_minutes = 10\nestimated_hours = 1")},
			[]string{`course.toml:9: unknown key "estimated_hours"`}},
		{"bad version", map[string]func(string) string{"course.toml": replace(`version = "1.0.0"`, `version = "1.0"`)},
			[]string{`course.toml:5: version "1.0" must be MAJOR.MINOR.PATCH`}},
		{"question without explanation", map[string]func(string) string{"quiz.toml": replace(
			"explanation.en = \"The lesson lists act, then means, then purpose.\"\nexplanation.ru = \"В уроке они идут так: действие, способ, цель.\"\n", "")},
			[]string{`quiz.toml:65: questions.3.explanation: missing translation for "en"`}},
		{"ordering key incomplete", map[string]func(string) string{"quiz.toml": replace(`answer = ["act", "means", "purpose"]`, `answer = ["act", "means"]`)},
			[]string{`quiz.toml:69: question "order": answer must list every option id once`}},
		{"type not text", map[string]func(string) string{"quiz.toml": replace(`type = "single"`, `type = 1`)},
			[]string{"quiz.toml:5: questions.type must be text in quotes, not a TOML integer"}},
		{"unknown type", map[string]func(string) string{"quiz.toml": replace(`type = "single"`, `type = "essay"`)},
			[]string{`quiz.toml:5: question "purpose": type "essay" must be one of single, multiple, truefalse, ordering, matching`}},
		{"lesson link to nowhere", map[string]func(string) string{"quiz.toml": replace("id = \"child-means\"\ntype = \"truefalse\"\nlesson = \"three-elements\"", "id = \"child-means\"\ntype = \"truefalse\"\nlesson = \"four-elements\"")},
			[]string{`quiz.toml:58: question "child-means": lesson "four-elements" does not exist`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := problems(t, broken(t, tc.edits))
			for _, want := range tc.want {
				if !anyHasPrefix(got, want) {
					t.Errorf("want a problem starting %q, got:\n%s", want, strings.Join(got, "\n"))
				}
			}
		})
	}
}

func TestEveryProblemIsReportedAtOnce(t *testing.T) {
	dir := broken(t, map[string]func(string) string{
		"quiz.toml":                    replace(`answer = "b"`, `answer = "z"`),
		"lessons/ru/three-elements.md": nil,
		"course.toml":                  replace(`id = "example-course"`, `id = "Example Course"`),
	})
	if got := problems(t, dir); len(got) != 3 {
		t.Errorf("want all 3 problems in one report, got %d:\n%s", len(got), strings.Join(got, "\n"))
	}
}

func anyHasPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

func TestBrokenScenariosNameFileAndLine(t *testing.T) {
	cases := []struct {
		name string
		edit func(string) string
		want string
	}{
		{"next names no step", replace(`next = "story"`, `next = "storey"`),
			`scenario-minibus.toml:19: choice "talk-separately": next = "storey" names no step`},
		{"loop", replace(`next = "closed"`, `next = "documents"`),
			`scenario-minibus.toml:7: step "documents": a path loops back to it`},
		{"unreachable ending", replace(`next = "closed"`, `next = "referred"`),
			`scenario-minibus.toml:60: step "closed" cannot be reached from start`},
		{"missing feedback", replace("  feedback.ru = \"Правильно: индикаторы не доказывают торговлю людьми, но должны вести к проверке и перенаправлению.\"\n", ""),
			`scenario-minibus.toml:48: steps.1.choices.1.feedback: missing translation for "ru"`},
		{"bad start", replace(`start = "documents"`, `start = "intro"`),
			`scenario-minibus.toml:5: start = "intro" names no step`},
		{"ending with choices", func(s string) string { return s + "\n  [[steps.choices]]\n  id = \"x\"\n" },
			`scenario-minibus.toml:67: step "gone" is an ending and cannot have choices`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := problems(t, broken(t, map[string]func(string) string{"scenario-minibus.toml": tc.edit}))
			if !anyHasPrefix(got, tc.want) {
				t.Errorf("want a problem starting %q, got:\n%s", tc.want, strings.Join(got, "\n"))
			}
		})
	}
}

func TestEveryScenarioPathReachesAnEnding(t *testing.T) {
	for _, c := range bundledAndExample(t) {
		for i := range c.Scenarios {
			sc := &c.Scenarios[i]
			paths := sc.Paths()
			if len(paths) < 2 {
				t.Errorf("%s/%s: %d paths; a scenario branches", c.ID, sc.ID, len(paths))
			}
			for _, p := range paths {
				last := strings.SplitN(p[len(p)-1], "/", 2)
				next := sc.Step(last[0])
				var end *course.Step
				for _, ch := range next.Choices {
					if ch.ID == last[1] {
						end = sc.Step(ch.Next)
					}
				}
				if end == nil || !end.End {
					t.Errorf("%s/%s: path %v does not end", c.ID, sc.ID, p)
				}
			}
		}
	}
}

func TestTheFoundationCourseComesFirst(t *testing.T) {
	list, _ := course.LoadAll(courses.FS)
	if len(list) < 2 || list[0].ID != "recognising-trafficking" {
		t.Errorf("catalogue starts with %s; the foundation course comes first", list[0].ID)
	}
}

// TestTheCurriculumMeetsItsBar holds every bundled course to what the
// curriculum promises: 4–8 lessons, at least two scenarios, a quiz pool of
// at least 15 questions of at least three types, an audience and a time.
func TestTheCurriculumMeetsItsBar(t *testing.T) {
	list, problems := course.LoadAll(courses.FS)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if len(list) < 9 {
		t.Errorf("%d bundled courses, want at least 9", len(list))
	}
	for _, c := range list {
		if n := len(c.Lessons); n < 4 || n > 8 {
			t.Errorf("%s: %d lessons, want 4 to 8", c.ID, n)
		}
		if n := len(c.Scenarios); n < 2 {
			t.Errorf("%s: %d scenarios, want at least 2", c.ID, n)
		}
		if c.EstimatedMinutes <= 0 || len(c.Audience) == 0 {
			t.Errorf("%s: says nothing of its audience or time", c.ID)
		}
		for _, q := range c.Quizzes {
			types := map[domain.Kind]bool{}
			for _, qu := range q.Questions {
				types[qu.Type] = true
			}
			if len(q.Questions) < 15 || len(types) < 3 {
				t.Errorf("%s/%s: %d questions of %d types, want at least 15 of 3", c.ID, q.ID, len(q.Questions), len(types))
			}
		}
	}
}

// A pack is hostile input: a scenario whose every step offers many choices
// leading on must still be checked in one pass over its steps. Walking
// every path instead took 40^6 walks here, which never finished.
func TestAWideScenarioIsCheckedStepByStep(t *testing.T) {
	var b strings.Builder
	b.WriteString("intro.en = \"Wide.\"\nintro.ru = \"Широкий.\"\nstart = \"s0\"\n")
	for level := 0; level < 6; level++ {
		next := fmt.Sprintf("s%d", level+1)
		if level == 5 {
			next = "end"
		}
		fmt.Fprintf(&b, "\n[[steps]]\nid = \"s%d\"\ntext.en = \"Step.\"\ntext.ru = \"Шаг.\"\n", level)
		for c := 0; c < 40; c++ {
			fmt.Fprintf(&b, "[[steps.choices]]\nid = \"c%d\"\ntext.en = \"Go.\"\ntext.ru = \"Идти.\"\nfeedback.en = \"Fine.\"\nfeedback.ru = \"Хорошо.\"\nquality = \"best\"\nnext = %q\n", c, next)
		}
	}
	b.WriteString("\n[[steps]]\nid = \"end\"\nend = true\noutcome = \"good\"\ntext.en = \"Done.\"\ntext.ru = \"Готово.\"\n")
	dir := broken(t, map[string]func(string) string{"scenario-minibus.toml": func(string) string { return b.String() }})
	if _, err := course.LoadDir(dir); err != nil {
		t.Fatalf("a wide but sound scenario was refused: %v", err)
	}
}

// bundledAndExample are the bundled courses and the example course, which
// the checks of what a course says hold alike.
func bundledAndExample(t *testing.T) []*course.Course {
	t.Helper()
	list, problems := course.LoadAll(courses.FS)
	if len(problems) > 0 {
		t.Fatalf("bundled courses have problems:\n%v", problems)
	}
	example, err := course.LoadDir("../../docs/example-course")
	if err != nil {
		t.Fatal(err)
	}
	return append(list, example)
}
