// Package gcpace sets how often Go's garbage collector runs in the app,
// and in the start-up benchmark's floor, which runs as the app does
// (docs/performance.md).
package gcpace

import (
	"math"
	"os"
	"runtime/debug"
	"sync"
)

const (
	// Steady is the collector's growth once the app runs: the heap is small
	// (15–25 MB) and most of what a screen allocates is garbage at once.
	// Collecting at a quarter of the default growth kept the peak 3 MB
	// lower at the catalogue and 6 MB lower after a course than at half;
	// at 15, 1.7 MB lower again at both, for 8% more time walking a course,
	// about 10 ms a screen (docs/performance.md, 2026-12-07).
	Steady = 15
	// StartLimit is all the memory the Go runtime may hold before the first
	// screen is drawn without collecting: a little less than it holds once
	// the catalogue is drawn, so the peak a learner's first minute reaches
	// stays about where it was (0.5 MB more, docs/performance.md).
	StartLimit = 26 << 20
)

// StartUp holds the collector back until the first screen is drawn, and
// returns what to call then; it leaves the runtime alone when GOGC or
// GOMEMLIMIT is set. Start-up allocates from a heap that begins near
// empty, and at Steady growth the collector's goal began at 1 MB: it ran
// 17 times before the picker's first frame, stopping the UI thread each
// time and taking a core from the fonts being parsed beside the window.
// Collecting only at StartLimit runs it 2–3 times.
func StartUp() (drawn func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(StartLimit)
	var once sync.Once
	return func() {
		once.Do(func() {
			debug.SetGCPercent(Steady)
			debug.SetMemoryLimit(math.MaxInt64)
		})
	}
}
