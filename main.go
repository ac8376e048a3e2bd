// Command ogoh is the desktop app: it finds the data folder, opens it (or
// offers a backup when its database is damaged) and starts the UI.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/ogoh/ogoh/assets"
	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/device"
	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/oskeyring"
	"github.com/ogoh/ogoh/internal/reference"
	"github.com/ogoh/ogoh/internal/ui"
	"github.com/ogoh/ogoh/quickref"
)

// version is the app's version; FyneApp.toml says the same (a test checks).
const version = "0.1.0"

func main() {
	dataFlag := flag.String("data", os.Getenv("OGOH_DATA"), "data folder (database, courses, backups); default: the app's storage folder")
	flag.Parse()
	// The heap is small (20–30 MB) and most of what start-up allocates
	// (font tables, course files) is garbage at once. Collecting at half
	// the default growth keeps the peak 4–10 MB lower for no measurable
	// time (docs/performance.md); these laptops are short of memory.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	fy := app.NewWithID("org.ogoh.app")
	fy.SetIcon(assets.Icon)
	dataDir := *dataFlag
	if dataDir == "" {
		dataDir = fy.Storage().RootURI().Path()
	}
	// Start-up runs two ways at once (docs/performance.md): the main
	// thread makes the window and its GL context, while one goroutine
	// loads the data folder and courses, then parses the fonts. A third
	// way, fonts apart, made the window slower on two cores: the X server
	// needs one too.
	opening := make(chan opened, 1)
	portable := *dataFlag != ""
	go func() {
		o := open(dataDir, portable)
		if fy.Metadata().Migrations["fyneDo"] {
			ui.WarmFonts()
		}
		opening <- o
	}()
	win := ui.NewWindow(fy)
	win.Show()
	o := <-opening
	if o.err != nil {
		fmt.Fprintln(os.Stderr, "ogoh:", o.err)
		os.Exit(1)
	}
	if o.damage != nil {
		ui.ShowRecovery(win, fy, o.bundle, i18n.SystemLanguage(), dataDir, o.damage, func() {
			restored := open(dataDir, portable)
			if restored.err == nil && restored.damage != nil {
				restored.err = restored.damage
			}
			if restored.err != nil {
				fmt.Fprintln(os.Stderr, "ogoh:", restored.err)
				os.Exit(1)
			}
			startApp(fy, win, restored, dataDir)
		})
	} else {
		startApp(fy, win, o, dataDir)
	}
	fy.Run()
}

// opened is the data folder, ready for the UI, or why it is not.
type opened struct {
	bundle *i18n.Bundle
	dev    *device.Device
	guide  *reference.Guide
	damage error // the database is damaged (offer a backup) or from a newer Ogoh
	err    error
}

// open loads the translations and bundled courses and opens the data
// folder. It touches no widget, so it runs while the window is made.
func open(dataDir string, portable bool) opened {
	ctx := context.Background()
	var o opened
	if o.bundle, o.err = i18n.Load(); o.err != nil {
		return o
	}
	if err := device.Check(ctx, dataDir); stopsStartUp(err) {
		o.damage = err
		return o
	}
	bundled, problems := course.LoadAll(courses.FS)
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, "ogoh: bundled course:", p)
	}
	var opts []device.Option
	if !portable { // a portable folder goes where this keyring does not
		opts = append(opts, device.WithKeyring(oskeyring.New()))
	}
	if o.dev, o.err = device.Open(ctx, dataDir, bundled, opts...); o.err != nil {
		if stopsStartUp(o.err) { // a newer Ogoh wrote it since the check
			o.damage, o.err = o.err, nil
		}
		return o
	}
	for _, p := range o.dev.Problems {
		fmt.Fprintln(os.Stderr, "ogoh: installed course:", p)
	}
	var err error
	if o.guide, err = reference.Load(quickref.FS); err != nil {
		fmt.Fprintln(os.Stderr, "ogoh:", err) // the app still runs; the screen says it is missing
	}
	return o
}

// stopsStartUp is true for what the start-up screen explains instead of
// the app: a damaged or lost database, or one from a newer Ogoh.
func stopsStartUp(err error) bool {
	var newer *device.SchemaTooNewError
	return errors.Is(err, device.ErrCorrupt) || errors.As(err, &newer)
}

// startApp shows the app in the main window.
func startApp(fy fyne.App, win fyne.Window, o opened, dataDir string) {
	ctx := context.Background()
	dev := o.dev
	a := ui.New(fy, ui.Options{
		Service: dev.Service, Courses: dev.Courses, Guide: o.guide, Library: dev.Library, Bundle: o.bundle,
		DataDir: dataDir, SystemLanguage: i18n.SystemLanguage(), Build: buildInfo(), Window: win,
		Probe: os.Getenv("OGOH_PROBE"), ProbeOut: os.Stdout, // the start-up benchmark; see docs/performance.md
	})
	a.StartAutoSync()
	// Draw the first screen now: Show on a shown window paints it at once,
	// where the event loop would wait for its next frame tick (up to 16 ms).
	win.Show()
	go func() { // off the start-up path: the full check of a large database, the daily backup
		err := dev.AfterStart(ctx)
		if err != nil {
			fmt.Fprintln(os.Stderr, "ogoh: after start-up:", err)
		}
		if errors.Is(err, device.ErrCorrupt) {
			fyne.Do(a.DamageFound)
		}
	}()
	fy.Lifecycle().SetOnStopped(func() {
		a.Close()
		dev.Close()
	})
}

// buildInfo reads the commit and its date that the Go toolchain records
// in every binary built from a git checkout.
func buildInfo() ui.Build {
	b := ui.Build{Version: version, Date: "unknown", Commit: "unknown"}
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				b.Commit = s.Value[:min(12, len(s.Value))]
			case "vcs.time":
				b.Date = s.Value
			}
		}
	}
	return b
}
