package ui

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/hub"
)

// HubFolder is where the trainer's hub lives in a data folder: the posts'
// sync files, what went to the LRS, and their tables (issue 12).
const HubFolder = "hub"

// postsScreen is trainer mode's view over every post whose sync files
// came in: per device and per learner, with CSV for a report.
type postsScreen struct {
	a      *App
	result *paragraph // what the last import did; kept across redraws
}

func newPostsScreen(a *App) *postsScreen { return &postsScreen{a: a, result: wrapped("")} }

func (s *postsScreen) hub() (*hub.Hub, error) {
	return hub.Open(filepath.Join(s.a.dataDir, HubFolder), hub.Options{})
}

func (s *postsScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	title := a.T("posts.title")
	h, err := s.hub()
	if err != nil {
		return title, a.screen(title, a.nav.to(newTrainerScreen(a)), wrapped(a.errorText(err)))
	}
	devices, err := h.Devices()
	if err != nil {
		s.result.SetText(a.errorText(err))
	}
	importButton := a.nav.button(a.T("posts.import"), theme.FolderOpenIcon(), s.chooseFolder)
	importButton.Importance = widget.HighImportance
	csvButton := a.nav.button(a.T("posts.csv"), theme.DocumentSaveIcon(), s.chooseCSV)
	body := container.NewVBox(container.NewHBox(importButton, csvButton), s.result)
	if len(devices) == 0 {
		body.Add(wrapped(a.T("posts.empty")))
	} else {
		body.Add(widget.NewCard(a.T("posts.devices"), "", s.devicesTable(devices)))
		body.Add(widget.NewCard(a.T("posts.learners"), "", s.learnersTable(h.Learners())))
	}
	return title, a.screen(title, a.nav.to(newTrainerScreen(a)), container.NewVScroll(container.NewPadded(body)))
}

// chooseFolder imports every sync file in a folder the trainer picks: a
// stick's ogoh-exchange folder (or the stick itself), or from-posts.
func (s *postsScreen) chooseFolder() {
	s.a.askFolder(s.importFrom)
}

// importFrom imports the sync files under dir off the UI thread, the same
// file twice counting once, and says what came in and what was refused.
func (s *postsScreen) importFrom(dir string) {
	a := s.a
	a.background(func() {
		h, err := s.hub()
		var got []hub.Imported
		if err == nil {
			got, err = importDir(h, a, dir)
		}
		a.do(func() {
			if err != nil {
				s.result.SetText(a.errorText(err))
			} else {
				s.result.SetText(s.importedText(got))
			}
			a.nav.redraw()
		})
	})
}

// importDir reads a stick's exchange folder when there is one, or else
// the sync files in dir itself.
func importDir(h *hub.Hub, a *App, dir string) ([]hub.Imported, error) {
	if got, err := h.ImportStick(a.ctx, dir); err == nil {
		return got, nil
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.ogohsync"))
	return h.Import(a.ctx, files...)
}

func (s *postsScreen) importedText(got []hub.Imported) string {
	a := s.a
	fresh, before := 0, 0
	var lines []string
	for _, f := range got {
		switch {
		case f.Err != nil:
			lines = append(lines, a.T("posts.refused", "File", filepath.Base(f.File), "Reason", a.errorText(f.Err)))
		case f.Duplicate:
			before++
		default:
			fresh++
		}
	}
	return joinLines(append([]string{a.T("posts.imported", "New", fresh, "Before", before)}, lines...))
}

func (s *postsScreen) chooseCSV() {
	s.a.askSave("ogoh-posts.csv", s.writeCSV)
}

// writeCSV writes the devices' table to path and the learners' beside it
// (NAME-learners.csv).
func (s *postsScreen) writeCSV(path string) {
	a := s.a
	h, err := s.hub()
	if err == nil {
		err = writeTables(h, path)
	}
	if err != nil {
		a.fail("report.csv.failed", err)
	}
}

func writeTables(h *hub.Hub, path string) error {
	devices, err := h.Devices()
	if err != nil {
		return err
	}
	if err := writeFile(path, func(f *os.File) error { return hub.WriteDevicesCSV(f, devices) }); err != nil {
		return err
	}
	learners := strings.TrimSuffix(path, filepath.Ext(path)) + "-learners.csv"
	return writeFile(learners, func(f *os.File) error { return hub.WriteLearnersCSV(f, h.Learners()) })
}

func writeFile(path string, write func(*os.File) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

func (s *postsScreen) devicesTable(rows []hub.DeviceRow) fyne.CanvasObject {
	a := s.a
	cells := []string{a.T("posts.col.post"), a.T("posts.col.device"), a.T("posts.col.fingerprint"), a.T("posts.col.learners"),
		a.T("posts.col.export"), a.T("posts.col.import"), a.T("posts.col.waiting"), a.T("posts.col.clock")}
	for _, r := range rows {
		clock := a.T("posts.clock.ok")
		if r.ClockFlag {
			clock = a.T("posts.clock.off", "Days", int(math.Round(math.Abs(r.ClockOffset.Hours())/24)))
		}
		cells = append(cells, r.Post, shortID(r.Device), r.Fingerprint, strconv.Itoa(r.Learners),
			localTime(r.LastExport), localTime(r.LastImport), strconv.Itoa(r.Waiting), clock)
	}
	return grid(8, cells)
}

func (s *postsScreen) learnersTable(rows []hub.LearnerRow) fyne.CanvasObject {
	a := s.a
	cells := []string{a.T("posts.col.learner"), a.T("posts.col.post"), a.T("posts.col.courses"), a.T("posts.col.quizzes"), a.T("posts.col.activity")}
	for _, r := range rows {
		name := r.Name
		if name == "" {
			name = shortID(r.Learner)
		}
		cells = append(cells, name, strings.Join(r.Posts, ", "), strconv.Itoa(len(r.Courses)),
			a.T("posts.quizzes", "Passed", r.QuizzesPass, "Taken", r.QuizzesTaken, "Percent", max(r.BestPercent, 0)), localTime(r.LastActivity))
	}
	return grid(5, cells)
}

// grid lays cells out in rows of n, the first row bold.
func grid(n int, cells []string) fyne.CanvasObject {
	g := container.NewGridWithColumns(n)
	for i, c := range cells {
		l := widget.NewLabel(c)
		l.Wrapping = fyne.TextWrapWord
		l.TextStyle.Bold = i < n
		g.Add(l)
	}
	return g
}

func shortID(id string) string { return id[:min(8, len(id))] }
