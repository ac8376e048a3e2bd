package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/textsearch"
)

// contactList shows the post's referral contacts, or says plainly that
// none are set and what to do.
func (a *App) contactList() fyne.CanvasObject { return a.contactListMatching(textsearch.Query{}) }

// contactListMatching is contactList narrowed to the contacts that match
// a quick-reference search (all when q is empty).
func (a *App) contactListMatching(q textsearch.Query) fyne.CanvasObject {
	list, err := a.svc.Contacts(a.ctx)
	if err != nil {
		a.fail("error.load", err)
	}
	if len(list) == 0 {
		return wrapped(a.T("contacts.none"))
	}
	box := container.NewVBox()
	for _, c := range list {
		if ok, _ := q.Match(strings.Join([]string{c.Organisation, c.Role, c.Phone, c.Address, c.Hours}, "\n")); !ok {
			continue
		}
		lines := container.NewVBox(strong(c.Organisation))
		for _, field := range []struct{ id, value string }{
			{"contacts.role", c.Role}, {"contacts.phone", c.Phone}, {"contacts.address", c.Address}, {"contacts.hours", c.Hours},
		} {
			if field.value != "" {
				// A Label, not a paragraph: a phone number can be selected and copied.
				l := widget.NewLabel(a.T(field.id) + ": " + field.value)
				l.Wrapping = fyne.TextWrapWord
				l.Selectable = true
				lines.Add(l)
			}
		}
		box.Add(widget.NewCard("", "", lines))
	}
	if len(box.Objects) == 0 {
		return wrapped(a.T("guide.nothing"))
	}
	return box
}

// contactsScreen lets a trainer keep the post's referral contacts: list
// is what the forms show, message what the last save said.
type contactsScreen struct {
	a       *App
	list    []domain.Contact
	message string
	saved   []domain.Contact // as last saved: leaving with other contacts asks first
	read    func() []domain.Contact
}

// openContactsEditor opens the editor on the contacts saved.
func openContactsEditor(a *App) {
	list, err := a.svc.Contacts(a.ctx)
	if err != nil {
		a.fail("error.load", err)
	}
	a.nav.open(&contactsScreen{a: a, list: list, saved: list})
}

// keep holds on to what is typed, across Help and a redraw.
func (s *contactsScreen) keep() {
	if s.read != nil {
		s.list = s.read()
	}
}

// leave goes back to the trainer's screen, asking first if the forms
// hold changes not saved.
func (s *contactsScreen) leave() {
	a := s.a
	if slices.Equal(s.read(), s.saved) {
		a.nav.open(newTrainerScreen(a))
		return
	}
	d := dialog.NewConfirm(a.T("contacts.unsaved.title"), a.T("contacts.unsaved"), func(leave bool) {
		if leave {
			a.nav.open(newTrainerScreen(a))
		}
	}, a.win)
	d.SetConfirmText(a.T("contacts.unsaved.leave"))
	d.SetDismissText(a.T("contacts.unsaved.stay"))
	d.Show()
}

// edit shows list in the forms, with message under them.
func (s *contactsScreen) edit(list []domain.Contact, message string) {
	s.list, s.message = list, message
	s.read = nil // list is what to show now, not what the old forms hold
	s.a.redraw()
}

type contactForm struct {
	org, role, phone, address, hours *keyEntry
}

func (s *contactsScreen) draw() (string, fyne.CanvasObject) {
	a, list, message := s.a, s.list, s.message
	var forms []contactForm
	box := container.NewVBox()
	read := func() []domain.Contact {
		out := make([]domain.Contact, len(forms))
		for i, f := range forms {
			out[i] = domain.Contact{ID: list[i].ID, Organisation: f.org.Text, Role: f.role.Text,
				Phone: f.phone.Text, Address: f.address.Text, Hours: f.hours.Text}
		}
		return out
	}
	s.read = read
	for i, c := range list {
		i := i
		f := contactForm{a.entry(c.Organisation, a.T("contacts.organisation.placeholder")), a.entry(c.Role, ""), a.entry(c.Phone, ""),
			a.entry(c.Address, ""), a.entry(c.Hours, "")}
		forms = append(forms, f)
		remove := a.nav.button(a.T("contacts.remove"), theme.DeleteIcon(), func() {
			cur := read()
			s.edit(append(cur[:i:i], cur[i+1:]...), "")
		})
		form := widget.NewForm(
			widget.NewFormItem(a.T("contacts.organisation"), f.org),
			widget.NewFormItem(a.T("contacts.role"), f.role),
			widget.NewFormItem(a.T("contacts.phone"), f.phone),
			widget.NewFormItem(a.T("contacts.address"), f.address),
			widget.NewFormItem(a.T("contacts.hours"), f.hours),
		)
		box.Add(widget.NewCard("", "", container.NewVBox(form, container.NewHBox(remove))))
	}
	if len(list) == 0 {
		box.Add(wrapped(a.T("contacts.none.editor")))
	}
	add := a.nav.button(a.T("contacts.add"), theme.ContentAddIcon(), func() {
		s.edit(append(read(), domain.Contact{}), "")
	})
	save := a.nav.button(a.T("sync.save"), theme.DocumentSaveIcon(), func() {
		cur := read()
		if err := a.svc.SetContacts(a.ctx, cur); err != nil {
			a.fail("error.save", err)
			return
		}
		saved, _ := a.svc.Contacts(a.ctx)
		s.saved = saved
		s.edit(saved, a.T("sync.saved"))
	})
	save.Importance = widget.HighImportance
	title := a.T("contacts.title")
	body := container.NewVBox(note(a.T("contacts.hint")), box, container.NewHBox(add, save), wrapped(message))
	return title, a.screen(title, s.leave, container.NewVScroll(container.NewPadded(body)))
}

// entry is a text field holding text, that passes F1 and Escape on.
func (a *App) entry(text, placeholder string) *keyEntry {
	e := a.nav.entry()
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	return e
}
