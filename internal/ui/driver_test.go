package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/library"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
	"github.com/ogoh/ogoh/internal/reference"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/syncfile"
	"github.com/ogoh/ogoh/quickref"
)

// driver works the app the way a person does: it finds widgets by the text
// on them and taps, types and chooses. It fails with t when it cannot.
type driver struct {
	t     failer
	app   *App
	db    *store.DB
	loc   *i18n.Localizer
	clock *clock // the progress service's time; tests move it on
}

// clock is a settable time, starting now.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// failer is the part of testing.TB the driver needs, so the crash test's
// child process, which has no *testing.T, can drive the app too.
type failer interface {
	Helper()
	Fatal(args ...any)
	Fatalf(format string, args ...any)
}

var bundled []*course.Course

func bundledCourses(t failer) []*course.Course {
	if bundled == nil {
		list, problems := course.LoadAll(courses.FS)
		if len(problems) > 0 {
			t.Fatalf("bundled courses: %v", problems)
		}
		bundled = list
	}
	return bundled
}

// start opens the app on the database in dir, as after a (re)start, past
// the first-run welcome (which TestFirstRunWelcomes covers).
func start(t failer, dir, systemLang string) *driver {
	return launch(t, dir, systemLang, true)
}

func launch(t failer, dir, systemLang string, welcomed bool) *driver {
	t.Helper()
	return launchWith(t, dir, systemLang, launchOptions{welcomed: welcomed})
}

// launchOptions fix what a run would otherwise take from the machine.
type launchOptions struct {
	welcomed bool
	// at, when set, is the time of both the service and the store, which
	// then move only when the test moves the driver's clock.
	at time.Time
	// shownDir, when set, is the data folder the screens name.
	shownDir string
	theme    string // a stored theme choice (settingTheme); "": none
}

func launchWith(t failer, dir, systemLang string, o launchOptions) *driver {
	t.Helper()
	clk := &clock{t: time.Now()}
	storeNow := time.Now
	if !o.at.IsZero() {
		clk.t, storeNow = o.at, clk.now
	}
	db, err := store.Open(context.Background(), filepath.Join(dir, store.FileName), storeNow)
	if err != nil {
		t.Fatal(err)
	}
	bundle, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	seed := int64(0)
	key, err := syncfile.LoadOrCreateDeviceKey(filepath.Join(dir, syncfile.DeviceKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	svc, err := progress.New(context.Background(), db, progress.Options{Seed: func() int64 { seed++; return seed }, Now: clk.now, DeviceKey: key})
	if err != nil {
		t.Fatal(err)
	}
	guide, err := reference.Load(quickref.FS)
	if err != nil {
		t.Fatal(err)
	}
	if o.theme != "" {
		if err := svc.SetSetting(context.Background(), settingTheme, o.theme); err != nil {
			t.Fatal(err)
		}
	}
	if o.welcomed {
		if err := svc.SetSetting(context.Background(), "ui.welcomed", "yes"); err != nil {
			t.Fatal(err)
		}
		// As the welcome does on a new device, before any profile.
		if state, _ := svc.TrainerLock(context.Background()); state == progress.LockNone {
			if err := svc.SetTrainerLock(context.Background(), trainerPIN, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	lib := library.New(db, dir, bundledCourses(t))
	list, problems := lib.Courses()
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	shown := dir
	if o.shownDir != "" {
		shown = o.shownDir
	}
	a := New(newTestApp(t), Options{
		Service: svc, Courses: list, Guide: guide, Library: lib,
		Bundle: bundle, DataDir: shown, SystemLanguage: systemLang,
	})
	a.background = func(f func()) { f() } // long work runs in place, so a test sees its end
	a.newSender = func(l lrs.LRS) *lrs.Sender {
		s := lrs.NewSender(l)
		s.Retries, s.BaseDelay, s.MaxDelay = 2, time.Millisecond, time.Millisecond
		return s
	}
	a.win.Resize(fyne.NewSize(1024, 700))
	a.win.Show()
	return &driver{t: t, app: a, db: db, loc: bundle.For(systemLang), clock: clk}
}

// newTestApp is a fresh Fyne test app, torn down with the test; the
// crash test's child, which has no testing.TB, gets one for its life.
func newTestApp(t failer) fyne.App {
	if tb, ok := t.(testing.TB); ok {
		return test.NewTempApp(tb)
	}
	return test.NewApp()
}

func (d *driver) close() {
	d.app.win.Close()
	d.db.Close()
}

// T is a message in the language the driver expects on screen.
func (d *driver) T(id string, kv ...any) string { return d.loc.T(id, kv...) }

func (d *driver) speak(lang string) { d.loc = d.app.bundle.For(lang) }

// visible lists every visible object on the window and its dialogs.
func (d *driver) visible() []fyne.CanvasObject {
	c := d.app.win.Canvas()
	out := visibleUnder(c.Content())
	for _, o := range c.Overlays().List() {
		out = append(out, visibleUnder(o)...)
	}
	return out
}

// visibleUnder lists o and every visible object inside it.
func visibleUnder(root fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out = append(out, o)
		switch x := o.(type) {
		case *paragraph: // read whole, not line by line
		case *fyne.Container:
			for _, child := range x.Objects {
				walk(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(x).Objects() {
				walk(child)
			}
		}
	}
	walk(root)
	return out
}

// openCourse taps "Open" on the catalogue card of c.
func (d *driver) openCourse(c *course.Course) {
	d.t.Helper()
	title := c.Title.In(c.Lang(d.loc.Lang), c.DefaultLanguage)
	seen := false // the card's title comes before its button
	for _, o := range d.visible() {
		if p, ok := o.(*paragraph); ok && p.Text() == title {
			seen = true
		}
		if b, ok := o.(*widget.Button); ok && seen && b.Text == d.T("catalogue.open") {
			test.Tap(b)
			return
		}
	}
	d.t.Fatalf("no course card %q: %s", title, d.texts())
}

func (d *driver) has(text string) bool {
	for _, o := range d.visible() {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return true
		}
	}
	return false
}

func (d *driver) button(text string) *widget.Button {
	d.t.Helper()
	for _, o := range d.visible() {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	d.t.Fatalf("no button %q on the screen %q; texts: %s", text, d.app.win.Title(), d.texts())
	return nil
}

// tapNth taps the n-th (from 0) enabled button with text.
func (d *driver) tapNth(text string, n int) {
	d.t.Helper()
	for _, o := range d.visible() {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			if n == 0 {
				test.Tap(b)
				return
			}
			n--
		}
	}
	d.t.Fatalf("no button %q number %d: %s", text, n, d.texts())
}

func (d *driver) tap(text string) {
	d.t.Helper()
	b := d.button(text)
	if b.Disabled() {
		d.t.Fatalf("button %q is disabled", text)
	}
	test.Tap(b)
}

func (d *driver) buttons(icon fyne.Resource) []*widget.Button {
	var out []*widget.Button
	for _, o := range d.visible() {
		if b, ok := o.(*widget.Button); ok && b.Icon != nil && b.Icon.Name() == icon.Name() {
			out = append(out, b)
		}
	}
	return out
}

// texts is everything readable on screen, for assertions and failure messages.
func (d *driver) texts() string {
	var parts []string
	for _, o := range d.visible() {
		switch x := o.(type) {
		case *widget.Label:
			parts = append(parts, x.Text)
		case *paragraph:
			parts = append(parts, x.Text())
		case *widget.Button:
			parts = append(parts, "["+x.Text+"]")
		case *widget.Card:
			parts = append(parts, x.Title, x.Subtitle)
		case *widget.RichText:
			parts = append(parts, x.String())
		case *widget.Check:
			parts = append(parts, "• "+x.Text)
		case *canvas.Text:
			parts = append(parts, x.Text)
		case *widget.ProgressBar:
			if x.TextFormatter != nil {
				parts = append(parts, x.TextFormatter())
			}
		}
	}
	return strings.Join(parts, " | ")
}

func (d *driver) see(text string) {
	d.t.Helper()
	if !strings.Contains(d.texts(), text) {
		d.t.Fatalf("screen %q does not show %q; it shows: %s", d.app.win.Title(), text, d.texts())
	}
}

func (d *driver) entry(placeholder string) *widget.Entry {
	d.t.Helper()
	for _, o := range d.visible() {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == placeholder {
			return e
		}
	}
	var seen []string
	for _, o := range d.visible() {
		if e, ok := o.(*widget.Entry); ok {
			seen = append(seen, fmt.Sprintf("%q", e.PlaceHolder))
		}
	}
	d.t.Fatalf("no entry %q; entries: %v; screen: %s", placeholder, seen, d.texts())
	return nil
}

func (d *driver) typeInto(placeholder, text string) {
	e := d.entry(placeholder)
	d.app.win.Canvas().Focus(e)
	test.Type(e, text)
}

func (d *driver) radioWith(option string) *widget.RadioGroup {
	d.t.Helper()
	for _, o := range d.visible() {
		if r, ok := o.(*widget.RadioGroup); ok && slices.Contains(r.Options, option) {
			return r
		}
	}
	d.t.Fatalf("no radio option %q; screen: %s", option, d.texts())
	return nil
}

func (d *driver) selects() []*widget.Select {
	var out []*widget.Select
	for _, o := range d.visible() {
		if s, ok := o.(*widget.Select); ok {
			out = append(out, s)
		}
	}
	return out
}

// createProfile fills the new-profile form; the profile's language is the
// one the picker shows.
func (d *driver) createProfile(name, role, post, pin string) {
	d.t.Helper()
	d.tap(d.T("profiles.new"))
	d.typeInto(d.T("profile.name.placeholder"), name)
	d.radioWith(d.T("role." + role)).SetSelected(d.T("role." + role))
	d.typeInto(d.T("profile.post.placeholder"), post)
	if pin != "" {
		d.typeInto(d.T("profile.pin.placeholder"), pin)
		for _, o := range d.visible() { // the repeat field has no placeholder
			if e, ok := o.(*widget.Entry); ok && e.Password && e.PlaceHolder == "" {
				test.Type(e, pin)
			}
		}
	}
	d.tap(d.T("profile.create"))
	d.see(d.T("catalogue.greeting", "Name", name))
}

// unlockTrainer opens trainer mode from the settings screen, setting the
// trainer PIN on first use.
// typeRepeat types into the "repeat the PIN" field, the password field
// with no placeholder.
func (d *driver) typeRepeat(pin string) {
	d.t.Helper()
	for _, o := range d.visible() {
		if e, ok := o.(*widget.Entry); ok && e.Password && e.PlaceHolder == "" {
			test.Type(e, pin)
			return
		}
	}
	d.t.Fatal("no field to repeat the PIN")
}

// trainerPIN is the trainer PIN the driver sets up on a new device.
const trainerPIN = "2468"

func (d *driver) unlockTrainer(pin string) {
	d.t.Helper()
	d.tap(d.T("trainer.title"))
	d.typeInto(d.T("pin.placeholder"), pin)
	d.tap(d.T("pin.open"))
	d.see(d.T("trainer.intro"))
}

// readAllLessons opens the first lesson and pages to the end.
func (d *driver) readAllLessons(c *course.Course) {
	d.t.Helper()
	lang := c.Lang(d.loc.Lang)
	d.tap(d.T("lesson.read"))
	for i, l := range c.Lessons {
		d.see(l.Title.In(lang, c.DefaultLanguage))
		d.see(d.T("lesson.position", "N", i+1, "Total", len(c.Lessons)))
		if i+1 < len(c.Lessons) {
			d.tap(d.T("lesson.next"))
		} else {
			d.tap(d.T("lesson.finish"))
		}
	}
}

// shownQuestion finds which question of q is on screen.
func (d *driver) shownQuestion(c *course.Course, q *course.Quiz) *course.Question {
	d.t.Helper()
	lang := c.Lang(d.loc.Lang)
	for _, o := range d.visible() {
		if l, ok := o.(*widget.Label); ok && l.TextStyle.Bold {
			for i := range q.Questions {
				if q.Questions[i].Text.In(lang, c.DefaultLanguage) == l.Text {
					return &q.Questions[i]
				}
			}
		}
	}
	d.t.Fatalf("no question of %s on screen: %s", q.ID, d.texts())
	return nil
}

// answer gives resp to the question on screen through its widgets.
func (d *driver) answer(c *course.Course, qu *course.Question, resp quiz.Response) {
	d.t.Helper()
	lang := c.Lang(d.loc.Lang)
	switch qu.Type {
	case course.Single, course.Multiple:
		for _, id := range resp {
			d.choose(qu.Option(id).Text.In(lang, c.DefaultLanguage))
		}
	case course.TrueFalse:
		if resp[0] == "true" {
			d.choose(d.T("quiz.true"))
		} else {
			d.choose(d.T("quiz.false"))
		}
	case course.Ordering:
		d.order(c, qu, resp)
	case course.Matching:
		sels := d.selects()
		for i, item := range resp {
			_, right := quiz.SplitMatch(item)
			sels[i].SetSelected(pairByID(qu, right).Right.In(lang, c.DefaultLanguage))
		}
	}
}

// choose taps the option row that reads text.
func (d *driver) choose(text string) {
	d.t.Helper()
	for _, o := range d.visible() {
		if r, ok := o.(*optionRow); ok && r.label.Text() == text {
			test.Tap(r)
			return
		}
	}
	d.t.Fatalf("no option %q on screen: %s", text, d.texts())
}

// optionTexts are the option rows on screen, top to bottom.
func (d *driver) optionTexts() []string {
	var out []string
	for _, o := range d.visible() {
		if r, ok := o.(*optionRow); ok {
			out = append(out, r.label.Text())
		}
	}
	return out
}

// order moves items with the up arrows until they stand as resp says.
func (d *driver) order(c *course.Course, qu *course.Question, resp quiz.Response) {
	lang := c.Lang(d.loc.Lang)
	for target, id := range resp {
		want := qu.Option(id).Text.In(lang, c.DefaultLanguage)
		for {
			at := -1
			for _, o := range d.visible() {
				if l, ok := o.(*paragraph); ok {
					var k int
					if _, err := fmt.Sscanf(l.Text(), "%d.", &k); err == nil && strings.HasSuffix(l.Text(), ". "+want) {
						at = k - 1
					}
				}
			}
			if at < 0 {
				d.t.Fatalf("ordering item %q not on screen", want)
			}
			if at == target {
				break
			}
			test.Tap(d.buttons(theme.MoveUpIcon())[at])
		}
	}
}
