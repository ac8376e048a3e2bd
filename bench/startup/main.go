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

// Budgets from issue 18, as ratios to the empty window; 0: shown, not judged.
const (
	budgetFirst     = 1.15
	budgetCatalogue = 0 // the first screen is the picker or the welcome; the catalogue's time is for reference
	budgetMemShown  = 1.2
	budgetMemCourse = 1.25
)

// noisy is the empty window's spread, (p75 − p25) / median of its runs,
// above which a run's ratios are not judged: the machine was busy.
const noisy = 0.25

// Exit statuses: 1 a ratio over its budget, 3 too noisy to judge.
const (
	exitOver  = 1
	exitNoisy = 3
)

// sample is one run: when each probe stage was reported, and peak RSS then.
type sample struct {
	at     map[string]time.Duration
	hwm    map[string]int // kB
	goSys  map[string]int // kB the Go runtime holds; the rest of RSS is C's (Mesa, GLFW)
	goHeap map[string]int // kB of Go heap in use
	steps  map[string][]step
}

// step is one step of start-up the probe noted: when it ended, in ms
// from the program's own start (after the Go runtime's).
type step struct {
	name string
	ms   float64
}

// program is one Ogoh build: today's, or a revision to compare it with.
type program struct {
	name  string
	bin   string
	first bool // its probe knows OGOH_PROBE=first
	runs  map[string][]sample
}

// measures, in the table's order: what is run, the stage it reports, and
// which of its readings is used.
type measure struct {
	name, probe, stage string
	newDevice, memory  bool
	budget             float64
}

var measures = []measure{
	{"start-up to first frame, returning learner (profile picker) (ms)", "first", "first", false, false, budgetFirst},
	{"start-up to first frame, new device (welcome) (ms)", "first", "first", true, false, budgetFirst},
	{"start-up to the catalogue drawn (ms)", "catalogue", "catalogue", false, false, budgetCatalogue},
	{"peak RSS, catalogue shown (MB)", "catalogue", "catalogue", false, true, budgetMemShown},
	{"peak RSS, after a course and its quiz (MB)", "course", "course", false, true, budgetMemCourse},
}

func main() {
	ogoh := flag.String("ogoh", "", "the Ogoh binary")
	empty := flag.String("empty", "", "the empty-window binary")
	data := flag.String("data", "", "Ogoh's data folder (needs a learner without a PIN)")
	runs := flag.Int("runs", 9, "runs of each program (after one warm-up run each)")
	label := flag.String("label", "", "a name for this data, for the table")
	before := flag.String("before", "", "an earlier Ogoh binary to measure in the same run")
	beforeName := flag.String("before-name", "before", "the earlier binary's name in the table")
	beforeFirst := flag.Bool("before-first", false, "the earlier binary's probe knows OGOH_PROBE=first")
	floor := flag.String("floor", "", "the text-window binary (bench/textwindow): Fyne showing the welcome's words, or the catalogue's and then a course's, nothing of Ogoh's")
	sized := flag.String("floor-sized", "", "the text window built with Ogoh's program linked in, never run (bench/textwindow, tag ogohsized): the same floor for a program of Ogoh's size")
	flag.Parse()
	if *ogoh == "" || *empty == "" || *data == "" {
		flag.Usage()
		os.Exit(2)
	}
	progs := []*program{{name: "Ogoh", bin: *ogoh, first: true}}
	if *before != "" {
		progs = append([]*program{{name: *beforeName, bin: *before, first: *beforeFirst}}, progs...)
	}
	var base []sample
	plain := &floorRuns{name: "Fyne's floor", what: "bench/textwindow: plain Fyne text, nothing of Ogoh's", bin: *floor}
	atSize := &floorRuns{name: "The floor at Ogoh's size", what: "the same, with Ogoh's program linked in and never run", bin: *sized}
	floors := []*floorRuns{plain, atSize}
	// One warm-up each (disk cache, the day's backup), then alternate so
	// every program sees the same machine.
	for i := -1; i < *runs; i++ {
		e, err := runAgain(*empty, nil, "shown")
		check(err)
		if i >= 0 {
			base = append(base, e)
		}
		for _, f := range floors {
			check(f.runOnce(i >= 0))
		}
		for _, p := range progs {
			check(p.runOnce(*data, i >= 0))
		}
	}
	fmt.Printf("start-up and memory, %s, median of %d runs each\n\n", *label, *runs)
	status := table(os.Stdout, base, progs)
	stepLines(os.Stdout, base, progs[len(progs)-1])
	for _, f := range floors {
		if len(f.shown) > 0 {
			floorLine(os.Stdout, base, f, progs[len(progs)-1])
			memoryFloorLines(os.Stdout, base, f, progs[len(progs)-1])
		}
	}
	os.Exit(status)
}

// parseSteps reads "steps <stage> name=ms …" (names may hold spaces:
// each pair ends at its number).
func parseSteps(line string) (string, []step, bool) {
	rest, ok := strings.CutPrefix(line, "steps ")
	if !ok {
		return "", nil, false
	}
	stage, rest, _ := strings.Cut(rest, " ")
	var out []step
	for rest != "" {
		name, after, found := strings.Cut(rest, "=")
		if !found {
			break
		}
		num, next, _ := strings.Cut(after, " ")
		var ms float64
		if _, err := fmt.Sscanf(num, "%g", &ms); err != nil {
			break
		}
		out = append(out, step{strings.TrimSpace(name), ms})
		rest = next
	}
	return stage, out, true
}

// stepLines print where a first frame's time goes: the median end of
// each step the probe noted, for the empty window and for each measure
// of a first frame.
func stepLines(out *os.File, base []sample, p *program) {
	fmt.Fprintln(out, "\nwhere the first frame's time goes (median ms from the program's own start, after the Go runtime's):")
	fmt.Fprintf(out, "- empty window: %s\n", medianSteps(base, "shown"))
	for _, m := range measures {
		if s := p.runs[runKey(m.probe, m.newDevice)]; m.probe == "first" && len(s) > 0 {
			fmt.Fprintf(out, "- %s, %s: %s\n", p.name, strings.TrimSuffix(m.name, " (ms)"), medianSteps(s, m.stage))
		}
	}
}

func medianSteps(samples []sample, stage string) string {
	var names []string
	at := map[string][]float64{}
	for _, s := range samples {
		for _, st := range s.steps[stage] {
			if _, seen := at[st.name]; !seen {
				names = append(names, st.name)
			}
			at[st.name] = append(at[st.name], st.ms)
		}
	}
	// A step some runs did not note is named with how many did: fonts not
	// parsed beside the window in most runs (a race read no migration)
	// hid behind the median of the few that did.
	var parts []string
	for _, n := range names {
		part := fmt.Sprintf("%s %.0f", n, stats(at[n]).median)
		if k := len(at[n]); k < len(samples) {
			part += fmt.Sprintf(" (in %d of %d runs)", k, len(samples))
		}
		parts = append(parts, part)
	}
	if len(parts) == 0 {
		return "(no steps noted)"
	}
	return strings.Join(parts, ", ")
}

// floorRuns are a floor's runs: the welcome's words, and, in a run of its
// own as Ogoh's probe, the catalogue's words and the first course as plain
// text. The floor at Ogoh's size is the same program with Ogoh's code in
// its file: what Ogoh holds over it is what Ogoh does, not its size.
type floorRuns struct {
	name, what, bin string
	shown, walks    []sample
}

func (f *floorRuns) runOnce(keep bool) error {
	if f.bin == "" {
		return nil
	}
	s, err := runAgain(f.bin, nil, "shown", "OGOH_PROBE=first") // any probe notes the steps
	if err != nil {
		return err
	}
	w, err := runAgain(f.bin, nil, "course", "OGOH_PROBE=course")
	if err != nil {
		return err
	}
	if keep {
		f.shown, f.walks = append(f.shown, s), append(f.walks, w)
	}
	return nil
}

// floorLine compares the welcome with the text window, the same words in
// Fyne's own widgets: what the text window costs over the empty window is
// Fyne's, and what the welcome costs over the text window is Ogoh's.
func floorLine(out *os.File, base []sample, f *floorRuns, p *program) {
	empty := stats(values(base, "shown", false)).median
	floor := stats(values(f.shown, "shown", false))
	floorMem := stats(values(f.shown, "shown", true)).median
	fmt.Fprintf(out, "\n%s for the welcome's words (%s): first frame %.0f ms, %.2f× the empty window (%+.0f ms), spread %.0f%%; peak RSS %.0f MB\n",
		f.name, f.what, floor.median, floor.median/empty, floor.median-empty, 100*floor.spread, floorMem)
	fmt.Fprintf(out, "- its steps: %s\n", medianSteps(f.shown, "shown"))
	if s := p.runs[runKey("first", true)]; len(s) > 0 {
		welcome := stats(values(s, "first", false)).median
		fmt.Fprintf(out, "%s's welcome over that floor: %.2f× (%+.0f ms)\n", p.name, welcome/floor.median, welcome-floor.median)
	}
}

// memoryFloorLines compares Ogoh's peaks with the text window's showing the
// same words as plain Fyne text in the same styles, only those in view: at
// the catalogue, and after the first course and its quiz. What the floor
// holds over the empty window is the stack's; what Ogoh holds over the
// floor is its own (its larger program first: docs/performance.md).
func memoryFloorLines(out *os.File, base []sample, f *floorRuns, p *program) {
	emptyMem := stats(values(base, "shown", true)).median
	for _, m := range []struct{ stage, what string }{
		{"catalogue", "at the catalogue (its words in view, in its three styles: bench/textwindow/catalogue.go)"},
		{"course", "after the first course and its quiz (the same text as plain lines: bench/textwindow/course.go)"},
	} {
		floor := stats(values(f.walks, m.stage, true)).median
		fmt.Fprintf(out, "%s %s: peak RSS %.0f MB, %.2f× the empty window (%+.0f MB)\n",
			f.name, m.what, floor, floor/emptyMem, floor-emptyMem)
		if s := p.runs[runKey(m.stage, false)]; len(s) > 0 {
			own := stats(values(s, m.stage, true)).median
			fmt.Fprintf(out, "%s %s over that floor: %.2f× (%+.0f MB)\n", p.name, stageName(m.stage), own/floor, own-floor)
		}
	}
}

func stageName(stage string) string {
	if stage == "course" {
		return "after the course"
	}
	return "at the " + stage
}

// runOnce runs each distinct probe of the measures once; keep is false for
// the warm-up.
func (p *program) runOnce(data string, keep bool) error {
	if p.runs == nil {
		p.runs = map[string][]sample{}
	}
	done := map[string]bool{}
	for _, m := range measures {
		key := runKey(m.probe, m.newDevice)
		if done[key] || (m.probe == "first" && !p.first) {
			continue
		}
		done[key] = true
		s, err := p.probe(data, m.probe, m.newDevice)
		if err != nil {
			return err
		}
		if keep {
			p.runs[key] = append(p.runs[key], s)
		}
	}
	return nil
}

func runKey(probe string, newDevice bool) string {
	if newDevice {
		return probe + " new"
	}
	return probe
}

// probe runs the program once in a probe mode, on data or, for a new
// device, on a data folder of its own that it leaves empty.
func (p *program) probe(data, mode string, newDevice bool) (sample, error) {
	if newDevice {
		dir, err := os.MkdirTemp("", "ogoh-new-device-")
		if err != nil {
			return sample{}, err
		}
		defer os.RemoveAll(dir)
		data = dir
	}
	return runAgain(p.bin, []string{"--data", data}, mode, "OGOH_PROBE="+mode)
}

// table prints the medians, ratios and verdicts and returns the exit status.
func table(out *os.File, base []sample, progs []*program) int {
	baseStart := stats(values(base, "shown", false))
	baseMem := stats(values(base, "shown", true))
	header := "| measure | empty window |"
	rule := "|---|---|"
	for _, p := range progs {
		header += fmt.Sprintf(" %s | ratio | over empty |", p.name)
		rule += "---|---|---|"
	}
	fmt.Fprintln(out, header+" budget | |")
	fmt.Fprintln(out, rule+"---|---|")
	status := 0
	for _, m := range measures {
		b, unit := baseStart, "ms"
		if m.memory {
			b, unit = baseMem, "MB"
		}
		line, verdict := measureRow(m, b, unit, progs)
		fmt.Fprintln(out, line)
		switch {
		case verdict == verdictOver:
			status = exitOver
		case verdict == verdictNoisy && status == 0:
			status = exitNoisy
		}
	}
	fmt.Fprintln(out)
	goShares(out, base, progs)
	fmt.Fprintf(out, "\nempty window's spread, (p75 − p25) / median of its %d runs: start-up %.0f%% (%.0f–%.0f ms), peak RSS %.0f%%; over %.0f%% a run is too noisy to judge\n",
		len(base), 100*baseStart.spread, baseStart.min, baseStart.max, 100*baseMem.spread, 100*noisy)
	return status
}

const (
	verdictOver  = "OVER"
	verdictNoisy = "too noisy to judge"
)

// measureRow is one measure's row: each program's median, its ratio to
// the empty window b and its cost over it; the budget judges the last
// program, today's build.
func measureRow(m measure, b summary, unit string, progs []*program) (line, verdict string) {
	line = fmt.Sprintf("| %s | %.0f |", m.name, b.median)
	for i, p := range progs {
		s := p.runs[runKey(m.probe, m.newDevice)]
		if len(s) == 0 {
			line += " — | — | — |"
			continue
		}
		v := stats(values(s, m.stage, m.memory)).median
		line += fmt.Sprintf(" %.0f | %.2f× | %+.0f %s |", v, v/b.median, v-b.median, unit)
		if i == len(progs)-1 {
			verdict = judge(v/b.median, m.budget, b.spread)
		}
	}
	shown := "—"
	if m.budget > 0 {
		shown = fmt.Sprintf("%.2f×", m.budget)
	}
	return fmt.Sprintf("%s %s | %s |", line, shown, verdict), verdict
}

// goShares says how much of each peak RSS the Go runtime holds; the rest
// is C's (Mesa, GLFW, SQLite) and the program's own pages.
func goShares(out *os.File, base []sample, progs []*program) {
	for _, p := range progs {
		for _, m := range measures {
			s := p.runs[runKey(m.probe, m.newDevice)]
			if !m.memory || len(s) == 0 {
				continue
			}
			sys := stats(goValues(s, m.stage, func(s sample) map[string]int { return s.goSys })).median
			heap := stats(goValues(s, m.stage, func(s sample) map[string]int { return s.goHeap })).median
			if sys > 0 { // an older probe (BEFORE=) does not say
				fmt.Fprintf(out, "%s, %s: the Go runtime holds %.0f MB of it (heap in use %.0f MB)\n", p.name, m.name, sys, heap)
			}
		}
	}
	fmt.Fprintf(out, "empty window: the Go runtime holds %.0f MB\n", stats(goValues(base, "shown", func(s sample) map[string]int { return s.goSys })).median)
}

func judge(ratio, budget, spread float64) string {
	switch {
	case budget == 0:
		return ""
	case spread > noisy:
		return verdictNoisy
	case ratio > budget:
		return verdictOver
	default:
		return "within"
	}
}

func values(samples []sample, stage string, memory bool) []float64 {
	v := make([]float64, len(samples))
	for i, s := range samples {
		if memory {
			v[i] = float64(s.hwm[stage]) / 1024
		} else {
			v[i] = ms(s.at[stage])
		}
	}
	return v
}

func goValues(samples []sample, stage string, field func(sample) map[string]int) []float64 {
	v := make([]float64, len(samples))
	for i, s := range samples {
		v[i] = float64(field(s)[stage]) / 1024
	}
	return v
}

type summary struct{ median, spread, min, max float64 }

// stats gives the median and the spread, the interquartile range over the
// median: unlike the full range, one stray run does not make it large.
func stats(v []float64) summary {
	v = slices.Clone(v)
	slices.Sort(v)
	med := quantile(v, 0.5)
	s := summary{median: med, min: v[0], max: v[len(v)-1]}
	if med > 0 {
		s.spread = (quantile(v, 0.75) - quantile(v, 0.25)) / med
	}
	return s
}

// quantile interpolates linearly between the sorted values around q.
func quantile(sorted []float64, q float64) float64 {
	pos := q * float64(len(sorted)-1)
	lo := int(pos)
	if lo+1 >= len(sorted) {
		return sorted[lo]
	}
	return sorted[lo] + (pos-float64(lo))*(sorted[lo+1]-sorted[lo])
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
	s := sample{at: map[string]time.Duration{}, hwm: map[string]int{}, goSys: map[string]int{}, goHeap: map[string]int{}, steps: map[string][]step{}}
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
		if stage, steps, ok := parseSteps(lines.Text()); ok {
			s.steps[stage] = steps
			continue
		}
		var stage string
		var hwm, rss, heap, sys int
		// An older probe (BEFORE=) prints no Go figures.
		if n, _ := fmt.Sscanf(lines.Text(), "probe %s hwm_kb=%d rss_kb=%d go_heap_kb=%d go_sys_kb=%d", &stage, &hwm, &rss, &heap, &sys); n >= 3 {
			s.at[stage], s.hwm[stage], s.goHeap[stage], s.goSys[stage] = time.Since(t0), hwm, heap, sys
		}
	}
	err = cmd.Wait()
	_, reported := s.at[last]
	switch {
	case err != nil && ctx.Err() != nil:
		return s, ctx.Err()
	case err != nil && reported:
		// Fyne 2.7's GLFW window, rarely, dereferences its closed window
		// for a mouse event that came in as it quit: the figures were
		// already reported.
		fmt.Fprintf(os.Stderr, "startup: %s failed after its report (kept): %v\n", bin, err)
	case err != nil:
		return s, fmt.Errorf("%s: %w\n%s", bin, err, stderr.String())
	case !reported:
		return s, fmt.Errorf("%s never reported %q\n%s", bin, last, stderr.String())
	}
	return s, nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "startup:", err)
		os.Exit(2)
	}
}
