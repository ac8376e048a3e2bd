// Package ui is Ogoh's Fyne interface: one file per screen, each screen a
// type with a constructor, its handlers and its own state (what it shows,
// what was typed or chosen on it), drawn by one router (router.go) that
// owns the window's content, the way back and the keys. App holds only
// what the screens share: the window, the services, the courses, the
// language, and who is using the device. The UI talks to the domain
// packages (course, quiz, progress, i18n) and never to SQL.
package ui

import (
	"context"
	"io"
	"log"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/drives"
	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/library"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/reference"
)

// Options is what the app needs from main.
type Options struct {
	Device         *progress.Device // the opened data folder: services, courses, library
	Guide          *reference.Guide // the field quick-reference; nil if it failed to load
	Bundle         *i18n.Bundle
	SystemLanguage string // the OS locale, for the profile picker's first run
	Build          Build  // version, date and commit, for About
	// Window is the window made by NewWindow while the data folder was being
	// opened; nil: New makes one.
	Window fyne.Window
	// Probe, when set (OGOH_PROBE), opens on the catalogue and reports to
	// ProbeOut when screens are drawn; see Probe.
	Probe    string
	ProbeOut io.Writer
	// Learners are the active learners, read while the window was made:
	// the profile picker's first draw lists them. nil: it reads them.
	Learners *[]domain.Learner
}

// App is the running interface: one window whose content is the current
// screen, and what every screen shares.
type App struct {
	fy      fyne.App
	win     fyne.Window
	svc     *progress.Service
	dev     *progress.Device // the data folder: receipts and the stick exchange need it whole
	courses []*course.Course
	guide   *reference.Guide
	lib     *library.Library
	build   Build
	trainer bool // trainer mode unlocked with the trainer PIN
	bundle  *i18n.Bundle
	loc     *i18n.Localizer
	dataDir string
	ctx     context.Context

	nav     *router
	learner *domain.Learner // who is studying; nil on the profile picker
	// settings is the settings screen of this visit: trainer mode and sync
	// go back to it, and it back to where it was opened from.
	settings *settingsScreen

	// background runs long work (sync, export) off the UI thread, counted
	// in jobs; its results come back to widgets through do, which is
	// fyne.Do. Tests may run work in place, or pump do's calls on the test
	// goroutine as Fyne's main thread would (driver.async), where -race
	// sees a widget touched from the work's goroutine.
	background func(func())
	display    progress.Display // the device's look, as saved
	do         func(func())
	jobs       sync.WaitGroup
	probeMark  fyne.CanvasObject // the start-up benchmark's mark (probe.go)
	idle       idleWatch         // the shared-device lock's input and clock (idle.go)
	// places are where the file chooser looks first: the removable drives,
	// then home (drives.Places; tests give their own stick).
	places     func() []drives.Place
	lastFolder string       // the folder last chosen, for the next chooser without a stick
	chooser    *fileChooser // the file chooser while one is open
}

// New builds the window and shows the profile picker.
func New(fy fyne.App, opts Options) *App {
	stayOffline()
	a := &App{
		fy: fy, dev: opts.Device, svc: opts.Device.Service, courses: opts.Device.Courses, guide: opts.Guide, lib: opts.Device.Library,
		build: opts.Build, bundle: opts.Bundle, dataDir: opts.Device.DataDir, ctx: context.Background(), do: fyne.Do,
		places: drives.Places,
	}
	a.background = a.goBackground
	display, displayErr := a.svc.Display(a.ctx)
	a.display = display
	lang := display.Language
	if lang == "" {
		lang = i18n.Supported(opts.SystemLanguage)
	}
	a.loc = a.bundle.For(lang)
	a.applyTheme()
	a.win = opts.Window
	if a.win == nil {
		a.win = NewWindow(fy)
	}
	a.nav = newRouter(a.win)
	a.watchIdle()
	if displayErr != nil {
		defer a.fail("error.load", displayErr)
	}
	if opts.Probe != "" {
		if err := a.probe(opts.Probe, opts.ProbeOut, opts.Learners); err != nil {
			a.fail("error.load", err)
		}
		return a
	}
	a.openFirstScreen(opts.Learners)
	return a
}

// openFirstScreen shows a new device's welcome, or the profile picker
// listing learners (read as the app started; nil: it reads them).
func (a *App) openFirstScreen(learners *[]domain.Learner) {
	if a.firstRun() {
		a.nav.open(newWelcomeScreen(a))
	} else {
		a.nav.open(&profilesScreen{a: a, listed: learners})
	}
}

// NewWindow makes Ogoh's main window. main makes it first, so the window
// system and GL set themselves up while the data folder is opened.
func NewWindow(fy fyne.App) fyne.Window {
	win := fy.NewWindow("Ogoh")
	win.Resize(fyne.NewSize(1024, 700))
	win.SetMaster()
	return win
}

// firstRun is true on a device where no one has been welcomed or studied yet.
func (a *App) firstRun() bool {
	welcomed, err := a.svc.Welcomed(a.ctx)
	if err != nil {
		a.logError(err)
	}
	if welcomed { // no need to read every profile (the picker reads them next)
		return false
	}
	// A device seeded or moved here unwelcomed may hold thousands of
	// profiles, which the picker reads next: ask only whether there is one.
	has, err := a.svc.HasLearners(a.ctx)
	if err != nil {
		a.logError(err)
		return false // the picker says what is wrong, where the welcome would hide it
	}
	return !has
}

// Window is the main window.
func (a *App) Window() fyne.Window { return a.win }

// T translates a message ID in the current language.
func (a *App) T(id string, kv ...any) string { return a.loc.T(id, kv...) }

// show puts a screen that is only a way to draw itself in the window: the
// sync screen's way, until it is a screen type like the others.
func (a *App) show(build func() (title string, content fyne.CanvasObject)) {
	a.nav.open(screenFunc(build))
}

// redraw draws the current screen again, e.g. after a language switch.
func (a *App) redraw() { a.nav.redraw() }

// screen lays out a screen: a bar with back, title and settings, and a body.
func (a *App) screen(title string, back func(), body fyne.CanvasObject) fyne.CanvasObject {
	// A paragraph, not a wrapped Label: the desktop window lays a new
	// screen out at its minimum size first, where the space beside the
	// buttons is next to nothing, and a wrapped Label there breaks after
	// every letter and asks for a window a thousand pixels tall.
	heading := strong(title)
	heading.minWidth = 16 * heading.textSize() // a long title wraps in a few lines, not a column
	a.nav.back = back
	var left fyne.CanvasObject
	if back != nil {
		left = a.nav.button(a.T("nav.back"), theme.NavigateBackIcon(), back)
	}
	settings := a.nav.button(a.T("settings.title"), theme.SettingsIcon(), a.openSettings)
	here := a.nav.returnHere()
	help := a.nav.button("", theme.HelpIcon(), func() { a.nav.open(newHelpScreen(a, here)) })
	a.nav.bind(fyne.KeyF1, help.OnTapped)
	right := container.NewHBox(help, settings)
	if (a.learner != nil || a.trainer) && !hasOwnSwitch(a.nav.current) { // one click to the profile picker from every screen someone uses
		right.Objects = append([]fyne.CanvasObject{a.nav.button(a.T("nav.switch"), theme.AccountIcon(), a.switchLearner)}, right.Objects...)
	}
	bar := container.NewBorder(nil, nil, left, right, heading)
	// The bar first among the objects, as on screen: Tab goes through
	// them in this order (NewBorder would put the body first).
	top := container.NewVBox(bar, widget.NewSeparator())
	return container.New(layout.NewBorderLayout(top, nil, nil, nil), top, body)
}

// fail tells the user that something went wrong, in their language, with
// the detail that names what and where; nothing is changed by showing it.
func (a *App) fail(what string, err error) {
	msg := wrapped(a.T(what) + "\n\n" + a.errorText(err))
	d := dialog.NewCustom(a.T("error.title"), a.T("dialog.ok"), msg, a.win)
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
}

// setLanguage switches the UI language and has the router draw the
// current screen again in it; a learner's choice is stored with the
// learner, and progress (kept by ID) is untouched.
func (a *App) setLanguage(code string) {
	defer a.nav.redraw()
	a.loc = a.bundle.For(code)
	if a.learner != nil {
		if err := a.svc.SetLanguage(a.ctx, a.learner.ID, code); err != nil {
			a.fail("error.save", err)
		}
		a.learner.Language = code
	} else {
		d := a.display
		d.Language = code
		a.saveDisplay(d)
	}
}

// courseLang is the language to show course text in.
func (a *App) courseLang(c *course.Course) string { return c.Lang(a.loc.Lang) }

// logError keeps an error's detail, with the context each layer wrapped
// round it, for a trainer or a developer; screens show translated words.
func (a *App) logError(err error) { logError(err) }

func logError(err error) { log.Printf("ogoh: [%s] %v", domain.ErrorCode(err), err) }

// goBackground runs work on its own goroutine, counted in jobs.
func (a *App) goBackground(work func()) {
	a.jobs.Add(1)
	a.idle.busy.Add(1)
	go func() {
		defer a.jobs.Done()
		defer a.idle.busy.Add(-1)
		work()
	}()
}

// saveDisplay saves the device's look and keeps it for drawing; on
// failure the look stays as it was saved, and the user is told.
func (a *App) saveDisplay(d progress.Display) bool {
	if err := a.svc.SetDisplay(a.ctx, d); err != nil {
		a.fail("error.save", err)
		return false
	}
	a.display = d
	return true
}
