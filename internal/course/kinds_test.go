package course

import (
	"testing"

	"github.com/ogoh/ogoh/internal/domain"
)

// Every kind has its checks in answerKinds, the one place a kind's rules
// are written, and nothing else is there: a kind added to domain.Kinds
// without them would load as an unknown type.
func TestEveryKindHasItsAnswerChecks(t *testing.T) {
	for _, k := range domain.Kinds {
		kind, ok := answerKinds[k]
		if !ok || kind.check == nil || kind.fillKey == nil {
			t.Errorf("kind %q has no answer checks in answerKinds", k)
		}
	}
	if len(answerKinds) != len(domain.Kinds) {
		t.Errorf("answerKinds has %d kinds, domain.Kinds %d", len(answerKinds), len(domain.Kinds))
	}
}
