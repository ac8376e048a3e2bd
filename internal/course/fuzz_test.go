package course_test

import (
	"bytes"
	"errors"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/ogoh/ogoh/internal/course"
)

// FuzzLoadCourse feeds Load a fuzzed manifest, quiz and scenario beside
// fixed lessons. No input may panic it; a refusal must be Problems, each
// naming a file and a line inside it, so an author can go straight there;
// a course it accepts must load again the same. The files take the example
// course's names so its files seed the corpus unchanged. Seeds are in
// testdata/fuzz/FuzzLoadCourse.
func FuzzLoadCourse(f *testing.F) {
	lesson := []byte("# Lesson\n\nText.\n")
	f.Fuzz(func(t *testing.T, manifest, quiz, scenario []byte) {
		if len(manifest)+len(quiz)+len(scenario) > 1<<16 {
			t.Skip("bounded: course files in the fuzzer stay small")
		}
		fsys := fstest.MapFS{
			course.ManifestFile:            {Data: manifest},
			"quiz.toml":                    {Data: quiz},
			"scenario-minibus.toml":        {Data: scenario},
			"lessons/en/three-elements.md": {Data: lesson},
			"lessons/ru/three-elements.md": {Data: lesson},
		}
		c, err := course.Load(fsys)
		if err != nil {
			var ps course.Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error is not a list of problems: %#v", err)
			}
			for i, p := range ps {
				file, ok := fsys[p.File]
				if !ok {
					t.Fatalf("problem in a file the course does not have: %v", p)
				}
				if lines := bytes.Count(file.Data, []byte("\n")) + 1; p.Line < 1 || p.Line > lines {
					t.Fatalf("problem outside its file's %d lines: %v", lines, p)
				}
				if i > 0 && (p.File < ps[i-1].File || p.File == ps[i-1].File && p.Line < ps[i-1].Line) {
					t.Fatalf("problems out of order: %v before %v", ps[i-1], p)
				}
			}
			return
		}
		again, err := course.Load(fsys)
		if err != nil {
			t.Fatalf("an accepted course is refused the second time: %v", err)
		}
		if !reflect.DeepEqual(c, again) {
			t.Fatalf("loading twice differs:\n%+v\n%+v", c, again)
		}
	})
}
