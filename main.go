// Command ogoh is the desktop app: it reads its flags, finds the data
// folder and hands both to the UI's start-up (internal/ui/start.go).
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime/debug"

	"fyne.io/fyne/v2/app"

	"github.com/ogoh/ogoh/assets"
	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/cmem"
	"github.com/ogoh/ogoh/internal/gcpace"
	"github.com/ogoh/ogoh/internal/oskeyring"
	"github.com/ogoh/ogoh/internal/ui"
	"github.com/ogoh/ogoh/quickref"
)

// version is the app's version; FyneApp.toml says the same (a test checks).
const version = "0.1.0"

func main() {
	// Until the first screen is drawn the collector waits (gcpace), and the
	// C allocator keeps its defaults: set at start, its threshold gives the
	// GL driver's start-up buffers pages of their own, system calls the
	// first frame need not wait for (docs/performance.md). The probe's
	// catalogue is its first screen, where the app draws it only after the
	// picker: it is measured as the app draws it.
	collect := gcpace.StartUp()
	drawn := func() { collect(); cmem.Tune() }
	dataFlag := flag.String("data", os.Getenv("OGOH_DATA"), "data folder (database, courses, backups); default: the app's storage folder")
	flag.Parse()
	fy := app.NewWithID("org.ogoh.app")
	fy.SetIcon(assets.Icon)
	l := ui.Launch{DataDir: *dataFlag, Courses: courses.FS, Guide: quickref.FS, Build: buildInfo(),
		Log: os.Stderr, Probe: os.Getenv("OGOH_PROBE"), ProbeOut: os.Stdout}
	if l.Probe == ui.ProbeCatalogue || l.Probe == ui.ProbeCourse {
		drawn()
	}
	if l.DataDir == "" { // a portable folder (--data) keeps its secrets in it, not in this keyring
		l.DataDir, l.Keyring = fy.Storage().RootURI().Path(), oskeyring.New()
	}
	if err := ui.Start(fy, l); err != nil {
		fmt.Fprintln(os.Stderr, "ogoh:", err)
		os.Exit(1)
	}
	drawn() // Start returns once the first screen is painted
	fy.Run()
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
