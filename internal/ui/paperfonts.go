package ui

import (
	"fyne.io/fyne/v2/theme"

	"github.com/ogoh/ogoh/internal/paper"
)

// Certificates and handouts print in Noto Sans, the font Fyne draws with:
// its copy serves both, so the app carries the files once.
func init() { paper.UseFonts(fyneNotoSans) }

func fyneNotoSans(s paper.Style) []byte {
	switch s {
	case paper.Bold:
		return theme.DefaultTextBoldFont().Content()
	case paper.Italic:
		return theme.DefaultTextItalicFont().Content()
	case paper.BoldItalic:
		return theme.DefaultTextBoldItalicFont().Content()
	default:
		return theme.DefaultTextFont().Content()
	}
}
