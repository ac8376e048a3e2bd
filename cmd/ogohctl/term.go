package main

import (
	"bytes"
	"io"
	"unicode/utf8"

	"github.com/ogoh/ogoh/internal/sanitize"
)

// terminal wraps what ogohctl prints for people. Names, posts, course
// titles, pack manifests and servers' replies all reach it, and any of them
// may hold escape codes or invisible characters (a crafted pack's title
// once printed a green "signature: good" over the real "BAD"), so every
// line goes through sanitize.Printable: line breaks are kept, every other
// control, bidi or zero-width character is shown as "?".
func terminal(w io.Writer) io.Writer { return &termWriter{w: w} }

type termWriter struct {
	w       io.Writer
	pending []byte // the first bytes of a character split between writes
}

func (t *termWriter) Write(p []byte) (int, error) {
	buf := append(t.pending, p...)
	t.pending = nil
	if cut := incompleteTail(buf); cut < len(buf) {
		t.pending = bytes.Clone(buf[cut:])
		buf = buf[:cut]
	}
	lines := bytes.Split(buf, []byte("\n"))
	for i, line := range lines {
		lines[i] = []byte(sanitize.Printable(string(line)))
	}
	if _, err := t.w.Write(bytes.Join(lines, []byte("\n"))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// incompleteTail is where a UTF-8 sequence cut short at the end of b
// begins, or len(b) if b ends on a whole character.
func incompleteTail(b []byte) int {
	for i := len(b) - 1; i >= 0 && i >= len(b)-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				return i
			}
			break
		}
	}
	return len(b)
}
