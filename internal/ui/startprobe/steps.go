package startprobe

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"
)

// The steps of start-up, timed when the probe runs: where the first
// frame's time goes (docs/performance.md). The clock starts as this
// package is initialised, early in the program's own start, after the Go
// runtime's.
var (
	began   = time.Now()
	probing = os.Getenv("OGOH_PROBE") != ""
	stepsMu sync.Mutex
	steps   []string
)

// Step notes, when the probe runs, that a step of start-up has ended.
func Step(name string) {
	if probing {
		noteStep(name)
	}
}

func noteStep(name string) {
	at := time.Since(began)
	stepsMu.Lock()
	defer stepsMu.Unlock()
	steps = append(steps, fmt.Sprintf("%s=%.1f", name, float64(at.Microseconds())/1000))
}

// writeSteps prints "steps <stage> name=ms …", the steps noted so far,
// and forgets them: each stage reports its own.
func writeSteps(out io.Writer, stage string) {
	stepsMu.Lock()
	defer stepsMu.Unlock()
	if len(steps) == 0 {
		return
	}
	fmt.Fprintf(out, "steps %s %s\n", stage, strings.Join(steps, " "))
	steps = nil
}
