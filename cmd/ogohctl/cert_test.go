package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/paper/papertest"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
)

// passedDevice is a data folder where name passed every quiz of the
// bundled course across-the-border.
func passedDevice(t *testing.T, name string) string {
	t.Helper()
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "post")
	dev, err := openDevice(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer dev.Close()
	l, err := dev.Service.CreateLearner(ctx, progress.NewLearner{Name: name, Role: "border-guard", Post: "Sariosiyo", Language: "uz"})
	if err != nil {
		t.Fatal(err)
	}
	c := findCourse(dev.Courses, "across-the-border")
	for _, q := range c.Quizzes {
		passQuiz(t, dev.Service, l.ID, c, q.ID)
	}
	return dir
}

func passQuiz(t *testing.T, svc *progress.Service, learnerID string, c *course.Course, quizID string) {
	t.Helper()
	ctx := context.Background()
	a, err := svc.StartOrResume(ctx, learnerID, c, quizID, "uz")
	if err != nil {
		t.Fatal(err)
	}
	for qu, _ := a.Next(); qu != nil; qu, _ = a.Next() {
		if _, err := svc.Answer(ctx, a, qu, quiz.Key(qu)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.Finish(ctx, a); err != nil {
		t.Fatal(err)
	}
}

// TestCertIssueAndVerifyOffline: a trainer issues a certificate from a
// data folder; cert verify accepts the PDF and its QR text with the
// device's enrolment file, and refuses one changed byte and a device it
// does not know.
func TestCertIssueAndVerifyOffline(t *testing.T) {
	name := "Oʻgʻiloy Gʻulomova"
	dir := passedDevice(t, name)
	work := t.TempDir()
	pdf, pub := filepath.Join(work, "cert.pdf"), filepath.Join(work, "post.pub")
	out := ctl(t, "cert", "issue", "--data", dir, "--learner", name, "--course", "across-the-border", "-o", pdf)
	id := regexp.MustCompile(`certificate (\S+)`).FindStringSubmatch(out)[1]
	text := regexp.MustCompile(`QR text: (.*)`).FindStringSubmatch(out)[1]
	ctl(t, "device", "show", "--data", dir, "--pub", pub)

	data, _ := os.ReadFile(pdf)
	if got := papertest.Text(t, data); !strings.Contains(got, name) || !strings.Contains(got, id) {
		t.Errorf("pdftotext does not give back the name and the ID:\n%s", got)
	}
	for _, given := range [][]string{{pdf}, {text}, {id, text}} {
		verdict := ctl(t, append([]string{"cert", "verify", "--devices", pub}, given...)...)
		if !strings.HasPrefix(verdict, "Genuine.") || !strings.Contains(verdict, name) || !strings.Contains(verdict, id) {
			t.Errorf("verify %.20q…: %s", given[0], verdict)
		}
	}

	changed := strings.Replace(text, ";100;", ";101;", 1)
	if msg := ctlFails(t, "cert", "verify", "--devices", pub, changed); !strings.Contains(msg, "Refused") {
		t.Errorf("one byte changed: %s", msg)
	}
	mangled := append([]byte(nil), data...)
	i := strings.Index(string(mangled), "/Subject <FEFF") + len("/Subject <FEFF") + 90
	mangled[i] ^= 1
	bad := filepath.Join(work, "changed.pdf")
	os.WriteFile(bad, mangled, 0o644)
	if msg := ctlFails(t, "cert", "verify", "--devices", pub, bad); !strings.Contains(msg, "Refused") && !strings.Contains(msg, "not a whole certificate") {
		t.Errorf("the PDF with one byte changed: %s", msg)
	}

	otherPub := filepath.Join(work, "other.pub")
	ctl(t, "device", "show", "--data", passedDevice(t, "Дилноза Каримова"), "--pub", otherPub)
	if msg := ctlFails(t, "cert", "verify", "--devices", otherPub, pdf); !strings.Contains(msg, "Not confirmed") || !strings.Contains(msg, name) {
		t.Errorf("an unknown device: %s", msg)
	}
	if msg := ctlFails(t, "cert", "verify", "--devices", otherPub, "--lang", "ru", "--id", "AAAA-BBBB-CCCC-DDDD", text); !strings.Contains(msg, "Отклонено") {
		t.Errorf("another paper's ID, in Russian: %s", msg)
	}
}

// TestLearnerMoveOutInAndExport: a learner moved with ogohctl from one
// data folder to another keeps their ID and passed course (the new device
// certifies it), leaves the first folder's list, and can have their own
// record as JSON.
func TestLearnerMoveOutInAndExport(t *testing.T) {
	name := "Oʻgʻiloy Gʻulomova"
	from, to := passedDevice(t, name), filepath.Join(t.TempDir(), "post-2")
	work := t.TempDir()
	file, pub, own := filepath.Join(work, "learner.ogohmove"), filepath.Join(work, "from.pub"), filepath.Join(work, "me.json")
	ctl(t, "learner", "export", "--data", from, "--learner", name, "-o", own)
	if data, _ := os.ReadFile(own); !strings.Contains(string(data), `"format": "ogoh-learner-record"`) || !strings.Contains(string(data), name) {
		t.Errorf("the learner's own export:\n%.400s", data)
	}
	ctl(t, "device", "show", "--data", from, "--pub", pub)
	ctl(t, "learner", "move-out", "--data", from, "--learner", name, "-o", file)
	if got := learnerNames(t, from); len(got) != 0 {
		t.Errorf("the first post still lists %v", got)
	}
	registry := filepath.Join(work, "devices.json") // a registry that has seen no device
	os.WriteFile(registry, []byte(`{"devices": {}, "learners": {}}`), 0o600)
	if msg := ctlFails(t, "learner", "move-in", "--data", to, "--devices", registry, file); !strings.Contains(msg, "not among the known devices") {
		t.Errorf("a record from a device the registry does not know: %s", msg)
	}
	out := ctl(t, "learner", "move-in", "--data", to, "--devices", pub, file)
	if !strings.Contains(out, name) {
		t.Errorf("move-in says:\n%s", out)
	}
	ctl(t, "cert", "issue", "--data", to, "--learner", name, "--course", "across-the-border", "-o", filepath.Join(work, "c.pdf"))
}
