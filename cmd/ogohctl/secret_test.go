package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/ogoh/ogoh/internal/domain"
)

// The LRS password never needs to be on the command line, where ps shows
// it: --password is refused before anything is sent, and the password
// comes from $OGOH_LRS_PASSWORD or, first, from --password-file.
func TestLRSPasswordComesFromEnvOrFileNotArguments(t *testing.T) {
	var mu sync.Mutex
	var seen []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, password, _ := r.BasicAuth()
		mu.Lock()
		seen = append(seen, user+":"+password)
		mu.Unlock()
		w.WriteHeader(http.StatusBadRequest) // every statement set aside: only the login matters here
	}))
	defer srv.Close()
	last := func() string {
		mu.Lock()
		defer mu.Unlock()
		if len(seen) == 0 {
			return ""
		}
		return seen[len(seen)-1]
	}
	dir := filepath.Join(t.TempDir(), "post")
	ctl(t, "demo", "seed", "--data", dir, "--learners", "1", "--days", "1")
	push := []string{"sync", "push", "--data", dir, "--lrs", srv.URL + "/xAPI/", "--user", "k"}

	for _, cmd := range [][]string{append(push, "--password", "s"), {"sync", "forward", "x.ogohsync", "--lrs", srv.URL, "--user", "k", "--password", "s"}} {
		var out, errOut strings.Builder
		if code := run(cmd, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "ps") || !strings.Contains(errOut.String(), PasswordEnv) {
			t.Errorf("%s --password: exit %d, %q", cmd[1], code, errOut.String())
		}
	}
	if got := last(); got != "" {
		t.Fatalf("a refused --password still reached the LRS as %q", got)
	}

	t.Setenv(PasswordEnv, "from-env")
	run(push, new(strings.Builder), new(strings.Builder))
	if got := last(); got != "k:from-env" {
		t.Errorf("with $%s the LRS got %q", PasswordEnv, got)
	}
	file := filepath.Join(t.TempDir(), "lrs-password")
	os.WriteFile(file, []byte("from-file\n"), 0o600)
	ctl(t, "sync", "retry", "--data", dir) // the statements set aside go out again
	run(append(push, "--password-file", file), new(strings.Builder), new(strings.Builder))
	if got := last(); got != "k:from-file" {
		t.Errorf("with --password-file the LRS got %q", got)
	}
}

// Credentials for an http:// LRS go over the network readable: the CLI
// says so, whether the address came from the flags or from the app's
// settings; https and an LRS on this machine are not warned about.
func TestPlainHTTPWithCredentialsIsWarnedAbout(t *testing.T) {
	t.Setenv(PasswordEnv, "secret")
	for _, tc := range []struct {
		flags      lrsFlags
		configured domain.LRS
		warn       bool
	}{
		{lrsFlags{endpoint: "http://lrs.example.org/xAPI/", user: "k"}, domain.LRS{}, true},
		{lrsFlags{}, domain.LRS{Endpoint: "HTTP://lrs.example.org/xAPI/", User: "k", Password: "p"}, true},
		{lrsFlags{endpoint: "https://lrs.example.org/xAPI/", user: "k"}, domain.LRS{}, false},
		{lrsFlags{endpoint: "http://127.0.0.1:8080/xAPI/", user: "k"}, domain.LRS{}, false},
		{lrsFlags{}, domain.LRS{Endpoint: "http://lrs.example.org/xAPI/"}, false}, // no credentials to lose
	} {
		var errOut strings.Builder
		if _, err := tc.flags.sender(tc.configured, &errOut); err != nil {
			t.Fatal(err)
		}
		if warned := strings.Contains(errOut.String(), "unencrypted"); warned != tc.warn {
			t.Errorf("%+v %+v: warned %v, want %v (%q)", tc.flags, tc.configured, warned, tc.warn, errOut.String())
		}
	}
}
