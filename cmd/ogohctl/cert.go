package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ogoh/ogoh/internal/cert"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/sanitize"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// certIssue writes a learner's certificate for a course as the app does,
// for a trainer at a post without the app's screens (a server, a script).
func certIssue(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("cert issue", flag.ContinueOnError)
	dir := fs.String("data", "", "the device's data folder")
	learner := fs.String("learner", "", "the learner's ID, or their name as the profile spells it")
	courseID := fs.String("course", "", "the course's ID")
	lang := fs.String("lang", "", "the page's language (en, ru, uz); the learner's own by default")
	out := fs.String("o", "", "the PDF to write")
	if _, err := parseMixed(fs, args, stderr); err != nil {
		return 2
	}
	if *learner == "" || *courseID == "" || *out == "" {
		fmt.Fprintln(stderr, "usage: ogohctl cert issue --data DIR --learner ID --course ID [--lang xx] -o FILE.pdf")
		return 2
	}
	dev, err := openDevice(ctx, *dir)
	if err != nil {
		return failed(stderr, err)
	}
	defer dev.Close()
	if err := issue(ctx, dev, *learner, *courseID, *lang, *out, stdout); err != nil {
		return failed(stderr, err)
	}
	return 0
}

func issue(ctx context.Context, dev *progress.Device, who, courseID, lang, out string, stdout io.Writer) error {
	c := findCourse(dev.Courses, courseID)
	if c == nil {
		return fmt.Errorf("no course %q is installed in %s", courseID, dev.DataDir)
	}
	l, err := findLearner(ctx, dev.Service, who)
	if err != nil {
		return err
	}
	rec, err := dev.Service.Certificate(ctx, l, c)
	if err != nil {
		return err
	}
	if lang == "" {
		learner, _ := dev.Service.Learner(ctx, l)
		lang = learner.Language
	}
	var pdf bytes.Buffer
	if err := progress.WriteCertificatePDF(&pdf, rec, c, lang); err != nil {
		return err
	}
	if err := os.WriteFile(out, pdf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "certificate %s for %s, course %s %s, score %d%%\nwrote %s\nQR text: %s\n",
		rec.ID, sanitize.Printable(rec.LearnerName), rec.CourseID, rec.CourseVersion, rec.Score, out, cert.Text(rec))
	return nil
}

func findCourse(list []*course.Course, id string) *course.Course {
	for _, c := range list {
		if c.ID == id {
			return c
		}
	}
	return nil
}

// findLearner is the learner with ID who, or the one learner named who.
func findLearner(ctx context.Context, svc *progress.Service, who string) (string, error) {
	list, err := svc.Learners(ctx)
	if err != nil {
		return "", err
	}
	var named []string
	for _, l := range list {
		if l.ID == who {
			return l.ID, nil
		}
		if l.Name == who {
			named = append(named, l.ID)
		}
	}
	switch len(named) {
	case 1:
		return named[0], nil
	case 0:
		return "", fmt.Errorf("no learner %q on this device (ogohctl report lists them)", who)
	}
	return "", fmt.Errorf("%d learners are named %q: give the learner's ID (ogohctl report --csv lists it)", len(named), who)
}

// certVerify checks a certificate offline: its signature, and that the
// device that signed it is a known one.
func certVerify(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("cert verify", flag.ContinueOnError)
	devices := fs.String("devices", "", "the devices you know: a forwarder's device registry (devices.json), a folder of *.pub files or one .pub file (default: this user's registry, as sync forward keeps it)")
	typed := fs.String("id", "", "the certificate ID as printed on the paper, to check it is the QR code's")
	lang := fs.String("lang", "en", "the language of the verdict (en, ru, uz)")
	pos, err := parseMixed(fs, args, stderr)
	if err != nil {
		return 2
	}
	if len(pos) == 0 {
		fmt.Fprintln(stderr, "usage: ogohctl cert verify FILE|TEXT [--id ID] [--devices FILE|DIR] [--lang xx]\n  FILE: the certificate's PDF, or a text file with its QR code's text\n  TEXT: the QR code's text, optionally after the ID typed from the paper")
		return 2
	}
	text, id, err := certificateText(strings.Join(pos, " "))
	if err != nil {
		return failed(stderr, err)
	}
	if *typed != "" {
		id = *typed
	}
	known, err := knownDevices(*devices)
	if err != nil {
		return failed(stderr, err)
	}
	b, err := i18n.Load()
	if err != nil {
		return failed(stderr, err)
	}
	v, err := cert.Verify(text, id, known)
	msg := sanitize.Printable(cert.Explain(b.For(i18n.Supported(*lang)), v, err))
	if err != nil {
		fmt.Fprintln(stderr, "ogohctl:", msg)
		return 1
	}
	fmt.Fprintln(stdout, msg)
	return 0
}

// certificateText reads what was given: a PDF, a text file, or the text
// itself, with the typed ID in front of it if there is one.
func certificateText(arg string) (text, id string, err error) {
	if data, err := os.ReadFile(arg); err == nil {
		if bytes.HasPrefix(data, []byte("%PDF")) {
			text, err := cert.FromPDF(data)
			return text, "", err
		}
		arg = string(data)
	} else if !errors.Is(err, os.ErrNotExist) && !strings.Contains(arg, ";") {
		return "", "", err
	}
	i := strings.Index(arg, "OGOH-CERT")
	if i < 0 {
		return strings.TrimSpace(arg), "", nil
	}
	return strings.TrimSpace(arg[i:]), strings.TrimSpace(arg[:i]), nil
}

func knownDevices(path string) (cert.Devices, error) {
	if path != "" {
		return cert.LoadDevices(path)
	}
	path, err := syncfile.DefaultRegistryPath()
	if err != nil {
		return cert.Devices{}, nil
	}
	if _, err := os.Stat(path); err != nil {
		return cert.Devices{}, nil // no registry: every device is unknown, and the verdict says so
	}
	return cert.LoadDevices(path)
}
