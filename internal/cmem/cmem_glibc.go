//go:build linux && cgo

package cmem

/*
#include <malloc.h>
#include <stdlib.h>

static void set_mmap_threshold(int n) {
#ifdef M_MMAP_THRESHOLD
	mallopt(M_MMAP_THRESHOLD, n);
#endif
}

// mapped_bytes_held is how many bytes glibc hands out in pages of their
// own while n blocks of size bytes are held.
static size_t mapped_bytes_held(int n, size_t size) {
	void **blocks = calloc(n, sizeof(void *));
	if (blocks == NULL) return 0;
	size_t before = mallinfo2().hblkhd;
	for (int i = 0; i < n; i++) blocks[i] = malloc(size);
	size_t held = mallinfo2().hblkhd - before;
	for (int i = 0; i < n; i++) free(blocks[i]);
	free(blocks);
	return held;
}
*/
import "C"

func setMmapThreshold(n int) { C.set_mmap_threshold(C.int(n)) }

// mappedBytesHeld is how many bytes of n blocks of size bytes, held at
// once, the C allocator gives pages of their own, which free returns to
// the system.
func mappedBytesHeld(n, size int) int { return int(C.mapped_bytes_held(C.int(n), C.size_t(size))) }
