package lrs_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/lrs/lrstest"
	"github.com/ogoh/ogoh/internal/syncfile"
	"github.com/ogoh/ogoh/internal/xapi"
)

// fake is a misbehaving server standing where the LRS should be.
type fake struct {
	name    string
	handler func(server *lrstest.LRS, elsewhere string) http.HandlerFunc
	want    error // what the push must stop with
}

// stealer is another host: it counts the requests that reach it, and
// those that carry credentials.
type stealer struct {
	url              string
	hits, withSecret atomic.Int32
}

func newStealer(t *testing.T) *stealer {
	s := &stealer{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		if r.Header.Get("Authorization") != "" {
			s.withSecret.Add(1)
		}
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"statements":[],"more":""}`))
	}))
	t.Cleanup(srv.Close)
	s.url = srv.URL
	return s
}

func status(code int) func(*lrstest.LRS, string) http.HandlerFunc {
	return func(*lrstest.LRS, string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			io.Copy(io.Discard, r.Body)
			w.WriteHeader(code)
		}
	}
}

func redirect(code int, toElsewhere bool) func(*lrstest.LRS, string) http.HandlerFunc {
	return func(server *lrstest.LRS, elsewhere string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			to := server.Endpoint() + "statements"
			if toElsewhere {
				to = elsewhere + "/xAPI/statements"
			}
			http.Redirect(w, r, to, code)
		}
	}
}

func answer(contentType, body string) func(*lrstest.LRS, string) http.HandlerFunc {
	return func(*lrstest.LRS, string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			io.Copy(io.Discard, r.Body)
			w.Header().Set("Content-Type", contentType)
			w.Write([]byte(body))
		}
	}
}

// otherIDs answers 200 with as many IDs as were sent, but not theirs.
func otherIDs(*lrstest.LRS, string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var batch []struct{ ID string }
		json.NewDecoder(r.Body).Decode(&batch)
		out := make([]string, len(batch))
		for i := range out {
			out[i] = domain.NewUUID()
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(out)
	}
}

// flood answers with more than any reply may hold.
func flood(*lrstest.LRS, string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`["`))
		chunk := bytes.Repeat([]byte("a"), 1<<16)
		for i := 0; i < 64; i++ { // 4 MB: past the 1 MB a batch's answer may be
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	}
}

var endpointFaults = []fake{
	{"301 to the LRS", redirect(http.StatusMovedPermanently, false), lrs.ErrRedirect},
	{"302 to the LRS", redirect(http.StatusFound, false), lrs.ErrRedirect},
	{"303 to the LRS", redirect(http.StatusSeeOther, false), lrs.ErrRedirect},
	{"307 to another host", redirect(http.StatusTemporaryRedirect, true), lrs.ErrRedirect},
	{"200 with an HTML page", answer("text/html; charset=utf-8", "<html><body>Welcome to the hotel Wi-Fi</body></html>"), lrs.ErrBadReply},
	{"200 []", answer("application/json", "[]"), lrs.ErrBadReply},
	{"200 with other IDs", otherIDs, lrs.ErrBadReply},
	{"204", status(http.StatusNoContent), lrs.ErrBadReply},
	{"404", status(http.StatusNotFound), lrs.ErrNotLRS},
	{"405", status(http.StatusMethodNotAllowed), lrs.ErrNotLRS},
	{"407", status(http.StatusProxyAuthRequired), lrs.ErrProxyAuth},
	{"410", status(http.StatusGone), lrs.ErrNotLRS},
	{"429", status(http.StatusTooManyRequests), lrs.ErrBusy},
	{"500 for everything", status(http.StatusInternalServerError), lrs.ErrServer},
	{"a flood", flood, lrs.ErrReplyTooLarge},
}

// TestEndpointFaultsStopThePushAndMarkNothing: for each way a server
// can misbehave, the push stops with a cause a user can act on, no row is
// marked delivered and none set aside; Test connection fails too. Then a
// push to the real LRS delivers every statement exactly once.
func TestEndpointFaultsStopThePushAndMarkNothing(t *testing.T) {
	for _, f := range endpointFaults {
		t.Run(f.name, func(t *testing.T) {
			server := lrstest.Start(t)
			other := newStealer(t)
			srv := httptest.NewServer(f.handler(server, other.url))
			defer srv.Close()
			d := newDevice(t)
			d.learn("Dilnoza")
			want := d.outbox()

			_, err := d.svc.Push(background, fastSender(srv.URL+"/xAPI/"))
			if !errors.Is(err, f.want) {
				t.Fatalf("push: %v, want %v", err, f.want)
			}
			if c := d.counts(); c.Pending != len(want) || c.Sent != 0 || c.Rejected != 0 {
				t.Fatalf("after the fault the outbox is %+v; want all %d still waiting", c, len(want))
			}
			if n := len(server.IDs()); n != 0 {
				t.Fatalf("the LRS holds %d statements it was never sent", n)
			}
			if err := fastSender(srv.URL + "/xAPI/").Check(background); err == nil {
				t.Error("Test connection passed against it")
			}
			if other.withSecret.Load() != 0 {
				t.Error("the credentials went to another host")
			}
			if _, err := d.svc.Push(background, fastSender(server.Endpoint())); err != nil {
				t.Fatal(err)
			}
			exactlyOnce(t, server, want)
		})
	}
}

func TestARedirectNamesWhereItPoints(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://lrs.example.org/xAPI/statements", http.StatusMovedPermanently)
	}))
	defer srv.Close()
	d := newDevice(t)
	d.learn("Dilnoza")
	_, err := d.svc.Push(background, fastSender(srv.URL+"/xAPI/"))
	var redirect *lrs.RedirectError
	if !errors.As(err, &redirect) || redirect.Location != "https://lrs.example.org/xAPI/statements" {
		t.Fatalf("push: %v; want a redirect naming https://lrs.example.org/xAPI/statements", err)
	}
}

// TestAStatementTheLRSFailsOnIsSetAsideAndTheRestGoOn: the LRS answers
// 500 to any batch holding one statement; after its retries that one is
// set aside with the reason, and every other statement is delivered.
func TestAStatementTheLRSFailsOnIsSetAsideAndTheRestGoOn(t *testing.T) {
	server := lrstest.Start(t)
	d := newDevice(t)
	d.learn("Dilnoza")
	good := d.outbox()
	front, poison := poisoned(t, server, good)
	rep, err := d.svc.Push(background, fastSender(front))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Rejected) != 1 || rep.Rejected[0].ID != poison || !strings.Contains(rep.Rejected[0].Reason, "500") {
		t.Fatalf("set aside: %+v; want only %s, with the LRS's 500", rep.Rejected, poison)
	}
	exactlyOnce(t, server, good)
	if c := d.counts(); c.Pending != 0 || c.Rejected != 1 || c.Sent != len(good) {
		t.Errorf("outbox: %+v", c)
	}
	// Queued again, it goes once the LRS takes it.
	if n, err := d.svc.RetrySetAside(background); err != nil || n != 1 {
		t.Fatalf("retry: %d, %v", n, err)
	}
	if _, err := d.svc.Push(background, fastSender(server.Endpoint())); err != nil {
		t.Fatal(err)
	}
	good[poison] = nil
	exactlyOnce(t, server, good)
}

// poisoned stands in front of the LRS and answers 500 to every batch that
// holds one statement of want, which it takes out of want and returns.
func poisoned(t *testing.T, server *lrstest.LRS, want map[string][]byte) (front, poison string) {
	for id := range want {
		poison = id
		break
	}
	delete(want, poison)
	front = proxy(t, server, func(n int, w http.ResponseWriter, r *http.Request) bool {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		if bytes.Contains(body, []byte(poison)) {
			w.WriteHeader(http.StatusInternalServerError)
			return true
		}
		return false
	})
	return front, poison
}

// listing is a server that passes everything to the real LRS but answers
// the forwarder's listing of what was stored with page.
func listing(t *testing.T, server *lrstest.LRS, page func(w http.ResponseWriter, r *http.Request)) string {
	t.Helper()
	target, _ := url.Parse(fmt.Sprintf("http://127.0.0.1:%d", server.Port))
	rp := httputil.NewSingleHostReverseProxy(target)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if r.Method == http.MethodGet && (q.Get("since") != "" || q.Get("page") != "") {
			page(w, r)
			return
		}
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/xAPI/"
}

// TestForwardIsBoundedAgainstAMisbehavingLRS: a `more` link that loops, a
// `more` to another host and a flood each end the forward with an error,
// quickly, and the credentials go nowhere but the LRS.
func TestForwardIsBoundedAgainstAMisbehavingLRS(t *testing.T) {
	d := newDevice(t)
	d.learn("Dilnoza")
	file := d.export()
	for _, c := range []struct {
		name string
		page func(other string) func(http.ResponseWriter, *http.Request)
		want error
	}{
		{"a more link that loops", func(string) func(http.ResponseWriter, *http.Request) {
			return func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprint(w, `{"statements":[],"more":"/xAPI/statements?page=again"}`)
			}
		}, lrs.ErrTooManyPages},
		{"a more link to another host", func(other string) func(http.ResponseWriter, *http.Request) {
			return func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprintf(w, `{"statements":[],"more":%q}`, other+"/xAPI/statements?page=2")
			}
		}, lrs.ErrBadReply},
		{"a flood", func(string) func(http.ResponseWriter, *http.Request) {
			return func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				chunk := bytes.Repeat([]byte(" "), 1<<20)
				for i := 0; i < 40; i++ { // 40 MB: past the 16 MB a page may be
					if _, err := w.Write(chunk); err != nil {
						return
					}
				}
			}
		}, lrs.ErrReplyTooLarge},
	} {
		t.Run(c.name, func(t *testing.T) {
			server := lrstest.Start(t)
			other := newStealer(t)
			endpoint := listing(t, server, c.page(other.url))
			fw := forwarder(t, endpoint)
			r := fw.Forward(background, file)
			if !errors.Is(r.Err, c.want) {
				t.Fatalf("forward: %v, want %v", r.Err, c.want)
			}
			if other.hits.Load() != 0 {
				t.Errorf("%d request(s) went to another host", other.hits.Load())
			}
		})
	}
}

func forwarder(t *testing.T, endpoint string) *syncfile.Forwarder {
	t.Helper()
	reg, err := syncfile.OpenRegistry(filepath.Join(t.TempDir(), "devices.json"))
	if err != nil {
		t.Fatal(err)
	}
	return &syncfile.Forwarder{Sender: fastSender(endpoint), Registry: reg, HomePage: xapi.DefaultConfig.HomePage}
}

// TestForwardAfterAStatementTheLRSFailsOnSendsTheRest: one statement makes
// the LRS answer 500; it alone is refused and the others are stored.
func TestForwardAfterAStatementTheLRSFailsOnSendsTheRest(t *testing.T) {
	server := lrstest.Start(t)
	d := newDevice(t)
	d.learn("Dilnoza")
	want := d.outbox()
	file := d.export()
	front, poison := poisoned(t, server, want)
	r := forwarder(t, front).Forward(background, file)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if len(r.Refused) != 1 || r.Refused[0].ID != poison || r.Stored != len(want) || r.AlreadyThere != 0 {
		t.Fatalf("forwarded: %d stored, %d already there, refused %+v", r.Stored, r.AlreadyThere, r.Refused)
	}
	exactlyOnce(t, server, want)
}

// TestForwardToAnLRSThatStoresNothingReportsNoneAlreadyThere: a server
// that echoes the IDs it is sent but keeps nothing cannot make a forward
// report them as already in the LRS.
func TestForwardToAnLRSThatStoresNothingReportsNoneAlreadyThere(t *testing.T) {
	server := lrstest.Start(t)
	d := newDevice(t)
	d.learn("Dilnoza")
	file := d.export()
	echo := proxy(t, server, func(n int, w http.ResponseWriter, r *http.Request) bool {
		var batch []struct{ ID string }
		json.NewDecoder(r.Body).Decode(&batch)
		out := []string{}
		for _, st := range batch {
			out = append(out, st.ID)
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(out)
		return true
	})
	r := forwarder(t, echo).Forward(background, file)
	if r.Err == nil || r.AlreadyThere != 0 || r.Stored != 0 {
		t.Fatalf("forward to an LRS that stores nothing: %d stored, %d already there, %v", r.Stored, r.AlreadyThere, r.Err)
	}
}

// TestAListingThatLeavesStatementsOutIsNotBelieved: an LRS whose listing
// of what it stored ends early (as the test LRS's memory store does when
// its IDs' order wraps) would make new statements look as if they were
// there before; the read-back sample catches it and the count is exact.
func TestAListingThatLeavesStatementsOutIsNotBelieved(t *testing.T) {
	server := lrstest.Start(t)
	d := newDevice(t)
	d.learn("Dilnoza")
	want := d.outbox()
	file := d.export()
	short := listing(t, server, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"statements":[],"more":""}`)
	})
	r := forwarder(t, short).Forward(background, file)
	if r.Err != nil || r.Stored != len(want) || r.AlreadyThere != 0 {
		t.Fatalf("forward with a listing that shows nothing: %d stored, %d already there, %v", r.Stored, r.AlreadyThere, r.Err)
	}
	exactlyOnce(t, server, want)
}
