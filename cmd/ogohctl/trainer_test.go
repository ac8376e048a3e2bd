package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/progress"
)

// TestTrainerResetNeedsTheTrainersKey: a forgotten trainer PIN is reset
// from the command line with the trainer's key, and with no other.
func TestTrainerResetNeedsTheTrainersKey(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "post")
	keys := t.TempDir()
	write := func(name string) (course.Key, string) {
		k, _ := course.NewKey(name)
		path := filepath.Join(keys, name+".key")
		os.WriteFile(path, []byte(k.SecretText()), 0o600)
		return k, path
	}
	trainer, trainerFile := write("trainer")
	_, strangerFile := write("stranger")
	dev, err := openDevice(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := dev.Service.SetTrainerLock(ctx, "909090", trainer.Public); err != nil {
		t.Fatal(err)
	}
	dev.Service.CreateLearner(ctx, progress.NewLearner{Name: "A", Role: "other", Language: "en"})
	dev.Close()

	t.Setenv("OGOH_TRAINER_PIN", "4321")
	var out, errOut strings.Builder
	if code := run([]string{"trainer", "reset", "--data", dir, "--key", strangerFile}, &out, &errOut); code == 0 {
		t.Fatalf("reset with a stranger's key succeeded:\n%s", out.String())
	}
	ctl(t, "trainer", "reset", "--data", dir, "--key", trainerFile)
	dev, err = openDevice(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer dev.Close()
	if _, err := dev.Service.UnlockTrainer(ctx, "4321"); err != nil {
		t.Errorf("the new PIN after the reset: %v", err)
	}
}

// TestADemoDeviceHasItsTrainerLock: demo seed sets a device up as the
// welcome does, so its trainer mode opens with the demo PIN.
func TestADemoDeviceHasItsTrainerLock(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "demo")
	ctl(t, "demo", "seed", "--data", dir, "--learners", "2", "--days", "2")
	dev, err := openDevice(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer dev.Close()
	if _, err := dev.Service.UnlockTrainer(ctx, "2468"); err != nil {
		t.Errorf("the demo device's trainer PIN: %v", err)
	}
}
