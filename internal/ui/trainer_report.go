package ui

import (
	"cmp"
	"fmt"
	"os"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
)

// reportScreen is the trainer's table: a row per learner and course
// (those not started too), with post and role; a tap on a column's
// heading sorts by it (again: the other way), drop-downs keep one post,
// course or state, and Totals counts each course's learners by state. Rows
// are one line each, so at least 15 learners fit at 1024×600. CSV export,
// removing a learner's PIN and archiving a learner are below it.
type reportScreen struct {
	a      *App
	all    []domain.ReportRow // every row, not started included
	rows   []domain.ReportRow // what the filter keeps, sorted
	filter progress.ReportFilter
	by     progress.ReportColumn
	down   bool
	table  *keyTable
}

func newReportScreen(a *App) *reportScreen { return &reportScreen{a: a} }

// reportColumns are the table's columns, in order, with their headings
// and their share of the width (the rest is the scroll bar's).
var reportColumns = []struct {
	col   progress.ReportColumn
	id    string
	share float32
}{
	{progress.ColumnName, "report.learner", 0.15}, {progress.ColumnPost, "report.post", 0.08},
	{progress.ColumnRole, "report.role", 0.14}, {progress.ColumnCourse, "report.course", 0.21},
	{progress.ColumnState, "report.state", 0.12}, {progress.ColumnLessons, "report.lessons", 0.06},
	{progress.ColumnBest, "report.best", 0.11}, {progress.ColumnLastActivity, "report.last", 0.10},
}

// stateNames are the message IDs of the report's states.
var stateNames = map[domain.ReportState]string{
	domain.StatePassed: "report.state.passed", domain.StateFailed: "report.state.failed",
	domain.StateInProgress: "report.state.in_progress", domain.StateNotStarted: "report.state.not_started",
}

func (s *reportScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	s.load()
	title := a.T("trainer.learners")
	var body fyne.CanvasObject = wrapped(a.T("report.empty"))
	if len(s.all) > 0 {
		body = container.NewBorder(s.filters(), nil, nil, nil, s.newTable())
	}
	export := a.nav.button(a.T("report.csv"), theme.DocumentSaveIcon(), s.onExport)
	totals := a.nav.button(a.T("report.totals"), theme.ListIcon(), s.onTotals)
	archive := a.nav.button(a.T("report.archive"), theme.DeleteIcon(), s.onArchive)
	unpin := a.nav.button(a.T("report.pin"), lockIcon, s.onRemovePIN)
	certificate := a.nav.button(a.T("report.certificate"), theme.DocumentSaveIcon(), s.onCertificate)
	// One row of actions, scrolled sideways where a language's words are
	// long, so the table keeps its height for 15 learners at 1024×600.
	actions := container.NewHScroll(container.NewHBox(totals, export, certificate, unpin, archive, s.moveButtons()))
	content := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), actions), nil, nil, body)
	return title, a.screen(title, a.nav.to(newTrainerScreen(a)), content)
}

// load reads the report, adds the courses not started, and applies the
// filter and the order.
func (s *reportScreen) load() {
	a := s.a
	rows, err := a.svc.Report(a.ctx)
	if err != nil {
		a.fail("error.load", err)
	}
	learners, err := a.svc.Learners(a.ctx)
	if err != nil {
		a.fail("error.load", err)
	}
	a.awaitCourses()
	ids := make([]string, len(a.courses))
	for i, c := range a.courses {
		ids[i] = c.ID
	}
	s.all = progress.WithNotStarted(rows, learners, ids)
	s.apply()
}

// apply filters and sorts the rows again and shows them.
func (s *reportScreen) apply() {
	s.rows = progress.FilterReport(s.all, s.filter)
	progress.SortReport(s.rows, s.by, s.down)
	if s.table != nil {
		s.table.Refresh()
		s.table.ScrollToTop()
	}
}

// filters are the drop-downs for post, course and state; "all" first.
func (s *reportScreen) filters() fyne.CanvasObject {
	a := s.a
	posts := []string{""}
	for _, r := range s.all {
		if r.Post != "" && !slices.Contains(posts, r.Post) {
			posts = append(posts, r.Post)
		}
	}
	slices.Sort(posts[1:])
	courses := []string{""}
	for _, c := range a.courses {
		courses = append(courses, c.ID)
	}
	states := []string{""}
	for _, st := range domain.ReportStates {
		states = append(states, string(st))
	}
	post := s.choice(posts, a.T("report.all.posts"), func(p string) string { return p }, &s.filter.Post)
	course := s.choice(courses, a.T("report.all.courses"), a.courseTitle, &s.filter.CourseID)
	state := string(s.filter.State)
	stateSel := s.choice(states, a.T("report.all.states"), func(st string) string { return a.T(stateNames[domain.ReportState(st)]) }, &state)
	stateSel.OnChanged = func(string) {
		state = states[max(stateSel.SelectedIndex(), 0)]
		s.filter.State = domain.ReportState(state)
		s.apply()
	}
	return container.NewGridWithColumns(3, post, course, stateSel)
}

// choice is a drop-down of values named by name, with all first (the
// value ""); picking one sets *into and shows the rows it keeps.
func (s *reportScreen) choice(values []string, all string, name func(string) string, into *string) *keySelect {
	names := []string{all}
	for _, v := range values[1:] {
		names = append(names, name(v))
	}
	sel := s.a.nav.newSelect(names, nil)
	sel.SetSelectedIndex(max(slices.Index(values, *into), 0))
	sel.OnChanged = func(string) {
		*into = values[max(sel.SelectedIndex(), 0)]
		s.apply()
	}
	return sel
}

// newTable is the table of rows, one line a row, headings that sort.
func (s *reportScreen) newTable() *keyTable {
	a := s.a
	t := a.nav.table(
		func() (int, int) { return len(s.rows), len(reportColumns) },
		func() fyne.CanvasObject { return newTightCell(widget.NewLabel(""), 0.75) },
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*fyne.Container).Objects[0].(*widget.Label)
			l.Truncation = fyne.TextTruncateEllipsis
			l.SetText(s.cell(s.rows[id.Row], reportColumns[id.Col].col))
		})
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		b := a.nav.button("", nil, nil)
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		return newTightCell(b, 0.75)
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*fyne.Container).Objects[0].(*keyButton)
		c := reportColumns[id.Col]
		b.SetText(a.T(c.id))
		b.SetIcon(nil)
		if c.col == s.by {
			b.SetIcon(theme.MenuDropUpIcon())
			if s.down {
				b.SetIcon(theme.MenuDropDownIcon())
			}
		}
		b.OnTapped = func() { s.sortBy(c.col) }
	}
	width := a.win.Canvas().Size().Width - 4*theme.Padding()
	for i, c := range reportColumns {
		t.SetColumnWidth(i, width*c.share)
	}
	s.table = t
	return t
}

// sortBy sorts by col, or the other way when it is sorted by col already.
func (s *reportScreen) sortBy(col progress.ReportColumn) {
	if s.by == col {
		s.down = !s.down
	} else {
		s.by, s.down = col, false
	}
	s.apply()
}

// cell is what a row shows in a column.
func (s *reportScreen) cell(r domain.ReportRow, col progress.ReportColumn) string {
	a := s.a
	switch col {
	case progress.ColumnPost:
		return cmp.Or(r.Post, "—")
	case progress.ColumnRole:
		return a.T("role." + string(r.Role))
	case progress.ColumnCourse:
		return a.courseTitle(r.CourseID)
	case progress.ColumnState:
		return a.T(stateNames[r.State()])
	case progress.ColumnLessons:
		return fmt.Sprint(r.LessonsDone)
	case progress.ColumnBest:
		if r.BestPercent < 0 {
			return "—"
		}
		return fmt.Sprintf("%d%% (%d)", r.BestPercent, r.Attempts)
	case progress.ColumnLastActivity:
		if r.LastActivity.IsZero() {
			return "—"
		}
		return r.LastActivity.Local().Format("2006-01-02")
	}
	return r.Name
}

// onTotals shows, for each course, how many of the rows the filter keeps
// are in each state.
func (s *reportScreen) onTotals() {
	a := s.a
	box := container.NewVBox()
	for _, t := range progress.CourseTotals(progress.FilterReport(s.all, progress.ReportFilter{Post: s.filter.Post})) {
		line := a.loc.N("report.totals.learners", t.Learners)
		for _, st := range domain.ReportStates {
			line += " · " + a.T(stateNames[st]) + ": " + fmt.Sprint(t.ByState[st])
		}
		box.Add(container.NewVBox(strong(a.courseTitle(t.CourseID)), wrapped(line)))
	}
	d := dialog.NewCustom(a.T("report.totals"), a.T("dialog.ok"), container.NewVScroll(box), a.win)
	d.Resize(fyne.NewSize(760, 480))
	d.Show()
}

func (s *reportScreen) onExport() {
	a := s.a
	a.askSave(fmt.Sprintf("ogoh-report-%s.csv", time.Now().Format("2006-01-02")), a.exportReport)
}

// newTightCell holds a label or a button a little shorter than its own
// padding would make it, so that a table row is one line of text high.
// share is how much of the object's inner padding, above and below, goes.
func newTightCell(o fyne.CanvasObject, share float32) *fyne.Container {
	return container.New(tightLayout{share}, o)
}

type tightLayout struct{ share float32 }

func (l tightLayout) trim() float32 { return theme.InnerPadding() * l.share }

func (l tightLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, -l.trim()))
		o.Resize(fyne.NewSize(size.Width, size.Height+2*l.trim()))
	}
}

func (l tightLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var m fyne.Size
	for _, o := range objects {
		m = m.Max(o.MinSize())
	}
	return fyne.NewSize(0, m.Height-2*l.trim())
}

func (a *App) courseTitle(id string) string {
	for _, c := range a.courses {
		if c.ID == id {
			return c.Title.In(a.courseLang(c), c.DefaultLanguage)
		}
	}
	return id
}

// exportReport writes the report as CSV to path.
func (a *App) exportReport(path string) {
	rows, err := a.svc.Report(a.ctx)
	if err == nil {
		var f *os.File
		if f, err = os.Create(path); err == nil {
			err = progress.WriteReportCSV(f, rows, a.courseTitle)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
	}
	if err != nil {
		a.message(a.T("report.csv"), a.T("report.csv.failed")+"\n"+a.errorText(err))
		return
	}
	a.message(a.T("report.csv"), a.T("report.csv.done", "Rows", len(rows), "File", path))
}

// onArchive asks which learner to archive, then confirms.
func (s *reportScreen) onArchive() {
	a := s.a
	learners, err := a.svc.Learners(a.ctx)
	if err != nil || len(learners) == 0 {
		return
	}
	pick := widget.NewSelect(learnerNames(learners), nil)
	dialog.NewCustomConfirm(a.T("report.archive"), a.T("report.archive"), a.T("dialog.cancel"),
		container.NewVBox(wrapped(a.T("report.archive.hint")), pick), func(ok bool) {
			if i := pick.SelectedIndex(); ok && i >= 0 {
				s.archive(learners[i].ID)
			}
		}, a.win).Show()
}

// onRemovePIN asks whose PIN to remove (only learners with one are
// listed), then confirms.
func (s *reportScreen) onRemovePIN() {
	a := s.a
	all, err := a.svc.Learners(a.ctx)
	if err != nil {
		a.fail("error.load", err)
		return
	}
	var learners []domain.Learner
	for _, l := range all {
		if l.PINHash != "" {
			learners = append(learners, l)
		}
	}
	if len(learners) == 0 {
		a.message(a.T("report.pin"), a.T("report.pin.none"))
		return
	}
	pick := widget.NewSelect(learnerNames(learners), nil)
	dialog.NewCustomConfirm(a.T("report.pin"), a.T("report.pin"), a.T("dialog.cancel"),
		container.NewVBox(wrapped(a.T("report.pin.hint")), pick), func(ok bool) {
			if i := pick.SelectedIndex(); ok && i >= 0 {
				if err := a.svc.ClearPIN(a.ctx, learners[i].ID); err != nil {
					a.fail("error.save", err)
				}
			}
		}, a.win).Show()
}

// learnerNames names learners as the trainer's choosers list them.
func learnerNames(learners []domain.Learner) []string {
	names := make([]string, len(learners))
	for i, l := range learners {
		names[i] = l.Name
		if l.Post != "" {
			names[i] += " — " + l.Post
		}
	}
	return names
}

func (s *reportScreen) archive(id string) {
	a := s.a
	if err := a.svc.ArchiveLearner(a.ctx, id); err != nil {
		a.fail("error.save", err)
	}
	a.redraw()
}

// onCertificate asks which passed learner and course, then saves that
// certificate (issue 16): only rows whose course is passed are offered.
func (s *reportScreen) onCertificate() {
	a := s.a
	var passed []domain.ReportRow
	var names []string
	for _, r := range s.all {
		if r.Passed {
			passed = append(passed, r)
			names = append(names, r.Name+" — "+a.courseTitle(r.CourseID))
		}
	}
	if len(passed) == 0 {
		a.message(a.T("report.certificate"), a.T("report.state.passed")+": 0")
		return
	}
	pick := widget.NewSelect(names, nil)
	dialog.NewCustomConfirm(a.T("report.certificate"), a.T("report.certificate"), a.T("dialog.cancel"), pick, func(ok bool) {
		if i := pick.SelectedIndex(); ok && i >= 0 {
			a.reportCertificate(passed[i].LearnerID, passed[i].CourseID)
		}
	}, a.win).Show()
}
