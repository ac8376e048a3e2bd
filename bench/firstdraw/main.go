// Command firstdraw measures what the first frame pays for each kind of
// thing it draws: a window the size of Ogoh's, as bench/emptywindow, with
// so many plain rectangles, rounded ones and lines of text as its flags
// ask, reporting through the same probe (docs/performance.md, "the first
// frame's floor"). Under Mesa's software renderer the first use of each of
// Fyne's shaders costs milliseconds of its own, apart from what is drawn.
//
//	OGOH_PROBE=1 firstdraw -rects 1 -rounded 1 -texts 35
package main

import (
	"flag"
	"fmt"
	"image/color"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"github.com/ogoh/ogoh/internal/ui/startprobe"
)

func main() {
	rects := flag.Int("rects", 0, "plain rectangles")
	rounded := flag.Int("rounded", 0, "rectangles with rounded corners")
	texts := flag.Int("texts", 0, "lines of text, each different")
	flag.Parse()
	fy := app.NewWithID("org.ogoh.firstdraw")
	w := fy.NewWindow("First draw")
	w.Resize(fyne.NewSize(1024, 700))
	content, painted := startprobe.Mark(container.New(layout.NewGridLayout(4), shapes(*rects, *rounded, *texts)...))
	w.SetContent(content)
	go func() {
		startprobe.Report(os.Stdout, "shown", painted)
		fyne.Do(fy.Quit)
	}()
	w.ShowAndRun()
}

func shapes(rects, rounded, texts int) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for range rects {
		out = append(out, rectangle(0))
	}
	for range rounded {
		out = append(out, rectangle(4))
	}
	for i := range texts {
		line := fmt.Sprintf("Line %d: everything works without a network", i)
		out = append(out, canvas.NewText(line, theme.Color(theme.ColorNameForeground)))
	}
	return out
}

func rectangle(radius float32) *canvas.Rectangle {
	r := canvas.NewRectangle(color.NRGBA{R: 0x40, G: 0x80, B: 0xc0, A: 0xff})
	r.CornerRadius = radius
	r.SetMinSize(fyne.NewSize(100, 24))
	return r
}
