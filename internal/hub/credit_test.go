package hub_test

import (
	"context"
	"crypto/ed25519"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/hub"
	"github.com/ogoh/ogoh/internal/xapi"
)

// TestTheHubsBestIsThePercentTheDeviceShows: a quiz of 7 questions
// failed with 5 right and a matching question of 12 pairs with 7 right
// scores 5.58 of 7, 79.76%: the device says 79% and failed (80% never
// passes at 79.9%), and so does the hub, where it rounded to 80%.
func TestTheHubsBestIsThePercentTheDeviceShows(t *testing.T) {
	h, err := hub.Open(t.TempDir(), hub.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, key, _ := ed25519.GenerateKey(nil)
	failed := statement("00000000-0000-4000-8000-000000000011", "L1", xapi.VerbFailed,
		"https://ogoh.example/courses/first/quizzes/q", quizKind, (5+7.0/12)/7, time.Now())
	if _, err := h.Import(context.Background(), write(t, "post-a", 1, key, nil, failed)); err != nil {
		t.Fatal(err)
	}
	if l := h.Learners(); len(l) != 1 || l[0].BestPercent != 79 || l[0].QuizzesPass != 0 {
		t.Errorf("the hub's learners %+v, want a best of 79%% and no quiz passed", l)
	}
}
