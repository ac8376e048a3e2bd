package ui

import (
	"crypto/ed25519"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/cert"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/quiz"
)

// passQuiz answers every question of q on screen rightly and opens the
// result.
func (d *driver) passQuiz(c *course.Course, q *course.Quiz) {
	d.t.Helper()
	d.tap(d.T("quiz.start"))
	for i := 0; i < q.Draw; i++ {
		qu := d.shownQuestion(c, q)
		d.answer(c, qu, quiz.Key(qu))
		d.tap(d.T("quiz.check"))
		if i+1 < q.Draw {
			d.tap(d.T("quiz.next"))
		}
	}
	d.tap(d.T("quiz.see.result"))
}

// TestALearnerSavesTheirCertificateAndATrainerVerifiesIt: the course
// page offers the certificate only once the course is passed; the PDF
// it saves holds the learner's Uzbek name and a record this laptop's
// trainer mode calls genuine, refuses with one character changed, and
// does not confirm from a device it does not know.
func TestALearnerSavesTheirCertificateAndATrainerVerifiesIt(t *testing.T) {
	d := start(t, t.TempDir(), "uz")
	defer d.close()
	d.async() // the PDFs are made off the UI thread, as in the app
	c := trafficking(t)
	d.createProfile("Oʻgʻiloy Gʻulomova", "border-guard", "Post 12", "")
	d.openCourse(c)
	if d.has(d.T("cert.save")) {
		t.Fatal("a certificate is offered before the course is passed")
	}
	d.passQuiz(c, &c.Quizzes[0])
	d.tap(d.T("result.back"))
	d.see(d.T("cert.save"))

	path := filepath.Join(t.TempDir(), "cert.pdf")
	d.app.saveCertificate(d.app.learner.ID, c, "uz", path) // what the save dialog does with the chosen path
	d.settle()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text, err := cert.FromPDF(data)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := cert.Parse(text)
	if err != nil || rec.LearnerName != "Oʻgʻiloy Gʻulomova" {
		t.Fatalf("the PDF's record: %+v, %v", rec, err)
	}
	d.see(d.T("cert.saved", "Name", rec.LearnerName, "ID", rec.ID, "File", path))
	d.tap(d.T("dialog.ok"))

	d.tap(d.T("nav.back"))
	d.tap(d.T("settings.title"))
	d.unlockTrainer(trainerPIN)
	d.tap(d.T("trainer.learners"))
	d.see(d.T("report.certificate"))
	d.tap(d.T("nav.back"))
	d.tap(d.T("verify.title"))
	d.verify(rec.ID, text)
	d.see(cert.Explain(d.loc, cert.Verdict{Certificate: rec, Fingerprint: fingerprintOf(t, d), Known: true}, nil))

	changed := strings.Replace(text, "Post 12", "Post 13", 1)
	d.verify(rec.ID, changed)
	d.see(d.T("cert.verify.wrong_id")) // the ID is the hash of the rest: a changed record no longer matches it

	_, stranger, _ := ed25519.GenerateKey(nil)
	forged := cert.Sign(domain.Certificate{LearnerID: rec.LearnerID, LearnerName: rec.LearnerName, Post: rec.Post,
		CourseID: rec.CourseID, CourseVersion: rec.CourseVersion, Passed: time.Now(), Score: 100, DeviceID: "another-laptop"}, stranger)
	d.verify(forged.ID, cert.Text(forged))
	_, err = cert.Verify(cert.Text(forged), "", cert.Devices{})
	d.see(cert.Explain(d.loc, cert.Verdict{Certificate: forged, Fingerprint: fingerprintFor(forged)}, err))
}

// verify types the ID and the QR text on the verify screen and checks.
func (d *driver) verify(id, text string) {
	d.t.Helper()
	d.entry(d.T("verify.id.placeholder")).SetText("")
	d.typeInto(d.T("verify.id.placeholder"), id)
	d.entry(d.T("verify.text.placeholder")).SetText("")
	d.typeInto(d.T("verify.text.placeholder"), text)
	d.tap(d.T("verify.check"))
}

func fingerprintOf(t *testing.T, d *driver) string {
	me, err := d.app.svc.Identity(d.app.ctx)
	if err != nil {
		t.Fatal(err)
	}
	return me.Fingerprint
}

func fingerprintFor(c domain.Certificate) string {
	v, _ := cert.Verify(cert.Text(c), "", nil)
	return v.Fingerprint
}
