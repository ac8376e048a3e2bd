package course_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
)

// TestAnImageAt16BitsIsWarnedOf: a PNG kept at 16 bits a channel is
// decoded at twice the memory of 8 for no difference on screen, so the
// author is told which file and how to save it; the course still loads.
// One at 8 bits, as the example course's, is not warned of.
func TestAnImageAt16BitsIsWarnedOf(t *testing.T) {
	dir := broken(t, nil)
	c, err := course.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := course.ImageWarnings(c); len(got) != 0 {
		t.Fatalf("the example course's 8-bit image is warned of:\n%s", strings.Join(got, "\n"))
	}
	for _, model := range []color.Model{color.NRGBA64Model, color.RGBA64Model, color.Gray16Model} {
		writePNG(t, filepath.Join(dir, "media", "elements.png"), model)
		c, err := course.LoadDir(dir)
		if err != nil {
			t.Fatalf("a 16-bit image made the course fail to load: %v", err)
		}
		want := "example-course: media/elements.png is a PNG of 16 bits a channel"
		if got := course.Warnings(c); !anyHasPrefix(got, want) {
			t.Errorf("%T: want a warning starting %q, got:\n%s", model, want, strings.Join(got, "\n"))
		}
	}
}

// TestBundledImagesAreAt8Bits: no image a bundled course ships costs
// the memory of 16 bits a channel.
func TestBundledImagesAreAt8Bits(t *testing.T) {
	list, problems := course.LoadAll(courses.FS)
	if len(problems) > 0 {
		t.Fatalf("bundled courses have problems:\n%v", problems)
	}
	for _, c := range list {
		if w := course.ImageWarnings(c); len(w) > 0 {
			t.Errorf("%s", strings.Join(w, "\n"))
		}
	}
}

func writePNG(t *testing.T, path string, model color.Model) {
	t.Helper()
	r := image.Rect(0, 0, 30, 10)
	var img image.Image
	switch model {
	case color.Gray16Model:
		img = image.NewGray16(r)
	case color.RGBA64Model:
		img = image.NewRGBA64(r) // opaque: written as truecolour, 16 bits
	default:
		m := image.NewNRGBA64(r)
		m.Set(0, 0, color.NRGBA64{R: 0xffff, A: 0x8000}) // translucent: truecolour with alpha
		img = m
	}
	if m, ok := img.(*image.RGBA64); ok {
		for i := 7; i < len(m.Pix); i += 8 {
			m.Pix[i-1], m.Pix[i] = 0xff, 0xff
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
