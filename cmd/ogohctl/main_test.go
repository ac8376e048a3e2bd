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
