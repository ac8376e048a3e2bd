package main

import (
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const testBank = `// [id:visa-work]
::Visa::A tourist visa allows work.{FALSE#It does not.#Right.}

::Signs::Which are signs of control?{
    ~%50%Held documents
    ~%50%A scripted story
    ~%-100%A return ticket
}

Describe the checkpoint.{}

Who checks the passport?{=the officer =the guard}

::Act::The act is {~why =what is done ~how} to the person.
`

// copyDir copies a course folder into a temporary one.
func copyDir(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func writeBank(t *testing.T, name, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestGiftImportJSON(t *testing.T) {
	dir := copyDir(t, "../../docs/example-course")
	bank := writeBank(t, "border-bank.gift", testBank)
	var out, errOut strings.Builder
	if code := run([]string{"gift", "import", bank, "--course", dir, "--json"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut.String())
	}
	dec := json.NewDecoder(strings.NewReader(out.String()))
	var got map[string]any
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("stdout is not JSON: %v\n%s", err, out.String())
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Fatalf("stdout holds more than one JSON object:\n%s", out.String())
	}
	want := map[string]any{
		"imported": 3.0,
		"by_type":  map[string]any{"truefalse": 1.0, "multiple": 1.0, "single": 1.0},
		"skipped": []any{
			map[string]any{"line": 10.0, "type": "essay", "reason": "not supported: an essay needs a person to mark it"},
			map[string]any{"line": 12.0, "type": "shortanswer", "reason": "not supported: Ogoh has no typed answers"},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("report\n%v\nwant\n%v", got, want)
	}

	quiz, err := os.ReadFile(filepath.Join(dir, "border-bank.toml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{`id = "visa-work"`, `lesson = "three-elements"`, `id = "signs"`, `answer = ["a", "b"]`, `feedback_true.en = "It does not."`, `text.en = "The act is _____ to the person."`} {
		if !strings.Contains(string(quiz), s) {
			t.Errorf("quiz lacks %q:\n%s", s, quiz)
		}
	}
	// Importing again overwrites the file gift import wrote.
	out.Reset()
	if code := run([]string{"gift", "import", "--json", bank, "--course", dir}, &out, &errOut); code != 0 {
		t.Fatalf("re-import: exit %d\n%s", code, errOut.String())
	}
}

func TestGiftImportHumanSummary(t *testing.T) {
	bank := writeBank(t, "b.txt", testBank)
	dest := filepath.Join(t.TempDir(), "quiz.toml")
	var out, errOut strings.Builder
	if code := run([]string{"gift", "import", bank, "-o", dest, "--lesson", "intro", "--lang", "ru"}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut.String())
	}
	if out.Len() != 0 {
		t.Errorf("stdout should be empty with -o: %q", out.String())
	}
	want := "imported 3: single 1, multiple 1, truefalse 1; skipped 2:\n" +
		"line 10: essay — not supported: an essay needs a person to mark it\n" +
		"line 12: shortanswer — not supported: Ogoh has no typed answers\n"
	if !strings.HasSuffix(errOut.String(), want) {
		t.Errorf("stderr\n%s\nshould end with\n%s", errOut.String(), want)
	}
	quiz, _ := os.ReadFile(dest)
	if !strings.Contains(string(quiz), `text.ru = "A tourist visa allows work."`) || !strings.Contains(string(quiz), `lesson = "intro"`) {
		t.Errorf("quiz:\n%s", quiz)
	}

	// Without -o or --course the quiz goes to stdout.
	out.Reset()
	errOut.Reset()
	if code := run([]string{"gift", "import", bank}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "[[questions]]") {
		t.Errorf("stdout: exit %d\n%s\n%s", code, out.String(), errOut.String())
	}
}

func TestGiftImportFailures(t *testing.T) {
	bank := writeBank(t, "b.gift", testBank)
	var out, errOut strings.Builder
	if code := run([]string{"gift", "import", bank, "--json"}, &out, &errOut); code != 2 {
		t.Errorf("--json without --course or -o: exit %d", code)
	}
	if code := run([]string{"gift", "import", writeBank(t, "cp1251.gift", "\xcf\xf0\xe8\xe2\xe5\xf2?{T}")}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "UTF-8") {
		t.Errorf("not UTF-8: exit %d, %q", code, errOut.String())
	}
	if code := run([]string{"gift", "import", writeBank(t, "empty.gift", "// nothing\n")}, &out, &errOut); code != 1 {
		t.Errorf("no questions: exit %d", code)
	}
	if code := run([]string{"gift", "import", filepath.Join(t.TempDir(), "missing.gift")}, &out, &errOut); code != 1 {
		t.Errorf("missing file: exit %d", code)
	}
	if code := run([]string{"gift", "import", bank, "--lang", "English"}, &out, &errOut); code != 2 {
		t.Errorf("bad --lang: exit %d", code)
	}

	// A quiz the author wrote is never overwritten.
	dir := copyDir(t, "../../docs/example-course")
	before, _ := os.ReadFile(filepath.Join(dir, "quiz.toml"))
	errOut.Reset()
	if code := run([]string{"gift", "import", writeBank(t, "quiz.gift", testBank), "--course", dir}, &out, &errOut); code != 1 {
		t.Errorf("overwrite: exit %d\n%s", code, errOut.String())
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "quiz.toml")); string(after) != string(before) {
		t.Error("quiz.toml was overwritten")
	}
}

func TestGiftImportLessonFromABrokenCourse(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "course.toml"), []byte("format = 1\nid = \"x\"\n\n[[lessons]]\nid = \"first\"\n\n[[lessons]]\nid = \"second\"\n"), 0o644)
	bank := writeBank(t, "b.gift", testBank)
	var out, errOut strings.Builder
	if code := run([]string{"gift", "import", bank, "--course", dir}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d\n%s", code, errOut.String())
	}
	quiz, _ := os.ReadFile(filepath.Join(dir, "b.toml"))
	if !strings.Contains(string(quiz), `lesson = "first"`) {
		t.Errorf("quiz:\n%s", quiz)
	}
	// No lessons to read: --lesson is required.
	empty := t.TempDir()
	if code := run([]string{"gift", "import", bank, "--course", empty}, &out, &errOut); code != 2 {
		t.Errorf("no course.toml: exit %d", code)
	}
}

// An author imports a bank, writes the explanations by hand, and imports
// the bank again: their work is kept unless they say --force. A file as
// gift import left it is still replaced without a word.
func TestGiftImportKeepsAHandEditedQuiz(t *testing.T) {
	dir := copyDir(t, "../../docs/example-course")
	bank := writeBank(t, "border-bank.gift", testBank)
	quiz := filepath.Join(dir, "border-bank.toml")
	ctlGift := func(args ...string) (int, string) {
		var out, errOut strings.Builder
		code := run(append([]string{"gift", "import", bank}, args...), &out, &errOut)
		return code, errOut.String()
	}
	if code, msg := ctlGift("--course", dir); code != 0 {
		t.Fatalf("first import: exit %d\n%s", code, msg)
	}
	if code, msg := ctlGift("--course", dir); code != 0 {
		t.Fatalf("re-import over an untouched file: exit %d\n%s", code, msg)
	}
	written, _ := os.ReadFile(quiz)
	edited := strings.Replace(string(written), `explanation.en = ""`, `explanation.en = "Written by hand."`, 1)
	if edited == string(written) {
		t.Fatalf("the import left no empty explanation to write:\n%s", written)
	}
	os.WriteFile(quiz, []byte(edited), 0o644)
	for _, args := range [][]string{{"--course", dir}, {"-o", quiz}} {
		code, msg := ctlGift(args...)
		if code != 1 || !strings.Contains(msg, "edited") || !strings.Contains(msg, "--force") {
			t.Errorf("%v over a hand-edited quiz: exit %d, %q", args, code, msg)
		}
		if now, _ := os.ReadFile(quiz); string(now) != edited {
			t.Fatalf("%v replaced the hand-written explanation", args)
		}
	}
	if code, msg := ctlGift("--course", dir, "--force"); code != 0 {
		t.Fatalf("--force: exit %d\n%s", code, msg)
	}
	if now, _ := os.ReadFile(quiz); string(now) != string(written) {
		t.Error("--force did not write the imported quiz")
	}
}
