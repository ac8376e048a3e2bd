package course

import (
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// Path lengths: the longest path must unfold over a few decisions (a poor
// choice may end the case early), and none may become an endless maze.
const (
	minScenarioChoices = 2
	maxScenarioChoices = 6
)

type scenarioFile struct {
	Intro Text   `toml:"intro"`
	Start string `toml:"start"`
	Steps []Step `toml:"steps"`
}

func loadScenario(c *Course, i int, ps *Problems) {
	sc := &c.Scenarios[i]
	if sc.File == "" || !fs.ValidPath(sc.File) {
		return // reported by the manifest check
	}
	data, err := fs.ReadFile(c.fsys, sc.File)
	if err != nil {
		reporter{file: ManifestFile, lines: manifestLines(c), out: ps}.at(fmt.Sprintf("scenarios.%d.file", i), "scenario file %q is missing", sc.File)
		return
	}
	var f scenarioFile
	if !decodeStrict(sc.File, data, &f, ps) {
		return
	}
	sc.Intro, sc.Start, sc.Steps = f.Intro, f.Start, f.Steps
	validateScenario(c, sc, reporter{file: sc.File, lines: linesOf(data), out: ps})
}

func validateScenarioRef(c *Course, r reporter, i int, sc Scenario, ids idSet) {
	key := fmt.Sprintf("scenarios.%d", i)
	ids.add(key+".id", "scenario", sc.ID)
	if sc.File == "" || !fs.ValidPath(sc.File) || !strings.HasSuffix(sc.File, ".toml") {
		r.at(key+".file", "scenario %q needs file = \"scenario-name.toml\"", sc.ID)
	}
	if sc.Lesson != "" && !c.hasLesson(sc.Lesson) {
		r.at(key+".lesson", "scenario %q: lesson %q does not exist", sc.ID, sc.Lesson)
	}
	checkText(c, r, key+".title", sc.Title, true)
}

func validateScenario(c *Course, sc *Scenario, r reporter) {
	checkText(c, r, "intro", sc.Intro, true)
	if len(sc.Steps) == 0 {
		r.at("steps", "scenario %q has no [[steps]]", sc.ID)
		return
	}
	if sc.Step(sc.Start) == nil {
		r.at("start", "start = %q names no step", sc.Start)
		return
	}
	ids := newIDSet(r)
	steps := indexSteps(sc)
	for i := range sc.Steps {
		validateStep(c, steps, &sc.Steps[i], r, fmt.Sprintf("steps.%d", i), ids)
	}
	checkPaths(sc, steps, r)
}

// stepIndex finds a step's place by ID (the first, if one is repeated). The
// checks look steps up through it: a search of the list for every choice
// made a scenario of 20,000 steps take seconds to check.
type stepIndex map[string]int

func indexSteps(sc *Scenario) stepIndex {
	idx := make(stepIndex, len(sc.Steps))
	for i := range sc.Steps {
		if _, dup := idx[sc.Steps[i].ID]; !dup {
			idx[sc.Steps[i].ID] = i
		}
	}
	return idx
}

func (idx stepIndex) has(id string) bool { _, ok := idx[id]; return ok }

// key is the step's key path in the file, for problems about it.
func (idx stepIndex) key(id string) string { return fmt.Sprintf("steps.%d", idx[id]) }

func validateStep(c *Course, steps stepIndex, st *Step, r reporter, key string, ids idSet) {
	ids.add(key+".id", "step", st.ID)
	checkText(c, r, key+".text", st.Text, true)
	if st.End {
		if len(st.Choices) > 0 {
			r.at(key, "step %q is an ending and cannot have choices", st.ID)
		}
		if !slices.Contains(Outcomes, st.Outcome) {
			r.at(key+".outcome", "ending %q: outcome must be good, mixed or poor", st.ID)
		}
		return
	}
	if st.Outcome != "" {
		r.at(key+".outcome", "step %q: only an ending (end = true) has an outcome", st.ID)
	}
	if len(st.Choices) < 2 {
		r.at(key, "step %q needs at least 2 [[steps.choices]], or end = true", st.ID)
	}
	choices := newIDSet(r)
	for j, ch := range st.Choices {
		ckey := fmt.Sprintf("%s.choices.%d", key, j)
		choices.add(ckey+".id", "choice", ch.ID)
		checkText(c, r, ckey+".text", ch.Text, true)
		checkText(c, r, ckey+".feedback", ch.Feedback, true)
		if !slices.Contains(Qualities, ch.Quality) {
			r.at(ckey+".quality", "choice %q: quality must be best, acceptable or poor", ch.ID)
		}
		if !steps.has(ch.Next) {
			r.at(ckey+".next", "choice %q: next = %q names no step", ch.ID, ch.Next)
		}
	}
}

// checkPaths walks every path from the start: each must reach an ending
// without looping, within the allowed number of choices, and every step
// must be reachable. A step already walked at the same depth is not walked
// again: without that, a pack with many choices per step took minutes.
func checkPaths(sc *Scenario, steps stepIndex, r reporter) {
	type visit struct {
		id    string
		depth int
	}
	type outcome struct {
		ok      bool
		deepest int // the most choices on a path to an ending below
	}
	reached := map[string]bool{}
	onPath := map[string]bool{}
	walked := map[visit]outcome{}
	var walk func(id string, depth int) outcome
	walk = func(id string, depth int) outcome {
		i, ok := steps[id]
		if !ok {
			return outcome{} // reported by validateStep
		}
		st := &sc.Steps[i]
		reached[id] = true
		if onPath[id] {
			r.at(steps.key(id), "step %q: a path loops back to it; every path must reach an ending", id)
			return outcome{}
		}
		if st.End {
			return outcome{ok: true, deepest: depth}
		}
		if depth >= maxScenarioChoices {
			r.at(steps.key(id), "step %q: a path is longer than %d choices", id, maxScenarioChoices)
			return outcome{}
		}
		if o, done := walked[visit{id, depth}]; done {
			return o
		}
		onPath[id] = true
		o := outcome{ok: true}
		for _, ch := range st.Choices {
			next := walk(ch.Next, depth+1)
			o.ok = o.ok && next.ok
			o.deepest = max(o.deepest, next.deepest)
		}
		delete(onPath, id)
		walked[visit{id, depth}] = o
		return o
	}
	if o := walk(sc.Start, 0); o.ok && o.deepest < minScenarioChoices {
		r.at("start", "scenario %q ends after at most %d choice(s); its longest path needs at least %d", sc.ID, o.deepest, minScenarioChoices)
	}
	for i, st := range sc.Steps {
		if !reached[st.ID] {
			r.at(fmt.Sprintf("steps.%d", i), "step %q cannot be reached from start", st.ID)
		}
	}
}

// Paths lists every sequence of choice IDs from the start to an ending;
// tests use it to play each branch.
func (sc *Scenario) Paths() [][]string {
	var out [][]string
	var walk func(id string, path []string)
	walk = func(id string, path []string) {
		st := sc.Step(id)
		if st == nil || len(path) > maxScenarioChoices {
			return
		}
		if st.End {
			out = append(out, append([]string(nil), path...))
			return
		}
		for _, ch := range st.Choices {
			walk(ch.Next, append(path, st.ID+"/"+ch.ID))
		}
	}
	walk(sc.Start, nil)
	return out
}
