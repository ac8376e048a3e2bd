// Package lrstest runs a real Learning Record Store for tests: Learning
// Locker's xAPI statements service from npm, in memory, on loopback.
package lrstest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// LRS is one running (or stopped) test LRS.
type LRS struct {
	t    testing.TB
	Port int
	cmd  *exec.Cmd
}

// Endpoint is the xAPI base the sender is given.
func (l *LRS) Endpoint() string { return fmt.Sprintf("http://127.0.0.1:%d/xAPI/", l.Port) }

// Start runs a fresh LRS for the test; it is killed when the test ends.
func Start(t testing.TB) *LRS {
	t.Helper()
	l := Down(t)
	l.Start()
	return l
}

// Down reserves a port for an LRS that is not running yet.
func Down(t testing.TB) *LRS {
	l := &LRS{t: t, Port: freePort(t)}
	t.Cleanup(l.Stop)
	return l
}

func freePort(t testing.TB) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// Start runs the server and returns once it says it is listening.
func (l *LRS) Start() {
	l.t.Helper()
	_, here, _, _ := runtime.Caller(0)
	server := filepath.Join(filepath.Dir(here), "..", "testdata", "lrs", "node_modules", "xapi-statements", "dist", "server.js")
	if _, err := os.Stat(server); err != nil {
		l.t.Fatalf("the test LRS is not installed: run `make test`, or `npm ci` in internal/lrs/testdata/lrs (%v)", err)
	}
	cmd := exec.Command("node", server)
	cmd.Dir = l.t.TempDir() // it writes access logs under its working folder
	// Cleanups run last-registered first: the server stops before its
	// folder is removed, or it may still be writing there.
	l.t.Cleanup(l.Stop)
	cmd.Env = append(os.Environ(), "AUTH_REPO=test", "EVENTS_REPO=test", "MODELS_REPO=memory", "STORAGE_REPO=memory",
		fmt.Sprintf("EXPRESS_PORT=%d", l.Port), "WINSTON_CONSOLE_LEVEL=info")
	out, err := cmd.StdoutPipe()
	if err != nil {
		l.t.Fatal(err)
	}
	cmd.Stderr = nil
	if err := cmd.Start(); err != nil {
		l.t.Fatalf("start the test LRS (is node installed?): %v", err)
	}
	l.cmd = cmd
	ready := make(chan bool)
	go func() {
		lines := bufio.NewScanner(out)
		said := false
		for lines.Scan() {
			if !said && strings.Contains(lines.Text(), "Listening on port") {
				said = true
				ready <- true
			}
		}
		if !said {
			ready <- false
		}
	}()
	select {
	case ok := <-ready:
		if !ok {
			l.t.Fatal("the test LRS exited before listening")
		}
	case <-time.After(60 * time.Second):
		l.t.Fatal("the test LRS did not start within a minute")
	}
}

// Stop kills the server at once, as a crash would.
func (l *LRS) Stop() {
	if l.cmd != nil && l.cmd.Process != nil {
		l.cmd.Process.Kill()
		l.cmd.Wait()
		l.cmd = nil
	}
}

// Statements returns every statement the LRS holds, following "more".
func (l *LRS) Statements() []map[string]any {
	l.t.Helper()
	var all []map[string]any
	next := "/xAPI/statements?limit=500"
	for next != "" {
		req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("http://127.0.0.1:%d%s", l.Port, next), nil)
		req.Header.Set("X-Experience-API-Version", "1.0.3")
		req.SetBasicAuth("test", "test")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			l.t.Fatal(err)
		}
		var page struct {
			Statements []map[string]any `json:"statements"`
			More       string           `json:"more"`
		}
		err = json.NewDecoder(res.Body).Decode(&page)
		res.Body.Close()
		if err != nil {
			l.t.Fatal(err)
		}
		all = append(all, page.Statements...)
		next = page.More
	}
	return all
}

// IDs counts the LRS's statements by ID: each should appear once.
func (l *LRS) IDs() map[string]int {
	out := map[string]int{}
	for _, st := range l.Statements() {
		out[st["id"].(string)]++
	}
	return out
}
