package main

import (
	"context"
	"crypto/ed25519"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/lrs/lrstest"
	"github.com/ogoh/ogoh/internal/syncfile"
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
	server := lrstest.Start(t)
	t.Setenv(PasswordEnv, "s")
	login := []string{"--lrs", server.Endpoint(), "--user", "k"}
	registry := []string{"--devices", filepath.Join(t.TempDir(), "devices.json")}

	one := filepath.Join(t.TempDir(), "post-1")
	events := number(t, `(\d+) statements waiting`, ctl(t, "demo", "seed", "--data", one, "--learners", "20", "--days", "30"))
	out := ctl(t, append([]string{"sync", "push", "--data", one}, login...)...)
	if sent := number(t, `sent (\d+) statement`, out); sent != events {
		t.Fatalf("pushed %d of %d:\n%s", sent, events, out)
	}
	if got := len(server.IDs()); got != events {
		t.Fatalf("the LRS holds %d statements, the device made %d", got, events)
	}

	two := filepath.Join(t.TempDir(), "post-2")
	more := number(t, `(\d+) statements waiting`, ctl(t, "demo", "seed", "--data", two, "--learners", "5", "--days", "10", "--seed", "2"))
	file := filepath.Join(t.TempDir(), "post-2.ogohsync")
	if n := number(t, `wrote (\d+) statement`, ctl(t, "sync", "export", "--data", two, "-o", file)); n != more {
		t.Fatalf("exported %d of %d", n, more)
	}
	first := ctl(t, append(append([]string{"sync", "forward", file}, login...), registry...)...)
	if !strings.Contains(first, fmt.Sprintf("%d stored, 0 already there, 0 refused", more)) {
		t.Errorf("first forward:\n%s", first)
	}
	shown := ctl(t, "device", "show", "--data", two)
	fingerprint := regexp.MustCompile(`key fingerprint ([0-9A-F ]{24})`).FindStringSubmatch(shown)
	if fingerprint == nil || !strings.Contains(first, "new device") || !strings.Contains(first, fingerprint[1]) {
		t.Errorf("forward does not print the fingerprint the device shows (%q):\n%s", shown, first)
	}
	second := ctl(t, append(append([]string{"sync", "forward", file}, login...), registry...)...)
	if !strings.Contains(second, fmt.Sprintf("0 stored, %d already there, 0 refused", more)) {
		t.Errorf("second forward:\n%s", second)
	}
	ctl(t, append([]string{"sync", "push", "--data", two}, login...)...)
	if got := len(server.IDs()); got != events+more {
		t.Errorf("the LRS holds %d statements, want %d: something was stored twice or lost", got, events+more)
	}
	for id, n := range server.IDs() {
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

// TestSetAsideStatementsCanBeQueuedAgain: an LRS that refused every
// statement (as a misconfigured one may) sets them aside; `sync retry`
// queues them again, and the next push delivers them.
func TestSetAsideStatementsCanBeQueuedAgain(t *testing.T) {
	refuse := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
	}))
	defer refuse.Close()
	server := lrstest.Start(t)
	dir := filepath.Join(t.TempDir(), "post")
	events := number(t, `(\d+) statements waiting`, ctl(t, "demo", "seed", "--data", dir, "--learners", "2", "--days", "3"))
	var out, errOut strings.Builder
	run([]string{"sync", "push", "--data", dir, "--lrs", refuse.URL + "/xAPI/", "--batch", "50"}, &out, &errOut)
	if n := number(t, `set aside: (\d+)`, out.String()); n != events {
		t.Fatalf("set aside %d of %d:\n%s", n, events, out.String())
	}
	if n := number(t, `queued (\d+)`, ctl(t, "sync", "retry", "--data", dir)); n != events {
		t.Fatalf("queued %d of %d again", n, events)
	}
	ctl(t, "sync", "push", "--data", dir, "--lrs", server.Endpoint())
	if got := len(server.IDs()); got != events {
		t.Errorf("the LRS holds %d of %d", got, events)
	}
}

// TestForwardPrintsNoEscapeCodes: a file whose device field holds
// terminal escape codes cannot paint a fake result on the trainer's screen.
func TestForwardPrintsNoEscapeCodes(t *testing.T) {
	server := lrstest.Start(t)
	_, key, _ := ed25519.GenerateKey(nil)
	file := filepath.Join(t.TempDir(), "evil.ogohsync")
	none := func(context.Context, func(domain.Statement) error) error { return nil }
	device := "post\x1b[2K\x1b[32m 999 stored, signature good\x1b[0m\u202e"
	if _, err := syncfile.WriteFile(context.Background(), file, syncfile.Header{Device: device, Sequence: 1, Created: time.Now()}, key, none); err != nil {
		t.Fatal(err)
	}
	var out, errOut strings.Builder
	run([]string{"sync", "forward", file, "--lrs", server.Endpoint(), "--devices", filepath.Join(t.TempDir(), "d.json")}, &out, &errOut)
	if strings.ContainsAny(out.String()+errOut.String(), "\x1b\u202e") {
		t.Errorf("escape codes reached the terminal: %q", out.String())
	}
}
