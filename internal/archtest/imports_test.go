// Package archtest holds the test that keeps Ogoh's packages pointing one
// way: ui → domain → store, the CLI without the UI, no Fyne in the domain.
package archtest

import (
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/ogoh/ogoh"

// imports maps each package of the module (by import path) to what its
// non-test files import.
func imports(t *testing.T) map[string][]string {
	t.Helper()
	root := "../.."
	out := map[string][]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != root) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, filepath.Dir(path))
		pkg := module
		if rel != "." {
			pkg += "/" + filepath.ToSlash(rel)
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			out[pkg] = append(out[pkg], p)
		}
		if _, ok := out[pkg]; !ok {
			out[pkg] = nil
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// reach is every import, direct or through the module's own packages.
func reach(graph map[string][]string, pkg string) map[string]bool {
	seen := map[string]bool{}
	var walk func(p string)
	walk = func(p string) {
		for _, imp := range graph[p] {
			if !seen[imp] {
				seen[imp] = true
				walk(imp)
			}
		}
	}
	walk(pkg)
	return seen
}

// noClock fails if a package's code reads the clock: time is passed in,
// so tests control it.
func noClock(t *testing.T, dir string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(data), "time.Now") {
			t.Errorf("%s reads the clock; take the time as a parameter", f)
		}
	}
}

func TestImportRules(t *testing.T) {
	g := imports(t)
	noFyneBelowTheUI(t, g)
	storeAndDomainStandAlone(t, g)
	syncJobsKeepApart(t, g)
	pureLogicDoesNoIO(t, g)
	uiGoesThroughTheServiceLayer(t, g)
	noClock(t, "../quiz")
	theAppCarriesOneNotoSans(t, g)
}

// theAppCarriesOneNotoSans: the app prints with Fyne's Noto Sans; a second
// copy of the files, for the CLI, would be 1.8 MB more of its memory.
func theAppCarriesOneNotoSans(t *testing.T, g map[string][]string) {
	t.Helper()
	forbid(t, g, module, func(p string) bool { return p == in("paper/notosans") }, "the app prints with Fyne's copy of Noto Sans (paper.UseFonts)")
}

// in is the import path of an internal package.
func in(p string) string { return module + "/internal/" + p }

func isFyne(p string) bool { return strings.HasPrefix(p, "fyne.io/") }

// forbid fails for each import pkg reaches, directly or through the
// module's packages, that bad picks out.
func forbid(t *testing.T, g map[string][]string, pkg string, bad func(string) bool, why string) {
	t.Helper()
	if _, ok := g[pkg]; !ok {
		t.Fatalf("package %s not found", pkg)
	}
	for imp := range reach(g, pkg) {
		if bad(imp) {
			t.Errorf("%s reaches %s: %s", pkg, imp, why)
		}
	}
}

// noFyneBelowTheUI: the domain packages and the CLI build without Fyne.
func noFyneBelowTheUI(t *testing.T, g map[string][]string) {
	t.Helper()
	for _, domain := range []string{"domain", "course", "quiz", "store", "progress", "i18n", "xapi", "lrs", "syncfile", "sanitize", "gift", "library", "reference", "textsearch", "drives", "bank", "hub", "paper", "cert", "handout"} {
		forbid(t, g, in(domain), isFyne, "domain packages never import Fyne")
	}
	forbid(t, g, module+"/cmd/ogohctl", func(p string) bool { return isFyne(p) || p == in("ui") }, "the CLI builds without the UI")
}

// storeAndDomainStandAlone: the store depends on the domain only, and the
// domain on no package of Ogoh's and on no I/O.
func storeAndDomainStandAlone(t *testing.T, g map[string][]string) {
	t.Helper()
	for _, p := range g[in("store")] {
		if strings.HasPrefix(p, module+"/") && p != in("domain") {
			t.Errorf("store imports %s: the store depends on the domain only", p)
		}
	}
	for _, p := range g[in("domain")] {
		if strings.HasPrefix(p, module+"/") {
			t.Errorf("domain imports %s: the model at the centre depends on no other package of Ogoh", p)
		}
		if p == "os" || p == "net/http" || p == "database/sql" || p == "io/fs" || isFyne(p) {
			t.Errorf("domain imports %s: the model does no I/O", p)
		}
	}
}

// syncJobsKeepApart: building statements, talking to an LRS and sync
// files each do their one job.
func syncJobsKeepApart(t *testing.T, g map[string][]string) {
	t.Helper()
	for _, job := range []string{"xapi", "lrs", "syncfile"} {
		forbid(t, g, in(job), func(p string) bool { return p == in("progress") || p == in("ui") }, "statements, the LRS and sync files do not drive learning")
	}
	forbid(t, g, in("xapi"), func(p string) bool { return p == in("lrs") || p == in("syncfile") || p == "net/http" },
		"building statements is pure: it sends nothing")
	for _, p := range g[in("xapi")] {
		if p == "os" || p == "net/http" || p == "database/sql" {
			t.Errorf("xapi imports %s: building statements is pure logic, no I/O", p)
		}
	}
	forbid(t, g, in("lrs"), func(p string) bool { return p == in("syncfile") }, "sync files use the LRS client, not the other way")
}

// pureLogicDoesNoIO: course and quiz do no storage, and quiz no I/O.
func pureLogicDoesNoIO(t *testing.T, g map[string][]string) {
	t.Helper()
	for _, pure := range []string{"course", "quiz"} {
		forbid(t, g, in(pure), func(p string) bool { return p == in("store") || p == "database/sql" }, "course and quiz do no storage")
	}
	for _, pure := range []string{"quiz", "textsearch"} {
		for _, p := range g[in(pure)] {
			if p == "os" || p == "net/http" || p == "io/fs" || strings.HasPrefix(p, module+"/") && pure == "textsearch" {
				t.Errorf("%s imports %s: it is pure logic, no I/O", pure, p)
			}
		}
	}
}

// uiGoesThroughTheServiceLayer: the UI neither writes SQL nor talks to an
// LRS or a sync file itself.
func uiGoesThroughTheServiceLayer(t *testing.T, g map[string][]string) {
	t.Helper()
	for _, p := range g[in("ui")] {
		if p == in("store") || p == "database/sql" || strings.Contains(p, "sqlite") {
			t.Errorf("ui imports %s: the UI talks to the domain, never to SQL", p)
		}
		if p == in("lrs") || p == in("syncfile") || p == "net/http" {
			t.Errorf("ui imports %s: syncs go through the service layer's syncer, never a client of the UI's own", p)
		}
	}
}

// TestNoPackageIsNamedAfterAStandardOne: a package called sync or errors
// must be imported under another name, and readers then meet two names
// for one thing.
func TestNoPackageIsNamedAfterAStandardOne(t *testing.T) {
	out, err := exec.Command("go", "list", "std").Output()
	if err != nil {
		t.Fatalf("go list std: %v", err)
	}
	std := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		std[p[strings.LastIndex(p, "/")+1:]] = true
	}
	for pkg := range imports(t) {
		if name := pkg[strings.LastIndex(pkg, "/")+1:]; std[name] && pkg != module {
			t.Errorf("%s is named after the standard library's %s", pkg, name)
		}
	}
}
