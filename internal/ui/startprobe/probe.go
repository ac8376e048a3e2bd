// Package startprobe tells a benchmark when a window has drawn what it
// should. A screen is marked with an invisible raster laid over it; the
// renderer asks that raster for its pixels while it paints the frame that
// first shows the screen, and the probe reports once that frame is on the
// window. Ogoh and the empty window it is measured against are timed by
// this same rule (scripts/bench-startup.sh).
//
// It is only used when OGOH_PROBE is set; nothing here runs otherwise.
package startprobe

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	"io"
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// Mark lays an invisible raster over content. The channel closes when a
// frame containing it is painted.
func Mark(content fyne.CanvasObject) (fyne.CanvasObject, <-chan struct{}) {
	painted := make(chan struct{})
	var once sync.Once
	sentinel := canvas.NewRaster(func(w, h int) image.Image {
		once.Do(func() { close(painted) })
		return image.NewNRGBA(image.Rect(0, 0, 1, 1)) // transparent
	})
	if content == nil {
		return sentinel, painted
	}
	return container.NewStack(content, sentinel), painted
}

// Report waits for the marked frame to be shown (see Wait) and prints
// "probe <stage> hwm_kb=<peak RSS> rss_kb=<RSS> go_heap_kb=<Go heap in use>
// go_sys_kb=<memory the Go runtime holds>". Call it off the UI thread.
func Report(out io.Writer, stage string, painted <-chan struct{}) {
	Wait(painted)
	noteStep("frame shown") // the empty window too, which runs with no OGOH_PROBE
	stopCPUProfile()
	writeSteps(out, stage)
	hwm, rss := memory()
	heap, sys := goMemory()
	fmt.Fprintf(out, "probe %s hwm_kb=%d rss_kb=%d go_heap_kb=%d go_sys_kb=%d\n", stage, hwm, rss, heap, sys)
	writeHeapProfile(stage)
}

// Wait returns once the frame that closed painted is on the window: the
// buffer swap follows the paint on the UI thread, so a call queued there
// runs after it.
func Wait(painted <-chan struct{}) {
	<-painted
	fyne.DoAndWait(func() {})
}

// memory reads the peak and current resident set from /proc (Linux).
func memory() (hwm, rss int) {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0, 0
	}
	s := bufio.NewScanner(bytes.NewReader(data))
	for s.Scan() {
		line := s.Text()
		switch {
		case strings.HasPrefix(line, "VmHWM:"):
			fmt.Sscanf(strings.TrimPrefix(line, "VmHWM:"), "%d", &hwm)
		case strings.HasPrefix(line, "VmRSS:"):
			fmt.Sscanf(strings.TrimPrefix(line, "VmRSS:"), "%d", &rss)
		}
	}
	return hwm, rss
}
