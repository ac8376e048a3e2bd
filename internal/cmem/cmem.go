// Package cmem sets how the C allocator hands memory back to the system in
// the app, and in the start-up benchmark's floor, which runs as the app
// does (docs/performance.md). SQLite, the GL driver and, on a machine with
// no GPU, Mesa's software renderer allocate through glibc's malloc.
package cmem

import (
	"os"
	"strings"
)

// MmapThreshold is the size from which a C allocation gets pages of its
// own, returned to the system when it is freed. glibc's own threshold
// starts at 128 KB and rises to the largest block freed so far: a
// texture, or the GL driver's scratch buffers, then stay in the heap once
// freed, which keeps the pages around them. Walking a course left the C
// heap 4.9 MB larger than at the catalogue; at 16 KB, 2.7 MB, and the peak
// after the course 3–4 MB lower (docs/performance.md, 2026-12-07).
const MmapThreshold = 16 << 10

// Tune sets MmapThreshold, unless the user set the allocator's threshold
// in the environment: theirs is left alone, as GOGC is by gcpace. The app
// calls it once its first screen is drawn (main.go).
func Tune() {
	if userSet(os.Getenv) {
		return
	}
	setMmapThreshold(MmapThreshold)
}

func userSet(getenv func(string) string) bool {
	return getenv("MALLOC_MMAP_THRESHOLD_") != "" || strings.Contains(getenv("GLIBC_TUNABLES"), "malloc.mmap_threshold")
}
