package progress_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/hub"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/lrs/lrstest"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// visit is a trainer's hub with a pack and contacts, a post whose device
// trusts the trainer's key, a stick and a test LRS.
type visit struct {
	p       *post
	hub     *hub.Hub
	trainer hub.Trainer
	stick   string
	sender  *lrs.Sender
}

func newVisit(t *testing.T) *visit {
	t.Helper()
	p := seededPost(t, 2, 7, 0)
	k := trainerKey(t, p)
	h, err := hub.Open(t.TempDir(), hub.Options{})
	if err != nil {
		t.Fatal(err)
	}
	packs := filepath.Join(h.Dir(), hub.CoursesDir)
	os.MkdirAll(packs, 0o755)
	pack, err := os.Create(filepath.Join(packs, "example.ogoh"))
	if err != nil {
		t.Fatal(err)
	}
	if err := course.WritePack(filepath.Join("..", "..", "docs", "example-course"), k, time.Now(), pack); err != nil {
		t.Fatal(err)
	}
	pack.Close()
	contacts := "[[contact]]\norganisation = \"Anti-trafficking hotline\"\nphone = \"1102\"\n\n[[contact]]\norganisation = \"Shelter\"\n"
	if err := os.WriteFile(filepath.Join(h.Dir(), hub.ContactsFile), []byte(contacts), 0o644); err != nil {
		t.Fatal(err)
	}
	server := lrstest.Start(t)
	return &visit{p: p, hub: h, trainer: hub.Trainer{Name: k.Name, Key: k.Private}, stick: t.TempDir(),
		sender: lrs.NewSender(domain.LRS{Endpoint: server.Endpoint(), User: "k", Password: "s"})}
}

func (v *visit) prepare(t *testing.T) hub.Stick {
	t.Helper()
	got, err := v.hub.PrepareStick(context.Background(), v.stick, v.trainer)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func (v *visit) exchange(t *testing.T, trainer bool) progress.ExchangeSummary {
	t.Helper()
	sum, err := v.p.dev.Exchange(context.Background(), v.stick, progress.ExchangeOptions{Trainer: trainer})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

// home imports the stick's sync files into the hub and forwards them.
func (v *visit) home(t *testing.T) ([]hub.Imported, []hub.DeviceForward) {
	t.Helper()
	ctx := context.Background()
	imported, err := v.hub.ImportStick(ctx, v.stick)
	if err != nil {
		t.Fatal(err)
	}
	forwarded, err := v.hub.Forward(ctx, v.sender, v.trainer)
	if err != nil {
		t.Fatal(err)
	}
	return imported, forwarded
}

// TestAStickRoundTripClosesTheLoop: one exchange writes the post's sync
// file and takes the trainer's pack and contacts; at home the hub imports
// and forwards it and writes the receipt; the next visit's exchange reads
// the receipt, so nothing waits and the new export is empty. Each step
// done again changes nothing.
func TestAStickRoundTripClosesTheLoop(t *testing.T) {
	v := newVisit(t)
	waiting := v.p.status().Outbox.Pending
	checkFirstStick(t, v)
	checkFirstExchange(t, v, waiting)
	checkHomeForwardsOnce(t, v, waiting)
	checkSecondExchangeReadsTheReceipt(t, v, waiting)
	checkThirdExchangeChangesNothing(t, v)
	checkHubShowsAllForwarded(t, v, waiting)
}

// checkFirstStick checks the first stick holds the pack and contacts and no receipt.
func checkFirstStick(t *testing.T, v *visit) {
	t.Helper()
	if got := v.prepare(t); got.Receipts != 0 || got.Courses != 1 || got.Contacts != 2 {
		t.Fatalf("the first stick holds %+v", got)
	}
}

// checkFirstExchange checks the first exchange exports all waiting, installs the pack and the contacts, and reports its steps.
func checkFirstExchange(t *testing.T, v *visit, waiting int) {
	t.Helper()
	ctx := context.Background()
	var steps []progress.ExchangeStep
	first, err := v.p.dev.Exchange(ctx, v.stick, progress.ExchangeOptions{Trainer: true,
		Progress: func(s progress.ExchangeStep, done, total int) { steps = append(steps, s) }})
	if err != nil {
		t.Fatal(err)
	}
	if first.Receipt != nil || first.Exported != waiting || len(first.Installed) != 1 || first.Contacts != 2 || len(first.CourseErrs) != 0 {
		t.Errorf("first exchange: %+v", first)
	}
	if len(steps) != 5 || steps[0] != progress.StepReceipt || steps[1] != progress.StepExport {
		t.Errorf("progress heard %v", steps)
	}
	if list, _ := v.p.dev.Service.Contacts(ctx); len(list) != 2 || list[0].Organisation != "Anti-trafficking hotline" || list[0].Phone != "1102" {
		t.Errorf("contacts after the exchange: %+v", list)
	}
}

// checkHomeForwardsOnce checks the hub imports and forwards the stick's file once, and a second time finds it a duplicate.
func checkHomeForwardsOnce(t *testing.T, v *visit, waiting int) {
	t.Helper()
	imported, forwarded := v.home(t)
	if len(imported) != 1 || imported[0].Err != nil || len(forwarded) != 1 || forwarded[0].Stored != waiting || forwarded[0].Receipt == "" {
		t.Fatalf("at home: imported %+v, forwarded %+v", imported, forwarded)
	}
	again, forwardedAgain := v.home(t)
	if len(again) != 1 || !again[0].Duplicate || len(forwardedAgain) != 0 {
		t.Errorf("at home again: imported %+v, forwarded %+v", again, forwardedAgain)
	}
}

// checkSecondExchangeReadsTheReceipt checks the second stick carries the receipt and its exchange marks everything delivered.
func checkSecondExchangeReadsTheReceipt(t *testing.T, v *visit, waiting int) {
	t.Helper()
	if got := v.prepare(t); got.Receipts != 1 {
		t.Fatalf("the second stick holds %+v", got)
	}
	second := v.exchange(t, true)
	if second.Receipt == nil || second.Receipt.Marked != waiting || second.Exported != 0 || len(second.Installed) != 0 || second.UpToDate != 1 {
		t.Errorf("second exchange: %+v (receipt %+v)", second, second.Receipt)
	}
	if st := v.p.status(); st.Outbox.Pending != 0 || st.Outbox.Sent != waiting || !st.HasReceipt {
		t.Errorf("after the receipt came back: %+v", st)
	}
}

// checkThirdExchangeChangesNothing checks an exchange with the same stick again finds the receipt already read and nothing to export.
func checkThirdExchangeChangesNothing(t *testing.T, v *visit) {
	t.Helper()
	third := v.exchange(t, true)
	if third.Receipt == nil || !third.Receipt.AlreadyRead || third.Exported != 0 || third.UpToDate != 1 {
		t.Errorf("third exchange: %+v", third)
	}
}

// checkHubShowsAllForwarded checks that after another trip home the hub shows the device with nothing waiting and all forwarded.
func checkHubShowsAllForwarded(t *testing.T, v *visit, waiting int) {
	t.Helper()
	v.home(t)
	devices, err := v.hub.Devices()
	if err != nil {
		t.Fatal(err)
	}
	if len(devices) != 1 || devices[0].Waiting != 0 || devices[0].Forwarded != waiting || devices[0].ClockFlag || devices[0].Learners != 2 {
		t.Errorf("the hub shows %+v", devices)
	}
}

// TestAStickPulledOutHalfWayLeavesBothSidesWhole: a receipt, a pack and
// the contacts cut short on the stick are each refused and change
// nothing; a sync file cut short is refused by the hub, and one still
// under its temporary name is not read at all; a stick without this
// device's receipt exports everything still waiting.
func TestAStickPulledOutHalfWayLeavesBothSidesWhole(t *testing.T) {
	ctx := context.Background()
	v := newVisit(t)
	waiting := v.p.status().Outbox.Pending
	v.prepare(t)
	v.exchange(t, true)
	v.home(t)
	v.prepare(t)
	s := syncfile.StickAt(v.stick)
	receipt := filepath.Join(s.Receipts(), syncfile.ReceiptName(v.p.device()))
	cutInHalf(t, receipt)
	cutInHalf(t, filepath.Join(s.Courses(), "example.ogoh"))
	cutInHalf(t, s.Contacts())
	v.p.dev.Service.SetContacts(ctx, []domain.Contact{{Organisation: "Kept"}})
	before := v.p.status().Outbox

	sum := v.exchange(t, true)
	checkCutReceiptRefused(t, v, sum, before, waiting)
	checkCutPackAndContactsRefused(t, v, sum)

	// The stick pulled out while the post wrote its file: a half file
	// under the temporary name, and a copy cut short under a real name.
	checkHubRefusesHalfWrittenFiles(t, v, s, sum.ExportFile)

	os.Remove(receipt)
	checkNoReceiptExportsAllWaiting(t, v, waiting)
	checkStickWithoutExchangeFolder(t, v)
}

// cutInHalf truncates the file at path to half its size, as a stick pulled out mid-write leaves it.
func cutInHalf(t *testing.T, path string) {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, info.Size()/2); err != nil {
		t.Fatal(err)
	}
}

// checkCutReceiptRefused checks a receipt cut short is refused, leaves the outbox alone, and everything waiting is still exported.
func checkCutReceiptRefused(t *testing.T, v *visit, sum progress.ExchangeSummary, before domain.OutboxCounts, waiting int) {
	t.Helper()
	if domain.ErrorCode(sum.ReceiptErr) != domain.CodeReceiptDamaged || sum.Receipt != nil {
		t.Errorf("a receipt cut short: %+v, %v", sum.Receipt, sum.ReceiptErr)
	}
	if st := v.p.status(); st.Outbox != before || st.HasReceipt {
		t.Errorf("a receipt cut short changed the outbox: %+v, was %+v", st.Outbox, before)
	}
	if sum.Exported != waiting {
		t.Errorf("exported %d, want the %d still waiting", sum.Exported, waiting)
	}
}

// checkCutPackAndContactsRefused checks a pack and contacts cut short are refused and the device keeps its own contacts.
func checkCutPackAndContactsRefused(t *testing.T, v *visit, sum progress.ExchangeSummary) {
	t.Helper()
	if len(sum.CourseErrs) != 1 || len(sum.Installed) != 0 {
		t.Errorf("a pack cut short: installed %v, refused %v", sum.Installed, sum.CourseErrs)
	}
	if list, _ := v.p.dev.Service.Contacts(context.Background()); domain.ErrorCode(sum.ContactsErr) != domain.CodeContactsRefused || len(list) != 1 || list[0].Organisation != "Kept" {
		t.Errorf("contacts cut short: %v, the device has %+v", sum.ContactsErr, list)
	}
}

// checkHubRefusesHalfWrittenFiles checks the hub skips a half file under the temporary name and refuses a copy cut short.
func checkHubRefusesHalfWrittenFiles(t *testing.T, v *visit, s syncfile.Stick, exportFile string) {
	t.Helper()
	whole, _ := os.ReadFile(exportFile)
	os.WriteFile(filepath.Join(s.FromPosts(), syncfile.TempPrefix+"sync-123"+syncfile.SyncFileExt), whole[:len(whole)/2], 0o644)
	os.WriteFile(filepath.Join(s.FromPosts(), "copied-by-hand"+syncfile.SyncFileExt), whole[:len(whole)/3], 0o644)
	imported, err := v.hub.ImportStick(context.Background(), v.stick)
	if err != nil {
		t.Fatal(err)
	}
	if len(imported) != 2 {
		t.Fatalf("imported %+v, want the whole file and the one cut short", imported)
	}
	for _, got := range imported {
		if short := filepath.Base(got.File) == "copied-by-hand"+syncfile.SyncFileExt; short != (got.Err != nil) {
			t.Errorf("%s: %+v", got.File, got)
		}
	}
}

// checkNoReceiptExportsAllWaiting checks a learner's-part exchange with no receipt on the stick exports everything still waiting.
func checkNoReceiptExportsAllWaiting(t *testing.T, v *visit, waiting int) {
	t.Helper()
	if sum := v.exchange(t, false); sum.Receipt != nil || sum.ReceiptErr != nil || sum.Exported != waiting || !sum.TrainerSkips || len(sum.Installed) != 0 {
		t.Errorf("no receipt, learner's part only: %+v", sum)
	}
}

// checkStickWithoutExchangeFolder checks an exchange with a stick lacking ogoh-exchange fails as a missing stick.
func checkStickWithoutExchangeFolder(t *testing.T, v *visit) {
	t.Helper()
	if _, err := v.p.dev.Exchange(context.Background(), t.TempDir(), progress.ExchangeOptions{}); domain.ErrorCode(err) != domain.CodeStickMissing {
		t.Errorf("a stick without ogoh-exchange: %v", err)
	}
}
