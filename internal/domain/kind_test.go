package domain_test

import (
	"testing"

	"github.com/ogoh/ogoh/internal/domain"
)

// The kinds are the words course files already write, so no course file
// changes; anything else is not a kind.
func TestKindsAreTheWordsCourseFilesWrite(t *testing.T) {
	want := []string{"single", "multiple", "truefalse", "ordering", "matching"}
	if len(domain.Kinds) != len(want) {
		t.Fatalf("Kinds = %v, want %v", domain.Kinds, want)
	}
	for i, k := range domain.Kinds {
		if string(k) != want[i] || !k.Valid() {
			t.Errorf("Kinds[%d] = %q (valid %v), want %q", i, k, k.Valid(), want[i])
		}
	}
	for _, k := range []domain.Kind{"", "Single", "essay", "true-false"} {
		if k.Valid() {
			t.Errorf("%q is not a kind", k)
		}
	}
}
