package hub_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/hub"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/lrs/lrstest"
	"github.com/ogoh/ogoh/internal/syncfile"
	"github.com/ogoh/ogoh/internal/xapi"
)

// statement is one an Ogoh could have made: learner did verb to an
// activity of kind, at when.
func statement(id, learner, verb, activity, kind string, scaled float64, when time.Time) domain.Statement {
	result := ""
	if scaled >= 0 {
		result = fmt.Sprintf(`,"result":{"score":{"scaled":%g}}`, scaled)
	}
	body := fmt.Sprintf(`{"id":%q,"actor":{"objectType":"Agent","account":{"homePage":%q,"name":%q}},"verb":{"id":%q},`+
		`"object":{"objectType":"Activity","id":%q,"definition":{"type":%q}}%s,"timestamp":%q}`,
		id, xapi.DefaultConfig.HomePage, learner, verb, activity, kind, result, when.UTC().Format(time.RFC3339))
	return domain.Statement{ID: id, Body: []byte(body)}
}

const (
	courseKind = "http://adlnet.gov/expapi/activities/course"
	quizKind   = "http://adlnet.gov/expapi/activities/assessment"
)

// write signs a sync file of device with key.
func write(t *testing.T, device string, seq int64, key ed25519.PrivateKey, about *syncfile.About, sts ...domain.Statement) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), fmt.Sprintf("%s-%d.ogohsync", device, seq))
	each := func(_ context.Context, fn func(domain.Statement) error) error {
		for _, st := range sts {
			if err := fn(st); err != nil {
				return err
			}
		}
		return nil
	}
	if _, err := syncfile.WriteFile(context.Background(), path, syncfile.Header{Device: device, Sequence: seq, Created: time.Now(), About: about}, key, each); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTheHubCountsEachFileAndStatementOnce: the same file imported twice
// counts once; a later export repeating earlier statements adds only the
// new; a file cut short, one signed by another key for a known device and
// an unsigned one are refused and change nothing; the tables count each
// learner's course and quiz once.
func TestTheHubCountsEachFileAndStatementOnce(t *testing.T) {
	h, err := hub.Open(t.TempDir(), hub.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, key, _ := ed25519.GenerateKey(nil)
	_, forger, _ := ed25519.GenerateKey(nil)
	now := time.Now().Truncate(time.Second)
	base := "https://ogoh.example/courses/"
	done := statement("00000000-0000-4000-8000-000000000001", "L1", xapi.VerbCompleted, base+"first", courseKind, -1, now.Add(-time.Hour))
	quiz := statement("00000000-0000-4000-8000-000000000002", "L1", xapi.VerbFailed, base+"first/quizzes/q", quizKind, 0.4, now.Add(-time.Hour))
	retry := statement("00000000-0000-4000-8000-000000000003", "L1", xapi.VerbPassed, base+"first/quizzes/q", quizKind, 0.9, now)
	about := &syncfile.About{Post: "=HYPERLINK(\"x\")", Learners: 1}
	first := write(t, "post-a", 1, key, about, done, quiz)
	second := write(t, "post-a", 2, key, about, done, quiz, retry)
	whole, _ := os.ReadFile(first)
	short := filepath.Join(t.TempDir(), "short.ogohsync")
	os.WriteFile(short, whole[:len(whole)/2], 0o644)
	forged := write(t, "post-a", 3, forger, about, retry)

	checkImportsEachFileOnce(t, h, first, second, short, forged)
	devices := checkDeviceCounted(t, h, key)
	checkLearnerCountedOnce(t, h, now)
	checkCSVDefusesFormulas(t, devices)
	checkReopenedHubRemembers(t, h, second)
}

// checkImportsEachFileOnce checks importing first twice, second, short and forged counts first once, adds second, and refuses the cut and forged files.
func checkImportsEachFileOnce(t *testing.T, h *hub.Hub, first, second, short, forged string) {
	t.Helper()
	got, err := h.Import(context.Background(), first, first, second, short, forged)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Err != nil || got[0].Duplicate || !got[1].Duplicate || got[2].Err != nil {
		t.Errorf("imports: %+v", got)
	}
	if !errors.Is(got[3].Err, syncfile.ErrBadSyncFile) || !errors.Is(got[4].Err, syncfile.ErrOtherKey) {
		t.Errorf("the file cut short gave %v, the forged one %v", got[3].Err, got[4].Err)
	}
}

// checkDeviceCounted checks the hub shows the one device with its three statements waiting, one learner and key's fingerprint; it returns the devices.
func checkDeviceCounted(t *testing.T, h *hub.Hub, key ed25519.PrivateKey) []hub.DeviceRow {
	t.Helper()
	devices, err := h.Devices()
	if err != nil {
		t.Fatal(err)
	}
	if len(devices) != 1 || devices[0].Waiting != 3 || devices[0].Learners != 1 || devices[0].Fingerprint != syncfile.Fingerprint(key.Public().(ed25519.PublicKey)) {
		t.Errorf("devices: %+v", devices)
	}
	return devices
}

// checkLearnerCountedOnce checks the one learner's course and quiz count once, with the best score and last activity at now.
func checkLearnerCountedOnce(t *testing.T, h *hub.Hub, now time.Time) {
	t.Helper()
	learners := h.Learners()
	if len(learners) != 1 {
		t.Fatalf("learners: %+v", learners)
	}
	l := learners[0]
	if len(l.Courses) != 1 || l.Courses[0] != "first" || l.QuizzesTaken != 1 || l.QuizzesPass != 1 || l.BestPercent != 90 || !l.LastActivity.Equal(now) {
		t.Errorf("learner: %+v", l)
	}
}

// checkCSVDefusesFormulas checks a post name that looks like a formula reaches the devices CSV quoted as text.
func checkCSVDefusesFormulas(t *testing.T, devices []hub.DeviceRow) {
	t.Helper()
	var csv bytes.Buffer
	if err := hub.WriteDevicesCSV(&csv, devices); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(csv.String(), `"'=HYPERLINK(""x"")"`) {
		t.Errorf("a post that looks like a formula reached the CSV as one:\n%s", csv.String())
	}
}

// checkReopenedHubRemembers checks the hub reopened still finds second a duplicate and refuses an unsigned file.
func checkReopenedHubRemembers(t *testing.T, h *hub.Hub, second string) {
	t.Helper()
	ctx := context.Background()
	reopened, err := hub.Open(h.Dir(), hub.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if again, _ := reopened.Import(ctx, second); len(again) != 1 || !again[0].Duplicate {
		t.Errorf("after reopening, the same file again: %+v", again)
	}
	unsigned := filepath.Join(t.TempDir(), "old.ogohsync")
	os.WriteFile(unsigned, []byte(`{"format":"ogoh-sync","version":1,"device":"old","created":"2025-01-01T00:00:00Z","statements":[],"count":0,"sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}`), 0o644)
	if got, _ := reopened.Import(ctx, unsigned); !errors.Is(got[0].Err, syncfile.ErrUnsigned) {
		t.Errorf("an unsigned file: %+v", got)
	}
}

// TestAForwardSendsEachStatementOnce: two exports of one device that
// overlap, and another device's, go in one forward: the LRS holds each
// statement once, the overlap counts as already there, and each device's
// receipt lists what the LRS holds of it. With the LRS down nothing is
// marked forwarded; once it is up the same forward finishes; a third time
// sends nothing.
func TestAForwardSendsEachStatementOnce(t *testing.T) {
	ctx := context.Background()
	h, err := hub.Open(t.TempDir(), hub.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, a, _ := ed25519.GenerateKey(nil)
	_, b, _ := ed25519.GenerateKey(nil)
	_, trainer, _ := ed25519.GenerateKey(nil)
	now := time.Now()
	st := func(n int, learner string) domain.Statement {
		return statement(fmt.Sprintf("00000000-0000-4000-8000-%012d", n), learner, xapi.VerbCompleted,
			fmt.Sprintf("https://ogoh.example/courses/c%d", n), courseKind, -1, now)
	}
	files := []string{
		write(t, "post-a", 1, a, nil, st(1, "A1"), st(2, "A1")),
		write(t, "post-a", 2, a, nil, st(1, "A1"), st(2, "A1"), st(3, "A2")),
		write(t, "post-b", 1, b, nil, st(4, "B1")),
	}
	if _, err := h.Import(ctx, files...); err != nil {
		t.Fatal(err)
	}
	server := lrstest.Down(t)
	sender := lrs.NewSender(domain.LRS{Endpoint: server.Endpoint()})
	sender.Retries, sender.BaseDelay = 1, time.Millisecond
	checkForwardWithTheLRSDown(t, h, sender, trainer)

	server.Start()
	got := checkForwardStoresEachOnce(t, h, sender, trainer, server)
	checkPostAReceipt(t, got[0].Receipt)
	checkThirdForwardSendsNothing(t, h, sender, trainer)
}

// checkForwardWithTheLRSDown checks a forward to an LRS that is down fails for each device, writes no receipt and leaves all four waiting.
func checkForwardWithTheLRSDown(t *testing.T, h *hub.Hub, sender *lrs.Sender, trainer ed25519.PrivateKey) {
	t.Helper()
	down, _ := h.Forward(context.Background(), sender, hub.Trainer{Name: "t", Key: trainer})
	for _, d := range down {
		if d.Err == nil || d.Receipt != "" {
			t.Errorf("with the LRS down: %+v", d)
		}
	}
	if rows, _ := h.Devices(); rows[0].Waiting+rows[1].Waiting != 4 {
		t.Errorf("with the LRS down, waiting: %+v", rows)
	}
}

// checkForwardStoresEachOnce checks the forward with the LRS up stores each statement once, counts the overlap as already there and writes both receipts; it returns the forwards.
func checkForwardStoresEachOnce(t *testing.T, h *hub.Hub, sender *lrs.Sender, trainer ed25519.PrivateKey, server *lrstest.LRS) []hub.DeviceForward {
	t.Helper()
	got, err := h.Forward(context.Background(), sender, hub.Trainer{Name: "t", Key: trainer})
	if err != nil || len(got) != 2 {
		t.Fatalf("forward: %+v, %v", got, err)
	}
	if got[0].Stored != 3 || got[0].AlreadyThere != 2 || got[1].Stored != 1 || got[0].Receipt == "" || got[1].Receipt == "" {
		t.Errorf("forward: %+v", got)
	}
	if ids := server.IDs(); len(ids) != 4 {
		t.Errorf("the LRS holds %d statements, want 4", len(ids))
	}
	return got
}

// checkPostAReceipt checks post-a's receipt at path is for its second export and lists its three statements.
func checkPostAReceipt(t *testing.T, path string) {
	t.Helper()
	r, err := syncfile.ReadReceiptFile(path)
	if err != nil || r.Device != "post-a" || r.Sequence != 2 || len(r.Statements) != 3 {
		t.Errorf("post-a's receipt: %+v, %v", r, err)
	}
}

// checkThirdForwardSendsNothing checks another forward sends nothing and the devices show all forwarded.
func checkThirdForwardSendsNothing(t *testing.T, h *hub.Hub, sender *lrs.Sender, trainer ed25519.PrivateKey) {
	t.Helper()
	if again, err := h.Forward(context.Background(), sender, hub.Trainer{Name: "t", Key: trainer}); err != nil || len(again) != 0 {
		t.Errorf("a third forward: %+v, %v", again, err)
	}
	if rows, _ := h.Devices(); rows[0].Waiting != 0 || rows[0].Forwarded != 3 || rows[1].Forwarded != 1 {
		t.Errorf("after the forward: %+v", rows)
	}
}
