package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/progress"
)

// openNewProfile asks for a new profile. On a new device the trainer's
// lock is set up first: a profile made before it would leave trainer mode
// to whoever opened it first.
func openNewProfile(a *App) {
	if state, err := a.svc.TrainerLock(a.ctx); err == nil && state == progress.LockNone {
		a.nav.open(newLockSetupScreen(a, a.nav.to(newProfilesScreen(a)), func() { openNewProfile(a) }))
		return
	}
	a.nav.open(newProfileScreen(a))
}

// profileScreen asks for the few things a profile needs; its fields are
// the form's, made anew on each draw.
type profileScreen struct {
	a                             *App
	name, post, staff, pin, again *keyEntry
	role                          *radioRows
	roles                         []string // the roles' names, in domain.Roles' order
	lang                          *keySelect
	problem                       *widget.Label
}

func newProfileScreen(a *App) *profileScreen { return &profileScreen{a: a} }

func (s *profileScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	s.name = a.nav.entry()
	s.name.SetPlaceHolder(a.T("profile.name.placeholder"))
	s.roles = make([]string, len(domain.Roles))
	for i, r := range domain.Roles {
		s.roles[i] = a.T("role." + string(r))
	}
	s.role = a.nav.radio(s.roles, false)
	s.role.SetSelected(s.roles[0])
	s.post = a.nav.entry()
	s.post.SetPlaceHolder(a.T("profile.post.placeholder"))
	s.staff = a.nav.entry()
	s.staff.SetPlaceHolder(a.T("profile.staff.placeholder"))
	s.lang = a.nav.newSelect(languageNames(), nil)
	s.lang.SetSelected(languageName(a.loc.Lang))
	s.pin = a.nav.passwordEntry()
	s.pin.SetPlaceHolder(a.T("profile.pin.placeholder"))
	s.again = a.nav.passwordEntry()
	s.problem = widget.NewLabel("")
	s.problem.Importance = widget.DangerImportance
	s.problem.Wrapping = fyne.TextWrapWord

	form := widget.NewForm(
		widget.NewFormItem(a.T("profile.name"), s.name),
		widget.NewFormItem(a.T("profile.role"), s.role),
		widget.NewFormItem(a.T("profile.post"), s.post),
		widget.NewFormItem(a.T("profile.staff"), s.staff),
		widget.NewFormItem(a.T("profile.language"), s.lang),
		widget.NewFormItem(a.T("profile.pin"), s.pin),
		widget.NewFormItem(a.T("profile.pin.repeat"), s.again),
	)
	actions := a.formActions(a.T("profile.create"), s.onCreate, a.nav.to(newProfilesScreen(a)), s.name, s.post, s.staff, s.pin, s.again)
	hint := note(a.T("profile.pin.hint"))
	title := a.T("profile.new.title")
	body := container.NewVScroll(container.NewPadded(container.NewVBox(form, actions, hint, s.problem)))
	a.nav.focus = s.name
	return title, a.screen(title, a.nav.to(newProfilesScreen(a)), body)
}

// onCreate makes the profile and enters it, or says what to correct.
func (s *profileScreen) onCreate() {
	a := s.a
	if s.pin.Text != s.again.Text {
		s.problem.SetText(a.T("profile.pin.mismatch"))
		return
	}
	l, err := a.svc.CreateLearner(a.ctx, progress.NewLearner{
		Name: s.name.Text, Role: domain.Roles[indexOf(s.roles, s.role.Selected)], Post: s.post.Text, StaffNumber: s.staff.Text,
		Language: languageCode(s.lang.Selected), PIN: s.pin.Text,
	})
	var field *progress.FieldError
	switch {
	case errors.As(err, &field):
		s.problem.SetText(a.T(fieldProblemKey(field), "Max", progress.MaxNameRunes))
	case errors.Is(err, progress.ErrNameRequired):
		s.problem.SetText(a.T("profile.name.required"))
	case errors.Is(err, progress.ErrBadPIN):
		s.problem.SetText(a.T("profile.pin.invalid"))
	case err != nil:
		a.fail("error.save", err)
	default:
		a.enter(l)
	}
}

// fieldProblems names the message for each problem with a profile field.
var fieldProblems = map[string]map[error]string{
	"name": {progress.ErrTooLong: "profile.name.long", progress.ErrLineBreak: "profile.name.linebreak", progress.ErrInvisible: "profile.name.invisible"},
	"post": {progress.ErrTooLong: "profile.post.long", progress.ErrLineBreak: "profile.post.linebreak", progress.ErrInvisible: "profile.post.invisible"},
}

func fieldProblemKey(e *progress.FieldError) string {
	if key, ok := fieldProblems[e.Field][e.Err]; ok {
		return key
	}
	return "profile." + e.Field + ".invisible"
}

func languageNames() []string {
	names := make([]string, len(i18n.Languages))
	for i, l := range i18n.Languages {
		names[i] = l.Name
	}
	return names
}

func languageName(code string) string {
	for _, l := range i18n.Languages {
		if l.Code == code {
			return l.Name
		}
	}
	return i18n.Languages[0].Name
}

func languageCode(name string) string {
	for _, l := range i18n.Languages {
		if l.Name == name {
			return l.Code
		}
	}
	return i18n.Default
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return 0
}
