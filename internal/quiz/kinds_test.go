package quiz

import (
	"testing"

	"github.com/ogoh/ogoh/internal/domain"
)

// Every kind is drawn and scored from its entry in kinds, the one place a
// kind's scoring is written; a kind without one would never score.
func TestEveryKindIsScored(t *testing.T) {
	for _, k := range domain.Kinds {
		kind, ok := kinds[k]
		if !ok || kind.choices == nil || kind.correct == nil || kind.complete == nil || kind.key == nil {
			t.Errorf("kind %q has no scoring in kinds", k)
		}
	}
	if len(kinds) != len(domain.Kinds) {
		t.Errorf("kinds has %d kinds, domain.Kinds %d", len(kinds), len(domain.Kinds))
	}
}
