//go:build fynerelease

package ui

import (
	"os"

	"fyne.io/fyne/v2"
	fynedriver "fyne.io/fyne/v2/driver"
)

// Built with the tag fynerelease against the Fyne copy of
// scripts/bench-release.sh, the app frees each screen it leaves at once,
// as Fyne itself frees a closed window, when $OGOH_RELEASE is set:
// "renderers" drops the left screen's renderers and canvas entries,
// "textures" its object textures too. It measures the most that freeing
// left screens could save (docs/performance.md).
func init() {
	switch mode := os.Getenv("OGOH_RELEASE"); mode {
	case "renderers", "textures":
		releaseLeft = func(left fyne.CanvasObject) { fynedriver.ReleaseTree(left, mode == "textures") }
	}
}
