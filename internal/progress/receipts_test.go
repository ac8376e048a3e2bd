package progress_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/demo"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/hub"
	"github.com/ogoh/ogoh/internal/lrs/lrstest"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// post is a device at a post, on a clock the test sets.
type post struct {
	t     *testing.T
	dev   *progress.Device
	clock time.Time
	dir   string
}

// seededPost is a post whose demo learners studied over a few days ending
// now, its clock then set off by skew (negative: behind).
func seededPost(t *testing.T, learners int, seed uint64, skew time.Duration) *post {
	t.Helper()
	ctx := context.Background()
	bundled, problems := course.LoadAll(courses.FS)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	p := &post{t: t, dir: t.TempDir()}
	end := time.Now().UTC().Truncate(time.Second).Add(skew)
	p.clock = end.AddDate(0, 0, -3)
	dev, err := progress.Open(ctx, p.dir, bundled, progress.WithClock(func() time.Time { return p.clock }), progress.Unsynced())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dev.Close() })
	p.dev = dev
	if err := demo.Seed(ctx, dev.Service, &p.clock, dev.Courses, learners, 3, seed, end); err != nil {
		t.Fatal(err)
	}
	p.clock = end
	return p
}

func (p *post) status() progress.SyncStatus {
	p.t.Helper()
	st, err := p.dev.Service.SyncStatus(context.Background())
	if err != nil {
		p.t.Fatal(err)
	}
	return st
}

// export writes a sync file and reads it back.
func (p *post) export() (string, *syncfile.File) {
	p.t.Helper()
	path := filepath.Join(p.t.TempDir(), "post.ogohsync")
	if _, err := p.dev.Service.ExportSync(context.Background(), path); err != nil {
		p.t.Fatal(err)
	}
	f, err := syncfile.ReadFile(path)
	if err != nil {
		p.t.Fatal(err)
	}
	return path, f
}

func (p *post) device() string {
	id, err := p.dev.Service.Identity(context.Background())
	if err != nil {
		p.t.Fatal(err)
	}
	return id.Device
}

// trainerKey is a trainer's key the post trusts for course packs.
func trainerKey(t *testing.T, trustedBy ...*post) course.Key {
	t.Helper()
	k, err := course.NewKey("Malika (trainer)")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range trustedBy {
		if _, err := p.dev.Library.Trust(context.Background(), k.PublicText()); err != nil {
			t.Fatal(err)
		}
	}
	return k
}

// receiptFile signs a receipt for device with k and writes it.
func receiptFile(t *testing.T, k course.Key, r syncfile.ReceiptFor) string {
	t.Helper()
	path, err := syncfile.WriteReceipt(t.TempDir(), syncfile.NewReceipt(r, k.Name, k.Private))
	if err != nil {
		t.Fatal(err)
	}
	return path
}

func forFile(device string, f *syncfile.File, forwarded time.Time) syncfile.ReceiptFor {
	return syncfile.ReceiptFor{Device: device, Sequence: f.Sequence, Exported: f.Created, Forwarded: forwarded, IDs: f.Source().IDs()}
}

// TestAReceiptMarksWhatTheLRSHoldsDeliveredOnce: a receipt listing every
// exported statement (and two the device never made) marks them all
// delivered, ignores the others, and tells the sync screen who sent it;
// the next export is empty, and reading the receipt again changes nothing.
func TestAReceiptMarksWhatTheLRSHoldsDeliveredOnce(t *testing.T) {
	p := seededPost(t, 2, 1, 0)
	k := trainerKey(t, p)
	_, f := p.export()
	waiting := p.status().Outbox.Pending
	if waiting == 0 || len(f.Statements) != waiting {
		t.Fatalf("exported %d of %d waiting", len(f.Statements), waiting)
	}
	r := forFile(p.device(), f, p.clock.Add(time.Hour))
	r.IDs = append(r.IDs, "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002")
	p.clock = p.clock.Add(2 * time.Hour)
	path := receiptFile(t, k, r)

	checkReceiptMarksAllWaiting(t, p, path, waiting)
	st := checkStatusShowsTheReceipt(t, p, k, waiting)
	checkNextExportEmpty(t, p)
	checkReceiptReadTwiceChangesNothing(t, p, path, st)
}

// checkReceiptMarksAllWaiting checks reading the receipt marks every waiting statement and counts the two unknown IDs.
func checkReceiptMarksAllWaiting(t *testing.T, p *post, path string, waiting int) {
	t.Helper()
	got, err := p.dev.ReadReceipt(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Marked != waiting || got.Unknown != 2 || got.Already != 0 || got.AlreadyRead {
		t.Errorf("read %+v, want %d marked and 2 unknown", got.ReceiptResult, waiting)
	}
}

// checkStatusShowsTheReceipt checks the outbox has all sent and the sync screen names the receipt's trainer, key and time; it returns that status.
func checkStatusShowsTheReceipt(t *testing.T, p *post, k course.Key, waiting int) progress.SyncStatus {
	t.Helper()
	st := p.status()
	if st.Outbox.Pending != 0 || st.Outbox.Sent != waiting {
		t.Errorf("after the receipt: %+v", st.Outbox)
	}
	if !st.HasReceipt || st.LastReceipt.Trainer != k.Name || st.LastReceipt.KeyID != k.ID() || !st.LastReceipt.Read.Equal(p.clock) {
		t.Errorf("the sync screen shows the last receipt as %+v (has %v)", st.LastReceipt, st.HasReceipt)
	}
	return st
}

// checkNextExportEmpty checks the post's next export holds no statements.
func checkNextExportEmpty(t *testing.T, p *post) {
	t.Helper()
	if _, next := p.export(); len(next.Statements) != 0 {
		t.Errorf("the next export holds %d statements, want none", len(next.Statements))
	}
}

// checkReceiptReadTwiceChangesNothing checks reading the same receipt again is noted as read before and leaves the status st as it was.
func checkReceiptReadTwiceChangesNothing(t *testing.T, p *post, path string, st progress.SyncStatus) {
	t.Helper()
	again, err := p.dev.ReadReceipt(context.Background(), path)
	if err != nil || !again.AlreadyRead || again.Marked != 0 {
		t.Errorf("read twice: %+v, %v", again, err)
	}
	if st2 := p.status(); st2.Outbox != st.Outbox || st2.LastReceipt != st.LastReceipt || st2.Clock != st.Clock {
		t.Errorf("reading twice changed the status: %+v, was %+v", st2, st)
	}
}

// TestRefusedReceiptsChangeNothing: a receipt for another device, one
// signed by a key the device does not trust, one cut short, one changed
// after signing, one too large and a file that is no receipt are each
// refused with their code; one listing only IDs the device never made is
// read and ignored. The outbox and the next export stay as they were.
func TestRefusedReceiptsChangeNothing(t *testing.T) {
	ctx := context.Background()
	p := seededPost(t, 1, 3, 0)
	k := trainerKey(t, p)
	stranger := trainerKey(t)
	_, f := p.export()
	before := p.status().Outbox
	good := forFile(p.device(), f, p.clock)
	other := good
	other.Device = "another-device"
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	whole, _ := os.ReadFile(receiptFile(t, k, good))
	changed := strings.Replace(string(whole), f.Source().IDs()[0], "00000000-0000-4000-8000-00000000dead", 1)
	var signed syncfile.Receipt
	json.Unmarshal(whole, &signed)
	signed.Forwarded = p.clock.AddDate(1, 0, 0).Format(time.RFC3339Nano) // a later time, the old signature
	resigned, _ := json.Marshal(signed)
	huge := write("huge.ogohreceipt", nil)
	if err := os.Truncate(huge, syncfile.MaxReceiptSize+1); err != nil {
		t.Fatal(err)
	}
	for name, c := range map[string]struct {
		path string
		want domain.Code
	}{
		"for another device": {receiptFile(t, k, other), domain.CodeReceiptForeign},
		"untrusted key":      {receiptFile(t, stranger, good), domain.CodeReceiptUntrusted},
		"cut short":          {write("short.ogohreceipt", whole[:len(whole)/2]), domain.CodeReceiptDamaged},
		"an ID changed":      {write("changed.ogohreceipt", []byte(changed)), domain.CodeReceiptDamaged},
		"its time changed":   {write("time.ogohreceipt", resigned), domain.CodeReceiptDamaged},
		"no receipt":         {write("sync.ogohreceipt", []byte(`{"format":"ogoh-sync","version":2}`)), domain.CodeReceiptDamaged},
		"too large":          {huge, domain.CodeTooLarge},
		"missing":            {filepath.Join(dir, "none.ogohreceipt"), domain.CodeNotFound},
	} {
		_, err := p.dev.ReadReceipt(ctx, c.path)
		if code := domain.ErrorCode(err); code != c.want {
			t.Errorf("%s: code %q (%v), want %q", name, code, err, c.want)
		}
		if st := p.status(); st.Outbox != before || st.HasReceipt || st.ClockKnown {
			t.Errorf("%s: refused, yet the status changed: %+v", name, st)
		}
	}

	unknown := good
	unknown.IDs = []string{"00000000-0000-4000-8000-00000000beef"}
	got, err := p.dev.ReadReceipt(ctx, receiptFile(t, k, unknown))
	if err != nil || got.Marked != 0 || got.Unknown != 1 {
		t.Errorf("a receipt of unknown IDs: %+v, %v", got, err)
	}
	if st := p.status(); st.Outbox != before {
		t.Errorf("unknown IDs changed the outbox: %+v, was %+v", st.Outbox, before)
	}
	if _, next := p.export(); len(next.Statements) != before.Pending {
		t.Errorf("the next export holds %d, want the %d still waiting", len(next.Statements), before.Pending)
	}
}

// TestAReceiptShowsAClockTwoYearsBehind: a receipt forwarded two years
// after the device's clock says it was read proves the clock behind; the
// sync screen flags it, the statements keep the times the device gave
// them, and the next export carries the offset in its signed header, so
// the hub flags the device (as it flags one whose export is dated two
// years after the hub imported it). A right clock, with a receipt that took a day to come back, is not
// flagged.
func TestAReceiptShowsAClockTwoYearsBehind(t *testing.T) {
	behind := seededPost(t, 1, 5, -2*365*24*time.Hour)
	right := seededPost(t, 1, 5, 0)
	k := trainerKey(t, behind, right)
	now := time.Now().UTC()

	f, stamped := exportStamped(t, behind)
	st := checkLateReceiptFlagsTheClock(t, behind, k, f, now)
	nextPath := checkExportCarriesTheOffset(t, behind, st)
	checkHubFlagsBothClocks(t, nextPath)
	checkStampsKeepTheDevicesTime(t, stamped, now)

	checkRightClockNotFlagged(t, right, k, now)
}

// exportStamped exports p's statements and checks there are some; it returns the file and their timestamps.
func exportStamped(t *testing.T, p *post) (*syncfile.File, []string) {
	t.Helper()
	_, f := p.export()
	stamped := timestamps(t, f)
	if len(stamped) == 0 {
		t.Fatal("nothing exported")
	}
	return f, stamped
}

// checkLateReceiptFlagsTheClock checks a receipt forwarded two years after p's clock flags the clock as behind; it returns the status.
func checkLateReceiptFlagsTheClock(t *testing.T, p *post, k course.Key, f *syncfile.File, now time.Time) progress.SyncStatus {
	t.Helper()
	ctx := context.Background()
	p.clock = p.clock.Add(2 * time.Hour)
	if _, err := p.dev.ReadReceipt(ctx, receiptFile(t, k, forFile(p.device(), f, now.Add(time.Hour)))); err != nil {
		t.Fatal(err)
	}
	st := p.status()
	if !st.ClockOff || !st.ClockKnown || st.Clock.Offset < 700*24*time.Hour || st.Clock.Source != domain.ClockFromReceipt {
		t.Errorf("a clock two years behind: %+v", st.Clock)
	}
	return st
}

// checkExportCarriesTheOffset checks p's next export carries the clock offset of st in its header; it returns the export's path.
func checkExportCarriesTheOffset(t *testing.T, p *post, st progress.SyncStatus) string {
	t.Helper()
	nextPath, next := p.export()
	if got, ok := next.About.ClockOffset(); !ok || got != st.Clock.Offset.Truncate(time.Millisecond) {
		t.Errorf("the export carries offset %v (%v), want %v", got, ok, st.Clock.Offset)
	}
	return nextPath
}

// checkHubFlagsBothClocks checks a hub importing the behind export and one dated two years ahead flags both devices.
func checkHubFlagsBothClocks(t *testing.T, behindPath string) {
	t.Helper()
	ctx := context.Background()
	ahead := seededPost(t, 1, 6, 2*365*24*time.Hour)
	aheadPath, _ := ahead.export()
	h, err := hub.Open(t.TempDir(), hub.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.Import(ctx, behindPath, aheadPath); err != nil {
		t.Fatal(err)
	}
	rows, err := h.Devices()
	if err != nil || len(rows) != 2 {
		t.Fatalf("the hub shows %+v, %v", rows, err)
	}
	for _, r := range rows {
		if !r.ClockFlag {
			t.Errorf("the hub does not flag device %s (%+v)", r.Device, r)
		}
	}
}

// checkStampsKeepTheDevicesTime checks each statement keeps the device's own timestamp, two years back from now.
func checkStampsKeepTheDevicesTime(t *testing.T, stamped []string, now time.Time) {
	t.Helper()
	for i, ts := range stamped {
		if at, err := time.Parse(time.RFC3339Nano, ts); err != nil || now.Sub(at) < 700*24*time.Hour {
			t.Errorf("statement %d is stamped %q: want the device's own time, two years back", i+1, ts)
		}
	}
}

// checkRightClockNotFlagged checks a right clock whose receipt took a day to come back is not flagged.
func checkRightClockNotFlagged(t *testing.T, p *post, k course.Key, now time.Time) {
	t.Helper()
	_, g := p.export()
	p.clock = p.clock.Add(48 * time.Hour)
	if _, err := p.dev.ReadReceipt(context.Background(), receiptFile(t, k, forFile(p.device(), g, now.Add(24*time.Hour)))); err != nil {
		t.Fatal(err)
	}
	if st := p.status(); st.ClockOff || st.Clock.Offset != 0 {
		t.Errorf("a right clock whose receipt took a day: %+v", st.Clock)
	}
}

func timestamps(t *testing.T, f *syncfile.File) []string {
	var out []string
	for _, raw := range f.Statements {
		var st struct{ Timestamp string }
		if err := json.Unmarshal(raw, &st); err != nil {
			t.Fatal(err)
		}
		out = append(out, st.Timestamp)
	}
	return out
}

// TestAPushNotesTheLRSClock: the LRS's Date header at a push is a trusted
// time; a device two years behind is flagged by its first push.
func TestAPushNotesTheLRSClock(t *testing.T) {
	ctx := context.Background()
	server := lrstest.Start(t)
	p := seededPost(t, 1, 8, -2*365*24*time.Hour)
	if _, err := p.dev.Service.Syncer().PushTo(ctx, domain.LRS{Endpoint: server.Endpoint(), User: "k", Password: "s"}); err != nil {
		t.Fatal(err)
	}
	st := p.status()
	if !st.ClockKnown || st.Clock.Source != domain.ClockFromLRS || !st.ClockOff || st.Clock.Offset < 700*24*time.Hour {
		t.Errorf("after a push, the clock is %+v (known %v, off %v)", st.Clock, st.ClockKnown, st.ClockOff)
	}
}
