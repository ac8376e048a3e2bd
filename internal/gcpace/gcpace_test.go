package gcpace

import (
	"math"
	"runtime/debug"
	"testing"
)

// Until the first screen is drawn the collector runs only when the
// runtime holds StartLimit; once it is, at Steady growth with no limit. A
// GOGC or GOMEMLIMIT the user sets is theirs: start-up leaves it alone.
func TestTheCollectorWaitsUntilTheFirstScreenIsDrawn(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetGCPercent(100)
	t.Cleanup(func() { debug.SetGCPercent(before); debug.SetMemoryLimit(math.MaxInt64) })
	drawn := StartUp()
	if got, limit := gcPercent(), debug.SetMemoryLimit(-1); got != -1 || limit != StartLimit {
		t.Fatalf("before the first screen: GOGC %d and a limit of %d bytes, want off and %d", got, limit, StartLimit)
	}
	drawn()
	drawn() // a second call changes nothing
	if got, limit := gcPercent(), debug.SetMemoryLimit(-1); got != Steady || limit != math.MaxInt64 {
		t.Errorf("once it is drawn: GOGC %d and a limit of %d bytes, want %d and none", got, limit, Steady)
	}

	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	StartUp()()
	if got := gcPercent(); got != 50 {
		t.Errorf("with GOGC=50 set, GOGC is %d after start-up", got)
	}
}

func gcPercent() int {
	p := debug.SetGCPercent(0)
	debug.SetGCPercent(p)
	return p
}
