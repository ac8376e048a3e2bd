package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidatePrintsProblemsAndExitsOne(t *testing.T) {
	var out, errOut strings.Builder
	if code := run([]string{"course", "validate", "../../docs/example-course", "../../courses/recognising-trafficking"}, &out, &errOut); code != 0 {
		t.Fatalf("valid courses: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "course.toml"), []byte("format = 1\nid = \"x\"\nversion = \"1\"\n"), 0o644)
	out.Reset()
	if code := run([]string{"course", "validate", dir}, &out, &errOut); code != 1 {
		t.Fatalf("broken course: exit %d, want 1", code)
	}
	want := filepath.Join(dir, "course.toml") + `:3: version "1" must be MAJOR.MINOR.PATCH`
	if !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
	if code := run([]string{"nonsense"}, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "usage") {
		t.Errorf("unknown command: exit %d, %q", code, errOut.String())
	}
}

// TestValidateWarnsOfARepeatedInstruction: a trainer checking a course
// hears of a question that repeats what the quiz screen already says, and
// the course still passes.
func TestValidateWarnsOfARepeatedInstruction(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../docs/example-course")); err != nil {
		t.Fatal(err)
	}
	quiz := filepath.Join(dir, "quiz.toml")
	data, err := os.ReadFile(quiz)
	if err != nil {
		t.Fatal(err)
	}
	data = []byte(strings.Replace(string(data), `text.en = "Which of these are means?"`, `text.en = "Which of these are means? Choose all that apply."`, 1))
	if err := os.WriteFile(quiz, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errOut strings.Builder
	if code := run([]string{"course", "validate", dir}, &out, &errOut); code != 0 {
		t.Fatalf("exit %d, want 0: a warning does not fail the course\n%s", code, out.String())
	}
	want := dir + `: warning: example-course [en]: quiz.toml: question "means" repeats "Choose all that apply."`
	if !strings.Contains(out.String(), want) {
		t.Errorf("output lacks %q:\n%s", want, out.String())
	}
}
