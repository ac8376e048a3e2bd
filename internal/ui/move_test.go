package ui

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestALearnerMovesToAnotherDeviceThroughTrainerMode: on the old laptop
// the learner saves their own record, then the trainer moves them out,
// told plainly that they leave; the learner leaves its lists. The new
// laptop refuses the file changed by one byte and, until the trainer
// opens the old laptop's device file, from a device it does not know;
// then it receives the learner with the same ID. A third laptop, with
// no device file, receives them once the trainer says the fingerprint
// is the one the old post gave.
func TestALearnerMovesToAnotherDeviceThroughTrainerMode(t *testing.T) {
	const name = "Ойбек Тошматов"
	dir := t.TempDir()
	d := start(t, t.TempDir(), "ru")
	d.createProfile(name, "border-guard", "Пост 7", "")
	id := d.app.learner.ID
	d.openCourse(trafficking(t))
	d.tap(d.T("lesson.read"))
	d.tap(d.T("lesson.next")) // the first lesson is done: the trainer's table has a row for them
	d.tap(d.T("settings.title"))
	d.button(d.T("record.export"))
	own := filepath.Join(dir, "own.json")
	d.app.exportRecord(id, own) // what the save dialog does with the chosen path
	d.see(d.T("record.export.done", "File", own))
	d.tap(d.T("dialog.ok"))
	if data, _ := os.ReadFile(own); !bytes.Contains(data, []byte(name)) || !bytes.Contains(data, []byte(id)) {
		t.Fatalf("the learner's own record:\n%s", data)
	}

	d.unlockTrainer(trainerPIN)
	d.tap(d.T("trainer.learners"))
	d.see(name)
	d.tap(d.T("move.out"))
	d.see(d.T("move.out.pick"))
	in := d.selects()
	in[len(in)-1].SetSelectedIndex(0) // the dialog's, over the table's filters
	d.see(d.T("move.out.warning", "Name", name))
	d.tap(d.T("dialog.cancel"))
	moved := filepath.Join(dir, "oybek.ogohmove")
	d.app.nav.current.(*reportScreen).moveOut(id, moved) // what the save dialog does after "Move out"
	me, err := d.app.svc.Identity(d.app.ctx)
	if err != nil {
		t.Fatal(err)
	}
	d.see(d.T("move.out.done", "Name", name, "File", moved, "Fingerprint", me.Fingerprint))
	d.tap(d.T("dialog.ok"))
	if strings.Contains(d.texts(), name) {
		t.Fatalf("the moved learner is still listed: %s", d.texts())
	}
	d.tap(d.T("nav.back"))
	d.tap(d.T("trainer.leave"))
	d.tap(d.T("nav.back")) // not back into the moved learner's session: to the profiles
	if d.app.learner != nil || strings.Contains(d.texts(), name) {
		t.Fatalf("the moved learner is still in session or listed: %s", d.texts())
	}
	pub := filepath.Join(dir, "old.pub")
	if err := os.WriteFile(pub, []byte("ogoh-device "+me.Device+" "+base64.StdEncoding.EncodeToString(me.PublicKey)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.close()

	n := start(t, t.TempDir(), "ru")
	s := n.receiveScreen()

	data, _ := os.ReadFile(moved)
	tampered := filepath.Join(dir, "tampered.ogohmove")
	os.WriteFile(tampered, bytes.Replace(data, []byte("Пост 7"), []byte("Пост 8"), 1), 0o644)
	s.receive(tampered) // what the open dialog does with the chosen file
	n.see(n.T("move.in.forged"))

	s.receive(moved)
	n.see(n.T("move.in.unknown", "Name", name, "Device", me.Device, "Fingerprint", me.Fingerprint))
	n.button(n.T("move.in.anyway"))

	s.loadDevices(pub)
	s.receive(moved)
	n.see(n.T("move.in.done", "Name", name, "Device", me.Device, "Fingerprint", me.Fingerprint))
	n.tap(n.T("nav.back"))
	n.see(name)
	got, err := n.app.svc.Learner(n.app.ctx, id)
	if err != nil || got.Name != name {
		t.Fatalf("the received learner: %+v, %v", got, err)
	}
	n.close()

	// A trainer with no device file who compared the fingerprint with
	// the old post's trainer receives the learner on their word.
	m := start(t, t.TempDir(), "uz")
	defer m.close()
	s = m.receiveScreen()
	s.receive(moved)
	m.see(m.T("move.in.unknown", "Name", name, "Device", me.Device, "Fingerprint", me.Fingerprint))
	m.tap(m.T("move.in.anyway"))
	m.see(m.T("move.in.done", "Name", name, "Device", me.Device, "Fingerprint", me.Fingerprint))
	if got, err := m.app.svc.Learner(m.app.ctx, id); err != nil || got.Name != name {
		t.Fatalf("the learner received on the trainer's word: %+v, %v", got, err)
	}
}

// receiveScreen opens Trainer mode › Learners › Receive a learner… on a
// new laptop.
func (d *driver) receiveScreen() *receiveScreen {
	d.t.Helper()
	d.createProfile("Trainer", "other", "", "")
	d.tap(d.T("settings.title"))
	d.unlockTrainer(trainerPIN)
	d.tap(d.T("trainer.learners"))
	d.tap(d.T("move.in"))
	return d.app.nav.current.(*receiveScreen)
}
