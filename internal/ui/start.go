package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"fyne.io/fyne/v2"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/reference"
	"github.com/ogoh/ogoh/internal/ui/startprobe"
)

// Launch is what the app needs to start: where its data is and what is
// built into it.
type Launch struct {
	DataDir string
	Courses fs.FS            // the bundled courses
	Guide   fs.FS            // the field quick-reference's cards
	Keyring progress.Keyring // keeps the LRS password; nil: sealed in the data folder
	Build   Build
	Log     io.Writer // where start-up problems are written (stderr)
	// Probe, when set (OGOH_PROBE), opens on the catalogue and reports to
	// ProbeOut when screens are drawn; see docs/performance.md.
	Probe    string
	ProbeOut io.Writer
}

// Start opens the data folder and shows the app, or the recovery screen
// when the database is damaged. It returns an error only when nothing
// can be shown; fy.Run follows.
//
// Start-up runs two ways at once (docs/performance.md): the main thread
// makes the window and its GL context, while one goroutine opens the data
// folder, then parses the first screen's fonts. A third way, fonts apart,
// made the window slower on two cores: the X server needs one too. The
// first screen shows no course, so the courses are read when the catalogue
// or trainer mode first needs them (awaitCourses), and the notes' italic
// font after the first frame.
func Start(fy fyne.App, l Launch) error {
	fyneDo := migratedToFyneDo(fy)
	startprobe.Step("metadata read")
	opening := make(chan opened, 1)
	go func() {
		o := open(l)
		startprobe.Step("data opened")
		if fyneDo {
			warmFirstFonts()
			startprobe.Step("fonts parsed")
		}
		opening <- o
	}()
	win := NewWindow(fy)
	win.Show()
	startprobe.Step("window shown")
	o := <-opening
	if o.err != nil {
		return o.err
	}
	if o.damage == nil {
		startApp(fy, win, o, l)
		return nil
	}
	ShowRecovery(win, fy, o.bundle, i18n.SystemLanguage(), l.DataDir, o.damage, func() {
		restored := open(l)
		if restored.err == nil && restored.damage != nil {
			restored.err = restored.damage
		}
		if restored.err != nil {
			fmt.Fprintln(l.Log, "ogoh:", restored.err)
			fy.Quit()
			return
		}
		startApp(fy, win, restored, l)
	})
	return nil
}

// opened is the data folder, ready for the UI, or why it is not.
type opened struct {
	bundle *i18n.Bundle
	dev    *progress.Device
	guide  *reference.Guide
	damage error // the database is damaged (offer a backup) or from a newer Ogoh
	err    error
	// The active learners, for the picker's first draw; nil: not read.
	learners *[]domain.Learner
}

// open loads the translations and opens the data folder; the courses are
// read when a screen first shows them (awaitCourses). It touches no
// widget, so it runs while the window is made.
func open(l Launch) opened {
	ctx := context.Background()
	var o opened
	if o.bundle, o.err = i18n.Load(); o.err != nil {
		return o
	}
	if err := progress.Check(ctx, l.DataDir); stopsStartUp(err) {
		o.damage = err
		return o
	}
	opts := []progress.OpenOption{progress.CoursesLater(func() []*course.Course { return launchCourses(l) })}
	if l.Keyring != nil {
		opts = append(opts, progress.WithKeyring(l.Keyring))
	}
	if o.dev, o.err = progress.Open(ctx, l.DataDir, nil, opts...); o.err != nil {
		if stopsStartUp(o.err) { // a newer Ogoh wrote it since the check
			o.damage, o.err = o.err, nil
		}
		return o
	}
	readFirstLanguage(ctx, o)
	o.learners = readFirstLearners(ctx, o)
	if l.Probe == ProbeCatalogue || l.Probe == ProbeCourse {
		o.dev.Library.Loaded() // the probe's first screen is the catalogue: it needs them, beside the window
	}
	var err error
	if o.guide, err = reference.Load(l.Guide); err != nil {
		fmt.Fprintln(l.Log, "ogoh:", err) // the app still runs; the screen says it is missing
	}
	return o
}

// readFirstLanguage reads the words of the first screen's language (the
// device's, or the system's on a new one) beside the window: the bundle
// reads a language when first asked for, and the first screen asks on the
// UI thread.
func readFirstLanguage(ctx context.Context, o opened) {
	lang := i18n.SystemLanguage()
	if d, err := o.dev.Service.Display(ctx); err == nil && d.Language != "" {
		lang = d.Language
	}
	o.bundle.For(lang)
}

// readFirstLearners reads the profiles a returning device's picker lists,
// beside the window: 2,500 of them took 12 ms on the UI thread. nil when
// they cannot be read: the picker reads them again, and says why.
func readFirstLearners(ctx context.Context, o opened) *[]domain.Learner {
	learners, err := o.dev.Service.Learners(ctx)
	if err != nil {
		return nil
	}
	return &learners
}

// launchCourses reads the courses built into the app, when the catalogue
// or trainer mode first needs them. Every build's tests check them
// (TestBundledCoursesAreValidAndComplete), so they are decoded, not checked
// again; one that does not decode is left out and logged.
func launchCourses(l Launch) []*course.Course {
	list, problems := course.LoadAllChecked(l.Courses)
	for _, p := range problems {
		fmt.Fprintln(l.Log, "ogoh: bundled course:", p)
	}
	return list
}

// stopsStartUp is true for what the start-up screen explains instead of
// the app: a damaged or lost database, or one from a newer Ogoh.
func stopsStartUp(err error) bool {
	code := domain.ErrorCode(err)
	return code == domain.CodeCorrupt || code == domain.CodeTooNew
}

// startApp shows the app in the main window.
func startApp(fy fyne.App, win fyne.Window, o opened, l Launch) {
	ctx := context.Background()
	dev := o.dev
	a := New(fy, Options{
		Device: dev, Guide: o.guide, Bundle: o.bundle, SystemLanguage: i18n.SystemLanguage(),
		Build: l.Build, Window: win, Probe: l.Probe, ProbeOut: l.ProbeOut, Learners: o.learners,
	})
	startprobe.Step("screen built")
	a.StartAutoSync()
	// Draw the first screen now: Show on a shown window paints it at once,
	// where the event loop would wait for its next frame tick (up to 16 ms).
	win.Show()
	startprobe.Step("screen painted")
	if migratedToFyneDo(fy) {
		go warmNoteFont()
	}
	go func() { // off the start-up path: the full check of a large database, the daily backup
		err := dev.AfterStart(ctx)
		if err != nil {
			fmt.Fprintln(l.Log, "ogoh: after start-up:", err)
		}
		if errors.Is(err, domain.ErrCorrupt) {
			fyne.Do(a.DamageFound)
		}
	}()
	fy.Lifecycle().SetOnStopped(func() {
		a.Close()
		dev.Close()
	})
}

// migratedToFyneDo tells whether the app runs with Fyne's fyneDo migration
// (FyneApp.toml), under which text may be measured from any goroutine.
// Call it first on the main thread, before any goroutine: a binary from
// go build reads FyneApp.toml on the first call, a field at a time, and
// the data folder's goroutine, asking 10 ms in while the window's making
// was reading it, saw no migration: the first screen's fonts were then
// parsed on the UI thread, 30 ms of the picker's first frame at x1 and
// x10 (docs/performance.md).
func migratedToFyneDo(fy fyne.App) bool {
	return fy.Metadata().Migrations["fyneDo"]
}
