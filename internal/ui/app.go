// Package ui is Ogoh's Fyne interface: one file per screen. It talks to
// the domain packages (course, quiz, progress, i18n) and never to SQL.
package ui

import (
	"context"
	"io"
	"sync/atomic"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/library"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/reference"
)

// Options is what the app needs from main.
type Options struct {
	Service        *progress.Service
	Courses        []*course.Course
	Guide          *reference.Guide // the field quick-reference; nil if it failed to load
	Library        *library.Library // installs and removes courses; nil: the courses are fixed
	Bundle         *i18n.Bundle
	DataDir        string
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

	nav     *router
	learner *domain.Learner
	// settings is the settings screen of this visit: trainer mode and sync
	// go back to it, and it back to where it was opened from.
	settings *settingsScreen

	// background runs long work (sync, export) off the UI thread; results
	// come back through fyne.Do. Tests may run it in place.
	background func(func())
	newSender  func(lrs.LRS) *lrs.Sender // tests shorten its retries
	syncing    atomic.Bool               // one sync at a time, by hand or automatic
	stopAuto   context.CancelFunc
	probeMark  fyne.CanvasObject // the start-up benchmark's mark (probe.go)
}

// settings keys
const (
	settingLanguage = "ui.language" // of the profile picker, before a learner is chosen
	settingTheme    = "ui.theme"
	settingTextSize = "ui.text_size" // index into textScales
)

// New builds the window and shows the profile picker.
func New(fy fyne.App, opts Options) *App {
	stayOffline()
	a := &App{
		fy: fy, svc: opts.Service, courses: opts.Courses, guide: opts.Guide, lib: opts.Library, build: opts.Build, bundle: opts.Bundle,
		dataDir: opts.DataDir, ctx: context.Background(), background: func(f func()) { go f() },
		newSender: lrs.NewSender,
	}
	lang, _ := a.svc.Setting(a.ctx, settingLanguage, i18n.Supported(opts.SystemLanguage))
	a.loc = a.bundle.For(lang)
	a.applyTheme()
	a.win = opts.Window
	if a.win == nil {
		a.win = NewWindow(fy)
	}
	a.nav = newRouter(a.win)
	if opts.Probe != "" {
		if err := a.probe(opts.Probe, opts.ProbeOut); err != nil {
			a.fail("error.load", err)
		}
		return a
	}
	if a.firstRun() {
		a.nav.open(newWelcomeScreen(a))
	} else {
		a.nav.open(newProfilesScreen(a))
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
	done, _ := a.svc.Setting(a.ctx, settingWelcomed, "")
	learners, _ := a.svc.Learners(a.ctx)
	return done == "" && len(learners) == 0
}

// Window is the main window.
func (a *App) Window() fyne.Window { return a.win }

// T translates a message ID in the current language.
func (a *App) T(id string, kv ...any) string { return a.loc.T(id, kv...) }

// show puts a screen that is only a way to draw itself in the window.
func (a *App) show(build func() (title string, content fyne.CanvasObject)) {
	a.nav.open(screenFunc(build))
}

// redraw draws the current screen again, e.g. after a language switch.
func (a *App) redraw() { a.nav.redraw() }

// screen lays out a screen: a bar with back, title and settings, and a body.
func (a *App) screen(title string, back func(), body fyne.CanvasObject) fyne.CanvasObject {
	heading := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Wrapping = fyne.TextWrapWord
	a.nav.back = back
	var left fyne.CanvasObject
	if back != nil {
		left = widget.NewButtonWithIcon(a.T("nav.back"), theme.NavigateBackIcon(), back)
	}
	settings := widget.NewButtonWithIcon(a.T("settings.title"), theme.SettingsIcon(), a.openSettings)
	here := a.nav.returnHere()
	help := widget.NewButtonWithIcon("", theme.HelpIcon(), func() { a.nav.open(newHelpScreen(a, here)) })
	a.nav.bind(fyne.KeyF1, help.OnTapped)
	bar := container.NewBorder(nil, nil, left, container.NewHBox(help, settings), heading)
	return container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, body)
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
	} else if err := a.svc.SetSetting(a.ctx, settingLanguage, code); err != nil {
		a.fail("error.save", err)
	}
}

// courseLang is the language to show course text in.
func (a *App) courseLang(c *course.Course) string { return c.Lang(a.loc.Lang) }
