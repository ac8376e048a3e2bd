package course_test

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer/html"

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

// FuzzLessonImages feeds the lesson check a fuzzed lesson in a course that
// is otherwise sound, with one image, media/ok.png. No input may panic it;
// a refusal must name the lesson and a line inside it; and a lesson it
// accepts must show no image but that one, as goldmark's own HTML renderer
// (a second reading of the same parse, raw HTML kept) sees it: no remote,
// file: or other destination, no <img> in HTML. Seeds, one per form of
// remote image, are in testdata/fuzz/FuzzLessonImages.
func FuzzLessonImages(f *testing.F) {
	manifest := []byte(`format = 1
id = "fuzz"
version = "1.0.0"
languages = ["en"]
default_language = "en"
estimated_minutes = 1
title.en = "T"
description.en = "D"
audience.en = "A"

[[lessons]]
id = "l"
file = "l.md"
minutes = 1
title.en = "L"

[[sources]]
id = "s"
title = "S"
description.en = "D"
`)
	var ok bytes.Buffer
	png.Encode(&ok, image.NewGray(image.Rect(0, 0, 4, 3)))
	const lessonFile = "lessons/en/l.md"
	imgTag := regexp.MustCompile(`(?i)<img\b[^>]*>`)
	md := goldmark.New(goldmark.WithRendererOptions(html.WithUnsafe()))
	f.Fuzz(func(t *testing.T, lesson []byte) {
		if len(lesson) > 1<<14 {
			t.Skip("bounded: lessons in the fuzzer stay small")
		}
		fsys := fstest.MapFS{
			course.ManifestFile: {Data: manifest},
			lessonFile:          {Data: lesson},
			"media/ok.png":      {Data: ok.Bytes()},
		}
		_, err := course.Load(fsys)
		if err != nil {
			var ps course.Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("error is not a list of problems: %#v", err)
			}
			for _, p := range ps {
				if lines := bytes.Count(lesson, []byte("\n")) + 1; p.File != lessonFile || p.Line < 1 || p.Line > lines {
					t.Fatalf("problem outside the lesson's %d lines: %v", lines, p)
				}
			}
			return
		}
		var out bytes.Buffer
		if err := md.Convert(lesson, &out); err != nil {
			t.Fatal(err)
		}
		for _, tag := range imgTag.FindAllString(out.String(), -1) {
			if !strings.HasPrefix(tag, `<img src="media/ok.png" alt="`) {
				t.Fatalf("accepted a lesson that shows %s", tag)
			}
		}
		for _, im := range course.LessonImages(lesson) {
			if !im.Alone || im.Dest != "media/ok.png" {
				t.Fatalf("accepted a lesson with the image %+v", im)
			}
		}
	})
}
