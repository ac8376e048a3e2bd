package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/ogoh/ogoh/internal/bank"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/gift"
)

var bankCommand = importCommand{
	name:      "bank import",
	usage:     "usage: ogohctl bank import FILE.gift|FILE.xml|FILE.txt [--format gift|moodlexml|aiken] [--course DIR] [--lang xx] [--lesson ID] [--json] [-o FILE] [--force]\n",
	anyFormat: true,
}

// bankImport turns a question bank in GIFT, Moodle XML or Aiken into a
// quiz file, as gift import does for GIFT, and writes the images its
// imported questions show into the course's media/ folder.
func bankImport(args []string, stdout, stderr io.Writer) int {
	return importBank(bankCommand, args, stdout, stderr)
}

// bankReport is gift import's report, with the bank's format, the images
// written and what was left out of imported questions.
type bankReport struct {
	gift.Report
	Format bank.Format `json:"format"`
	Media  []string    `json:"media"`
	Notes  []bank.Note `json:"notes"`
}

// bankSummary is a line per image written and per note.
func bankSummary(b *bank.Bank, media []string) string {
	var s strings.Builder
	for _, m := range media {
		fmt.Fprintf(&s, "image %s\n", m)
	}
	for _, n := range b.Notes {
		fmt.Fprintf(&s, "note: line %d: %s\n", n.Line, n.Msg)
	}
	return s.String()
}

// writeMedia writes the images the imported questions show into the
// media/ folder of the course (or, without --course, of -o's folder: the
// quiz refers to them from the course folder) and returns their names.
// With the quiz on stdout they have nowhere to go.
func (o giftOptions) writeMedia(media []bank.Media, qs []course.Question, stderr io.Writer) ([]string, error) {
	media = usedMedia(media, qs, o.lang)
	if len(media) == 0 {
		return []string{}, nil
	}
	dir := o.courseDir
	if dir == "" && o.out != "" {
		dir = filepath.Dir(o.out)
	}
	if dir == "" {
		fmt.Fprintf(stderr, "note: %d images not written: give --course DIR or -o FILE\n", len(media))
		return []string{}, nil
	}
	names := make([]string, 0, len(media))
	for _, m := range media {
		if err := bank.WriteImage(dir, m); err != nil {
			return names, err
		}
		names = append(names, m.Name)
	}
	return names, nil
}

// usedMedia keeps the images that an imported question's text shows: a
// skipped question's images stay out of the course.
func usedMedia(media []bank.Media, qs []course.Question, lang string) []bank.Media {
	var texts strings.Builder
	for _, q := range qs {
		texts.WriteString(q.Text[lang] + "\n" + q.Explanation[lang] + "\n")
		for _, o := range q.Options {
			texts.WriteString(o.Text[lang] + "\n" + o.Feedback[lang] + "\n")
		}
		for _, p := range q.Pairs {
			texts.WriteString(p.Left[lang] + "\n")
		}
		texts.WriteString(q.FeedbackTrue[lang] + "\n" + q.FeedbackFalse[lang] + "\n")
	}
	return bank.UsedIn(media, texts.String())
}
