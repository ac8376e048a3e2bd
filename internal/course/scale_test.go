package course_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/course"
)

// exampleWith copies the example course into a temporary folder with some
// files replaced, for tests and benchmarks of large inputs.
func exampleWith(tb testing.TB, files map[string]string) string {
	tb.Helper()
	src := "../../docs/example-course"
	dst := tb.TempDir()
	err := filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if info.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if body, ok := files[filepath.ToSlash(rel)]; ok {
			data = []byte(body)
		}
		if err == nil {
			err = os.WriteFile(filepath.Join(dst, rel), data, 0o644)
		}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return dst
}

// orderingQuiz is the example quiz with one more question: an ordering of
// n options, answered in reverse.
func orderingQuiz(tb testing.TB, n int) string {
	tb.Helper()
	quiz, err := os.ReadFile("../../docs/example-course/quiz.toml")
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	b.Write(quiz)
	b.WriteString("\n[[questions]]\nid = \"long-order\"\ntype = \"ordering\"\nlesson = \"three-elements\"\n")
	b.WriteString("text.en = \"Order them.\"\ntext.ru = \"Упорядочьте.\"\nexplanation.en = \"As listed.\"\nexplanation.ru = \"Как в списке.\"\nanswer = [")
	for i := n - 1; i >= 0; i-- {
		fmt.Fprintf(&b, "\"o%d\",", i)
	}
	b.WriteString("]\n")
	for i := range n {
		fmt.Fprintf(&b, "[[questions.options]]\nid = \"o%d\"\ntext.en = \"Step %d\"\ntext.ru = \"Шаг %d\"\n", i, i, i)
	}
	return b.String()
}

// wideScenario is a scenario of n steps: a start whose choices lead to
// n-3 middle steps, each with two choices to one of two endings.
func wideScenario(n int) string {
	var b strings.Builder
	b.WriteString("intro.en = \"Wide.\"\nintro.ru = \"Широкий.\"\nstart = \"start\"\n")
	b.WriteString("\n[[steps]]\nid = \"start\"\ntext.en = \"Choose.\"\ntext.ru = \"Выберите.\"\n")
	choice := func(id, next, quality string) {
		fmt.Fprintf(&b, "[[steps.choices]]\nid = %q\ntext.en = \"Go.\"\ntext.ru = \"Идти.\"\nfeedback.en = \"Fine.\"\nfeedback.ru = \"Хорошо.\"\nquality = %q\nnext = %q\n", id, quality, next)
	}
	for i := range n - 3 {
		choice(fmt.Sprintf("c%d", i), fmt.Sprintf("m%d", i), "best")
	}
	for i := range n - 3 {
		fmt.Fprintf(&b, "\n[[steps]]\nid = \"m%d\"\ntext.en = \"Then?\"\ntext.ru = \"Дальше?\"\n", i)
		choice("good", "end-good", "best")
		choice("poor", "end-poor", "poor")
	}
	for _, o := range []string{"good", "poor"} {
		fmt.Fprintf(&b, "\n[[steps]]\nid = \"end-%s\"\nend = true\noutcome = %q\ntext.en = \"Done.\"\ntext.ru = \"Готово.\"\n", o, o)
	}
	return b.String()
}

// wideManifest is the example course's manifest with n more lessons,
// quizzes and scenarios, none of them with its file, each scenario
// practising the last lesson: a hostile pack's manifest, all problems.
func wideManifest(tb testing.TB, n int) string {
	tb.Helper()
	m, err := os.ReadFile("../../docs/example-course/course.toml")
	if err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	b.Write(m)
	for i := range n {
		fmt.Fprintf(&b, "\n[[lessons]]\nid = \"l%d\"\nfile = \"missing-%d.md\"\ntitle.en = \"L\"\ntitle.ru = \"У\"\n", i, i)
		fmt.Fprintf(&b, "\n[[quizzes]]\nid = \"q%d\"\nfile = \"missing-%d.toml\"\npass_mark = 80\ndraw = 1\ntitle.en = \"Q\"\ntitle.ru = \"В\"\n", i, i)
		fmt.Fprintf(&b, "\n[[scenarios]]\nid = \"s%d\"\nfile = \"missing-%d.toml\"\nlesson = \"l%d\"\ntitle.en = \"S\"\ntitle.ru = \"С\"\n", i, i, n-1)
	}
	return b.String()
}

// A long ordering question and a wide scenario are valid, and the same
// input with one mistake is refused naming it: the checks that had to be
// made linear still check.
func TestLargeOrderingAndScenarioAreStillChecked(t *testing.T) {
	if _, err := course.LoadDir(exampleWith(t, map[string]string{"quiz.toml": orderingQuiz(t, 2000), "scenario-minibus.toml": wideScenario(2000)})); err != nil {
		t.Fatalf("sound large course refused: %v", err)
	}
	badQuiz := strings.Replace(orderingQuiz(t, 2000), `"o1999",`, `"o7777",`, 1)
	badScenario := strings.Replace(wideScenario(2000), `next = "m1996"`, `next = "nowhere"`, 1)
	_, err := course.LoadDir(exampleWith(t, map[string]string{"quiz.toml": badQuiz, "scenario-minibus.toml": badScenario}))
	for _, want := range []string{`answer names option "o7777", which does not exist`, `next = "nowhere" names no step`, `step "m1996" cannot be reached`} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("want a problem %q, got:\n%.2000v", want, err)
		}
	}
}

// A manifest listing hundreds of files that are missing gets every one
// reported at its own line (the line index is now built once per course).
func TestAWideManifestReportsEachMissingFileAtItsLine(t *testing.T) {
	const n = 300
	manifest := wideManifest(t, n)
	_, err := course.LoadDir(exampleWith(t, map[string]string{"course.toml": manifest}))
	quizLine := strings.Count(manifest[:strings.Index(manifest, `file = "missing-299.toml"`)], "\n") + 1
	scenarioLine := strings.Count(manifest[:strings.LastIndex(manifest, `file = "missing-299.toml"`)], "\n") + 1
	for _, want := range []string{
		fmt.Sprintf(`course.toml:%d: quiz file "missing-299.toml" is missing`, quizLine),
		fmt.Sprintf(`course.toml:%d: scenario file "missing-299.toml" is missing`, scenarioLine),
	} {
		if err == nil || !strings.Contains(err.Error()+"\n", want+"\n") {
			t.Errorf("want %q among the problems", want)
		}
	}
	if err != nil && strings.Contains(err.Error(), `lesson "l299" does not exist`) {
		t.Errorf("a scenario's lesson, listed in the manifest, was reported missing")
	}
}

// BenchmarkOrderingValidation loads a course with an ordering question of
// 100 to 100,000 options.
func BenchmarkOrderingValidation(b *testing.B) {
	for _, n := range []int{100, 1000, 10000, 100000} {
		dir := exampleWith(b, map[string]string{"quiz.toml": orderingQuiz(b, n)})
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := course.LoadDir(dir); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkScenarioValidation loads a course with a scenario of 20 to
// 20,000 steps.
func BenchmarkScenarioValidation(b *testing.B) {
	for _, n := range []int{20, 200, 2000, 20000} {
		dir := exampleWith(b, map[string]string{"scenario-minibus.toml": wideScenario(n)})
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := course.LoadDir(dir); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkManifestValidation loads a course whose manifest lists 20 to
// 20,000 more lessons, quizzes and scenarios without their files: every
// one a problem to report with its line.
func BenchmarkManifestValidation(b *testing.B) {
	for _, n := range []int{20, 200, 2000, 20000} {
		dir := exampleWith(b, map[string]string{"course.toml": wideManifest(b, n)})
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, err := course.LoadDir(dir); err == nil {
					b.Fatal("a manifest of missing files passed")
				}
			}
		})
	}
}
