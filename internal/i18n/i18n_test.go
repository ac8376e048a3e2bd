package i18n_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/reference"
)

func TestEveryLanguageHasEveryMessage(t *testing.T) {
	b, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	en := b.MessageIDs("en")
	if len(en) == 0 {
		t.Fatal("no English messages")
	}
	for _, l := range i18n.Languages[1:] {
		got := b.MessageIDs(l.Code)
		for _, id := range en {
			if !slices.Contains(got, id) {
				t.Errorf("%s.toml is missing %q", l.Code, id)
			}
		}
		for _, id := range got {
			if !slices.Contains(en, id) {
				t.Errorf("%s.toml has %q, which en.toml does not", l.Code, id)
			}
		}
	}
}

// TestCodeUsesOnlyKnownMessages reads the UI's source for every message ID
// it passes to T, N or fail, and for the IDs it builds from a prefix.
func TestCodeUsesOnlyKnownMessages(t *testing.T) {
	b, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	known := b.MessageIDs("en")
	used := literalIDs(t, "../ui")
	if len(used) < 50 {
		t.Fatalf("found only %d message IDs in the UI's code; the scan is broken", len(used))
	}
	addBuiltIDs(used)
	mentioned := idLiterals(t, "../ui") // IDs kept in tables, e.g. one per error kind
	addPrintedPages(t, used, mentioned)
	for id, where := range used {
		if !slices.Contains(known, id) {
			t.Errorf("%s: message %q is not in locales/en.toml", where, id)
		}
	}
	for _, id := range known {
		if _, ok := used[id]; !ok && !mentioned[id] {
			t.Errorf("locales/en.toml: %q is never used", id)
		}
	}
}

// addBuiltIDs adds the IDs the UI builds from a prefix and a value of
// the model: a theme, a role, a question kind, a scenario's quality…
func addBuiltIDs(used map[string]string) {
	for _, th := range progress.Themes {
		used["settings.theme."+string(th)] = "theme from progress.Themes"
	}
	for _, st := range progress.ExchangeSteps {
		used["exchange.step."+string(st)] = "stick exchange step"
	}
	for _, r := range domain.Roles {
		used["role."+string(r)] = "role ID from domain.Roles"
	}
	for _, k := range domain.Kinds {
		used["quiz.hint."+string(k)] = "question kind from domain.Kinds"
	}
	for _, q := range course.Qualities {
		used["scenario.quality."+q] = "choice quality"
	}
	for _, o := range course.Outcomes {
		used["scenario.outcome."+o] = "scenario outcome"
	}
	for _, s := range reference.Settings {
		used["guide.setting."+s] = "quick-reference setting"
	}
	for _, k := range []string{reference.Checklist, reference.Action} {
		used["guide.kind."+k] = "quick-reference card kind"
	}
}

// addPrintedPages adds the IDs that the printed pages (certificates and
// handouts) and the certificate check use to those the UI uses.
func addPrintedPages(t *testing.T, used map[string]string, mentioned map[string]bool) {
	t.Helper()
	for _, dir := range []string{"../cert", "../handout"} {
		maps.Copy(used, literalIDs(t, dir))
		maps.Copy(mentioned, idLiterals(t, dir))
	}
}

// literalIDs maps each string literal given first to a T/N/fail call, or
// joined with a prefix ending in ".", to where it appears.
func literalIDs(t *testing.T, dir string) map[string]string {
	t.Helper()
	ids := map[string]string{}
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || (sel.Sel.Name != "T" && sel.Sel.Name != "N" && sel.Sel.Name != "fail") {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				ids[s] = fset.Position(lit.Pos()).String()
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// idLiterals is every string literal in the UI's code shaped like a
// message ID.
func idLiterals(t *testing.T, dir string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	fset := token.NewFileSet()
	files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && strings.Contains(s, ".") && !strings.ContainsAny(s, " /:") {
					out[s] = true
				}
			}
			return true
		})
	}
	return out
}

func TestPluralsFollowEachLanguage(t *testing.T) {
	b, _ := i18n.Load()
	ru := b.For("ru")
	for n, want := range map[int]string{1: "1 минута", 3: "3 минуты", 5: "5 минут", 21: "21 минута"} {
		if got := ru.N("lesson.minutes", n); got != want {
			t.Errorf("ru %d: %q, want %q", n, got, want)
		}
	}
	if got := b.For("en").N("lesson.minutes", 1); got != "1 minute" {
		t.Errorf("en 1: %q", got)
	}
}

func TestSupportedFallsBackToEnglish(t *testing.T) {
	for in, want := range map[string]string{"ru_RU.UTF-8": "ru", "uz": "uz", "uz-Latn": "uz", "C": "en", "": "en", "de_DE": "en"} {
		if got := i18n.Supported(in); got != want {
			t.Errorf("Supported(%q) = %q, want %q", in, got, want)
		}
	}
}
