package ui

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
)

// TestAVisitWithAStickClosesTheLoop, in every language: a post's laptop
// gives its progress to the trainer's stick; at home the hub forwards it
// and writes the receipt; a stick pulled out while the receipt was being
// copied is refused and changes nothing; the whole receipt, read at the
// next visit, leaves nothing waiting, and the sync screen says when it
// came and from whom. In trainer mode, Posts shows the post.
func TestAVisitWithAStickClosesTheLoop(t *testing.T) {
	server := lrstest.Start(t)
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			d.async()
			v := newStickVisit(t, d, server)
			d.createProfile("Zarina", "border-guard", "Post 12", "")
			d.openCourse(trafficking(t))
			d.tap(d.T("lesson.read"))
			d.tap(d.T("nav.back"))
			waiting := d.pending()

			v.prepare(t)
			d.app.exchangeWith(v.stick, wrapped(""))
			d.see(d.T("exchange.done"))
			d.see(d.T("exchange.exported", "Count", waiting))
			d.see(d.T("exchange.receipt.none"))
			v.home(t)

			v.prepare(t)
			receipt := v.cutReceiptShort(t)
			d.app.exchangeWith(v.stick, wrapped(""))
			d.see(d.T("error.code.receipt_damaged"))
			if got := d.pending(); got != waiting {
				t.Fatalf("a receipt cut short changed the outbox: %d waiting, want %d", got, waiting)
			}
			v.restore(t, receipt)
			d.app.exchangeWith(v.stick, wrapped(""))
			d.see(d.T("exchange.receipt", "Count", waiting, "Trainer", v.trainer.Name))
			if got := d.pending(); got != 0 {
				t.Errorf("after the receipt %d records still wait", got)
			}
			d.tap(d.T("settings.title"))
			d.tap(d.T("sync.title"))
			d.see(d.T("sync.receipt.last", "When", localTime(d.lastReceiptRead()), "Trainer", v.trainer.Name))

			d.tap(d.T("nav.back"))
			d.unlockTrainer(trainerPIN)
			d.tap(d.T("posts.title"))
			d.see(d.T("posts.empty"))
			d.app.nav.current.(*postsScreen).importFrom(v.stick)
			d.see(d.T("posts.imported", "New", 1, "Before", 0))
			d.see("Post 12")
		})
	}
}

// stickVisit is the trainer's side of a visit: a hub, a signing key the
// post's laptop trusts, an LRS, and the stick.
type stickVisit struct {
	hub     *hub.Hub
	trainer hub.Trainer
	sender  *lrs.Sender
	stick   string
}

func newStickVisit(t *testing.T, d *driver, server *lrstest.LRS) *stickVisit {
	t.Helper()
	k, err := course.NewKey("Malika (trainer)")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.app.lib.Trust(context.Background(), k.PublicText()); err != nil {
		t.Fatal(err)
	}
	h, err := hub.Open(t.TempDir(), hub.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return &stickVisit{hub: h, trainer: hub.Trainer{Name: k.Name, Key: k.Private}, stick: t.TempDir(),
		sender: lrs.NewSender(domain.LRS{Endpoint: server.Endpoint(), User: "k", Password: "s"})}
}

func (v *stickVisit) prepare(t *testing.T) {
	t.Helper()
	if _, err := v.hub.PrepareStick(context.Background(), v.stick, v.trainer); err != nil {
		t.Fatal(err)
	}
}

// home is the trainer back at a network: the stick's files into the hub,
// forwarded, and a receipt written for each laptop.
func (v *stickVisit) home(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	if _, err := v.hub.ImportStick(ctx, v.stick); err != nil {
		t.Fatal(err)
	}
	if _, err := v.hub.Forward(ctx, v.sender, v.trainer); err != nil {
		t.Fatal(err)
	}
}

// cutReceiptShort leaves the stick's receipt as a stick pulled out while
// it was copied would, and returns its whole text.
func (v *stickVisit) cutReceiptShort(t *testing.T) map[string][]byte {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(v.stick, "ogoh-exchange", "receipts", "*"))
	if len(files) != 1 {
		t.Fatalf("the stick holds %d receipts, want 1", len(files))
	}
	whole := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		whole[f] = data
		if err := os.WriteFile(f, data[:len(data)/2], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return whole
}

func (v *stickVisit) restore(t *testing.T, whole map[string][]byte) {
	t.Helper()
	for f, data := range whole {
		if err := os.WriteFile(f, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func (d *driver) pending() int {
	d.t.Helper()
	d.settle()
	st, err := d.app.svc.SyncStatus(context.Background())
	if err != nil {
		d.t.Fatal(err)
	}
	return st.Outbox.Pending
}

func (d *driver) lastReceiptRead() (when time.Time) {
	d.t.Helper()
	st, err := d.app.svc.SyncStatus(context.Background())
	if err != nil || !st.HasReceipt {
		d.t.Fatalf("no receipt recorded: %v", err)
	}
	return st.LastReceipt.Read
}
