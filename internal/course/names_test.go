package course_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ogoh/ogoh/internal/course"
)

// A signed pack holding a file whose name is unsafe on some system is
// refused, whichever system reads it: one case per kind of name that
// golang.org/x/mod/zip refuses, and the trailing space.
func TestPackNamesUnsafeOnSomeSystemAreRefused(t *testing.T) {
	k := key(t, "trusted")
	es := entries(t, pack(t, "../../docs/example-course", k))
	for _, tc := range []struct {
		kind, name string
		want       error
	}{
		{"Windows device name", "course/media/CON", course.ErrPackUnsafePath},
		{"device name with an extension", "course/lessons/en/aux.md", course.ErrPackUnsafePath},
		{"device name in lower case", "course/media/nul.png", course.ErrPackUnsafePath},
		{"numbered device", "course/media/com1.png", course.ErrPackUnsafePath},
		{"numbered device, superscript", "course/media/LPT³.txt", course.ErrPackUnsafePath},
		{"device name as a folder", "course/prn/x.png", course.ErrPackUnsafePath},
		{"trailing dot", "course/media/photo.png.", course.ErrPackUnsafePath},
		{"trailing dot in a folder", "course/media./photo.png", course.ErrPackUnsafePath},
		{"trailing space", "course/media/photo.png ", course.ErrPackUnsafePath},
		{"right-to-left override", "course/media/photo\u202egnp.exe", course.ErrPackUnsafePath},
		{"zero-width space", "course/media/ele\u200bments.png", course.ErrPackUnsafePath},
		{"control character", "course/media/a\x01.png", course.ErrPackUnsafePath},
		{"escape code", "course/media/\x1b[2Ka.png", course.ErrPackUnsafePath},
		{"combining mark (decomposed accent)", "course/media/e\u0301.png", course.ErrPackUnsafePath},
		{"shell wildcard", "course/media/*.png", course.ErrPackUnsafePath},
		{"question mark", "course/media/a?.png", course.ErrPackUnsafePath},
		{"pipe", "course/media/a|b.png", course.ErrPackUnsafePath},
		{"angle bracket", "course/media/a<b.png", course.ErrPackUnsafePath},
		{"double quote", "course/media/\"a\".png", course.ErrPackUnsafePath},
		{"name too long", "course/media/" + string(bytes.Repeat([]byte("a"), 256)), course.ErrPackUnsafePath},
		{"equal but for case", "course/QUIZ.toml", course.ErrPackDuplicate},
		{"folder equal but for case", "course/Media/other.png", course.ErrPackDuplicate},
		{"equal but for case, Cyrillic", "course/media/Ёлка.png", course.ErrPackDuplicate},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			extra := []entry{{tc.name, []byte("x"), 0}}
			if tc.kind == "equal but for case, Cyrillic" {
				extra = append(extra, entry{"course/media/ёлка.png", []byte("y"), 0})
			}
			_, err := read(zipOf(t, resign(t, append(append([]entry(nil), es...), extra...), k)), k)
			if !errors.Is(err, tc.want) {
				t.Fatalf("%q: got %v, want %v", tc.name, err, tc.want)
			}
		})
	}
}

// Names in any script stay welcome: a Cyrillic or Uzbek file name is a
// letter name like any other.
func TestPackNamesInOtherScriptsAreKept(t *testing.T) {
	k := key(t, "trusted")
	es := entries(t, pack(t, "../../docs/example-course", k))
	es = append(es, entry{"course/media/пример.png", []byte("x"), 0}, entry{"course/media/oʻzbek (1).png", []byte("y"), 0})
	p, err := read(zipOf(t, resign(t, es, k)), k)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := p.Files["media/пример.png"]; !ok {
		t.Errorf("files: %v", p.Files)
	}
}

// The author hears of an unsafe name when packing, before any device does.
func TestPackingRefusesUnsafeNames(t *testing.T) {
	for _, tc := range []struct {
		files []string
		want  error
	}{
		{[]string{"media/aux.png"}, course.ErrPackUnsafePath},
		{[]string{"media/Elements.png"}, course.ErrPackDuplicate}, // beside media/elements.png
	} {
		dir := exampleWith(t, nil)
		for _, f := range tc.files {
			if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(f)), []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var b bytes.Buffer
		if err := course.WritePack(dir, key(t, "author"), when, &b); !errors.Is(err, tc.want) {
			t.Errorf("%v: got %v, want %v", tc.files, err, tc.want)
		}
	}
}
