package startprobe

import (
	"os"
	"runtime"
	"runtime/pprof"
)

// cpuProfile, when $OGOH_PROBE_CPU names a file, holds the CPU profile of
// start-up, from this package's initialisation to the first report, for
// pprof. Start-up is short, so it samples at 2 kHz, not pprof's 100 Hz
// (Go warns once that the rate was set first).
var cpuProfile = startCPUProfile(os.Getenv("OGOH_PROBE_CPU"))

func startCPUProfile(path string) *os.File {
	if path == "" {
		return nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil
	}
	runtime.SetCPUProfileRate(2000)
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil
	}
	return f
}

// stopCPUProfile ends the start-up profile at the first report.
func stopCPUProfile() {
	if cpuProfile == nil {
		return
	}
	pprof.StopCPUProfile()
	cpuProfile.Close()
	cpuProfile = nil
}
