package ui

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
)

// addLearners makes n learners, "Learner 01"…, at posts 3 and 7 in
// turn, border guards and labour inspectors in turn.
func (d *driver) addLearners(n int) []domain.Learner {
	d.t.Helper()
	var out []domain.Learner
	for i := 1; i <= n; i++ {
		role, post := domain.Role("border-guard"), "Post 3"
		if i%2 == 0 {
			role, post = "labour-inspector", "Post 7"
		}
		l, err := d.app.svc.CreateLearner(context.Background(), progress.NewLearner{
			Name: fmt.Sprintf("Learner %02d", i), Role: role, Post: post, Language: d.loc.Lang})
		if err != nil {
			d.t.Fatal(err)
		}
		out = append(out, l)
	}
	return out
}

// tableRows are the rows of the screen's table wholly in its view, top
// to bottom, each its cells' texts left to right.
func (d *driver) tableRows() [][]string {
	d.t.Helper()
	var table *keyTable
	objects := d.visible()
	for _, o := range objects {
		if t, ok := o.(*keyTable); ok {
			table = t
		}
	}
	if table == nil {
		d.t.Fatalf("no table; screen: %s", d.texts())
	}
	drv := fyne.CurrentApp().Driver()
	top := drv.AbsolutePositionForObject(table).Y
	bottom := top + table.Size().Height
	type cell struct {
		x, y float32
		text string
	}
	var cells []cell
	for _, o := range visibleUnder(table) {
		l, ok := o.(*widget.Label)
		if !ok {
			continue
		}
		p := drv.AbsolutePositionForObject(l)
		// A row's label stands a little above and below its row (tightLayout).
		mid := p.Y + l.Size().Height/2
		if mid-10 >= top && mid+10 <= bottom {
			cells = append(cells, cell{p.X, mid, l.Text})
		}
	}
	sort.Slice(cells, func(i, j int) bool {
		if cells[i].y != cells[j].y {
			return cells[i].y < cells[j].y
		}
		return cells[i].x < cells[j].x
	})
	var rows [][]string
	for i, c := range cells {
		if i == 0 || c.y != cells[i-1].y {
			rows = append(rows, nil)
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], c.text)
	}
	return rows
}

func (d *driver) openLearnersTable() {
	d.t.Helper()
	d.tap(d.T("settings.title"))
	d.unlockTrainer(trainerPIN)
	d.tap(d.T("trainer.learners"))
}

// TestTrainersTableShowsFifteenLearnersAtANetbooksSize: at 1024×600, in
// every language, the table shows at least 15 learners' rows at once, one
// line each, with post and role; "not started" rows are there too.
func TestTrainersTableShowsFifteenLearnersAtANetbooksSize(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			d.app.win.Resize(fyne.NewSize(1024, 600))
			d.addLearners(20)
			d.openLearnersTable()
			d.shot(t, "trainer-table")
			rows := d.tableRows()
			if len(rows) < 15 {
				t.Fatalf("%d rows in view at 1024×600, want at least 15: %v", len(rows), rows)
			}
			first := rows[0]
			if len(first) != len(reportColumns) || first[0] != "Learner 01" || first[1] != "Post 3" ||
				first[2] != d.T("role.border-guard") || first[4] != d.T("report.state.not_started") {
				t.Errorf("first row %q", first)
			}
			if m := d.app.win.Content().MinSize(); m.Width > 1024 || m.Height > 600 {
				t.Errorf("the table needs %.0f×%.0f", m.Width, m.Height)
			}
		})
	}
}

// TestTrainersTableSortsFiltersAndTotals: a tap on a heading sorts by it,
// a second the other way; the post and state drop-downs keep only their
// rows; Totals counts each course's learners by state.
func TestTrainersTableSortsFiltersAndTotals(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			learners := d.addLearners(4)
			c := trafficking(t)
			if err := d.app.svc.CompleteLesson(context.Background(), learners[3].ID, c, c.Lessons[0].ID); err != nil {
				t.Fatal(err)
			}
			d.openLearnersTable()
			d.tap(d.T("report.post"))
			if rows := d.tableRows(); rows[0][1] != "Post 3" {
				t.Errorf("sorted by post, first row %q", rows[0])
			}
			d.tap(d.T("report.post"))
			if rows := d.tableRows(); rows[0][1] != "Post 7" || rows[0][0] != "Learner 02" {
				t.Errorf("sorted by post the other way, first row %q", rows[0])
			}
			d.tap(d.T("report.learner"))
			if rows := d.tableRows(); rows[0][0] != "Learner 01" {
				t.Errorf("sorted by name, first row %q", rows[0])
			}

			sel := d.selects()
			sel[2].SetSelected(d.T("report.state.in_progress"))
			rows := d.tableRows()
			if len(rows) != 1 || rows[0][0] != "Learner 04" || rows[0][3] != d.app.courseTitle(c.ID) {
				t.Errorf("in progress: %q", rows)
			}
			sel[2].SetSelected(d.T("report.all.states"))
			sel[0].SetSelected("Post 7")
			for _, r := range d.tableRows() {
				if r[1] != "Post 7" {
					t.Errorf("post 7 only, yet %q", r)
				}
			}
			sel[0].SetSelected(d.T("report.all.posts"))

			d.tap(d.T("report.totals"))
			d.shot(t, "trainer-totals")
			d.see(d.app.courseTitle(c.ID))
			d.see(d.loc.N("report.totals.learners", 4) + " · " + d.T("report.state.passed") + ": 0 · " +
				d.T("report.state.failed") + ": 0 · " + d.T("report.state.in_progress") + ": 1 · " +
				d.T("report.state.not_started") + ": 3")
		})
	}
}

// TestProfilePickerSearchesOnceItIsLong: with more than 8 profiles the
// picker has a search box that narrows the list by name and post, telling
// two learners of the same name apart; with 8 it has none.
func TestProfilePickerSearchesOnceItIsLong(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			d.addLearners(8)
			d.app.nav.open(newProfilesScreen(d.app))
			if strings.Contains(fmt.Sprint(d.placeholders()), d.T("profiles.search")) {
				t.Fatal("a search box for 8 profiles")
			}
			for _, post := range []string{"Post 12", "Post 40"} {
				if _, err := d.app.svc.CreateLearner(context.Background(), progress.NewLearner{
					Name: "Akmal Qodirov", Role: "border-guard", Post: post, Language: lang}); err != nil {
					t.Fatal(err)
				}
			}
			d.app.nav.open(newProfilesScreen(d.app))
			d.typeInto(d.T("profiles.search"), "qodirov 40")
			want := "Akmal Qodirov — " + d.T("role.border-guard") + ", Post 40"
			d.see(want)
			d.shot(t, "profiles-search")
			if d.has("Post 12") || d.has("Learner 01") {
				t.Errorf("the search kept others: %s", d.texts())
			}
			d.tap(want)
			d.see(d.T("nav.switch"))
			d.tap(d.T("nav.switch"))
			d.typeInto(d.T("profiles.search"), "zzzz")
			d.see(d.T("profiles.search.none"))
		})
	}
}

func (d *driver) placeholders() []string {
	var out []string
	for _, o := range d.visible() {
		if e, ok := asEntry(o); ok {
			out = append(out, e.PlaceHolder)
		}
	}
	return slices.Clip(out)
}
