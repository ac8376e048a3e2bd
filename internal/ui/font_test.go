package ui

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2/theme"
	"github.com/go-text/typesetting/font"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/quickref"
)

// Ogoh is built without Fyne's colour-emoji font (-tags no_emoji), and a
// character missing from the bundled text font would be looked up in the
// system's fonts, slowly, or drawn as an empty box on a machine without
// one. So every character of every text Ogoh shows must be in the font.
func TestEveryTextIsInTheBundledFont(t *testing.T) {
	face, err := font.ParseTTF(bytes.NewReader(theme.DefaultTextFont().Content()))
	if err != nil {
		t.Fatal(err)
	}
	check := func(name string, text []byte) {
		missing := map[rune]bool{}
		for _, r := range string(text) {
			if unicode.IsControl(r) || missing[r] {
				continue
			}
			if _, ok := face.NominalGlyph(r); !ok {
				missing[r] = true
				t.Errorf("%s: %q (U+%04X) is not in the bundled font", name, r, r)
			}
		}
	}
	for _, tree := range []struct {
		name string
		fsys fs.FS
	}{{"courses", courses.FS}, {"quickref", quickref.FS}, {"locales", os.DirFS("../../locales")}} {
		err := fs.WalkDir(tree.fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".toml") || strings.HasSuffix(p, ".md")) {
				return err
			}
			data, err := fs.ReadFile(tree.fsys, p)
			check(filepath.Join(tree.name, p), data)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	ui, _ := filepath.Glob("*.go")
	for _, f := range ui {
		if !strings.HasSuffix(f, "_test.go") {
			data, _ := os.ReadFile(f)
			check(f, data)
		}
	}
}
