package progress_test

import (
	"github.com/ogoh/ogoh/internal/paper"
	"github.com/ogoh/ogoh/internal/paper/notosans"
)

// Pages print in Noto Sans; the app passes Fyne's copy, tests this one.
func init() { paper.UseFonts(notosans.Font) }
