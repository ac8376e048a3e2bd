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

// profileScreen asks for the few things a profile needs.
type profileScreen struct{ a *App }

func newProfileScreen(a *App) *profileScreen { return &profileScreen{a: a} }

func (s *profileScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	name := widget.NewEntry()
	name.SetPlaceHolder(a.T("profile.name.placeholder"))
	roles := make([]string, len(domain.Roles))
	for i, r := range domain.Roles {
		roles[i] = a.T("role." + string(r))
	}
	role := widget.NewRadioGroup(roles, nil)
	role.SetSelected(roles[0])
	post := widget.NewEntry()
	post.SetPlaceHolder(a.T("profile.post.placeholder"))
	staff := widget.NewEntry()
	staff.SetPlaceHolder(a.T("profile.staff.placeholder"))
	langNames := languageNames()
	lang := widget.NewSelect(langNames, nil)
	lang.SetSelected(languageName(a.loc.Lang))
	pin := widget.NewPasswordEntry()
	pin.SetPlaceHolder(a.T("profile.pin.placeholder"))
	pin2 := widget.NewPasswordEntry()
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Wrapping = fyne.TextWrapWord

	create := func() {
		if pin.Text != pin2.Text {
			problem.SetText(a.T("profile.pin.mismatch"))
			return
		}
		l, err := a.svc.CreateLearner(a.ctx, progress.NewLearner{
			Name: name.Text, Role: domain.Roles[indexOf(roles, role.Selected)], Post: post.Text, StaffNumber: staff.Text,
			Language: languageCode(lang.Selected), PIN: pin.Text,
		})
		var field *progress.FieldError
		switch {
		case errors.As(err, &field):
			problem.SetText(a.T(fieldProblemKey(field), "Max", progress.MaxNameRunes))
		case errors.Is(err, progress.ErrNameRequired):
			problem.SetText(a.T("profile.name.required"))
		case errors.Is(err, progress.ErrBadPIN):
			problem.SetText(a.T("profile.pin.invalid"))
		case err != nil:
			a.fail("error.save", err)
		default:
			a.enter(l)
		}
	}
	form := widget.NewForm(
		widget.NewFormItem(a.T("profile.name"), name),
		widget.NewFormItem(a.T("profile.role"), role),
		widget.NewFormItem(a.T("profile.post"), post),
		widget.NewFormItem(a.T("profile.staff"), staff),
		widget.NewFormItem(a.T("profile.language"), lang),
		widget.NewFormItem(a.T("profile.pin"), pin),
		widget.NewFormItem(a.T("profile.pin.repeat"), pin2),
	)
	form.SubmitText = a.T("profile.create")
	form.OnSubmit = create
	form.CancelText = a.T("dialog.cancel")
	form.OnCancel = a.nav.to(newProfilesScreen(a))
	hint := note(a.T("profile.pin.hint"))
	title := a.T("profile.new.title")
	body := container.NewVScroll(container.NewPadded(container.NewVBox(form, hint, problem)))
	a.nav.focus = name
	return title, a.screen(title, a.nav.to(newProfilesScreen(a)), body)
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
