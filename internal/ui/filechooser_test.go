package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/ogoh/ogoh/internal/drives"
)

// withStick gives the app a plugged-in stick named KINGSTON and a home
// folder, in place of the machine's own drives.
func withStick(t *testing.T, d *driver) (stick, home string) {
	t.Helper()
	stick, home = t.TempDir(), t.TempDir()
	d.app.places = func() []drives.Place {
		return []drives.Place{
			{Path: stick, Label: "KINGSTON", Removable: true, Kind: drives.KindRemovable},
			{Path: home, Label: "zarina", Kind: drives.KindHome},
		}
	}
	return stick, home
}

// chooserRows are the lines of the open chooser's folder list.
func (d *driver) chooserRows() []string {
	d.t.Helper()
	c := d.app.chooser
	if c == nil {
		d.t.Fatal("no file chooser is open")
	}
	var names []string
	for _, r := range c.rows {
		names = append(names, r.name)
	}
	return names
}

// chooseRow takes the line named name in the open chooser, as a tap or
// Space on it does.
func (d *driver) chooseRow(name string) {
	d.t.Helper()
	for i, n := range d.chooserRows() {
		if n == name {
			d.app.chooser.list.Select(i)
			return
		}
	}
	d.t.Fatalf("the chooser has no line %q: %v", name, d.chooserRows())
}

// TestExportGoesOnTheStickInOgohsOwnChooser, in every language: Export
// for sync opens Ogoh's chooser, translated, on the stick, with the stick
// first among the places and the file named after the post; Save writes
// the file there.
func TestExportGoesOnTheStickInOgohsOwnChooser(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			stick, _ := withStick(t, d)
			d.createProfile("Zarina", "border-guard", "Post 12", "")
			d.openCourse(trafficking(t))
			d.tap(d.T("lesson.read"))
			d.tap(d.T("nav.back"))
			d.tap(d.T("settings.title"))
			d.tap(d.T("sync.title"))
			d.tap(d.T("sync.export"))

			d.see(d.T("chooser.save.title"))
			d.see(d.T("chooser.here", "Folder", stick))
			places := d.app.chooser.places.Objects
			if first, ok := asButton(places[1]); !ok || first.Text != d.T("chooser.stick", "Name", "KINGSTON") {
				t.Fatalf("the first place is not the stick: %v", places[1])
			}
			d.see(d.T("chooser.home"))
			for _, english := range []string{"Open File", "Save File", "Computer"} {
				if d.has(english) {
					t.Errorf("the chooser shows Fyne's English %q", english)
				}
			}
			d.shot(t, "chooser-save")
			name := d.app.chooser.name.Text
			if !regexp.MustCompile(`^post-12-[0-9a-f]{8}.*\.ogohsync$`).MatchString(name) {
				t.Errorf("the proposed name is %q; want it named after the post and the device", name)
			}
			d.tap(d.T("chooser.save"))
			if d.app.chooser != nil {
				t.Fatal("the chooser is still open after Save")
			}
			if _, err := os.Stat(filepath.Join(stick, name)); err != nil {
				t.Fatalf("Save wrote nothing on the stick: %v", err)
			}
			d.see(d.T("sync.exported", "Count", 1, "File", filepath.Join(stick, name)))
		})
	}
}

// TestAReceiptIsFoundByWalkingTheStick: the chooser lists folders, then
// files of the kind asked for, and nothing else; going into folders and
// up again works; the file opened reaches the screen (a damaged receipt
// is refused with its reason).
func TestAReceiptIsFoundByWalkingTheStick(t *testing.T) {
	d := start(t, t.TempDir(), "ru")
	defer d.close()
	stick, _ := withStick(t, d)
	receipts := filepath.Join(stick, "ogoh-exchange", "receipts")
	must(t, os.MkdirAll(receipts, 0o755))
	must(t, os.WriteFile(filepath.Join(stick, "notes.txt"), []byte("x"), 0o644))
	must(t, os.WriteFile(filepath.Join(stick, ".hidden.ogohreceipt"), []byte("x"), 0o644))
	must(t, os.WriteFile(filepath.Join(receipts, "post-12.ogohreceipt"), []byte("not a receipt"), 0o644))
	d.createProfile("Zarina", "border-guard", "Post 12", "")
	d.tap(d.T("settings.title"))
	d.tap(d.T("sync.title"))
	d.tap(d.T("sync.receipt.read"))

	d.see(d.T("chooser.open.title"))
	if got, want := strings.Join(d.chooserRows(), "|"), d.T("chooser.up")+"|ogoh-exchange"; got != want {
		t.Fatalf("the stick lists %q; want only the way up and the folder (no .txt, no hidden file)", got)
	}
	if !d.button(d.T("chooser.open")).Disabled() {
		t.Error("Open is enabled before a file is chosen")
	}
	d.chooseRow("ogoh-exchange")
	d.chooseRow("receipts")
	d.chooseRow(d.T("chooser.up"))
	d.see(d.T("chooser.here", "Folder", filepath.Join(stick, "ogoh-exchange")))
	d.chooseRow("receipts")
	d.chooseRow("post-12.ogohreceipt")
	d.see(d.T("chooser.open.chosen", "File", "post-12.ogohreceipt"))
	d.shot(t, "chooser-open")
	d.tap(d.T("chooser.open"))
	d.see(d.T("error.code.receipt_damaged"))
}

// TestSavingOverAFileAsksFirst: a name already in the folder asks before
// it is replaced; Cancel leaves the old file as it was.
func TestSavingOverAFileAsksFirst(t *testing.T) {
	d := start(t, t.TempDir(), "uz")
	defer d.close()
	stick, _ := withStick(t, d)
	old := filepath.Join(stick, "ogoh-posts.csv")
	must(t, os.WriteFile(old, []byte("old"), 0o644))
	saved := ""
	d.app.askSave("ogoh-posts.csv", func(path string) { saved = path })
	d.tap(d.T("chooser.save"))
	d.see(d.T("chooser.replace.text", "File", "ogoh-posts.csv"))
	d.tapNth(d.T("dialog.cancel"), 1) // the question's, over the chooser's own
	if d.app.chooser == nil {
		t.Fatal("cancelling the question closed the chooser")
	}
	if saved != "" {
		t.Fatalf("Cancel still saved to %s", saved)
	}
	d.tap(d.T("chooser.save"))
	d.key(fyne.KeyEscape) // answers the question: the chooser stays
	if d.has(d.T("chooser.replace")) || d.app.chooser == nil || saved != "" {
		t.Fatalf("Escape left the question open, closed the chooser or saved (%q)", saved)
	}
	d.tap(d.T("chooser.save"))
	d.tap(d.T("chooser.replace"))
	if saved != old {
		t.Fatalf("Replace gave %q; want %q", saved, old)
	}
}

// TestAChooserNameNeedsNoExtensionAndNoFolder: a name typed without its
// extension gets it; a name with a folder in it, or none, is refused
// with a word on what to do.
func TestAChooserNameNeedsNoExtensionAndNoFolder(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	stick, _ := withStick(t, d)
	saved := ""
	d.app.askSave("card.pdf", func(path string) { saved = path })
	for text, problem := range map[string]string{"": "chooser.name.empty", "../card": "chooser.name.folder"} {
		d.app.chooser.name.SetText(text)
		d.tap(d.T("chooser.save"))
		d.see(d.T(problem))
	}
	d.app.chooser.name.SetText("pocket")
	d.tap(d.T("chooser.save"))
	if want := filepath.Join(stick, "pocket.pdf"); saved != want {
		t.Fatalf("saved to %q; want %q", saved, want)
	}
}

// TestTheChooserByKeyboard: the folder list has the focus as the chooser
// opens; Down and Space go into a folder; Escape closes the chooser and
// the sync screen behind it stays.
func TestTheChooserByKeyboard(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	stick, _ := withStick(t, d)
	must(t, os.Mkdir(filepath.Join(stick, "ogoh-exchange"), 0o755))
	d.createProfile("Zarina", "border-guard", "Post 12", "")
	d.tap(d.T("settings.title"))
	d.tap(d.T("sync.title"))
	d.tap(d.T("sync.receipt.read"))
	if d.app.win.Canvas().Focused() != fyne.Focusable(d.app.chooser.list) {
		t.Fatalf("the folder list has not the focus: %T", d.app.win.Canvas().Focused())
	}
	d.press(fyne.KeyDown)
	d.press(fyne.KeySpace)
	d.see(d.T("chooser.here", "Folder", filepath.Join(stick, "ogoh-exchange")))
	d.press(fyne.KeyEscape)
	if d.app.chooser != nil {
		t.Fatal("Escape left the chooser open")
	}
	d.see(d.T("sync.receipt.read"))
}

// TestAStickPulledOutSaysSo: a folder that can no longer be read (the
// stick pulled out) says so in the chooser, and nothing breaks.
func TestAStickPulledOutSaysSo(t *testing.T) {
	d := start(t, t.TempDir(), "ru")
	defer d.close()
	stick, _ := withStick(t, d)
	d.app.askFolder(func(string) {})
	must(t, os.RemoveAll(stick))
	d.tap(d.T("chooser.stick", "Name", "KINGSTON"))
	d.see(d.T("chooser.unreadable"))
	d.tap(d.T("chooser.home"))
	d.see(d.T("chooser.empty"))
}

// TestNoScreenUsesFynesFileDialogs: every import and export goes through
// Ogoh's chooser; Fyne's file dialogs stay English and know no stick.
func TestNoScreenUsesFynesFileDialogs(t *testing.T) {
	files, err := filepath.Glob("*.go")
	must(t, err)
	fyneDialog := regexp.MustCompile(`dialog\.(New|Show)(File|Folder)`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		must(t, err)
		if loc := fyneDialog.Find(data); loc != nil {
			t.Errorf("%s uses Fyne's file dialog (%s)", f, loc)
		}
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
