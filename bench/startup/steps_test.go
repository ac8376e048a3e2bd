package main

import "testing"

// A step that only some runs noted says so beside its median: the fonts
// parsed beside the window in 2 of 9 runs read as if they always were.
func TestAStepSomeRunsMissedSaysHowManyNotedIt(t *testing.T) {
	run := func(names ...string) sample {
		s := sample{steps: map[string][]step{}}
		for i, n := range names {
			s.steps["shown"] = append(s.steps["shown"], step{n, float64(10 * (i + 1))})
		}
		return s
	}
	samples := []sample{run("data opened", "fonts parsed"), run("data opened"), run("data opened")}
	want := "data opened 10, fonts parsed 20 (in 1 of 3 runs)"
	if got := medianSteps(samples, "shown"); got != want {
		t.Errorf("steps read %q, want %q", got, want)
	}
	if got := medianSteps([]sample{run("data opened")}, "shown"); got != "data opened 10" {
		t.Errorf("a step every run noted reads %q", got)
	}
}
