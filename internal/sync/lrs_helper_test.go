package sync_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testLRS is a real LRS — Learning Locker's xAPI statements service, from
// npm, in memory — run on loopback for one test.
type testLRS struct {
	t    *testing.T
	port int
	cmd  *exec.Cmd
}

// Endpoint is the xAPI base the sender is given.
func (l *testLRS) Endpoint() string { return fmt.Sprintf("http://127.0.0.1:%d/xAPI/", l.port) }

func startLRS(t *testing.T) *testLRS {
	t.Helper()
	l := &testLRS{t: t, port: freePort(t)}
	l.start()
	t.Cleanup(l.stop)
	return l
}

func freePort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// start runs the server and returns once it says it is listening.
func (l *testLRS) start() {
	l.t.Helper()
	server, _ := filepath.Abs("testdata/lrs/node_modules/xapi-statements/dist/server.js")
	if _, err := os.Stat(server); err != nil {
		l.t.Fatalf("the test LRS is not installed: run `make test`, or `npm ci` in internal/sync/testdata/lrs (%v)", err)
	}
	cmd := exec.Command("node", server)
	cmd.Dir = l.t.TempDir() // it writes access logs under its working folder
	cmd.Env = append(os.Environ(), "AUTH_REPO=test", "EVENTS_REPO=test", "MODELS_REPO=memory", "STORAGE_REPO=memory",
		fmt.Sprintf("EXPRESS_PORT=%d", l.port), "WINSTON_CONSOLE_LEVEL=info")
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

// stop kills the server at once, as a crash would.
func (l *testLRS) stop() {
	if l.cmd != nil && l.cmd.Process != nil {
		l.cmd.Process.Kill()
		l.cmd.Wait()
		l.cmd = nil
	}
}

// statements returns every statement the LRS holds, following "more".
func (l *testLRS) statements() []map[string]any {
	l.t.Helper()
	var all []map[string]any
	next := "/xAPI/statements?limit=500"
	for next != "" {
		req, _ := http.NewRequest(http.MethodGet, fmt.Sprintf("http://127.0.0.1:%d%s", l.port, next), nil)
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

// ids counts the LRS's statements by ID: each should appear once.
func (l *testLRS) ids() map[string]int {
	out := map[string]int{}
	for _, st := range l.statements() {
		out[st["id"].(string)]++
	}
	return out
}

var background = context.Background()
