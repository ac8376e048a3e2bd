package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/sync/lrstest"
)

func ctl(t *testing.T, args ...string) string {
	t.Helper()
	var out, errOut strings.Builder
	if code := run(args, &out, &errOut); code != 0 {
		t.Fatalf("ogohctl %s: exit %d\n%s%s", strings.Join(args, " "), code, out.String(), errOut.String())
	}
	return out.String()
}

func number(t *testing.T, re, s string) int {
	t.Helper()
	m := regexp.MustCompile(re).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("%q not found in:\n%s", re, s)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestSeedPushExportForward: a seeded device pushed to a fresh LRS holds
// each event once; a second device's sync file forwarded twice stores
// nothing the second time; syncing that device directly afterwards adds
// nothing either.
func TestSeedPushExportForward(t *testing.T) {
	lrs := lrstest.Start(t)
	login := []string{"--lrs", lrs.Endpoint(), "--user", "k", "--password", "s"}

	one := filepath.Join(t.TempDir(), "post-1")
	events := number(t, `(\d+) statements waiting`, ctl(t, "demo", "seed", "--data", one, "--learners", "20", "--days", "30"))
	out := ctl(t, append([]string{"sync", "push", "--data", one}, login...)...)
	if sent := number(t, `sent (\d+) statement`, out); sent != events {
		t.Fatalf("pushed %d of %d:\n%s", sent, events, out)
	}
	if got := len(lrs.IDs()); got != events {
		t.Fatalf("the LRS holds %d statements, the device made %d", got, events)
	}

	two := filepath.Join(t.TempDir(), "post-2")
	more := number(t, `(\d+) statements waiting`, ctl(t, "demo", "seed", "--data", two, "--learners", "5", "--days", "10", "--seed", "2"))
	file := filepath.Join(t.TempDir(), "post-2.ogohsync")
	if n := number(t, `wrote (\d+) statement`, ctl(t, "sync", "export", "--data", two, "-o", file)); n != more {
		t.Fatalf("exported %d of %d", n, more)
	}
	first := ctl(t, append([]string{"sync", "forward", file}, login...)...)
	if !strings.Contains(first, fmt.Sprintf("%d stored, 0 already there, 0 refused", more)) {
		t.Errorf("first forward:\n%s", first)
	}
	second := ctl(t, append([]string{"sync", "forward", file}, login...)...)
	if !strings.Contains(second, fmt.Sprintf("0 stored, %d already there, 0 refused", more)) {
		t.Errorf("second forward:\n%s", second)
	}
	ctl(t, append([]string{"sync", "push", "--data", two}, login...)...)
	if got := len(lrs.IDs()); got != events+more {
		t.Errorf("the LRS holds %d statements, want %d: something was stored twice or lost", got, events+more)
	}
	for id, n := range lrs.IDs() {
		if n != 1 {
			t.Errorf("statement %s stored %d times", id, n)
		}
	}
}

func TestDemoSeedIsRepeatable(t *testing.T) {
	a := ctl(t, "demo", "seed", "--data", t.TempDir(), "--learners", "10", "--days", "20", "--seed", "7")
	b := ctl(t, "demo", "seed", "--data", t.TempDir(), "--learners", "10", "--days", "20", "--seed", "7")
	if number(t, `(\d+) statements`, a) != number(t, `(\d+) statements`, b) {
		t.Errorf("the same seed made different data:\n%s%s", a, b)
	}
}
