package startprobe

import (
	"os"
	"runtime"
	"runtime/pprof"
)

// goMemory is the Go heap in use and all the memory the Go runtime holds,
// in kB: peak RSS less the latter is what C holds (Mesa's textures, GLFW).
func goMemory() (heap, sys uint64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapInuse >> 10, m.Sys >> 10
}

// writeHeapProfile writes a heap profile at a stage to
// $OGOH_PROBE_HEAP.<stage> when that variable is set, for pprof.
func writeHeapProfile(stage string) {
	prefix := os.Getenv("OGOH_PROBE_HEAP")
	if prefix == "" {
		return
	}
	f, err := os.Create(prefix + "." + stage)
	if err != nil {
		return
	}
	defer f.Close()
	runtime.GC() // the profile shows what is live, as of the last collection
	pprof.WriteHeapProfile(f)
}
