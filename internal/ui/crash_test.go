package ui

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

const crashChildEnv = "OGOH_CRASH_CHILD"

// TestMain turns the test binary into a scripted learner when the crash
// test starts it as a child process: the same UI, store and course code as
// the app, driven by the same driver the flow tests use.
func TestMain(m *testing.M) {
	if dir := os.Getenv(crashChildEnv); dir != "" {
		scriptedLearner(dir)
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// childFailer ends the child with a message; the parent reports it.
type childFailer struct{}

func (childFailer) Helper()           {}
func (childFailer) Fatal(args ...any) { fmt.Fprintln(os.Stderr, args...); os.Exit(3) }
func (childFailer) Fatalf(f string, args ...any) {
	fmt.Fprintf(os.Stderr, f+"\n", args...)
	os.Exit(3)
}

// scriptedLearner answers the final quiz as fast as it can, printing each
// answer once the screen has confirmed it, until it is killed.
func scriptedLearner(dir string) {
	d := start(childFailer{}, dir, "en")
	c := trafficking(d.t)
	q := c.Quiz("final")
	if ls, _ := d.db.Learners(context.Background()); len(ls) == 0 {
		d.createProfile("Crash", "other", "", "")
	} else {
		d.tapProfile("Crash — " + d.T("role.other"))
	}
	d.openCourse(c)
	if d.has(d.T("quiz.resume")) {
		d.tap(d.T("quiz.resume"))
	} else {
		d.tap(d.T("quiz.start"))
	}
	for {
		qu := d.shownQuestion(c, q)
		d.answer(c, qu, keyOf(qu))
		d.tap(d.T("quiz.check"))
		d.see(d.T("quiz.right"))
		fmt.Printf("confirmed %s\n", qu.ID)
		if !d.has(d.T("quiz.next")) {
			fmt.Println("finished")
			select {} // wait to be killed, as a learner reading the feedback
		}
		d.tap(d.T("quiz.next"))
	}
}

// crashPlans are the answer counts after which the two kills of each run
// happen: fixed for go test, drawn at random for make faults.
func crashPlans(draw int) [][2]int {
	n, _ := strconv.Atoi(os.Getenv("OGOH_CRASH_RUNS"))
	if n <= 0 {
		return [][2]int{{1, 2}, {3, 5}, {6, 4}}
	}
	seed, _ := strconv.ParseUint(os.Getenv("OGOH_CRASH_SEED"), 10, 64)
	r := rand.New(rand.NewPCG(seed, seed+1))
	plans := make([][2]int, n)
	for i := range plans {
		first := 1 + r.IntN(draw-2)
		plans[i] = [2]int{first, 1 + r.IntN(draw-first-1)}
	}
	return plans
}

// runUntilKilled starts a scripted learner on dir and kills it with
// SIGKILL right after its n-th confirmed answer; it returns the IDs of
// the answers the screen had confirmed.
func runUntilKilled(t *testing.T, dir string, n int) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+dir)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var confirmed []string
	finished := false
	lines := bufio.NewScanner(out)
	for len(confirmed) < n && !finished && lines.Scan() {
		if id, ok := strings.CutPrefix(lines.Text(), "confirmed "); ok {
			confirmed = append(confirmed, id)
		}
		// The learner can save an answer or two between the line read here
		// and the kill arriving, so a later run may reach the quiz's end
		// before its n-th answer.
		finished = lines.Text() == "finished"
	}
	cmd.Process.Kill() // SIGKILL: no deferred cleanup, no close
	cmd.Wait()
	if len(confirmed) < n && !finished {
		t.Fatalf("the scripted learner stopped after %d answers:\n%s", len(confirmed), stderr.String())
	}
	return confirmed
}

// TestKilledMidQuizLosesNoConfirmedAnswer kills a real child process in the
// middle of the quiz, twice in a row on the same data, and checks that every
// answer the screen confirmed is in the database, the file is sound, and the
// quiz resumes at the next question.
//
// OGOH_CRASH_RUNS=N (make faults: 200) runs N kill pairs at moments drawn
// from OGOH_CRASH_SEED; go test runs three fixed ones.
func TestKilledMidQuizLosesNoConfirmedAnswer(t *testing.T) {
	c := trafficking(t)
	q := c.Quiz("final")
	for _, plan := range crashPlans(q.Draw) {
		t.Run(fmt.Sprintf("kill after %d then %d more", plan[0], plan[1]), func(t *testing.T) {
			dir := t.TempDir()
			confirmed := runUntilKilled(t, dir, plan[0])
			confirmed = append(confirmed, runUntilKilled(t, dir, plan[1])...)

			d := start(t, dir, "en")
			defer d.close()
			ctx := context.Background()
			if v, err := d.db.IntegrityCheck(ctx); err != nil || v != "ok" {
				t.Fatalf("integrity check: %q, %v", v, err)
			}
			ls, _ := d.db.Learners(ctx)
			if len(ls) != 1 {
				t.Fatalf("learners after two crashes: %d", len(ls))
			}
			att, err := d.db.OpenAttempt(ctx, ls[0].ID, c.ID, q.ID)
			if err != nil {
				t.Fatalf("no attempt to resume: %v", err)
			}
			saved := map[string]bool{}
			for _, a := range att.Answers {
				saved[a.QuestionID] = true
			}
			for _, id := range confirmed {
				if !saved[id] {
					t.Errorf("answer to %s was confirmed on screen but is not in the database", id)
				}
			}
			if len(att.Answers) > len(confirmed)+2 {
				t.Errorf("%d answers saved, only %d confirmed", len(att.Answers), len(confirmed))
			}
			d.tapProfile("Crash — " + d.T("role.other"))
			d.openCourse(c)
			d.tap(d.T("quiz.resume"))
			if len(att.Answers) < q.Draw {
				d.see(d.T("quiz.position", "N", len(att.Answers)+1, "Total", q.Draw))
			} else { // every question was answered before the last kill
				d.see(d.T("result.again"))
			}
		})
	}
}
