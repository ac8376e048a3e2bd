package ui

import (
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/progress"
)

// A name or post that is too long, on two lines or holding an invisible
// character is refused with a message, in the learner's language, saying
// which field and what is wrong; nothing is stored.
func TestNewProfileRefusesNamesThatCouldPassForAnother(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		d := start(t, t.TempDir(), lang)
		d.tap(d.T("profiles.new"))
		name, post := d.entry(d.T("profile.name.placeholder")), d.entry(d.T("profile.post.placeholder"))
		for _, c := range []struct{ name, post, want string }{
			{"Azi\u200bza", "", d.T("profile.name.invisible")},
			{"Aziza \u202eavomiraK", "", d.T("profile.name.invisible")},
			{"Aziza\nKarimova", "", d.T("profile.name.linebreak")},
			{strings.Repeat("Ж", progress.MaxNameRunes+1), "", d.T("profile.name.long", "Max", progress.MaxNameRunes)},
			{"Aziza", strings.Repeat("7", progress.MaxNameRunes+1), d.T("profile.post.long", "Max", progress.MaxNameRunes)},
			{"Aziza", "Post\r\n3", d.T("profile.post.linebreak")},
		} {
			name.SetText(c.name)
			post.SetText(c.post)
			d.tap(d.T("profile.create"))
			d.see(c.want)
		}
		if ls, _ := d.db.Learners(context.Background()); len(ls) != 0 {
			t.Errorf("%s: refused profiles were stored: %+v", lang, ls)
		}
		d.close()
	}
}

// Wrong PINs at the profile screen are counted: the last tries are
// counted down, then the profile is locked, even to the right PIN, with a
// message saying a trainer can open it.
func TestALearnerPINLocksAtTheProfileScreen(t *testing.T) {
	dir := t.TempDir()
	d := start(t, dir, "ru")
	d.createProfile("Азиз", "other", "", "2468")
	d.close()
	d = start(t, dir, "ru")
	defer d.close()
	d.tap("Азиз — " + d.T("role.other"))
	for i := 1; i <= progress.LearnerTries; i++ {
		d.typeInto(d.T("pin.placeholder"), "1111")
		d.tap(d.T("pin.open"))
		switch left := progress.LearnerTries - i; {
		case left == 0:
			d.see(d.T("pin.locked"))
		case left <= 3:
			d.see(d.T("pin.tries", "Left", left))
		default:
			d.see(d.T("pin.wrong"))
		}
	}
	d.typeInto(d.T("pin.placeholder"), "2468")
	d.tap(d.T("pin.open"))
	d.see(d.T("pin.locked"))
	if d.app.learner != nil {
		t.Fatal("the right PIN opened a locked profile")
	}
}

// A data folder whose database a newer Ogoh wrote shows, in each
// language, both schema versions and only a way out: no backup is offered
// over the newer data, and the file is not touched.
func TestADatabaseFromANewerOgohIsExplainedAtStartUp(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dev, err := progress.Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	dev.AfterStart(ctx) // a backup is there, and must not be offered
	dev.Close()
	file := filepath.Join(dir, "ogoh.db")
	setUserVersion(t, file, 321)
	before, _ := os.ReadFile(file)
	damage := progress.Check(ctx, dir)
	bundle, _ := i18n.Load()
	for _, lang := range []string{"en", "ru", "uz"} {
		loc := bundle.For(lang)
		fy := test.NewApp()
		win := fy.NewWindow("")
		ShowRecovery(win, fy, bundle, lang, dir, damage, func() { t.Fatal("restored") })
		want := loc.T("recovery.newer", "Found", 321, "Known", progress.KnownSchemaVersion())
		if !strings.Contains(want, "321") {
			t.Fatalf("%s: the message names no version: %q", lang, want)
		}
		var shown []string
		for _, o := range visibleUnder(win.Content()) {
			switch x := o.(type) {
			case *paragraph:
				shown = append(shown, x.Text())
			case *widget.Label:
				shown = append(shown, x.Text)
			case *widget.Button:
				if x.Text == loc.T("recovery.restore") {
					t.Errorf("%s: a backup is offered over a newer database", lang)
				}
			}
		}
		if !strings.Contains(strings.Join(shown, "\n"), want) {
			t.Errorf("%s: the screen shows %q, want %q", lang, shown, want)
		}
		win.Close()
	}
	if after, _ := os.ReadFile(file); string(after) != string(before) {
		t.Error("the newer database was changed")
	}
}

// A database gone from a folder with backups brings up the recovery
// screen; restoring says so without naming a kept file that never was.
func TestAMissingDatabaseIsOfferedItsBackup(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dev, err := progress.Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	dev.Service.CreateLearner(ctx, progress.NewLearner{Name: "Sardor", Role: "other", Language: "en"})
	dev.AfterStart(ctx)
	dev.Close()
	os.Remove(filepath.Join(dir, "ogoh.db"))
	damage := progress.Check(ctx, dir)
	if damage == nil {
		t.Fatal("a missing database with backups passed the start-up check")
	}
	bundle, _ := i18n.Load()
	loc := bundle.For("uz")
	fy := test.NewApp()
	win := fy.NewWindow("")
	restored := false
	ShowRecovery(win, fy, bundle, "uz", dir, damage, func() { restored = true })
	restore := shownButton(t, win, loc.T("recovery.restore")) // the backup offered
	test.Tap(restore)
	if !restored {
		t.Fatal("the app was not started after restoring")
	}
	found := false
	for _, o := range visibleUnder(win.Content()) {
		if p, ok := o.(*paragraph); ok && p.Text() == loc.T("recovery.restored") {
			found = true
		}
		if l, ok := o.(*widget.Label); ok && l.Text == loc.T("recovery.restored") {
			found = true
		}
	}
	if !found {
		t.Error("restoring a missing database did not say it was restored")
	}
	dev, err = progress.Open(ctx, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer dev.Close()
	if ls, _ := dev.Service.Learners(ctx); len(ls) != 1 || ls[0].Name != "Sardor" {
		t.Errorf("learners after restoring: %+v", ls)
	}
}

// setUserVersion writes a schema version into a closed database's header
// (offset 60), as a newer Ogoh would leave it.
func setUserVersion(t *testing.T, file string, v uint32) {
	t.Helper()
	f, err := os.OpenFile(file, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(binary.BigEndian.AppendUint32(nil, v), 60); err != nil {
		t.Fatal(err)
	}
}
