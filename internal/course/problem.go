package course

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with a course, at a file and line, so an
// author can go straight to it.
type Problem struct {
	File string // slash path inside the course folder
	Line int    // 1-based; 0 when the file itself is missing or unreadable
	Msg  string
}

func (p Problem) String() string {
	if p.Line == 0 {
		return fmt.Sprintf("%s: %s", p.File, p.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
}

// Problems is every problem found in a course; it is the error Load returns
// so nothing is reported one fix at a time.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// WithPrefix returns the problems with dir prepended to each file, for
// reports about a course inside a larger tree.
func (ps Problems) WithPrefix(dir string) Problems {
	out := make(Problems, len(ps))
	for i, p := range ps {
		p.File = strings.TrimSuffix(dir, "/") + "/" + p.File
		out[i] = p
	}
	return out
}

func (ps Problems) sorted() Problems {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		return ps[i].Line < ps[j].Line
	})
	return ps
}

// reporter collects problems for one file.
type reporter struct {
	file  string
	lines func() lineIndex // built on the first problem: most files have none
	out   *Problems
}

func (r reporter) at(key string, format string, args ...any) {
	*r.out = append(*r.out, Problem{File: r.file, Line: r.lines().line(key), Msg: fmt.Sprintf(format, args...)})
}
