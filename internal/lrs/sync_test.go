package lrs_test

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	gosync "sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/lrs/lrstest"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
	"github.com/ogoh/ogoh/internal/syncfile"
	"github.com/ogoh/ogoh/internal/xapi"
)

var background = context.Background()

// device is one laptop's data folder with the example course.
type device struct {
	t   *testing.T
	db  *store.DB
	svc *progress.Service
	c   *course.Course
	dir string
	key ed25519.PrivateKey
}

func newDevice(t *testing.T, opts ...store.Option) *device {
	t.Helper()
	dir := t.TempDir()
	db := storetest.MustOpen(t, filepath.Join(dir, store.FileName), time.Now, opts...)
	key, err := syncfile.LoadOrCreateDeviceKey(filepath.Join(dir, syncfile.DeviceKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	seed := int64(0)
	svc, err := progress.New(background, db, progress.Options{Seed: func() int64 { seed++; return seed }, Now: time.Now, DeviceKey: key})
	if err != nil {
		t.Fatal(err)
	}
	c, err := course.LoadDir("../../docs/example-course")
	if err != nil {
		t.Fatal(err)
	}
	return &device{t: t, db: db, svc: svc, c: c, dir: dir, key: key}
}

// learn plays a learner through the whole example course: the lesson,
// one failed and one passed attempt (every question type answered), so
// every kind of statement the app makes is in the outbox.
func (d *device) learn(name string) {
	d.t.Helper()
	l, err := d.svc.CreateLearner(background, progress.NewLearner{Name: name, Role: "border-guard", Language: "ru"})
	if err != nil {
		d.t.Fatal(err)
	}
	must(d.t, d.svc.OpenLesson(background, l.ID, d.c, "three-elements"))
	must(d.t, d.svc.CompleteLesson(background, l.ID, d.c, "three-elements"))
	for _, pass := range []bool{false, true} {
		a, err := d.svc.StartOrResume(background, l.ID, d.c, "check", "ru")
		must(d.t, err)
		for qu, _ := a.Next(); qu != nil; qu, _ = a.Next() {
			resp := quiz.Key(qu)
			if !pass && qu.Type != domain.KindTrueFalse {
				resp = wrongAnswer(qu)
			}
			_, err := d.svc.Answer(background, a, qu, resp)
			must(d.t, err)
		}
		r, err := d.svc.Finish(background, a)
		must(d.t, err)
		if r.Passed != pass {
			d.t.Fatalf("attempt passed = %v, want %v", r.Passed, pass)
		}
	}
}

func wrongAnswer(qu *course.Question) quiz.Response {
	r := quiz.Key(qu)
	switch qu.Type {
	case domain.KindSingle:
		for _, o := range qu.Options {
			if o.ID != r[0] {
				return quiz.Response{o.ID}
			}
		}
	case domain.KindMultiple:
		return r[:1]
	default:
		r[0], r[1] = r[1], r[0]
	}
	return r
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// outbox lists every statement the device made, by ID.
func (d *device) outbox() map[string][]byte {
	d.t.Helper()
	out := map[string][]byte{}
	must(d.t, d.db.EachPending(background, func(st domain.Statement) error {
		out[st.ID] = st.Body
		return nil
	}))
	return out
}

// export writes the device's sync file, as "Export for sync" does.
func (d *device) export() string {
	d.t.Helper()
	file := filepath.Join(d.t.TempDir(), "post.ogohsync")
	if _, err := d.svc.ExportSync(background, file); err != nil {
		d.t.Fatal(err)
	}
	return file
}

func (d *device) counts() domain.OutboxCounts {
	c, err := d.db.OutboxCounts(background)
	must(d.t, err)
	return c
}

func fastSender(endpoint string) *lrs.Sender {
	s := lrs.NewSender(domain.LRS{Endpoint: endpoint, User: "test", Password: "test"})
	s.BatchSize = 7 // several batches even for one learner
	s.Retries = 3
	s.BaseDelay = time.Millisecond
	s.MaxDelay = 5 * time.Millisecond
	return s
}

// exactlyOnce checks that the LRS holds each of want once, and nothing else.
func exactlyOnce(t *testing.T, server *lrstest.LRS, want map[string][]byte) {
	t.Helper()
	got := server.IDs()
	for id := range want {
		if got[id] != 1 {
			t.Errorf("statement %s is in the LRS %d times, want once", id, got[id])
		}
	}
	if len(got) != len(want) {
		t.Errorf("the LRS holds %d statements, want %d", len(got), len(want))
	}
}

func TestEveryStatementTypeIsAcceptedByARealLRS(t *testing.T) {
	server := lrstest.Start(t)
	d := newDevice(t)
	d.learn("Dilnoza")
	b := &xapi.Builder{Config: xapi.DefaultConfig, DeviceID: "dev", Now: time.Now, NewID: domain.NewUUID}
	ls, _ := d.db.Learners(background)
	// Scenario statements come from the scenario player; build one here.
	scenario := b.ScenarioCompleted(xapi.Subject{Learner: ls[0], Course: d.c, Lang: "ru"}, d.c.Scenario("minibus"), "good",
		[]string{"documents/talk-separately", "story/refer"})
	must(t, d.db.OpenLesson(background, ls[0].ID, d.c.ID, "three-elements", scenario))

	want := d.outbox()
	rep, err := d.svc.Push(background, fastSender(server.Endpoint()))
	if err != nil {
		t.Fatalf("push: %v (rejected: %v)", err, rep.Rejected)
	}
	if len(rep.Rejected) > 0 || rep.Sent != len(want) {
		t.Fatalf("sent %d of %d, rejected %v", rep.Sent, len(want), rep.Rejected)
	}
	exactlyOnce(t, server, want)
	verbs := map[string]bool{}
	for _, st := range server.Statements() {
		verbs[st["verb"].(map[string]any)["id"].(string)] = true
	}
	for _, v := range []string{xapi.VerbExperienced, xapi.VerbCompleted, xapi.VerbAnswered, xapi.VerbAttempted, xapi.VerbPassed, xapi.VerbFailed} {
		if !verbs[v] {
			t.Errorf("no %s statement reached the LRS", v)
		}
	}
	if c := d.counts(); c.Pending != 0 || c.Sent != len(want) {
		t.Errorf("outbox after push: %+v", c)
	}
	if st, _ := d.svc.SyncStatus(background); !st.HasLast || st.Last.Sent != len(want) || !st.Last.ClockOffsetKnown {
		t.Errorf("last sync = %+v", st.Last)
	}
}

// Every statement in the outbox follows the xAPI rules an LRS holds it
// to, and a learner's round makes the statements of each kind it should.
func TestStatementsFollowTheXAPIRules(t *testing.T) {
	d := newDevice(t)
	d.learn("Akmal")
	kinds := map[string]int{}
	for id, body := range d.outbox() {
		kinds[followsTheXAPIRules(t, id, body)]++
	}
	// one lesson opened and read, 2 attempts of 6 answers, each attempt
	// finished with passed/failed and completed, and the course completed.
	want := map[string]int{xapi.VerbExperienced: 1, xapi.VerbAttempted: 2, xapi.VerbAnswered: 12,
		xapi.VerbFailed: 1, xapi.VerbPassed: 1, xapi.VerbCompleted: 1 + 2 + 1}
	for v, n := range want {
		if kinds[v] != n {
			t.Errorf("%d %s statements, want %d", kinds[v], v, n)
		}
	}
}

// followsTheXAPIRules checks one statement: ASCII bytes, its row's ID, no
// nulls, nothing only the LRS sets, a timestamp to the millisecond with a
// zone, an account and no name as actor, and the result its verb needs.
// It gives the statement's verb.
func followsTheXAPIRules(t *testing.T, id string, body []byte) string {
	t.Helper()
	var st map[string]any
	must(t, json.Unmarshal(body, &st))
	for _, b := range body {
		if b >= 0x80 {
			t.Fatalf("%s: statement bytes are not ASCII; a chunked LRS could damage them", id)
		}
	}
	if st["id"] != id {
		t.Errorf("row %s holds statement %v", id, st["id"])
	}
	noNulls(t, id, st)
	for _, k := range []string{"version", "stored", "authority"} {
		if _, ok := st[k]; ok {
			t.Errorf("%s sets %q, which only the LRS may set", id, k)
		}
	}
	if _, err := time.Parse("2006-01-02T15:04:05.000Z07:00", st["timestamp"].(string)); err != nil {
		t.Errorf("%s timestamp %q lacks milliseconds or a zone", id, st["timestamp"])
	}
	actor := st["actor"].(map[string]any)
	if _, named := actor["name"]; named || actor["account"].(map[string]any)["homePage"] != xapi.DefaultConfig.HomePage {
		t.Errorf("%s actor %v: want an account and no name", id, actor)
	}
	verb := st["verb"].(map[string]any)["id"].(string)
	resultFitsTheVerb(t, id, verb, st)
	return verb
}

// resultFitsTheVerb checks a passed or failed statement's result (success,
// score and duration, no completion) and an answered one's interaction
// and quiz.
func resultFitsTheVerb(t *testing.T, id, verb string, st map[string]any) {
	t.Helper()
	result, _ := st["result"].(map[string]any)
	switch verb {
	case xapi.VerbPassed, xapi.VerbFailed:
		if _, ok := result["completion"]; ok || result["success"] == nil || result["duration"] == nil || result["score"] == nil {
			t.Errorf("%s %s result %v: want success, score and duration, no completion", id, verb, result)
		}
	case xapi.VerbAnswered:
		def := st["object"].(map[string]any)["definition"].(map[string]any)
		if def["interactionType"] == nil || def["correctResponsesPattern"] == nil || result["response"] == nil {
			t.Errorf("%s answered: definition %v result %v", id, def, result)
		}
		parent := st["context"].(map[string]any)["contextActivities"].(map[string]any)["parent"].([]any)
		if !strings.Contains(parent[0].(map[string]any)["id"].(string), "/quizzes/check") {
			t.Errorf("%s answered: parent %v is not the quiz", id, parent)
		}
	}
}

func noNulls(t *testing.T, id string, v any) {
	switch x := v.(type) {
	case nil:
		t.Errorf("statement %s has a null", id)
	case map[string]any:
		for _, e := range x {
			noNulls(t, id, e)
		}
	case []any:
		for _, e := range x {
			noNulls(t, id, e)
		}
	}
}

func TestNamesAreSentOnlyWhenTheOrganisationChooses(t *testing.T) {
	d := newDevice(t)
	cfg := xapi.DefaultConfig
	cfg.SendNames = true
	cfg.HomePage = "https://ministry.example.org"
	must(t, d.svc.SetXAPIConfig(background, cfg))
	l, _ := d.svc.CreateLearner(background, progress.NewLearner{Name: "Bobur", Role: "other", Language: "en"})
	must(t, d.svc.OpenLesson(background, l.ID, d.c, "three-elements"))
	for _, body := range d.outbox() {
		var st xapi.Statement
		must(t, json.Unmarshal(body, &st))
		if st.Actor.Name != "Bobur" || st.Actor.Account.HomePage != cfg.HomePage || st.Actor.Account.Name != l.ID {
			t.Errorf("actor = %+v", st.Actor)
		}
	}
}

func TestStaffNumbersNameTheAccountWhenChosen(t *testing.T) {
	d := newDevice(t)
	cfg := xapi.DefaultConfig
	cfg.StaffNumbers = true
	must(t, d.svc.SetXAPIConfig(background, cfg))
	with, _ := d.svc.CreateLearner(background, progress.NewLearner{Name: "A", Role: "other", Language: "en", StaffNumber: "BG-0427"})
	without, _ := d.svc.CreateLearner(background, progress.NewLearner{Name: "B", Role: "other", Language: "en"})
	must(t, d.svc.OpenLesson(background, with.ID, d.c, "three-elements"))
	must(t, d.svc.OpenLesson(background, without.ID, d.c, "three-elements"))
	names := map[string]bool{}
	for _, body := range d.outbox() {
		var st xapi.Statement
		must(t, json.Unmarshal(body, &st))
		names[st.Actor.Account.Name] = true
	}
	if !names["BG-0427"] || !names[without.ID] || len(names) != 2 {
		t.Errorf("account names = %v; want the staff number, and the UUID for a learner without one", names)
	}
}

func TestLRSDownThenUpDeliversEverythingOnce(t *testing.T) {
	d := newDevice(t)
	d.learn("Dilnoza")
	want := d.outbox()
	server := lrstest.Down(t)
	_, err := d.svc.Push(background, fastSender(server.Endpoint()))
	if !errors.Is(err, lrs.ErrUnreachable) {
		t.Fatalf("push to a dead LRS: %v", err)
	}
	if c := d.counts(); c.Pending != len(want) || c.Sent != 0 {
		t.Fatalf("a failed push changed the outbox: %+v", c)
	}
	if st, _ := d.svc.SyncStatus(background); !st.HasLast || st.Last.Error == "" {
		t.Errorf("the failed sync is not recorded: %+v", st)
	}
	server.Start()
	if _, err := d.svc.Push(background, fastSender(server.Endpoint())); err != nil {
		t.Fatal(err)
	}
	exactlyOnce(t, server, want)
}

// proxy stands between the device and the LRS and can misbehave.
func proxy(t *testing.T, server *lrstest.LRS, misbehave func(n int, w http.ResponseWriter, r *http.Request) bool) string {
	target, _ := url.Parse(fmt.Sprintf("http://127.0.0.1:%d", server.Port))
	rp := httputil.NewSingleHostReverseProxy(target)
	var posts atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPost && misbehave(int(posts.Add(1)), w, r) {
			return
		}
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/xAPI/"
}

func TestAResponseLostAfterTheLRSStoredIsNotDuplicated(t *testing.T) {
	server := lrstest.Start(t)
	d := newDevice(t)
	d.learn("Dilnoza")
	want := d.outbox()
	front := proxy(t, server, func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n != 2 {
			return false
		}
		// The LRS stores the batch, then the line drops before the answer.
		body, _ := io.ReadAll(r.Body)
		req, _ := http.NewRequest(http.MethodPost, server.Endpoint()+"statements", strings.NewReader(string(body)))
		req.Header = r.Header.Clone()
		res, err := http.DefaultClient.Do(req)
		if err != nil || res.StatusCode != 200 {
			t.Errorf("the LRS did not take the batch: %v", err)
		}
		res.Body.Close()
		panic(http.ErrAbortHandler)
	})
	if _, err := d.svc.Push(background, fastSender(front)); err != nil {
		t.Fatal(err)
	}
	exactlyOnce(t, server, want)
}

func TestTheLRSKilledMidPushLosesNothing(t *testing.T) {
	server := lrstest.Start(t)
	d := newDevice(t)
	d.learn("Dilnoza")
	d.learn("Rustam")
	want := d.outbox()
	var once gosync.Once
	front := proxy(t, server, func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n >= 3 {
			once.Do(server.Stop) // the LRS dies in the middle of the push
		}
		return false
	})
	_, err := d.svc.Push(background, fastSender(front))
	if !errors.Is(err, lrs.ErrServer) { // the proxy answers 502 for the dead LRS
		t.Fatalf("push while the LRS dies: %v", err)
	}
	before := d.counts()
	if before.Sent == 0 || before.Pending == 0 || before.Rejected != 0 || before.Sent+before.Pending != len(want) {
		t.Fatalf("outbox after the LRS died: %+v of %d", before, len(want))
	}
	pending := d.outbox()
	server.Start() // a fresh, empty LRS on the same port
	if _, err := d.svc.Push(background, fastSender(front)); err != nil {
		t.Fatal(err)
	}
	exactlyOnce(t, server, pending)
	if c := d.counts(); c.Pending != 0 || c.Sent != len(want) {
		t.Errorf("outbox after the second push: %+v", c)
	}
}

func TestATimeoutIsRetried(t *testing.T) {
	server := lrstest.Start(t)
	d := newDevice(t)
	d.learn("Dilnoza")
	want := d.outbox()
	front := proxy(t, server, func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n != 1 {
			return false
		}
		io.Copy(io.Discard, r.Body) // so the server notices when the device hangs up
		<-r.Context().Done()        // hang until the device gives up
		return true
	})
	s := fastSender(front)
	s.Client.Timeout = 2 * time.Second // long enough for a busy LRS, short enough for the hung one
	s.Retries = 5
	if _, err := d.svc.Push(background, s); err != nil {
		t.Fatal(err)
	}
	exactlyOnce(t, server, want)
}

func TestOneBadStatementIsSetAsideAndTheRestDelivered(t *testing.T) {
	server := lrstest.Start(t)
	d := newDevice(t)
	d.learn("Dilnoza")
	good := d.outbox()
	ls, _ := d.db.Learners(background)
	bad := domain.Statement{ID: domain.NewUUID()}
	bad.Body = []byte(fmt.Sprintf(`{"id":%q,"actor":{"objectType":"Agent"},"verb":{"id":"not an iri"},"object":{"id":"x"},"timestamp":"2026-11-28T10:00:00.000Z"}`, bad.ID))
	must(t, d.db.OpenLesson(background, ls[0].ID, d.c.ID, "three-elements", bad))

	rep, err := d.svc.Push(background, fastSender(server.Endpoint()))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Rejected) != 1 || rep.Rejected[0].ID != bad.ID || !strings.HasPrefix(rep.Rejected[0].Reason, "400") {
		t.Fatalf("rejected = %+v", rep.Rejected)
	}
	exactlyOnce(t, server, good)
	reasons, _ := d.db.Rejected(background)
	if reasons[bad.ID] == "" {
		t.Error("the LRS's reason is not kept with the statement set aside")
	}
	if c := d.counts(); c.Pending != 0 || c.Rejected != 1 || c.Sent != len(good) {
		t.Errorf("outbox: %+v", c)
	}
}

func TestAConflictingStatementIsReported(t *testing.T) {
	server := lrstest.Start(t)
	d := newDevice(t)
	d.learn("Dilnoza")
	if _, err := d.svc.Push(background, fastSender(server.Endpoint())); err != nil {
		t.Fatal(err)
	}
	// Another device made a statement with an ID already used: different content.
	other := newDevice(t)
	other.learn("Rustam")
	sent := server.IDs()
	var reuse string
	for id := range sent {
		reuse = id
		break
	}
	ls, _ := other.db.Learners(background)
	clash := domain.Statement{ID: reuse, Body: []byte(fmt.Sprintf(
		`{"id":%q,"actor":{"objectType":"Agent","account":{"homePage":"https://ogoh.invalid","name":"someone-else"}},"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced","display":{"en-US":"experienced"}},"object":{"objectType":"Activity","id":"https://ogoh.invalid/xapi/courses/x"},"timestamp":"2026-11-28T10:00:00.000Z"}`, reuse))}
	must(t, other.db.OpenLesson(background, ls[0].ID, other.c.ID, "three-elements", clash))
	rep, err := other.svc.Push(background, fastSender(server.Endpoint()))
	if !errors.Is(err, lrs.ErrConflict) || len(rep.Conflicts) != 1 || rep.Conflicts[0].ID != reuse {
		t.Fatalf("push with a clashing ID: %v, %+v", err, rep.Conflicts)
	}
	if c := other.counts(); c.Pending != 0 || c.Rejected != 1 {
		t.Errorf("the clash should be set aside and the rest sent: %+v", c)
	}
}

func TestUnauthorizedStopsWithoutMarkingAnything(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
	}))
	defer srv.Close()
	d := newDevice(t)
	d.learn("Dilnoza")
	n := len(d.outbox())
	if _, err := d.svc.Push(background, fastSender(srv.URL)); !errors.Is(err, lrs.ErrUnauthorized) {
		t.Fatalf("push with wrong credentials: %v", err)
	}
	if err := fastSender(srv.URL).Check(background); !errors.Is(err, lrs.ErrUnauthorized) {
		t.Errorf("check with wrong credentials: %v", err)
	}
	if c := d.counts(); c.Pending != n {
		t.Errorf("outbox: %+v", c)
	}
}

// TestSyncFilesNeverDuplicate exports twice, forwards both files, then
// syncs the device directly: the LRS holds each statement once.
func TestSyncFilesNeverDuplicate(t *testing.T) {
	server := lrstest.Start(t)
	d := newDevice(t)
	d.learn("Dilnoza")
	want := d.outbox()
	dir := t.TempDir()
	var files []string
	for i := 1; i <= 2; i++ {
		f := filepath.Join(dir, fmt.Sprintf("post-7-%d.ogohsync", i))
		n, err := d.svc.ExportSync(background, f)
		if err != nil || n != len(want) {
			t.Fatalf("export %d: %d statements, %v", i, n, err)
		}
		files = append(files, f)
	}
	if c := d.counts(); c.Pending != len(want) {
		t.Fatalf("export must not mark statements sent: %+v", c)
	}
	for _, f := range append(files, files[0]) { // forward each, and the first twice
		file, err := syncfile.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fastSender(server.Endpoint()).Push(background, file.Source()); err != nil {
			t.Fatal(err)
		}
	}
	exactlyOnce(t, server, want)
	if _, err := d.svc.Push(background, fastSender(server.Endpoint())); err != nil {
		t.Fatal(err)
	}
	exactlyOnce(t, server, want)
	if c := d.counts(); c.Pending != 0 || c.Sent != len(want) {
		t.Errorf("outbox after the direct sync: %+v", c)
	}
}

func TestDamagedSyncFilesAreRefused(t *testing.T) {
	d := newDevice(t)
	d.learn("Dilnoza")
	f := filepath.Join(t.TempDir(), "post.ogohsync")
	if _, err := d.svc.ExportSync(background, f); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(f)
	for name, damaged := range map[string][]byte{
		"truncated":  data[:len(data)/2],
		"changed":    []byte(strings.Replace(string(data), "three-elements", "three-elephants", 1)),
		"foreign":    []byte(`{"format":"something-else","version":1}`),
		"empty":      nil,
		"two joined": append(append([]byte{}, data...), data...),
	} {
		bad := filepath.Join(t.TempDir(), name)
		os.WriteFile(bad, damaged, 0o644)
		if _, err := syncfile.ReadFile(bad); !errors.Is(err, syncfile.ErrBadSyncFile) {
			t.Errorf("%s file: %v", name, err)
		}
	}
	if _, err := syncfile.ReadFile(f); err != nil {
		t.Errorf("the undamaged file: %v", err)
	}
}

func TestTenThousandLearnersEventsReachTheLRSOnce(t *testing.T) {
	server := lrstest.Start(t)
	d := newDevice(t, store.Unsynced())
	ctx := context.Background()
	for i := 0; i < 10000; i++ {
		l, err := d.svc.CreateLearner(ctx, progress.NewLearner{Name: fmt.Sprintf("Learner %05d", i), Role: "other", Language: "uz"})
		must(t, err)
		must(t, d.svc.OpenLesson(ctx, l.ID, d.c, "three-elements"))
	}
	want := d.outbox()
	if len(want) != 10000 {
		t.Fatalf("outbox holds %d statements", len(want))
	}
	s := fastSender(server.Endpoint())
	s.BatchSize = 250
	rep, err := d.svc.Push(ctx, s)
	if err != nil || rep.Sent != 10000 {
		t.Fatalf("sent %d: %v", rep.Sent, err)
	}
	exactlyOnce(t, server, want)
}

func TestLanguageMapsSurviveTheASCIIEncoding(t *testing.T) {
	d := newDevice(t)
	d.learn("Oʻktam")
	for _, body := range d.outbox() {
		var st xapi.Statement
		must(t, json.Unmarshal(body, &st))
		if name := st.Object.Definition.Name; name != nil && name["ru"] != "" {
			if !strings.ContainsAny(name["ru"], "абвгдеёжзийклмнопрстуфхцчшщыэюя") {
				t.Errorf("Russian name %q lost its letters", name["ru"])
			}
			return
		}
	}
	t.Fatal("no statement with a Russian name")
}
