package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/domain"
)

// TestTheSyncScreenSpeaksPlainlyToALearner: a learner on a computer with
// no LRS set reads no jargon ("LRS", the device's key), is offered no
// "Send now" that cannot send, and has "Export for sync" as the main
// button; once an address is set, "Send now" is there and is the main
// one; trainer mode keeps the details.
func TestTheSyncScreenSpeaksPlainlyToALearner(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			d.createProfile("Zarina", "border-guard", "Post 12", "")
			d.tap(d.T("settings.title"))
			d.tap(d.T("sync.title"))
			d.shot(t, "sync-learner")
			if text := d.texts(); strings.Contains(text, "LRS") || strings.Contains(text, "xAPI") {
				t.Errorf("a learner reads jargon: %s", text)
			}
			id, _ := d.app.svc.Identity(context.Background())
			if d.has(id.Fingerprint) {
				t.Error("a learner is shown the device's key fingerprint")
			}
			if d.has("[" + d.T("sync.now") + "]") {
				t.Error("Send now is offered with nowhere to send to")
			}
			d.see(d.T("sync.no.lrs"))
			if b := d.button(d.T("sync.export")); b.Importance != widget.HighImportance {
				t.Errorf("Export for sync is not the main button (importance %v)", b.Importance)
			}

			if err := d.app.svc.SetLRS(context.Background(), domain.LRS{Endpoint: "https://lrs.example.org/xAPI/"}); err != nil {
				t.Fatal(err)
			}
			d.tap(d.T("nav.back"))
			d.tap(d.T("sync.title"))
			if b := d.button(d.T("sync.now")); b.Importance != widget.HighImportance {
				t.Errorf("with an address set, Send now is not the main button")
			}
			if b := d.button(d.T("sync.export")); b.Importance == widget.HighImportance {
				t.Errorf("with an address set, Export is still the main button")
			}

			d.tap(d.T("nav.back"))
			d.unlockTrainer(trainerPIN)
			d.tap(d.T("sync.title"))
			d.see(d.T("sync.lrs"))
			d.see(id.Fingerprint)
		})
	}
}
