package paper

import (
	"errors"
	"fmt"
	"sync/atomic"

	"github.com/signintech/gopdf"
)

// Style is a face of the font.
type Style int

// The faces a page can use.
const (
	Regular Style = iota
	Bold
	Italic
	BoldItalic
)

var styles = []Style{Regular, Bold, Italic, BoldItalic}

var gopdfStyle = map[Style]int{Regular: gopdf.Regular, Bold: gopdf.Bold, Italic: gopdf.Italic, BoldItalic: gopdf.Bold | gopdf.Italic}

const family = "noto"

// FontSource gives the TrueType data of a face of Noto Sans.
type FontSource func(Style) []byte

var fontSource atomic.Pointer[FontSource]

// UseFonts tells where pages take their font from. Noto Sans is in Fyne
// already, so the app passes Fyne's copy and carries the files once; the
// CLI and tests, which have no Fyne, pass package notosans's.
func UseFonts(src FontSource) { fontSource.Store(&src) }

// errNoFonts is a program's fault, not a user's: it printed before
// calling UseFonts.
var errNoFonts = errors.New("paper: no fonts (UseFonts was not called)")

func addFonts(pdf *gopdf.GoPdf) error {
	src := fontSource.Load()
	if src == nil {
		return errNoFonts
	}
	for _, style := range styles {
		data := (*src)(style)
		if len(data) == 0 {
			return fmt.Errorf("font style %d: %w", style, errNoFonts)
		}
		if err := pdf.AddTTFFontDataWithOption(family, data, gopdf.TtfOption{Style: gopdfStyle[style]}); err != nil {
			return fmt.Errorf("font style %d: %w", style, err)
		}
	}
	return nil
}
