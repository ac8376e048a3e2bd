package ui

import (
	"context"
	"fmt"
	"runtime"
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
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
	"github.com/ogoh/ogoh/internal/reference"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/quickref"
)

// driver works the app the way a person does: it finds widgets by the text
// on them and taps, types and chooses. It fails with t when it cannot.
type driver struct {
	t     failer
	app   *App
	dev   *progress.Device // the data folder, opened as the app opens it
	db    *store.DB        // its database, for checks of what was saved
	loc   *i18n.Localizer
	clock *clock // the progress service's time; tests move it on
	// updates are the widget updates of background work, run on the test
	// goroutine by settle; nil: work runs in place (see async).
	updates chan func()
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
	at       time.Time // when set, the clock's start instead of now
	// shownDir, when set, is the data folder the screens name.
	shownDir string
	theme    progress.Theme // a saved theme; "": none
}

func launchWith(t failer, dir, systemLang string, o launchOptions) *driver {
	t.Helper()
	bundle, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	seed := int64(0)
	clk := &clock{t: time.Now()}
	if !o.at.IsZero() {
		clk.t = o.at
	}
	// The app's own wiring, on a clock and a draw the test controls.
	dev, err := progress.Open(context.Background(), dir, bundledCourses(t),
		progress.WithClock(clk.now), progress.WithSeed(func() int64 { seed++; return seed }),
		progress.WithSenderTuning(func(s *lrs.Sender) { // a dead LRS fails at once
			s.Retries, s.BaseDelay, s.MaxDelay = 2, time.Millisecond, time.Millisecond
		}))
	if err != nil {
		t.Fatal(err)
	}
	if len(dev.Problems) > 0 {
		t.Fatal(dev.Problems)
	}
	svc := dev.Service
	guide, err := reference.Load(quickref.FS)
	if err != nil {
		t.Fatal(err)
	}
	if o.theme != "" {
		if err := svc.SetDisplay(context.Background(), progress.Display{Theme: o.theme}); err != nil {
			t.Fatal(err)
		}
	}
	if o.welcomed {
		if err := svc.SetWelcomed(context.Background()); err != nil {
			t.Fatal(err)
		}
		// As the welcome does on a new device, before any profile.
		if state, _ := svc.TrainerLock(context.Background()); state == progress.LockNone {
			if err := svc.SetTrainerLock(context.Background(), trainerPIN, nil); err != nil {
				t.Fatal(err)
			}
		}
	}
	a := New(newTestApp(t), Options{Device: dev, Guide: guide, Bundle: bundle, SystemLanguage: systemLang})
	if o.shownDir != "" {
		a.dataDir = o.shownDir // only ever shown: the device works in dir
	}
	a.background = func(f func()) { f() } // long work runs in place, so a test sees its end
	a.stopIdleTicker()                    // the idle lock is checked by the tests that want it (idle_test.go)
	a.win.Resize(fyne.NewSize(1024, 700))
	a.win.Show()
	return &driver{t: t, app: a, dev: dev, db: dev.DB(), loc: bundle.For(systemLang), clock: clk}
}

// newTestApp is a fresh Fyne test app, torn down with the test; the
// crash test's child, which has no testing.TB, gets one for its life.
func newTestApp(t failer) fyne.App {
	if tb, ok := t.(testing.TB); ok {
		return test.NewTempApp(tb)
	}
	return test.NewApp()
}

// async runs the app's background work on real goroutines, as the app
// does, and its updates to widgets (a.do) on the test goroutine, as
// Fyne's main thread would: a widget touched from the work's goroutine
// without a.do races with the test and -race reports it. The driver's
// looks and taps first settle: they run the queued updates until no work
// is left.
func (d *driver) async() {
	d.updates = make(chan func(), 64)
	d.app.background = d.app.goBackground
	d.app.do = func(f func()) { d.updates <- f }
}

// settle runs queued widget updates until the background work is done,
// reading the whole window between them as Fyne's painter does, so that
// a widget changed from the work's goroutine is a data race.
func (d *driver) settle() {
	if d.updates == nil {
		return
	}
	done := make(chan struct{})
	go func() {
		d.app.jobs.Wait()
		close(done)
	}()
	for {
		select {
		case f := <-d.updates:
			f()
		case <-done:
			for {
				select {
				case f := <-d.updates:
					f()
				default:
					return
				}
			}
		default:
			paint(d.app.win.Canvas())
			runtime.Gosched() // a frame, then the work's turn: two cores serve the LRS too
		}
	}
}

// paint reads every object shown, its size and its text, as drawing a
// frame does.
func paint(c fyne.Canvas) {
	shown := visibleUnder(c.Content())
	for _, o := range shown {
		_ = o.Size()
		if p, ok := o.(*widget.ProgressBar); ok {
			_ = p.Value
		}
	}
	_ = textsOf(shown)
}

func (d *driver) close() {
	d.app.win.Close()
	d.dev.Close()
}

// T is a message in the language the driver expects on screen.
func (d *driver) T(id string, kv ...any) string { return d.loc.T(id, kv...) }

func (d *driver) speak(lang string) { d.loc = d.app.bundle.For(lang) }

// visible lists every visible object on the window and its dialogs.
func (d *driver) visible() []fyne.CanvasObject {
	d.settle()
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
		case *paragraph, *lessonText: // read whole, not line by line
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
		if b, ok := asButton(o); ok && seen && b.Text == d.T("catalogue.open") {
			test.Tap(b)
			return
		}
	}
	d.t.Fatalf("no course card %q: %s", title, d.texts())
}

func (d *driver) has(text string) bool {
	for _, o := range d.visible() {
		if b, ok := asButton(o); ok && b.Text == text {
			return true
		}
	}
	return false
}

func (d *driver) button(text string) *widget.Button {
	d.t.Helper()
	for _, o := range d.visible() {
		if b, ok := asButton(o); ok && b.Text == text {
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
		if b, ok := asButton(o); ok && b.Text == text {
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
	d.settle()
	b := d.button(text)
	if b.Disabled() {
		d.t.Fatalf("button %q is disabled", text)
	}
	test.Tap(b)
}

func (d *driver) buttons(icon fyne.Resource) []*widget.Button {
	var out []*widget.Button
	for _, o := range d.visible() {
		if b, ok := asButton(o); ok && b.Icon != nil && b.Icon.Name() == icon.Name() {
			out = append(out, b)
		}
	}
	return out
}

// texts is everything readable on screen, for assertions and failure messages.
func (d *driver) texts() string { return textsOf(d.visible()) }

// textsOf is the text of objects, in order, as the tests read a screen.
func textsOf(objects []fyne.CanvasObject) string {
	var parts []string
	for _, o := range objects {
		switch x := o.(type) {
		case *widget.Label:
			parts = append(parts, x.Text)
		case *paragraph:
			parts = append(parts, x.Text())
		case *widget.Button:
			parts = append(parts, "["+x.Text+"]")
		case *keyButton:
			parts = append(parts, "["+x.Text+"]")
		case *widget.Card:
			parts = append(parts, x.Title, x.Subtitle)
		case *widget.RichText:
			parts = append(parts, x.String())
		case *lessonText:
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
		if e, ok := asEntry(o); ok && e.PlaceHolder == placeholder {
			return e
		}
	}
	var seen []string
	for _, o := range d.visible() {
		if e, ok := asEntry(o); ok {
			seen = append(seen, fmt.Sprintf("%q", e.PlaceHolder))
		}
	}
	d.t.Fatalf("no entry %q; entries: %v; screen: %s", placeholder, seen, d.texts())
	return nil
}

func (d *driver) typeInto(placeholder, text string) {
	e := d.entry(placeholder)
	var f fyne.Focusable = e
	for _, o := range d.visible() { // the widget in the window: a keyEntry holds its Entry
		if k, ok := o.(*keyEntry); ok && &k.Entry == e {
			f = k
		}
	}
	d.app.win.Canvas().Focus(f)
	test.Type(e, text)
}

func (d *driver) radioWith(option string) *radioRows {
	d.t.Helper()
	for _, o := range d.visible() {
		if r, ok := o.(*radioRows); ok && slices.Contains(r.Options, option) {
			return r
		}
	}
	d.t.Fatalf("no radio option %q; screen: %s", option, d.texts())
	return nil
}

func (d *driver) selects() []*widget.Select {
	var out []*widget.Select
	for _, o := range d.visible() {
		if s, ok := asSelect(o); ok {
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
			if e, ok := asEntry(o); ok && e.Password && e.PlaceHolder == "" {
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
		if e, ok := asEntry(o); ok && e.Password && e.PlaceHolder == "" {
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
	case domain.KindSingle, domain.KindMultiple:
		for _, id := range resp {
			d.choose(qu.Option(id).Text.In(lang, c.DefaultLanguage))
		}
	case domain.KindTrueFalse:
		if resp[0] == "true" {
			d.choose(d.T("quiz.true"))
		} else {
			d.choose(d.T("quiz.false"))
		}
	case domain.KindOrdering:
		d.order(c, qu, resp)
	case domain.KindMatching:
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
