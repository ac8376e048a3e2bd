package ui

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/progress"
)

// TestADamagedDatabaseIsRestoredOnlyWhenAsked: a damaged database with a
// backup is detected; the recovery screen changes nothing until "Restore"
// is pressed; then the backup's learners are back and the damaged file is
// kept.
func TestADamagedDatabaseIsRestoredOnlyWhenAsked(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	dev, err := progress.Open(ctx, dir, bundledCourses(t))
	if err != nil {
		t.Fatal(err)
	}
	dev.Service.CreateLearner(ctx, progress.NewLearner{Name: "Before", Role: "other", Language: "en"})
	if err := dev.AfterStart(ctx); err != nil {
		t.Fatal(err)
	}
	dev.Close()
	file := filepath.Join(dir, "ogoh.db")
	data, _ := os.ReadFile(file)
	for i := 4096; i < len(data) && i < 12288; i++ {
		data[i] = 0xA5
	}
	os.WriteFile(file, data, 0o600)
	os.Remove(file + "-wal")
	damage := progress.Check(ctx, dir)
	if damage == nil {
		t.Fatal("the damage was not detected")
	}
	bundle, _ := i18n.Load()
	loc := bundle.For("en")
	restored := false
	fy := test.NewTempApp(t)
	win := fy.NewWindow("")
	ShowRecovery(win, fy, bundle, "en", dir, damage, func() { restored = true })
	before, _ := os.ReadFile(file)
	restore := shownButton(t, win, loc.T("recovery.restore"))
	if now, _ := os.ReadFile(file); string(now) != string(before) {
		t.Fatal("the file changed before the user chose")
	}
	test.Tap(restore)
	if !restored {
		t.Fatal("the app was not started after restoring")
	}
	dev, err = progress.Open(ctx, dir, bundledCourses(t))
	if err != nil {
		t.Fatal(err)
	}
	defer dev.Close()
	if ls, _ := dev.Service.Learners(ctx); len(ls) != 1 || ls[0].Name != "Before" {
		t.Errorf("learners after restoring: %+v", ls)
	}
	kept, _ := filepath.Glob(file + ".damaged-*")
	if len(kept) == 0 {
		t.Error("the damaged file was not kept")
	}
}

// shownButton is the button showing text in win; the test fails if none
// is shown.
func shownButton(t *testing.T, win fyne.Window, text string) *widget.Button {
	t.Helper()
	for _, o := range visibleUnder(win.Content()) {
		if b, ok := asButton(o); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no %q button", text)
	return nil
}

// A large database is fully checked only after start-up; when that check
// finds damage, the user is told in their language what to do next.
func TestDamageFoundAfterStartUpIsExplained(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		d := start(t, t.TempDir(), lang)
		d.app.DamageFound()
		d.see(d.T("damage.text"))
		d.close()
	}
}
