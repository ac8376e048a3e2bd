// Package assets embeds the images the app itself shows.
package assets

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

//go:embed window-icon.png
var icon []byte

// Icon is the app's icon: an open eye, for "vigilant". This copy, for the
// window, is 128 pixels in 8-bit colour: decoding icon.png (512 pixels,
// 16-bit, for packages; FyneApp.toml) took 30 ms of start-up.
var Icon = fyne.NewStaticResource("window-icon.png", icon)
