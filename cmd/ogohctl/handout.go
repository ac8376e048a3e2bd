package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/handout"
	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/reference"
	"github.com/ogoh/ogoh/quickref"
)

// courseHandout prints a course, or one lesson of it, as an A4 handout.
func courseHandout(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("course handout", flag.ContinueOnError)
	lang := fs.String("lang", "en", "the handout's language (en, ru, uz); the course's default if it lacks it")
	lesson := fs.String("lesson", "", "one lesson's ID: that lesson alone")
	out := fs.String("o", "", "the PDF to write")
	pos, err := parseMixed(fs, args, stderr)
	if err != nil {
		return 2
	}
	if len(pos) != 1 || *out == "" {
		fmt.Fprintln(stderr, "usage: ogohctl course handout DIR|ID [--lang xx] [--lesson ID] -o FILE.pdf\n  DIR: a course folder; ID: a course bundled with Ogoh")
		return 2
	}
	c, err := handoutCourse(pos[0])
	if err != nil {
		return failed(stderr, err)
	}
	var pdf bytes.Buffer
	if err := handout.Course(&pdf, c, *lesson, *lang, localizer(*lang), time.Now()); err != nil {
		return failed(stderr, err)
	}
	return writePDF(*out, pdf.Bytes(), stdout, stderr)
}

// handoutCourse is the course folder at arg, or the bundled course with
// that ID.
func handoutCourse(arg string) (*course.Course, error) {
	if info, err := os.Stat(arg); err == nil && info.IsDir() {
		return course.LoadDir(arg)
	}
	list, err := bundledCourses()
	if err != nil {
		return nil, err
	}
	if c := findCourse(list, arg); c != nil {
		return c, nil
	}
	return nil, fmt.Errorf("%q is neither a course folder nor the ID of a bundled course", arg)
}

// quickrefCard prints the quick reference as a pocket card, with a data
// folder's referral contacts.
func quickrefCard(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("quickref card", flag.ContinueOnError)
	lang := fs.String("lang", "en", "the card's language (en, ru, uz)")
	dir := fs.String("data", "", "a device's data folder, for the post's referral contacts")
	out := fs.String("o", "", "the PDF to write")
	if _, err := parseMixed(fs, args, stderr); err != nil {
		return 2
	}
	if *out == "" {
		fmt.Fprintln(stderr, "usage: ogohctl quickref card [--lang xx] [--data DIR] -o FILE.pdf")
		return 2
	}
	g, err := reference.Load(quickref.FS)
	if err != nil {
		return failed(stderr, err)
	}
	contacts, err := postContacts(ctx, *dir)
	if err != nil {
		return failed(stderr, err)
	}
	var pdf bytes.Buffer
	if err := handout.Card(&pdf, g, contacts, *lang, localizer(*lang), time.Now()); err != nil {
		return failed(stderr, err)
	}
	return writePDF(*out, pdf.Bytes(), stdout, stderr)
}

func postContacts(ctx context.Context, dir string) ([]domain.Contact, error) {
	if dir == "" {
		return nil, nil
	}
	dev, err := openDeviceReadOnly(ctx, dir)
	if err != nil {
		return nil, err
	}
	defer dev.Close()
	return dev.Service.Contacts(ctx)
}

func localizer(lang string) *i18n.Localizer {
	b, err := i18n.Load()
	if err != nil {
		panic(err) // the locales are embedded: a broken build
	}
	return b.For(i18n.Supported(lang))
}

func writePDF(path string, pdf []byte, stdout, stderr io.Writer) int {
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "wrote %s\n", path)
	return 0
}
