package progress_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/cert"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/paper/papertest"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
)

// pass answers every question of the course's quiz right.
func pass(t *testing.T, svc *progress.Service, learnerID string, c *course.Course, quizID string) {
	t.Helper()
	ctx := context.Background()
	a, err := svc.StartOrResume(ctx, learnerID, c, quizID, "en")
	if err != nil {
		t.Fatal(err)
	}
	for qu, _ := a.Next(); qu != nil; qu, _ = a.Next() {
		if _, err := svc.Answer(ctx, a, qu, quiz.Key(qu)); err != nil {
			t.Fatal(err)
		}
	}
	if r, err := svc.Finish(ctx, a); err != nil || !r.Passed {
		t.Fatalf("finish: %+v, %v", r, err)
	}
}

func TestACertificateCarriesTheNameInItsScriptAndChecksOut(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct{ name, post, lang string }{
		{"Дилноза Каримова", "Пост № 12, Ташкент", "ru"},
		{"Oʻgʻiloy Gʻulomova", "Sariosiyo chegara posti", "uz"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			d := openDevice(t)
			c := exampleCourse(t)
			l, err := d.Service.CreateLearner(ctx, progress.NewLearner{Name: tc.name, Role: "border-guard", Post: tc.post, Language: tc.lang})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := d.Service.Certificate(ctx, l.ID, c); !errors.Is(err, domain.ErrNotPassed) {
				t.Fatalf("a certificate before the quiz is passed: %v", err)
			}
			pass(t, d.Service, l.ID, c, "check")
			rec, err := d.Service.Certificate(ctx, l.ID, c)
			if err != nil {
				t.Fatal(err)
			}
			again, _ := d.Service.Certificate(ctx, l.ID, c)
			if cert.Text(again) != cert.Text(rec) {
				t.Error("the certificate asked for twice is not the same one")
			}
			if rec.LearnerName != tc.name || rec.LearnerID != l.ID || rec.Score != 100 || rec.CourseVersion != c.Version {
				t.Errorf("record = %+v", rec)
			}
			checkCertificatePDF(t, d, rec, c, tc.name, tc.post, tc.lang)
		})
	}
}

// checkCertificatePDF renders rec's PDF and reads it back as a checkpoint
// would: one A4 page whose text gives the name, post, ID and course; a
// record, kept in the PDF, that the device's key verifies.
func checkCertificatePDF(t *testing.T, d *progress.Device, rec domain.Certificate, c *course.Course, name, post, lang string) {
	t.Helper()
	ctx := context.Background()
	var pdf bytes.Buffer
	if err := progress.WriteCertificatePDF(&pdf, rec, c, lang); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("OGOH_CERT_PDF"); dir != "" { // to look at: pdftoppm -png
		os.WriteFile(dir+"/certificate-"+lang+".pdf", pdf.Bytes(), 0o644)
	}
	if n := papertest.Pages(t, pdf.Bytes()); n != 1 {
		t.Errorf("the certificate has %d pages, want one", n)
	}
	if size := papertest.PageSize(t, pdf.Bytes()); !strings.Contains(size, "(A4)") {
		t.Errorf("page size %q, want A4", size)
	}
	text := papertest.Text(t, pdf.Bytes())
	for _, want := range []string{name, post, rec.ID, c.Title.In(lang, "en")} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext does not give back %q:\n%s", want, text)
		}
	}
	id, _ := d.Service.Identity(ctx)
	v, err := cert.Verify(cert.Text(rec), rec.ID, cert.Devices{id.Device: id.PublicKey})
	if err != nil || !v.Known || v.Certificate.LearnerName != name {
		t.Errorf("the device's own certificate does not verify: %+v, %v", v, err)
	}
	fromPDF, err := cert.FromPDF(pdf.Bytes())
	if err != nil || fromPDF != cert.Text(rec) {
		t.Errorf("the PDF's record %q, %v; want %q", fromPDF, err, cert.Text(rec))
	}
}

func openDevice(t *testing.T) *progress.Device {
	t.Helper()
	d, err := progress.Open(context.Background(), t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}
