//go:build linux && cgo

package cmem

import "testing"

// Once tuned, blocks of 20 KB (a small texture's rows, a driver's buffer)
// get pages of their own, which go back to the system when freed; by
// glibc's default they come out of the heap, which keeps the pages around
// them. Blocks under the threshold stay in the heap, where small ones are
// cheap.
func TestBlocksFromTheThresholdGetPagesOfTheirOwn(t *testing.T) {
	const n, size = 100, 20 << 10
	if got := mappedBytesHeld(n, size); got != 0 {
		t.Fatalf("before tuning, %d bytes of 20 KB blocks have pages of their own: the test would prove nothing", got)
	}
	t.Setenv("GLIBC_TUNABLES", "")
	t.Setenv("MALLOC_MMAP_THRESHOLD_", "")
	Tune()
	if got := mappedBytesHeld(n, size); got < n*size*9/10 {
		t.Errorf("after Tune, %d of %d bytes of 20 KB blocks have pages of their own", got, n*size)
	}
	if got := mappedBytesHeld(n, 4<<10); got != 0 {
		t.Errorf("after Tune, %d bytes of 4 KB blocks have pages of their own: each would be a system call", got)
	}
}
