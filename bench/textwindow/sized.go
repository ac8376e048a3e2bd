//go:build ogohsized

package main

import (
	"os"

	"fyne.io/fyne/v2"

	"github.com/ogoh/ogoh/assets"
	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/oskeyring"
	"github.com/ogoh/ogoh/internal/ui"
	"github.com/ogoh/ogoh/quickref"
)

// Built with the tag ogohsized, the text window carries Ogoh's program:
// what main.go reaches, linked in and never run, so that the file is
// Ogoh's size. This floor then pays what the size of a program costs
// (its file mapped, the packages' own start-up), and what Ogoh holds over
// it is what Ogoh does (scripts/bench-startup.sh, docs/performance.md).
// The linker keeps only code a program can reach, so it is reached here
// behind a condition no run meets.
func init() {
	if os.Getenv("OGOH_FLOOR_SIZED") == "run Ogoh, which this floor never does" {
		fy := fyne.CurrentApp()
		fy.SetIcon(assets.Icon)
		_ = ui.Start(fy, ui.Launch{Courses: courses.FS, Guide: quickref.FS, Keyring: oskeyring.New(), Log: os.Stderr})
	}
}
