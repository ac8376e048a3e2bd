// Package ui is Ogoh's Fyne interface: one file per screen. It talks to
// the domain packages (course, quiz, progress, i18n) and never to SQL.
package ui

import (
	"context"
	"fmt"
	"io"
	"log"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
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
}

// App is the running interface: one window whose content is the current screen.
type App struct {
	fy      fyne.App
	win     fyne.Window
	svc     *progress.Service
	courses []*course.Course
	guide   *reference.Guide
	lib     *library.Library
	build   Build
	trainer bool // trainer mode unlocked with the trainer PIN
	bundle  *i18n.Bundle
	loc     *i18n.Localizer
	dataDir string
	ctx     context.Context

	learner  *domain.Learner
	redraw   func()         // rebuilds the current screen, e.g. after a language switch
	focus    fyne.Focusable // set by a screen's build: where typing goes first
	back     func()         // Escape: the current screen's way back
	keys     map[fyne.KeyName]func()
	returnTo func() // the screen settings were opened from

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
}

// New builds the window and shows the profile picker.
func New(fy fyne.App, opts Options) *App {
	stayOffline()
	a := &App{
		fy: fy, svc: opts.Device.Service, courses: opts.Device.Courses, guide: opts.Guide, lib: opts.Device.Library,
		build: opts.Build, bundle: opts.Bundle, dataDir: opts.Device.DataDir, ctx: context.Background(), do: fyne.Do,
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
	a.win.Canvas().SetOnTypedKey(a.typedKey)
	if displayErr != nil {
		defer a.fail("error.load", displayErr)
	}
	if opts.Probe != "" {
		if err := a.probe(opts.Probe, opts.ProbeOut); err != nil {
			a.fail("error.load", err)
		}
		return a
	}
	if a.firstRun() {
		a.showWelcome()
	} else {
		a.showProfiles()
	}
	return a
}

// NewWindow makes Ogoh's main window. main makes it first, so the window
// system and GL set themselves up while the data folder is opened.
func NewWindow(fy fyne.App) fyne.Window {
	win := fy.NewWindow("Ogoh")
	win.Resize(fyne.NewSize(1024, 700))
	win.SetMaster()
	return win
}

// WarmFonts parses the text fonts into Fyne's cache. Run off the UI
// thread at start-up, it takes font parsing (about 100 ms on an old
// laptop) off the path to the first screen. Only call it with the fyneDo
// migration on, where measuring text is safe from any goroutine.
func WarmFonts() {
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		fyne.MeasureText("Ogoh", theme.TextSize(), style)
	}
	// Notes are italic paragraphs, drawn from the font named (fontSource).
	fyne.CurrentApp().Driver().RenderedTextSize("Ogoh", theme.TextSize(), fyne.TextStyle{Italic: true}, italicFont())
}

// firstRun is true on a device where no one has been welcomed or studied yet.
func (a *App) firstRun() bool {
	welcomed, err := a.svc.Welcomed(a.ctx)
	if err != nil {
		a.logError(err)
	}
	learners, err := a.svc.Learners(a.ctx)
	if err != nil {
		a.logError(err)
	}
	return !welcomed && len(learners) == 0
}

// Window is the main window.
func (a *App) Window() fyne.Window { return a.win }

// T translates a message ID in the current language.
func (a *App) T(id string, kv ...any) string { return a.loc.T(id, kv...) }

// show puts a screen in the window. build is kept so the screen can be
// rebuilt in place when the language or theme changes.
func (a *App) show(build func() (title string, content fyne.CanvasObject)) {
	a.redraw = func() {
		a.focus, a.back, a.keys = nil, nil, map[fyne.KeyName]func(){}
		title, content := build()
		a.win.SetTitle("Ogoh — " + title)
		a.win.SetContent(content)
		if a.focus != nil {
			a.win.Canvas().Focus(a.focus)
		}
	}
	a.redraw()
}

// screen lays out a screen: a bar with back, title and settings, and a body.
func (a *App) screen(title string, back func(), body fyne.CanvasObject) fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Wrapping = fyne.TextWrapWord
	a.back = back
	var left fyne.CanvasObject
	if back != nil {
		left = widget.NewButtonWithIcon(a.T("nav.back"), theme.NavigateBackIcon(), back)
	}
	settings := widget.NewButtonWithIcon(a.T("settings.title"), theme.SettingsIcon(), a.openSettings)
	here := a.redraw
	help := widget.NewButtonWithIcon("", theme.HelpIcon(), func() { a.showHelp(here) })
	a.keys[fyne.KeyF1] = help.OnTapped
	bar := container.NewBorder(nil, nil, left, container.NewHBox(help, settings), heading)
	return container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, body)
}

// fail tells the user that something went wrong, in their language, with
// the detail that names what and where; nothing is changed by showing it.
func (a *App) fail(what string, err error) {
	msg := wrapped(a.T(what) + "\n\n" + fmt.Sprint(err))
	d := dialog.NewCustom(a.T("error.title"), a.T("dialog.ok"), msg, a.win)
	d.Resize(fyne.NewSize(520, 240))
	d.Show()
}

// setLanguage switches the UI language; a learner's choice is stored with
// the learner, and progress (kept by ID) is untouched.
func (a *App) setLanguage(code string) {
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

// typedKey is the keyboard for keys no focused widget takes: Escape goes
// back; a screen may bind others (number keys pick an answer, Enter
// confirms, arrows turn lesson pages).
func (a *App) typedKey(ev *fyne.KeyEvent) {
	if f := a.keys[ev.Name]; f != nil {
		f()
		return
	}
	if ev.Name == fyne.KeyEscape && a.back != nil {
		a.back()
	}
}

// bindEnter makes Enter (and the keypad's) tap b when it is shown and enabled.
func (a *App) bindEnter(b *widget.Button) {
	press := func() {
		if b.Visible() && !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	}
	a.keys[fyne.KeyReturn], a.keys[fyne.KeyEnter] = press, press
}

// numberKeys are the keys that pick the n-th choice.
var numberKeys = []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}

// logError keeps an error's detail, with the context each layer wrapped
// round it, for a trainer or a developer; screens show translated words.
func (a *App) logError(err error) { log.Printf("ogoh: [%s] %v", domain.ErrorCode(err), err) }

// goBackground runs work on its own goroutine, counted in jobs.
func (a *App) goBackground(work func()) {
	a.jobs.Add(1)
	go func() {
		defer a.jobs.Done()
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
