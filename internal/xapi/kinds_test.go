package xapi

import (
	"testing"

	"github.com/ogoh/ogoh/internal/domain"
)

// Every kind is mapped to xAPI in interactions, the one place a kind's
// interaction is written; a kind without one would reach the LRS with no
// interaction type.
func TestEveryKindHasAnInteraction(t *testing.T) {
	for _, k := range domain.Kinds {
		in, ok := interactions[k]
		if !ok || in.interactionType == "" || in.components == nil || in.pattern == nil {
			t.Errorf("kind %q has no xAPI interaction in interactions", k)
		}
	}
	if len(interactions) != len(domain.Kinds) {
		t.Errorf("interactions has %d kinds, domain.Kinds %d", len(interactions), len(domain.Kinds))
	}
}
