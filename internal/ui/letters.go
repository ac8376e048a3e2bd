package ui

import (
	"sync"

	"fyne.io/fyne/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Letter widths for guessing line breaks are read from the font's own
// table of advances, not measured: measuring one letter with Fyne shapes it
// (0.1 ms and 20 KB of garbage each), and a catalogue in three styles
// needs some 400 letters. sfnt reads only the tables it is asked for.

type letterFont struct {
	f    *sfnt.Font
	upem float32
}

var (
	letterFontsMu sync.Mutex
	letterFonts   = map[fyne.Resource]*letterFont{}
	letterBuf     sfnt.Buffer
)

// fontHasAll tells whether the font res has a glyph for every letter of s.
func fontHasAll(res fyne.Resource, s string) bool {
	letterFontsMu.Lock()
	defer letterFontsMu.Unlock()
	lf := letterFontFor(res)
	if lf == nil {
		return false
	}
	for _, r := range s {
		if r == '\n' {
			continue
		}
		if g, err := lf.f.GlyphIndex(&letterBuf, r); err != nil || g == 0 {
			return false
		}
	}
	return true
}

// letterFontFor parses res once; nil when it cannot be read. Call with
// letterFontsMu held.
func letterFontFor(res fyne.Resource) *letterFont {
	lf, ok := letterFonts[res]
	if !ok {
		if f, err := sfnt.Parse(res.Content()); err == nil {
			lf = &letterFont{f: f, upem: float32(f.UnitsPerEm())}
		}
		letterFonts[res] = lf // nil: unreadable, and not tried again
	}
	return lf
}

// fontAdvance is how far r advances text of the given size in the font
// res; false when the font has no such letter (Fyne draws it from a
// fallback font) or cannot be read.
func fontAdvance(res fyne.Resource, r rune, size float32) (float32, bool) {
	letterFontsMu.Lock()
	defer letterFontsMu.Unlock()
	lf := letterFontFor(res)
	if lf == nil {
		return 0, false
	}
	g, err := lf.f.GlyphIndex(&letterBuf, r)
	if err != nil || g == 0 {
		return 0, false
	}
	adv, err := lf.f.GlyphAdvance(&letterBuf, g, fixed.I(int(lf.upem)), font.HintingNone)
	if err != nil {
		return 0, false
	}
	return float32(adv) / 64 * size / lf.upem, true
}
