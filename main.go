// Command ogoh is the desktop app: it finds the data folder, opens the
// progress database, loads the bundled courses and starts the UI.
package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/ogoh/ogoh/assets"
	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/library"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/reference"
	"github.com/ogoh/ogoh/internal/store"
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
	if err := run(fy, *dataFlag); err != nil {
		fmt.Fprintln(os.Stderr, "ogoh:", err)
		os.Exit(1)
	}
}

func run(fy fyne.App, dataDir string) error {
	if dataDir == "" {
		dataDir = fy.Storage().RootURI().Path()
	}
	if err := os.MkdirAll(dataDir, 0o700); err != nil {
		return fmt.Errorf("data folder: %w", err)
	}
	db, err := store.Open(context.Background(), filepath.Join(dataDir, store.FileName), time.Now)
	if err != nil {
		return err
	}
	defer db.Close()
	bundle, err := i18n.Load()
	if err != nil {
		return err
	}
	bundled, problems := course.LoadAll(courses.FS)
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, "ogoh: bundled course:", p)
	}
	lib := library.New(db, dataDir, bundled)
	list, problems := lib.Courses()
	for _, p := range problems {
		fmt.Fprintln(os.Stderr, "ogoh: installed course:", p)
	}
	guide, err := reference.Load(quickref.FS)
	if err != nil {
		fmt.Fprintln(os.Stderr, "ogoh:", err) // the app still runs; the screen says it is missing
	}
	svc, err := progress.New(context.Background(), db, progress.Options{Seed: rand.Int64, Now: time.Now})
	if err != nil {
		return err
	}
	app := ui.New(fy, ui.Options{
		Service: svc, Courses: list, Guide: guide, Library: lib, Bundle: bundle,
		DataDir: dataDir, SystemLanguage: os.Getenv("LANG"), Build: buildInfo(),
	})
	app.StartAutoSync()
	defer app.Close()
	app.Window().ShowAndRun()
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
