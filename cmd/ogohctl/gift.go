package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/gift"
)

var giftLangCode = regexp.MustCompile(`^[a-z]{2,3}$`)

// giftImport turns a Moodle GIFT question bank into a quiz file: into the
// course folder (--course), a file (-o) or stdout. It reports what it
// imported and every question it skipped, by line; with --json as one JSON
// object on stdout.
func giftImport(args []string, stdout, stderr io.Writer) int {
	o, ok := parseGiftImport(args, stderr)
	if !ok {
		return 2
	}
	var info giftCourseInfo
	if o.courseDir != "" {
		var err error
		if info, err = o.readCourse(); err != nil {
			fmt.Fprintln(stderr, "ogohctl:", err)
			return 2
		}
	}
	bank, err := readGiftBank(o.file)
	if err != nil {
		return failed(stderr, err)
	}
	qs, report := gift.ToQuestions(bank, o.lang, o.lesson)
	if err := o.writeQuiz(qs, stdout, stderr); err != nil {
		return failed(stderr, err)
	}
	if len(qs) > 0 {
		giftNotes(stderr, info, o.lang, o.lesson, o.courseDir != "")
	}
	if o.asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(report); err != nil {
			return failed(stderr, err)
		}
		return 0
	}
	fmt.Fprintln(stderr, giftSummary(report))
	return 0
}

// giftOptions are what gift import was asked to do.
type giftOptions struct {
	file, courseDir, lang, lesson, out string
	asJSON, force                      bool
}

// parseGiftImport reads gift import's arguments; false means they were
// wrong, and what is wrong has been said.
func parseGiftImport(args []string, stderr io.Writer) (giftOptions, bool) {
	var o giftOptions
	fs := flag.NewFlagSet("gift import", flag.ContinueOnError)
	fs.StringVar(&o.courseDir, "course", "", "course folder: the quiz is written there as <bank name>.toml")
	fs.StringVar(&o.lang, "lang", "en", "language code of the bank's text")
	fs.StringVar(&o.lesson, "lesson", "", "ID of the lesson the questions belong to (default: the course's first lesson)")
	fs.BoolVar(&o.asJSON, "json", false, "print the report as one JSON object on stdout")
	fs.StringVar(&o.out, "o", "", "write the quiz to this file")
	fs.BoolVar(&o.force, "force", false, "replace the quiz file even if it was edited since gift import wrote it")
	files, err := parseMixed(fs, args, stderr)
	switch {
	case err != nil:
		return o, false
	case len(files) != 1:
		fmt.Fprint(stderr, "usage: ogohctl gift import FILE.gift [--course DIR] [--lang xx] [--lesson ID] [--json] [-o FILE] [--force]\n")
		return o, false
	case !giftLangCode.MatchString(o.lang):
		fmt.Fprintf(stderr, "ogohctl: --lang %q must be a language code of two or three lowercase letters\n", o.lang)
		return o, false
	case o.asJSON && o.courseDir == "" && o.out == "":
		fmt.Fprintln(stderr, "ogohctl: with --json, give --course DIR or -o FILE for the quiz")
		return o, false
	}
	o.file = files[0]
	return o, true
}

// readCourse reads the lessons and languages of the course the quiz goes
// into and, when no --lesson was given, takes its first lesson. The course
// need not read when a lesson is given: the notes then say less.
func (o *giftOptions) readCourse() (giftCourseInfo, error) {
	info, err := readGiftCourse(o.courseDir)
	switch {
	case o.lesson != "":
		return info, nil
	case err != nil:
		return info, fmt.Errorf("cannot read the lessons of %s (%v): give --lesson ID", o.courseDir, err)
	case len(info.lessons) == 0:
		return info, fmt.Errorf("%s lists no lessons: give --lesson ID", o.courseDir)
	}
	o.lesson = info.lessons[0]
	return info, nil
}

// readGiftBank parses a GIFT file; one with no question in it is refused.
func readGiftBank(path string) (*gift.Bank, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	bank, err := gift.Parse(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(bank.Questions) == 0 {
		return nil, fmt.Errorf("%s: no GIFT questions found", path)
	}
	return bank, nil
}

// writeQuiz writes the imported questions where they were asked for: -o,
// else the course folder, else stdout. With none imported it writes
// nothing and says so.
func (o giftOptions) writeQuiz(qs []course.Question, stdout, stderr io.Writer) error {
	var quiz bytes.Buffer
	if err := gift.WriteQuizTOML(&quiz, qs, o.lang); err != nil {
		return err
	}
	dest := o.out
	if dest == "" && o.courseDir != "" {
		base := filepath.Base(o.file)
		dest = filepath.Join(o.courseDir, strings.TrimSuffix(base, filepath.Ext(base))+".toml")
	}
	switch {
	case len(qs) == 0:
		fmt.Fprintln(stderr, "no question could be imported; no quiz written")
	case dest == "":
		_, err := stdout.Write(quiz.Bytes())
		return err
	default:
		if err := mayReplace(dest, o.force); err != nil {
			return err
		}
		if err := os.WriteFile(dest, quiz.Bytes(), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "wrote %s\n", dest)
	}
	return nil
}

// mayReplace refuses to write over a file someone has worked on: one that
// gift import did not write, or has been edited since (explanations are
// written by hand after an import), unless force is given.
func mayReplace(dest string, force bool) error {
	old, err := os.ReadFile(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist), force:
		return nil
	case err != nil:
		return err
	case !bytes.HasPrefix(old, []byte(gift.Header)):
		return fmt.Errorf("%s exists and was not written by gift import: it is kept (give -o FILE for another file, or --force to replace it)", dest)
	case !gift.Unedited(old):
		return fmt.Errorf("%s was edited since gift import wrote it (or written by a version that kept no sum): it is kept (give -o FILE for another file, or --force to replace it and lose the edits)", dest)
	}
	return nil
}

// giftSummary is "imported N: single 3, …; skipped K:" and a line per skip.
func giftSummary(r gift.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "imported %d", r.Imported)
	var parts []string
	for _, t := range domain.Kinds {
		if n := r.ByType[t]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", t, n))
		}
	}
	if len(parts) > 0 {
		b.WriteString(": " + strings.Join(parts, ", "))
	}
	fmt.Fprintf(&b, "; skipped %d", len(r.Skipped))
	if len(r.Skipped) > 0 {
		b.WriteString(":")
	}
	for _, s := range r.Skipped {
		fmt.Fprintf(&b, "\nline %d: %s — %s", s.Line, s.Type, s.Reason)
	}
	return b.String()
}

// giftNotes tells the author what the course still needs from them.
func giftNotes(stderr io.Writer, info giftCourseInfo, lang, lesson string, inCourse bool) {
	if lesson == "" {
		fmt.Fprintln(stderr, "note: no --lesson given: set lesson in every question")
	} else if inCourse && len(info.lessons) > 0 && !slices.Contains(info.lessons, lesson) {
		fmt.Fprintf(stderr, "note: the course has no lesson %q\n", lesson)
	}
	if len(info.languages) > 0 {
		if !slices.Contains(info.languages, lang) {
			fmt.Fprintf(stderr, "note: the course is not written in %q (its languages: %s)\n", lang, strings.Join(info.languages, ", "))
		}
		var others []string
		for _, l := range info.languages {
			if l != lang {
				others = append(others, l)
			}
		}
		if len(others) > 0 {
			fmt.Fprintf(stderr, "note: add the texts in %s before the course validates\n", strings.Join(others, ", "))
		}
	}
}

type giftCourseInfo struct {
	lessons, languages []string
}

// readGiftCourse reads a course's lessons and languages: from the loaded
// course if it is valid, else from its course.toml as far as it reads.
func readGiftCourse(dir string) (giftCourseInfo, error) {
	if c, err := course.LoadDir(dir); err == nil {
		info := giftCourseInfo{languages: c.Languages}
		for _, l := range c.Lessons {
			info.lessons = append(info.lessons, l.ID)
		}
		return info, nil
	}
	data, err := os.ReadFile(filepath.Join(dir, course.ManifestFile))
	if err != nil {
		return giftCourseInfo{}, err
	}
	var m struct {
		Languages []string `toml:"languages"`
		Lessons   []struct {
			ID string `toml:"id"`
		} `toml:"lessons"`
	}
	if err := toml.Unmarshal(data, &m); err != nil {
		var de *toml.DecodeError
		if errors.As(err, &de) {
			row, _ := de.Position()
			return giftCourseInfo{}, fmt.Errorf("%s:%d: %s", course.ManifestFile, row, de.Error())
		}
		return giftCourseInfo{}, err
	}
	info := giftCourseInfo{languages: m.Languages}
	for _, l := range m.Lessons {
		if l.ID != "" {
			info.lessons = append(info.lessons, l.ID)
		}
	}
	return info, nil
}
