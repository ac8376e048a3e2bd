package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/cert"
)

// verifyScreen checks a certificate someone shows the trainer, offline:
// the ID typed from the paper and the QR code's text, scanned with any
// QR app and pasted. The devices it knows are this one and those of a
// device file the trainer opens (another post's .pub, a folder's
// registry).
type verifyScreen struct {
	a        *App
	id, text string
	known    cert.Devices
	source   string // the device file opened, "" for none
	verdict  string
	level    widget.Importance
}

func newVerifyScreen(a *App) *verifyScreen { return &verifyScreen{a: a, known: cert.Devices{}} }

func (s *verifyScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	id := a.nav.entry()
	id.SetPlaceHolder(a.T("verify.id.placeholder"))
	id.SetText(s.id)
	id.OnChanged = func(t string) { s.id = t }
	text := a.nav.multiLineEntry()
	text.SetPlaceHolder(a.T("verify.text.placeholder"))
	text.SetText(s.text)
	text.SetMinRowsVisible(4)
	text.Wrapping = fyne.TextWrapBreak
	text.OnChanged = func(t string) { s.text = t }
	check := a.nav.button(a.T("verify.check"), theme.ConfirmIcon(), s.check)
	check.Importance = widget.HighImportance
	devices := a.nav.button(a.T("verify.devices"), theme.FolderOpenIcon(), s.onDevices)
	known := a.T("verify.devices.this")
	if s.source != "" {
		known = a.T("verify.devices.also", "File", s.source, "Count", len(s.known))
	}
	verdict := wrapped(s.verdict)
	verdict.Importance = s.level
	a.nav.focus = id
	body := container.NewVBox(note(a.T("verify.intro")),
		widget.NewForm(widget.NewFormItem(a.T("verify.id"), id), widget.NewFormItem(a.T("verify.text"), text)),
		container.NewHBox(check, devices), note(known), widget.NewSeparator(), verdict)
	title := a.T("verify.title")
	return title, a.screen(title, a.nav.to(newTrainerScreen(a)), container.NewVScroll(container.NewPadded(body)))
}

// check says whether the certificate is genuine, from which device and
// for whom, in the language on screen.
func (s *verifyScreen) check() {
	a := s.a
	known := cert.Devices{}
	for k, v := range s.known {
		known[k] = v
	}
	if me, err := a.svc.Identity(a.ctx); err == nil {
		known[me.Device] = me.PublicKey
	}
	v, err := cert.Verify(s.text, s.id, known)
	s.verdict = cert.Explain(a.loc, v, err)
	switch {
	case err == nil:
		s.level = widget.SuccessImportance
	case errors.Is(err, cert.ErrUnknownDevice):
		s.level = widget.WarningImportance
	default:
		s.level = widget.DangerImportance
	}
	a.redraw()
}

// onDevices lets the trainer open a device file: another post's .pub or
// a forwarder's devices.json.
func (s *verifyScreen) onDevices() {
	s.a.askOpen([]string{".pub", ".json"}, s.loadDevices)
}

// loadDevices adds the devices of the file at path to those the screen
// knows.
func (s *verifyScreen) loadDevices(path string) {
	a := s.a
	d, err := cert.LoadDevices(path)
	if err != nil {
		a.message(a.T("verify.devices"), a.T("verify.devices.bad")+"\n\n"+a.errorText(err))
		return
	}
	for k, v := range d {
		s.known[k] = v
	}
	s.source = path
	a.redraw()
}
