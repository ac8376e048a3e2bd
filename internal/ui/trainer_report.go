package ui

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
)

// reportScreen is the per-learner progress table, with CSV export,
// removing a learner's PIN and archiving a learner.
type reportScreen struct{ a *App }

func newReportScreen(a *App) *reportScreen { return &reportScreen{a: a} }

func (s *reportScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	rows, err := a.svc.Report(a.ctx)
	if err != nil {
		a.fail("error.load", err)
	}
	// One grid per row, so each row is as tall as its own text.
	grid := container.NewVBox(container.NewBorder(nil, nil, nil, a.certificateCell(nil), container.NewGridWithColumns(6,
		strong(a.T("report.learner")), strong(a.T("report.course")), strong(a.T("report.lessons")),
		strong(a.T("report.best")), strong(a.T("report.passed")), strong(a.T("report.last")))), widget.NewSeparator())
	for _, r := range rows {
		best := "—"
		if r.BestPercent >= 0 {
			best = fmt.Sprintf("%d%% (%d)", r.BestPercent, r.Attempts)
		}
		passed := a.T("report.no")
		if r.Passed {
			passed = a.T("report.yes")
		}
		last := "—"
		if !r.LastActivity.IsZero() {
			last = r.LastActivity.Local().Format("2006-01-02")
		}
		grid.Add(container.NewBorder(nil, nil, nil, a.certificateCell(&r), container.NewGridWithColumns(6, wrapped(r.Name), wrapped(a.courseTitle(r.CourseID)),
			widget.NewLabel(fmt.Sprint(r.LessonsDone)), widget.NewLabel(best), widget.NewLabel(passed), widget.NewLabel(last))))
	}
	if len(rows) == 0 {
		grid.Add(wrapped(a.T("report.empty")))
	}
	export := widget.NewButtonWithIcon(a.T("report.csv"), theme.DocumentSaveIcon(), func() {
		d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
			if err != nil || w == nil {
				return
			}
			path := w.URI().Path()
			w.Close()
			a.exportReport(path)
		}, a.win)
		d.SetFileName(fmt.Sprintf("ogoh-report-%s.csv", time.Now().Format("2006-01-02")))
		d.Show()
	})
	archive := widget.NewButtonWithIcon(a.T("report.archive"), theme.DeleteIcon(), s.onArchive)
	unpin := widget.NewButtonWithIcon(a.T("report.pin"), theme.VisibilityOffIcon(), s.onRemovePIN)
	title := a.T("trainer.learners")
	content := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), container.NewHBox(export, unpin, archive), s.moveButtons()), nil, nil,
		container.NewVScroll(container.NewPadded(grid)))
	return title, a.screen(title, a.nav.to(newTrainerScreen(a)), content)
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
