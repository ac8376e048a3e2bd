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
	"github.com/ogoh/ogoh/internal/reference"
	"github.com/ogoh/ogoh/internal/ui"
	"github.com/ogoh/ogoh/quickref"
)

// version is the app's version; FyneApp.toml says the same (a test checks).
const version = "0.1.0"

func main() {
	dataFlag := flag.String("data", os.Getenv("OGOH_DATA"), "data folder (database, courses, backups); default: the app's storage folder")
	flag.Parse()
	fy := app.NewWithID("org.ogoh.app")
	fy.SetIcon(assets.Icon)
	dataDir := *dataFlag
	if dataDir == "" {
		dataDir = fy.Storage().RootURI().Path()
	}
	bundle, err := i18n.Load()
	if err != nil {
		fmt.Fprintln(os.Stderr, "ogoh:", err)
		os.Exit(1)
	}
	start := func() {
		if err := startApp(fy, bundle, dataDir); err != nil {
			fmt.Fprintln(os.Stderr, "ogoh:", err)
			os.Exit(1)
		}
	}
	if err := device.Check(context.Background(), dataDir); errors.Is(err, device.ErrCorrupt) {
		ui.ShowRecovery(fy, bundle, os.Getenv("LANG"), dataDir, err, start)
	} else {
		start()
	}
	fy.Run()
}

// startApp opens the data folder and shows the app's window.
func startApp(fy fyne.App, bundle *i18n.Bundle, dataDir string) error {
	ctx := context.Background()
	bundled, problems := course.LoadAll(courses.FS)
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, "ogoh: bundled course:", p)
	}
	dev, err := device.Open(ctx, dataDir, bundled)
	if err != nil {
		return err
	}
	for _, p := range dev.Problems {
		fmt.Fprintln(os.Stderr, "ogoh: installed course:", p)
	}
	guide, err := reference.Load(quickref.FS)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ogoh:", err) // the app still runs; the screen says it is missing
	}
	a := ui.New(fy, ui.Options{
		Service: dev.Service, Courses: dev.Courses, Guide: guide, Library: dev.Library, Bundle: bundle,
		DataDir: dataDir, SystemLanguage: os.Getenv("LANG"), Build: buildInfo(),
	})
	a.StartAutoSync()
	go func() { // off the start-up path: a copy of yesterday's progress
		if err := dev.DailyBackup(ctx); err != nil {
			fmt.Fprintln(os.Stderr, "ogoh: daily backup:", err)
		}
	}()
	fy.Lifecycle().SetOnStopped(func() {
		a.Close()
		dev.Close()
	})
	a.Window().SetMaster()
	a.Window().Show()
	return nil
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
