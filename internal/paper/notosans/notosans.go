// Package notosans carries Noto Sans (SIL Open Font License, LICENSE.txt)
// for the printed pages of programs that have no Fyne: the CLI and the
// tests. The app prints with Fyne's own copy of the same files instead
// (internal/ui), so it carries the fonts once: on a kernel that maps a
// program's file whole, a second copy is 1.8 MB more memory.
package notosans

import (
	"embed"

	"github.com/ogoh/ogoh/internal/paper"
)

//go:embed *.ttf
var files embed.FS

var names = map[paper.Style]string{
	paper.Regular:    "NotoSans-Regular.ttf",
	paper.Bold:       "NotoSans-Bold.ttf",
	paper.Italic:     "NotoSans-Italic.ttf",
	paper.BoldItalic: "NotoSans-BoldItalic.ttf",
}

// Font is a face's TrueType data, for paper.UseFonts.
func Font(s paper.Style) []byte {
	data, _ := files.ReadFile(names[s]) // embedded: cannot fail for a known style
	return data
}
