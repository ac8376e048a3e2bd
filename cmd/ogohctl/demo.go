package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/demo"
	"github.com/ogoh/ogoh/internal/progress"
)

// demoSeed fills a data folder with simulated learners who study the
// bundled courses over the given days, through the same domain code as the
// app, so demos, reports and benchmarks see realistic data.
func demoSeed(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("demo seed", flag.ContinueOnError)
	dir := fs.String("data", "", "the data folder to fill (made if missing)")
	learners := fs.Int("learners", 50, "how many learners")
	days := fs.Int("days", 30, "over how many days, ending today")
	seed := fs.Uint64("seed", 1, "random seed: the same seed makes the same data")
	force := fs.Bool("force", false, "add demo learners even to a folder that holds real ones")
	if _, err := parseMixed(fs, args, stderr); err != nil {
		return 2
	}
	if *dir == "" || *learners < 1 || *days < 1 {
		fmt.Fprintln(stderr, "usage: ogohctl demo seed --data DIR --learners N --days D [--seed S] [--force]")
		return 2
	}
	list, problems := course.LoadAll(courses.FS)
	if len(problems) > 0 {
		fmt.Fprintln(stderr, "ogohctl: bundled courses:", problems)
		return 1
	}
	real, err := realLearners(ctx, *dir)
	if err != nil {
		return failed(stderr, err)
	}
	if len(real) > 0 && !*force {
		fmt.Fprintf(stderr, "ogohctl: %s holds %d real learner(s): demo seed would mix fake learners into their reports and sync; use another folder, or --force\n", *dir, len(real))
		return 1
	}
	end := time.Now().UTC().Truncate(time.Minute)
	clock := end.AddDate(0, 0, -*days)
	dev, err := progress.Open(ctx, *dir, nil, progress.WithClock(func() time.Time { return clock }), progress.Unsynced())
	if err != nil {
		return failed(stderr, err)
	}
	defer dev.Close()
	svc := dev.Service
	// A demo device is set up as a new one is: its trainer lock first, so
	// its trainer mode opens (with OGOH_TRAINER_PIN, or 2468).
	if state, err := svc.TrainerLock(ctx); err == nil && state == progress.LockNone {
		pin := os.Getenv("OGOH_TRAINER_PIN")
		if pin == "" {
			pin = "2468"
		}
		if err := svc.SetTrainerLock(ctx, pin, nil); err != nil {
			return failed(stderr, fmt.Errorf("demo trainer PIN: %w", err))
		}
		fmt.Fprintln(stdout, "trainer PIN of the demo device: as OGOH_TRAINER_PIN, or 2468")
	}
	if err := demo.Seed(ctx, svc, &clock, list, *learners, *days, *seed, end); err != nil {
		return failed(stderr, err)
	}
	if err := svc.MarkDemoLearners(ctx, real); err != nil {
		return failed(stderr, err)
	}
	st, err := svc.SyncStatus(ctx)
	if err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "seeded %d learners over %d days: %d statements waiting to sync\n", *learners, *days, st.Outbox.Pending)
	return 0
}

// realLearners are the IDs of the learners in dir's database not made by
// demo seed, read before anything opens it for writing, so a refused
// seed leaves a real device's folder exactly as it was.
func realLearners(ctx context.Context, dir string) ([]string, error) {
	file := filepath.Join(dir, progress.DatabaseFile)
	if info, err := os.Stat(file); err != nil || info.Size() == 0 {
		return nil, nil // nothing there yet
	}
	dev, err := progress.OpenReadOnly(ctx, dir, nil)
	if err != nil {
		return nil, err
	}
	defer dev.Close()
	return dev.Service.RealLearnerIDs(ctx)
}
