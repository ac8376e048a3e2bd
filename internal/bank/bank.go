// Package bank reads question banks in the formats trainers hold, Moodle
// GIFT, Moodle XML and Aiken, into the questions of the GIFT reader
// (package gift), so that one converter and one quiz writer serve them
// all. A Moodle XML bank may also carry images, which become files of the
// course's media/ folder.
//
// A reader fails only when the file is not a bank of its format at all
// (not UTF-8 text, not XML, over the size limit); a question it cannot
// read, or Moodle would refuse, is kept with a Problem so that the import
// report names it by line.
package bank

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ogoh/ogoh/internal/gift"
)

// Format is the format of a bank file.
type Format string

// The formats a bank may be read from.
const (
	GIFT      Format = "gift"
	MoodleXML Format = "moodlexml"
	Aiken     Format = "aiken"
)

// Formats lists every format, in the order --format names them.
var Formats = []Format{GIFT, MoodleXML, Aiken}

// Source is what the quiz file's header says of a bank in this format. A
// GIFT bank keeps gift import's, so that bank import and gift import write
// the same file from it.
func (f Format) Source() gift.Source {
	switch f {
	case MoodleXML:
		return gift.Source{Format: "Moodle XML", Command: "bank import"}
	case Aiken:
		return gift.Source{Format: "Aiken", Command: "bank import"}
	}
	return gift.GIFTSource
}

// Bank is a bank read in any format: its categories and questions as the
// GIFT reader has them, and the images its questions show.
type Bank struct {
	Format Format `json:"format"`
	gift.Bank
	Media []Media `json:"media,omitempty"`
	Notes []Note  `json:"notes,omitempty"`
}

// Media is an image a question shows, to be written into the course.
type Media struct {
	Name string `json:"name"` // "media/…", as the question's text refers to it
	Line int    `json:"line"` // the question's
	Size int    `json:"size"`
	Data []byte `json:"-"`
}

// Note is something the reader left out of a question that is still
// imported: an image it could not keep, a setting Ogoh has no use for.
type Note struct {
	Line int    `json:"line"`
	Msg  string `json:"msg"`
}

// MaxInput bounds a bank file: a larger one is not a question bank (the
// biggest Moodle exports with images are a few megabytes).
const MaxInput = 64 << 20

// ErrTooLarge is returned for a file over MaxInput.
var ErrTooLarge = fmt.Errorf("larger than %d MB: not a question bank", MaxInput>>20)

// ReadAll reads a bank file whole, refusing one over MaxInput before it is
// all in memory.
func ReadAll(r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxInput+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxInput {
		return nil, ErrTooLarge
	}
	return data, nil
}

// Read reads data as a bank in format f.
func Read(data []byte, f Format) (*Bank, error) {
	switch f {
	case GIFT:
		gb, err := gift.Parse(bytes.NewReader(data))
		if err != nil {
			return nil, err
		}
		return &Bank{Format: GIFT, Bank: *gb}, nil
	case MoodleXML:
		return ReadMoodleXML(data)
	case Aiken:
		return ReadAiken(data)
	}
	return nil, fmt.Errorf("unknown bank format %q", f)
}

var errNotUTF8 = errors.New("not UTF-8 text (save the file as UTF-8)")

// utf8Text checks that data is UTF-8 text and takes off a byte-order
// mark, which Windows editors put at the start of a file saved as UTF-8.
func utf8Text(data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("line %d: %w", lineOf(data, invalidAt(data)), errNotUTF8)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return nil, fmt.Errorf("line %d: a NUL byte: this is not a text file", lineOf(data, i))
	}
	return data, nil
}

func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return len(data)
}

func lineOf(data []byte, offset int) int { return bytes.Count(data[:offset], []byte("\n")) + 1 }

// clean makes text from a bank safe to keep and show: control characters
// (an escape sequence would drive the terminal that prints the report)
// and the invisible marks that reorder text are dropped, tabs become
// spaces, line ends become "\n".
func clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t', r == '\r':
			return ' '
		case unicode.IsControl(r), isBidiControl(r):
			return -1
		}
		return r
	}, s)
}

func isBidiControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || r == '\u200e' || r == '\u200f' || r == '\u061c'
}
