//go:build !(linux && cgo)

package cmem

// Elsewhere the C allocator is the system's own, with no threshold to set.
func setMmapThreshold(int) {}
