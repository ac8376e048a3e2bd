package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/cert"
	"github.com/ogoh/ogoh/internal/progress"
)

// moveButtons are the learners screen's second row: a learner leaves
// for another device, or arrives from one.
func (s *reportScreen) moveButtons() fyne.CanvasObject {
	a := s.a
	out := a.nav.button(a.T("move.out"), theme.MailSendIcon(), s.onMoveOut)
	in := a.nav.button(a.T("move.in"), theme.DownloadIcon(), a.nav.to(newReceiveScreen(a)))
	return container.NewHBox(out, in)
}

// onMoveOut asks whom to move, says plainly that they leave this
// device, then where to write their file.
func (s *reportScreen) onMoveOut() {
	a := s.a
	learners, err := a.svc.Learners(a.ctx)
	if err != nil || len(learners) == 0 {
		return
	}
	warning := wrapped(a.T("move.out.pick"))
	pick := widget.NewSelect(learnerNames(learners), nil)
	pick.OnChanged = func(string) {
		warning.Importance = widget.WarningImportance
		warning.SetText(a.T("move.out.warning", "Name", learners[pick.SelectedIndex()].Name))
	}
	d := dialog.NewCustomConfirm(a.T("move.out"), a.T("move.out.confirm"), a.T("dialog.cancel"),
		container.NewVBox(pick, warning), func(ok bool) {
			i := pick.SelectedIndex()
			if !ok || i < 0 {
				return
			}
			l := learners[i]
			a.askSave(fmt.Sprintf("%s.ogohmove", safeName(l.Name)), func(path string) { s.moveOut(l.ID, path) })
		}, a.win)
	d.Resize(fyne.NewSize(620, 320))
	d.Show()
}

// safeName is a learner's name as a file name: letters and digits of any
// script are kept, the rest become dashes.
func safeName(name string) string {
	f := strings.FieldsFunc(name, func(r rune) bool {
		return strings.ContainsRune(`/\:*?"<>| .`, r) || r < ' '
	})
	if len(f) == 0 {
		return "learner"
	}
	return strings.Join(f, "-")
}

// moveOut writes the learner's signed record to path; once it is on
// disk the learner leaves this device's lists.
func (s *reportScreen) moveOut(learnerID, path string) {
	a := s.a
	rec, err := a.svc.MoveOut(a.ctx, learnerID, a.courses, path)
	if err != nil {
		a.message(a.T("move.out"), a.T("move.out.failed")+"\n\n"+a.errorText(err))
		return
	}
	if a.learner != nil && a.learner.ID == learnerID {
		// The learner who opened trainer mode has left: leaving it goes
		// to the profile picker, not back into their session.
		a.learner = nil
		a.settings = newSettingsScreen(a, a.nav.to(newProfilesScreen(a)))
	}
	me, _ := a.svc.Identity(a.ctx)
	a.redraw()
	a.message(a.T("move.out"), a.T("move.out.done", "Name", rec.Learner.Name, "File", path, "Fingerprint", me.Fingerprint))
}

// receiveScreen imports a learner another device moved out: the file is
// refused when it was changed, and, unless the trainer opened the other
// device's file or compared its fingerprint, when its device is unknown.
type receiveScreen struct {
	a       *App
	known   cert.Devices
	source  string // the device file opened
	result  string
	level   widget.Importance
	pending string // a file from an unknown device, waiting for the trainer's word
}

func newReceiveScreen(a *App) *receiveScreen { return &receiveScreen{a: a, known: cert.Devices{}} }

func (s *receiveScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	devices := a.nav.button(a.T("move.in.devices"), theme.FolderOpenIcon(), func() {
		a.askOpen(nil, s.loadDevices)
	})
	known := a.T("move.in.devices.none")
	if s.source != "" {
		known = a.T("verify.devices.also", "File", s.source, "Count", len(s.known))
	}
	file := a.nav.button(a.T("move.in.file"), theme.FileIcon(), func() {
		a.askOpen([]string{".ogohmove"}, s.receive)
	})
	file.Importance = widget.HighImportance
	result := wrapped(s.result)
	result.Importance = s.level
	body := container.NewVBox(note(a.T("move.in.intro")), container.NewHBox(devices), note(known), container.NewHBox(file),
		widget.NewSeparator(), result)
	if s.pending != "" {
		path := s.pending
		anyway := a.nav.button(a.T("move.in.anyway"), theme.ConfirmIcon(), func() { s.receiveFrom(path, nil) })
		body.Add(container.NewHBox(anyway))
	}
	title := strings.TrimSuffix(a.T("move.in"), "…")
	return title, a.screen(title, a.nav.to(newReportScreen(a)), container.NewVScroll(container.NewPadded(body)))
}

// loadDevices adds the devices of a device file to those the screen
// accepts records from.
func (s *receiveScreen) loadDevices(path string) {
	a := s.a
	d, err := cert.LoadDevices(path)
	if err != nil {
		a.message(a.T("move.in.devices"), a.T("verify.devices.bad")+"\n\n"+a.errorText(err))
		return
	}
	for k, v := range d {
		s.known[k] = v
	}
	s.source = path
	a.redraw()
}

// receive imports the learner file at path from a known device.
func (s *receiveScreen) receive(path string) { s.receiveFrom(path, s.known) }

// receiveFrom imports path, from the devices in known (nil: any, the
// trainer having compared the fingerprint), and says what came, or why
// it was refused.
func (s *receiveScreen) receiveFrom(path string, known cert.Devices) {
	a := s.a
	s.pending = ""
	in, err := a.svc.MoveIn(a.ctx, path, known)
	switch {
	case err == nil:
		s.result, s.level = a.T("move.in.done", "Name", in.Record.Learner.Name, "Device", in.Device, "Fingerprint", in.Fingerprint), widget.SuccessImportance
	case errors.Is(err, progress.ErrRecordUnknown):
		s.result, s.level = a.T("move.in.unknown", "Name", in.Record.Learner.Name, "Device", in.Device, "Fingerprint", in.Fingerprint), widget.WarningImportance
		s.pending = path
	case errors.Is(err, progress.ErrRecordForged):
		s.result, s.level = a.T("move.in.forged"), widget.DangerImportance
	case errors.Is(err, progress.ErrNotRecord):
		s.result, s.level = a.T("move.in.notrecord"), widget.DangerImportance
	default:
		s.result, s.level = a.T("move.in.failed")+"\n\n"+a.errorText(err), widget.DangerImportance
	}
	a.redraw()
}

// recordButton is the learner's own record, as JSON, from their
// settings; hidden on the profile picker's.
func (a *App) recordButton() *keyButton {
	b := a.nav.button(a.T("record.export"), theme.DocumentSaveIcon(), nil)
	if a.learner == nil {
		b.Hide()
		return b
	}
	id, name := a.learner.ID, a.learner.Name
	b.OnTapped = func() { a.askSave(safeName(name)+"-ogoh-record.json", func(path string) { a.exportRecord(id, path) }) }
	return b
}

// exportRecord writes the learner's record as JSON to path.
func (a *App) exportRecord(learnerID, path string) {
	if err := a.svc.ExportRecordJSON(a.ctx, learnerID, a.courses, path); err != nil {
		a.message(a.T("record.export"), a.T("record.export.failed")+"\n\n"+a.errorText(err))
		return
	}
	a.message(a.T("record.export"), a.T("record.export.done", "File", path))
}
