// Command emptywindow is the baseline for Ogoh's start-up and memory
// budgets: an empty Fyne window the size of Ogoh's, built with the same
// toolchain, reporting through the same probe (scripts/bench-startup.sh).
package main

import (
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/ogoh/ogoh/internal/ui/startprobe"
)

func main() {
	fy := app.NewWithID("org.ogoh.emptywindow")
	w := fy.NewWindow("Empty")
	w.Resize(fyne.NewSize(1024, 700))
	content, painted := startprobe.Mark(nil) // nothing to see: the probe's invisible mark only
	w.SetContent(content)
	go func() {
		startprobe.Report(os.Stdout, "shown", painted)
		fyne.Do(fy.Quit)
	}()
	w.ShowAndRun()
}
