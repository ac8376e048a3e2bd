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

	"github.com/ogoh/ogoh/internal/bank"
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
	return importBank(giftCommand, args, stdout, stderr)
}

// importCommand is one of the commands that import a question bank: gift
// import reads GIFT whatever the file's name, bank import any format.
type importCommand struct {
	name, usage string
	anyFormat   bool
}

var giftCommand = importCommand{
	name:  "gift import",
	usage: "usage: ogohctl gift import FILE.gift [--course DIR] [--lang xx] [--lesson ID] [--json] [-o FILE] [--force]\n",
}

// importBank runs an import command: read the course, read the bank,
// convert, write the quiz and the images, report.
func importBank(cmd importCommand, args []string, stdout, stderr io.Writer) int {
	o, ok := parseImport(cmd, args, stderr)
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
	b, err := o.readBank()
	if err != nil {
		return failed(stderr, err)
	}
	qs, report := gift.ToQuestions(&b.Bank, o.lang, o.lesson)
	if err := o.writeQuiz(qs, b.Format.Source(), stdout, stderr); err != nil {
		return failed(stderr, err)
	}
	written, err := o.writeMedia(b.Media, qs, stderr)
	if err != nil {
		return failed(stderr, err)
	}
	if len(qs) > 0 {
		giftNotes(stderr, info, o.lang, o.lesson, o.courseDir != "")
	}
	return o.report(report, b, written, stdout, stderr)
}

// report prints what the import did: gift import's report as it always
// was, bank import's with the format, the images and the notes.
func (o giftOptions) report(r gift.Report, b *bank.Bank, media []string, stdout, stderr io.Writer) int {
	var v any = r
	if o.cmd.anyFormat {
		v = bankReport{Report: r, Format: b.Format, Media: media, Notes: append([]bank.Note{}, b.Notes...)}
	}
	if o.asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return failed(stderr, err)
		}
		return 0
	}
	fmt.Fprintln(stderr, giftSummary(r))
	if o.cmd.anyFormat {
		fmt.Fprint(stderr, bankSummary(b, media))
	}
	return 0
}

// giftOptions are what an import command was asked to do.
type giftOptions struct {
	cmd                                        importCommand
	file, courseDir, lang, lesson, out, format string
	asJSON, force                              bool
}

// parseImport reads an import command's arguments; false means they were
// wrong, and what is wrong has been said.
func parseImport(cmd importCommand, args []string, stderr io.Writer) (giftOptions, bool) {
	o := giftOptions{cmd: cmd}
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	fs.StringVar(&o.courseDir, "course", "", "course folder: the quiz is written there as <bank name>.toml")
	fs.StringVar(&o.lang, "lang", "en", "language code of the bank's text")
	fs.StringVar(&o.lesson, "lesson", "", "ID of the lesson the questions belong to (default: the course's first lesson)")
	fs.BoolVar(&o.asJSON, "json", false, "print the report as one JSON object on stdout")
	fs.StringVar(&o.out, "o", "", "write the quiz to this file")
	fs.BoolVar(&o.force, "force", false, "replace the quiz file even if it was edited since "+cmd.name+" wrote it")
	if cmd.anyFormat {
		fs.StringVar(&o.format, "format", "", "the bank's format, gift, moodlexml or aiken (default: told from the file)")
	}
	files, err := parseMixed(fs, args, stderr)
	switch {
	case err != nil:
		return o, false
	case len(files) != 1:
		fmt.Fprint(stderr, cmd.usage)
		return o, false
	case !giftLangCode.MatchString(o.lang):
		fmt.Fprintf(stderr, "ogohctl: --lang %q must be a language code of two or three lowercase letters\n", o.lang)
		return o, false
	case o.asJSON && o.courseDir == "" && o.out == "":
		fmt.Fprintln(stderr, "ogohctl: with --json, give --course DIR or -o FILE for the quiz")
		return o, false
	}
	if o.format != "" {
		if _, err := bank.ParseFormat(o.format); err != nil {
			fmt.Fprintln(stderr, "ogohctl: --format:", err)
			return o, false
		}
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

// readBank reads the bank file: as GIFT for gift import, else in the
// format --format names or the file shows. One with no question in it is
// refused.
func (o giftOptions) readBank() (*bank.Bank, error) {
	f, err := os.Open(o.file)
	if err != nil {
		return nil, err
	}
	data, err := bank.ReadAll(f)
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", o.file, err)
	}
	format := bank.GIFT
	if o.cmd.anyFormat {
		if format, err = o.bankFormat(data); err != nil {
			return nil, err
		}
	}
	b, err := bank.Read(data, format)
	switch {
	case err != nil:
		return nil, fmt.Errorf("%s: %w", o.file, err)
	case len(b.Questions) > 0:
		return b, nil
	case o.cmd.anyFormat:
		return nil, fmt.Errorf("%s: no questions found in this %s bank", o.file, b.Format.Source().Format)
	}
	return nil, fmt.Errorf("%s: no GIFT questions found", o.file)
}

func (o giftOptions) bankFormat(data []byte) (bank.Format, error) {
	if o.format != "" {
		return bank.ParseFormat(o.format)
	}
	return bank.Detect(o.file, data)
}

// quizDest is where the quiz goes: -o, else the course folder, else ""
// for stdout.
func (o giftOptions) quizDest() string {
	if o.out == "" && o.courseDir != "" {
		base := filepath.Base(o.file)
		return filepath.Join(o.courseDir, strings.TrimSuffix(base, filepath.Ext(base))+".toml")
	}
	return o.out
}

// writeQuiz writes the imported questions where they were asked for: -o,
// else the course folder, else stdout. With none imported it writes
// nothing and says so.
func (o giftOptions) writeQuiz(qs []course.Question, src gift.Source, stdout, stderr io.Writer) error {
	var quiz bytes.Buffer
	if err := gift.WriteQuiz(&quiz, qs, o.lang, src); err != nil {
		return err
	}
	dest := o.quizDest()
	switch {
	case len(qs) == 0:
		fmt.Fprintln(stderr, "no question could be imported; no quiz written")
	case dest == "":
		_, err := stdout.Write(quiz.Bytes())
		return err
	default:
		if err := mayReplace(dest, o.cmd.name, o.force); err != nil {
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
// no import wrote, or has been edited since (explanations are written by
// hand after an import), unless force is given.
func mayReplace(dest, cmd string, force bool) error {
	old, err := os.ReadFile(dest)
	switch {
	case errors.Is(err, fs.ErrNotExist), force:
		return nil
	case err != nil:
		return err
	case !gift.Imported(old):
		return fmt.Errorf("%s exists and was not written by %s: it is kept (give -o FILE for another file, or --force to replace it)", dest, cmd)
	case !gift.Unedited(old):
		return fmt.Errorf("%s was edited since %s wrote it (or written by a version that kept no sum): it is kept (give -o FILE for another file, or --force to replace it and lose the edits)", dest, cmd)
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
