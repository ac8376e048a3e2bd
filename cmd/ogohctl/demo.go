package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/ogoh/ogoh/internal/demo"
	"github.com/ogoh/ogoh/internal/progress"
)

// demoSeed fills a data folder with simulated learners who study the
// bundled courses over the given days, through the same domain code as the
// app, so demos, reports and benchmarks see realistic data.
func demoSeed(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	o, ok := parseDemoSeed(args, stderr)
	if !ok {
		return 2
	}
	list, err := bundledCourses()
	if err != nil {
		return failed(stderr, err)
	}
	real, err := realLearners(ctx, o.dir)
	if err != nil {
		return failed(stderr, err)
	}
	if len(real) > 0 && !o.force {
		fmt.Fprintf(stderr, "ogohctl: %s holds %d real learner(s): demo seed would mix fake learners into their reports and sync; use another folder, or --force\n", o.dir, len(real))
		return 1
	}
	end := time.Now().UTC().Truncate(time.Minute)
	clock := end.AddDate(0, 0, -o.days)
	// The quizzes' draws come from the seed too, or the same seed would
	// draw other questions and make other data.
	draws := rand.New(rand.NewPCG(o.seed, o.seed^0xd2a3))
	dev, err := progress.Open(ctx, o.dir, nil, progress.WithClock(func() time.Time { return clock }),
		progress.WithSeed(draws.Int64), progress.Unsynced())
	if err != nil {
		return failed(stderr, err)
	}
	defer dev.Close()
	svc := dev.Service
	if err := demoTrainerLock(ctx, svc, stdout); err != nil {
		return failed(stderr, err)
	}
	if err := demo.Seed(ctx, svc, &clock, list, o.learners, o.days, o.seed, end); err != nil {
		return failed(stderr, err)
	}
	if err := svc.MarkDemoLearners(ctx, real); err != nil {
		return failed(stderr, err)
	}
	st, err := svc.SyncStatus(ctx)
	if err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "seeded %d learners over %d days: %d statements waiting to sync\n", o.learners, o.days, st.Outbox.Pending)
	return 0
}

// demoOptions are what demo seed was asked to do.
type demoOptions struct {
	dir            string
	learners, days int
	seed           uint64
	force          bool
}

// parseDemoSeed reads demo seed's arguments; false means they were wrong,
// and what is wrong has been said.
func parseDemoSeed(args []string, stderr io.Writer) (demoOptions, bool) {
	var o demoOptions
	fs := flag.NewFlagSet("demo seed", flag.ContinueOnError)
	fs.StringVar(&o.dir, "data", "", "the data folder to fill (made if missing)")
	fs.IntVar(&o.learners, "learners", 50, "how many learners")
	fs.IntVar(&o.days, "days", 30, "over how many days, ending today")
	fs.Uint64Var(&o.seed, "seed", 1, "random seed: the same seed makes the same data")
	fs.BoolVar(&o.force, "force", false, "add demo learners even to a folder that holds real ones")
	if _, err := parseMixed(fs, args, stderr); err != nil {
		return o, false
	}
	if o.dir == "" || o.learners < 1 || o.days < 1 {
		fmt.Fprintln(stderr, "usage: ogohctl demo seed --data DIR --learners N --days D [--seed S] [--force]")
		return o, false
	}
	return o, true
}

// demoTrainerLock sets a demo device up as a new one is: its trainer lock
// first, so its trainer mode opens (with OGOH_TRAINER_PIN, or 2468). A
// device that has a lock keeps it.
func demoTrainerLock(ctx context.Context, svc *progress.Service, stdout io.Writer) error {
	state, err := svc.TrainerLock(ctx)
	if err != nil {
		return fmt.Errorf("demo trainer PIN: %w", err)
	}
	if state != progress.LockNone {
		return nil
	}
	pin := os.Getenv("OGOH_TRAINER_PIN")
	if pin == "" {
		pin = "2468"
	}
	if err := svc.SetTrainerLock(ctx, pin, nil); err != nil {
		return fmt.Errorf("demo trainer PIN: %w", err)
	}
	fmt.Fprintln(stdout, "trainer PIN of the demo device: as OGOH_TRAINER_PIN, or 2468")
	return nil
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
