package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// warmFirstFonts parses the fonts of the first screen (the profile picker
// or the welcome: regular and bold text) into Fyne's cache, off the UI
// thread while the window is made. Only call it with the fyneDo migration
// on, where measuring text is safe from any goroutine.
func warmFirstFonts() {
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		fyne.MeasureText("Ogoh", theme.TextSize(), style)
	}
}

// warmNoteFont parses the italic font of notes (fontSource), which the
// first screen does not show: run after its first frame, it is ready
// before the catalogue or a form needs it.
func warmNoteFont() {
	fyne.CurrentApp().Driver().RenderedTextSize("Ogoh", theme.TextSize(), fyne.TextStyle{Italic: true}, italicFont())
}
