package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/textsearch"
)

// profilesScreen is the first screen: who is studying on this shared
// device. Opening it leaves the profile and trainer mode that were open.
// More than searchFrom profiles, and the picker has a search box: the
// list is narrowed to the profiles whose name, role or post match.
type profilesScreen struct {
	a     *App
	query string
	// listed: the learners read beside the window as the app started, for
	// the first picker's first draw (2,500 took 12 ms on the UI thread);
	// nil: the draw reads the database's as they are now.
	listed *[]domain.Learner
}

// searchFrom is how many profiles the picker lists before it offers a search.
const searchFrom = 8

func newProfilesScreen(a *App) *profilesScreen { return &profilesScreen{a: a} }

func (s *profilesScreen) opened() {
	s.a.learner = nil
	s.a.trainer = false
}

func (s *profilesScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	learners, err := s.learners()
	if err != nil {
		a.fail("error.load", err)
	}
	// One list: each asks the database which quizzes are unfinished, on
	// the UI thread before the first frame.
	var list fyne.CanvasObject
	switch {
	case len(learners) == 0:
		list = wrapped(a.T("profiles.empty"))
	case len(learners) > searchFrom:
		list = s.searchable(learners)
	default:
		list = a.profileList(learners, s.onPick)
	}
	create := a.nav.button(a.T("profiles.new"), theme.ContentAddIcon(), func() { openNewProfile(a) })
	create.Importance = widget.HighImportance
	guide := a.nav.button(a.T("guide.title"), theme.SearchIcon(), func() { a.nav.open(newGuideScreen(a, a.nav.to(s))) })
	intro := wrapped(a.T("profiles.intro"))
	body := container.NewBorder(intro, container.NewVBox(widget.NewSeparator(), container.NewGridWithColumns(2, guide, create)), nil, nil,
		list)
	title := a.T("profiles.title")
	return title, a.screen(title, nil, container.NewPadded(body))
}

// learners are the profiles the picker lists: those it was opened with,
// once, then the database's.
func (s *profilesScreen) learners() ([]domain.Learner, error) {
	if l := s.listed; l != nil {
		s.listed = nil
		return *l, nil
	}
	return s.a.svc.Learners(s.a.ctx)
}

// searchable is the profile list under a search box that narrows it.
func (s *profilesScreen) searchable(learners []domain.Learner) fyne.CanvasObject {
	a := s.a
	shown := container.NewStack()
	fill := func() {
		keep := learners // nothing typed: every profile, with no label made for each (2,500 took 10 ms)
		if strings.TrimSpace(s.query) != "" {
			q := textsearch.Parse(s.query)
			keep = nil
			for _, l := range learners {
				if ok, _ := q.Match(a.profileLabel(l)); ok {
					keep = append(keep, l)
				}
			}
		}
		shown.RemoveAll()
		if len(keep) == 0 {
			shown.Add(wrapped(a.T("profiles.search.none")))
			return
		}
		shown.Add(a.profileList(keep, s.onPick))
	}
	search := a.nav.entry()
	search.SetPlaceHolder(a.T("profiles.search"))
	search.SetText(s.query)
	search.OnChanged = func(text string) { s.query = text; fill() }
	fill()
	a.nav.focus = search
	return container.NewBorder(search, nil, nil, nil, shown)
}

// onPick opens a profile, asking for its PIN when it has one. A wrong
// PIN keeps the dialog open with a message, so the learner simply retypes.
func (s *profilesScreen) onPick(l domain.Learner) {
	a := s.a
	if l.PINHash == "" {
		a.enter(l)
		return
	}
	pin := a.nav.passwordEntry()
	pin.SetPlaceHolder(a.T("pin.placeholder"))
	wrong := widget.NewLabel("")
	wrong.Importance = widget.DangerImportance
	wrong.Hide()
	var d dialog.Dialog
	submit := func() {
		left, err := a.svc.UnlockLearner(a.ctx, l.ID, pin.Text)
		switch {
		case err == nil:
			d.Hide()
			a.enter(l)
			return
		case errors.Is(err, progress.ErrProfileLocked):
			wrong.SetText(a.T("pin.locked"))
		case errors.Is(err, progress.ErrWrongPIN) && left > 3:
			wrong.SetText(a.T("pin.wrong"))
		case errors.Is(err, progress.ErrWrongPIN):
			wrong.SetText(a.T("pin.tries", "Left", left))
		default:
			d.Hide()
			a.fail("error.load", err)
			return
		}
		pin.SetText("")
		wrong.Show()
		a.win.Canvas().Focus(pin)
	}
	pin.OnSubmitted = func(string) { submit() }
	open := a.nav.button(a.T("pin.open"), theme.ConfirmIcon(), submit)
	open.Importance = widget.HighImportance
	cancel := a.nav.button(a.T("dialog.cancel"), theme.CancelIcon(), func() { d.Hide() })
	body := container.NewVBox(widget.NewForm(widget.NewFormItem(a.T("pin.label"), pin)), wrong,
		container.NewCenter(container.NewHBox(cancel, open)))
	d = dialog.NewCustomWithoutButtons(a.T("pin.title", "Name", l.Name), body, a.win)
	d.Resize(fyne.NewSize(420, 220))
	a.modalKeys(d, submit)
	d.Show()
	a.win.Canvas().Focus(pin)
}

// enter makes l the current learner, in their language.
func (a *App) enter(l domain.Learner) {
	a.learner = &l
	a.loc = a.bundle.For(l.Language)
	a.nav.open(newCatalogueScreen(a))
}
