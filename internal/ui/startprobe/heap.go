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

// writeHeapProfile writes, when $OGOH_PROBE_HEAP is set, what holds the
// memory at a stage: a heap profile for pprof to $OGOH_PROBE_HEAP.<stage>,
// the process's mappings to <stage>.smaps and, to <stage>.present, which
// pages of the program's own file are resident (writePresent).
func writeHeapProfile(stage string) {
	prefix := os.Getenv("OGOH_PROBE_HEAP")
	if prefix == "" {
		return
	}
	if data, err := os.ReadFile("/proc/self/smaps"); err == nil {
		os.WriteFile(prefix+"."+stage+".smaps", data, 0o644)
	}
	writePresent(prefix + "." + stage + ".present")
	f, err := os.Create(prefix + "." + stage)
	if err != nil {
		return
	}
	defer f.Close()
	runtime.GC() // the profile shows what is live, as of the last collection
	pprof.WriteHeapProfile(f)
}
