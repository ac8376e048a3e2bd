// Command startup measures Ogoh's start-up time and memory against an
// empty Fyne window (bench/emptywindow), both run under the same X display
// and reporting through internal/ui/startprobe. It runs them in turn, takes
// medians, prints a table and fails when a ratio is over its budget.
// scripts/bench-startup.sh builds the programs and calls it.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"time"
)

// Budgets from issue 6, as ratios to the empty window.
const (
	budgetStart     = 1.3
	budgetMemShown  = 1.3
	budgetMemCourse = 1.5
)

// sample is one run: when each probe stage was reported, and peak RSS then.
type sample struct {
	at  map[string]time.Duration
	hwm map[string]int // kB
}

func main() {
	ogoh := flag.String("ogoh", "", "the Ogoh binary")
	empty := flag.String("empty", "", "the empty-window binary")
	data := flag.String("data", "", "Ogoh's data folder (needs a learner without a PIN)")
	runs := flag.Int("runs", 9, "runs of each program (after one warm-up run each)")
	label := flag.String("label", "", "a name for this data, for the table")
	flag.Parse()
	if *ogoh == "" || *empty == "" || *data == "" {
		flag.Usage()
		os.Exit(2)
	}
	var base, catalogue, course []sample
	// One warm-up each (disk cache, the day's backup), then alternate so
	// both see the same machine.
	for i := -1; i < *runs; i++ {
		e, err := runAgain(*empty, nil, "shown")
		check(err)
		c, err := runAgain(*ogoh, []string{"--data", *data}, "catalogue", "OGOH_PROBE=catalogue")
		check(err)
		q, err := runAgain(*ogoh, []string{"--data", *data}, "course", "OGOH_PROBE=course")
		check(err)
		if i >= 0 {
			base, catalogue, course = append(base, e), append(catalogue, c), append(course, q)
		}
	}
	baseStart := median(base, func(s sample) float64 { return ms(s.at["shown"]) })
	baseMem := median(base, func(s sample) float64 { return float64(s.hwm["shown"]) / 1024 })
	start := median(catalogue, func(s sample) float64 { return ms(s.at["catalogue"]) })
	memShown := median(catalogue, func(s sample) float64 { return float64(s.hwm["catalogue"]) / 1024 })
	memCourse := median(course, func(s sample) float64 { return float64(s.hwm["course"]) / 1024 })

	fmt.Printf("start-up and memory, %s, median of %d runs each\n\n", *label, *runs)
	fmt.Println("| measure | empty window | Ogoh | ratio | budget | |")
	fmt.Println("|---|---|---|---|---|---|")
	ok := row("start-up to first frame (ms)", baseStart, start, budgetStart)
	ok = row("peak RSS, catalogue shown (MB)", baseMem, memShown, budgetMemShown) && ok
	ok = row("peak RSS, after a course and its quiz (MB)", baseMem, memCourse, budgetMemCourse) && ok
	if !ok {
		os.Exit(1)
	}
}

func row(name string, base, v, budget float64) bool {
	ratio := v / base
	verdict := "within"
	if ratio > budget {
		verdict = "OVER"
	}
	fmt.Printf("| %s | %.0f | %.0f | %.2f× | %.1f× | %s |\n", name, base, v, ratio, budget, verdict)
	return ratio <= budget
}

// hung is how long a run may take before it is killed. Rarely, under Xvfb
// with software GL, a Fyne window (the empty one too) never draws its first
// frame; one such run would otherwise stop the benchmark for good.
const hung = time.Minute

// runAgain runs once more a run that was killed as hung.
func runAgain(bin string, args []string, last string, env ...string) (sample, error) {
	s, err := run(bin, args, last, env...)
	if errors.Is(err, context.DeadlineExceeded) {
		fmt.Fprintf(os.Stderr, "startup: %s hung, killed after %v; running it again\n", bin, hung)
		s, err = run(bin, args, last, env...)
	}
	return s, err
}

// run starts a program, reads its probe lines and waits for it to quit.
func run(bin string, args []string, last string, env ...string) (sample, error) {
	s := sample{at: map[string]time.Duration{}, hwm: map[string]int{}}
	ctx, cancel := context.WithTimeout(context.Background(), hung)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return s, err
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return s, err
	}
	lines := bufio.NewScanner(out)
	for lines.Scan() {
		var stage string
		var hwm, rss int
		if n, _ := fmt.Sscanf(lines.Text(), "probe %s hwm_kb=%d rss_kb=%d", &stage, &hwm, &rss); n == 3 {
			s.at[stage], s.hwm[stage] = time.Since(t0), hwm
		}
	}
	if err := cmd.Wait(); err != nil {
		if ctx.Err() != nil {
			return s, ctx.Err()
		}
		return s, fmt.Errorf("%s: %w\n%s", bin, err, stderr.String())
	}
	if _, ok := s.at[last]; !ok {
		return s, fmt.Errorf("%s never reported %q\n%s", bin, last, stderr.String())
	}
	return s, nil
}

func median(samples []sample, f func(sample) float64) float64 {
	v := make([]float64, len(samples))
	for i, s := range samples {
		v[i] = f(s)
	}
	slices.Sort(v)
	return v[len(v)/2]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "startup:", err)
		os.Exit(2)
	}
}
