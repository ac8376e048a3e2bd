package ui

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
)

// focusRound is every control Tab reaches on the screen shown, in order,
// once round.
func (d *driver) focusRound() []fyne.Focusable {
	d.t.Helper()
	c := d.app.win.Canvas()
	c.Unfocus()
	c.FocusNext()
	first := c.Focused()
	if first == nil {
		return nil
	}
	round := []fyne.Focusable{first}
	for range 500 {
		c.FocusNext()
		if f := c.Focused(); f == first || f == nil {
			return round
		} else {
			round = append(round, f)
		}
	}
	d.t.Fatalf("Tab never comes round on %q", d.app.win.Title())
	return nil
}

// TestF1AndEscapeWhateverHasTheFocus: on the screens a learner or a
// trainer meets (the profile picker and its rows and search, a new
// profile's fields and PIN, settings, sync with its password, trainer
// mode and its screens, the searches), F1 opens Help from every control
// Tab reaches, and Escape from Help comes back to the screen. Fyne's own
// buttons, fields, radio items, lists and tables keep both keys to
// themselves.
func TestF1AndEscapeWhateverHasTheFocus(t *testing.T) {
	d := start(t, t.TempDir(), "ru")
	defer d.close()
	for i := range searchFrom + 1 {
		_, err := d.dev.Service.CreateLearner(context.Background(),
			progress.NewLearner{Name: fmt.Sprintf("Learner %d", i), Role: domain.RoleOther, Post: "Post 3", Language: "ru"})
		must(t, err)
	}
	a := d.app
	d.app.nav.open(newProfilesScreen(a))
	d.helpFromEveryControl(t)
	openNewProfile(a)
	d.helpFromEveryControl(t)
	a.nav.open(newProfilesScreen(a))
	d.createProfile("Keys", "border-guard", "Post 12", "")
	a.nav.open(newSettingsScreen(a, a.nav.to(newCatalogueScreen(a))))
	d.helpFromEveryControl(t)
	a.showSync()
	d.helpFromEveryControl(t)
	a.nav.open(newGuideScreen(a, a.nav.to(newCatalogueScreen(a))))
	d.helpFromEveryControl(t)
	a.nav.open(newLessonSearchScreen(a))
	d.helpFromEveryControl(t)
	a.nav.open(newSettingsScreen(a, a.nav.to(newCatalogueScreen(a))))
	d.unlockTrainer(trainerPIN)
	for _, s := range []screen{newTrainerScreen(a), newReportScreen(a), newInstalledScreen(a), newKeysScreen(a),
		newPostsScreen(a), newVerifyScreen(a), newReceiveScreen(a), newBankImportScreen(a), newIdleSettingScreen(a)} {
		a.nav.open(s)
		d.helpFromEveryControl(t)
	}
	a.showSync() // in trainer mode, with the LRS's fields and password
	d.helpFromEveryControl(t)
}

// helpFromEveryControl presses F1 with each control of the screen shown
// in focus in turn, and Escape in Help, and checks both.
func (d *driver) helpFromEveryControl(t *testing.T) {
	t.Helper()
	d.settle()
	title := d.app.win.Title()
	round := d.focusRound()
	if len(round) == 0 {
		t.Fatalf("nothing on %q takes the focus", title)
	}
	for i := range round {
		d.app.nav.redraw()
		c := d.app.win.Canvas()
		c.Unfocus()
		for range i + 1 {
			c.FocusNext()
		}
		focused := c.Focused()
		d.press(fyne.KeyF1)
		if d.app.win.Title() != "Ogoh — "+d.T("help.title") {
			t.Errorf("on %q, F1 with %T (control %d of %d) in focus does not open Help", title, focused, i+1, len(round))
			continue
		}
		d.press(fyne.KeyEscape)
		if got := d.app.win.Title(); got != title {
			t.Fatalf("on %q, Escape in Help went to %q, not back", title, got)
		}
	}
}

// TestEscapeClosesThePINQuestionNotThePicker: picking a profile with a
// PIN asks for it in a dialog; Escape, from the PIN field, closes the
// dialog and leaves the picker as it was, and Enter there opens the
// profile with the right PIN.
func TestEscapeClosesThePINQuestionNotThePicker(t *testing.T) {
	d := start(t, t.TempDir(), "uz")
	defer d.close()
	d.createProfile("Dilnoza", "border-guard", "Post 4", "4321")
	d.tap(d.T("nav.switch"))
	picker := d.app.win.Title()
	learners, err := d.app.svc.Learners(context.Background())
	must(t, err)
	label := d.app.profileLabel(learners[0])
	d.tap(label)
	d.see(d.T("pin.open"))
	d.press(fyne.KeyEscape)
	if d.has(d.T("pin.open")) {
		t.Fatal("Escape left the PIN question open")
	}
	if got := d.app.win.Title(); got != picker {
		t.Fatalf("Escape in the PIN question went to %q", got)
	}
	d.tap(label)
	d.typeInto(d.T("pin.placeholder"), "4321")
	d.press(fyne.KeyReturn)
	d.see(d.T("catalogue.greeting", "Name", "Dilnoza"))
}

// TestThePINsEyeShowsWhatWasTyped: the eye in a PIN field shows the PIN
// typed, and hides it again (the keyed field has an eye of its own).
func TestThePINsEyeShowsWhatWasTyped(t *testing.T) {
	d := start(t, t.TempDir(), "ru")
	defer d.close()
	openNewProfile(d.app)
	pin := d.app.nav.current.(*profileScreen).pin
	eye, ok := pin.ActionItem.(*revealer)
	if !ok {
		t.Fatalf("the PIN field has no eye: %T", pin.ActionItem)
	}
	test.Tap(eye)
	if pin.Password {
		t.Fatal("the eye did not show the PIN")
	}
	test.Tap(eye)
	if !pin.Password {
		t.Fatal("the eye did not hide the PIN again")
	}
}
