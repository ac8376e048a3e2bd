package ui

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/lrs/lrstest"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// TestSyncNowSendsProgressToTheLRS: a learner reads two lessons; in
// settings the LRS is entered and saved; "Sync now" delivers every
// statement once, the screen says so, and the password is never shown back.
func TestSyncNowSendsProgressToTheLRS(t *testing.T) {
	server := lrstest.Start(t)
	d := start(t, t.TempDir(), "ru")
	defer d.close()
	d.async()
	c := trafficking(t)
	d.createProfile("Zarina", "border-guard", "", "")
	d.openCourse(c)
	d.tap(d.T("lesson.read"))
	d.tap(d.T("lesson.next"))
	d.tap(d.T("nav.back"))

	d.tap(d.T("settings.title"))
	d.tap(d.T("sync.title"))
	d.see(d.T("sync.lrs.trainer")) // learners see the status, not the LRS settings
	d.tap(d.T("nav.back"))
	d.unlockTrainer(trainerPIN)
	d.tap(d.T("sync.title"))
	d.see(d.T("sync.never"))
	d.typeInto("https://lrs.example.org/xAPI/", "lrs.example.org")
	d.tap(d.T("sync.save"))
	d.see(d.T("sync.bad.address"))
	d.entry("https://lrs.example.org/xAPI/").SetText("")
	d.typeInto("https://lrs.example.org/xAPI/", server.Endpoint())
	d.typeInto(d.T("sync.user.placeholder"), "post-12")
	test.Type(d.passwordEntry(), "s3cret")
	d.tap(d.T("sync.save"))
	d.see(d.T("sync.saved"))
	d.tap(d.T("sync.test"))
	d.see(d.T("sync.test.ok"))

	st, _ := d.app.svc.SyncStatus(context.Background())
	waiting := st.Outbox.Pending
	if waiting < 3 {
		t.Fatalf("only %d statements after reading two lessons", waiting)
	}
	d.tap(d.T("sync.now"))
	d.see(d.T("sync.done", "Sent", waiting, "Refused", 0))
	d.see(d.T("sync.counts", "Pending", 0, "Sent", waiting, "Rejected", 0))
	if got := len(server.IDs()); got != waiting {
		t.Errorf("the LRS holds %d statements, want %d", got, waiting)
	}

	d.tap(d.T("nav.back"))
	d.tap(d.T("sync.title")) // the screen again, from the database
	if e := d.passwordEntry(); e.Text != "" || e.PlaceHolder != d.T("sync.password.keep") {
		t.Errorf("password field shows %q / %q: a saved password is never shown back", e.Text, e.PlaceHolder)
	}
	saved, _ := d.app.svc.LRS(context.Background())
	if saved.Password != "s3cret" || saved.User != "post-12" {
		t.Errorf("saved LRS = %+v", saved)
	}
}

func TestSyncWithTheLRSDownLosesNothing(t *testing.T) {
	server := lrstest.Down(t)
	d := start(t, t.TempDir(), "uz")
	defer d.close()
	d.async()
	c := trafficking(t)
	d.createProfile("Otabek", "labour-inspector", "", "")
	d.openCourse(c)
	d.tap(d.T("lesson.read"))
	d.tap(d.T("lesson.next"))
	ctx := context.Background()
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(d.app.svc.SetLRS(ctx, domain.LRS{Endpoint: server.Endpoint()}))
	before, _ := d.app.svc.SyncStatus(ctx)
	d.tap(d.T("settings.title"))
	d.tap(d.T("sync.title"))
	d.tap(d.T("sync.now"))
	d.see(d.T("sync.err.unreachable"))
	after, _ := d.app.svc.SyncStatus(ctx)
	if after.Outbox != before.Outbox {
		t.Errorf("a failed sync changed the outbox: %+v → %+v", before.Outbox, after.Outbox)
	}
	d.see(d.T("sync.counts", "Pending", before.Outbox.Pending, "Sent", 0, "Rejected", 0))

	// Export for a USB stick instead; the file holds everything waiting.
	file := filepath.Join(t.TempDir(), "post.ogohsync")
	status, result := wrapped(""), wrapped("")
	d.app.exportTo(file, status, result)
	d.settle()
	if result.Text() != d.T("sync.exported", "Count", before.Outbox.Pending, "File", file) {
		t.Errorf("export said %q", result.Text())
	}
	f, err := syncfile.ReadFile(file)
	if err != nil || len(f.Statements) != before.Outbox.Pending {
		t.Fatalf("sync file: %v", err)
	}
	server.Start()
	d.app.svc.Syncer().SyncIfWaiting(ctx) // the post gets a network: the background sync delivers
	if got := len(server.IDs()); got != before.Outbox.Pending {
		t.Errorf("the LRS holds %d statements after the automatic sync, want %d", got, before.Outbox.Pending)
	}
}

func (d *driver) passwordEntry() *widget.Entry {
	d.t.Helper()
	for _, o := range d.visible() {
		if e, ok := asEntry(o); ok && e.Password {
			return e
		}
	}
	d.t.Fatal("no password field")
	return nil
}

// TestTheSyncScreenExplainsWhatWentWrong, in every language: the device's
// fingerprint is shown; statements set aside can be queued again; an LRS
// address that redirects, and one that is not an LRS, are each explained
// in the learner's language, and nothing is marked delivered.
func TestTheSyncScreenExplainsWhatWentWrong(t *testing.T) {
	refuseAll := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
	}))
	defer refuseAll.Close()
	moved := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "https://lrs.example.org/xAPI/", http.StatusMovedPermanently)
	}))
	defer moved.Close()
	notLRS := httptest.NewServer(http.NotFoundHandler())
	defer notLRS.Close()

	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			ctx := context.Background()
			d := start(t, t.TempDir(), lang)
			defer d.close()
			d.async()
			d.createProfile("Zarina", "border-guard", "", "")
			d.openCourse(trafficking(t))
			d.tap(d.T("lesson.read"))
			d.tap(d.T("lesson.next"))
			d.tap(d.T("nav.back"))
			// An LRS that refuses every statement on its own sets them all aside.
			d.app.svc.Syncer().PushTo(ctx, domain.LRS{Endpoint: refuseAll.URL + "/xAPI/"})
			st, _ := d.app.svc.SyncStatus(ctx)
			if st.Outbox.Rejected == 0 || st.Outbox.Pending != 0 {
				t.Fatalf("outbox %+v: want everything set aside", st.Outbox)
			}
			set := st.Outbox.Rejected

			d.tap(d.T("nav.back"))
			d.tap(d.T("settings.title"))
			d.unlockTrainer(trainerPIN)
			d.tap(d.T("sync.title"))
			id, err := d.app.svc.Identity(ctx)
			if err != nil || id.Fingerprint == "" {
				t.Fatalf("identity: %+v, %v", id, err)
			}
			d.see(d.T("sync.device", "Device", id.Device, "Fingerprint", id.Fingerprint))
			d.tap(d.T("sync.retry"))
			d.see(d.T("sync.retried", "Count", set))
			d.see(d.T("sync.counts", "Pending", set, "Sent", 0, "Rejected", 0))

			d.entry("https://lrs.example.org/xAPI/").SetText(moved.URL + "/xAPI/")
			d.typeInto(d.T("sync.user.placeholder"), "post-12")
			test.Type(d.passwordEntry(), "s3cret")
			d.tap(d.T("sync.save"))
			d.see(d.T("sync.insecure")) // an http:// address with a password
			d.tap(d.T("sync.test"))
			d.see(d.T("sync.err.redirect", "Where", "https://lrs.example.org/xAPI/"))
			d.tap(d.T("sync.now"))
			d.see(d.T("sync.err.redirect", "Where", "https://lrs.example.org/xAPI/"))

			d.entry("https://lrs.example.org/xAPI/").SetText(notLRS.URL + "/")
			d.tap(d.T("sync.save"))
			d.tap(d.T("sync.now"))
			d.see(d.T("sync.err.notlrs"))
			d.tap(d.T("sync.test"))
			d.see(d.T("sync.err.notlrs"))

			after, _ := d.app.svc.SyncStatus(ctx)
			if after.Outbox.Pending != set || after.Outbox.Sent != 0 || after.Outbox.Rejected != 0 {
				t.Errorf("after the faults the outbox is %+v; want all %d waiting", after.Outbox, set)
			}
		})
	}
}
