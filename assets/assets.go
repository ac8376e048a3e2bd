// Package assets embeds the images the app itself shows.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed icon.png
var icon []byte

// Icon is the app's icon: an open eye, for "vigilant".
var Icon = fyne.NewStaticResource("icon.png", icon)
