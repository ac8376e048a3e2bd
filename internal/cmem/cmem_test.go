package cmem

import (
	"strings"
	"testing"
)

// A threshold the user set for glibc, by either of its two spellings, is
// theirs: Tune leaves it alone.
func TestTheUsersOwnThresholdIsLeftAlone(t *testing.T) {
	for env, want := range map[string]bool{
		"": false,
		"GLIBC_TUNABLES=glibc.malloc.tcache_count=0":       false,
		"GLIBC_TUNABLES=glibc.malloc.mmap_threshold=65536": true,
		"MALLOC_MMAP_THRESHOLD_=65536":                     true,
	} {
		k, v, _ := strings.Cut(env, "=")
		got := userSet(func(name string) string {
			if name == k {
				return v
			}
			return ""
		})
		if got != want {
			t.Errorf("with %q set, userSet = %v, want %v", env, got, want)
		}
	}
}
