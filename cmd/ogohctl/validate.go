package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ogoh/ogoh/internal/course"
)

// courseValidate checks each course folder and prints every problem found;
// it exits 1 if any folder has a problem. A valid course whose answers give
// themselves away by their shape, or whose questions repeat the instruction
// the quiz screen shows (course.Warnings), gets warnings, which
// do not change the exit status.
func courseValidate(paths []string, stdout, stderr io.Writer) int {
	if len(paths) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	status := 0
	for _, dir := range paths {
		if strings.HasSuffix(dir, ".ogoh") {
			if !validatePackFile(dir, stdout) {
				status = 1
			}
			continue
		}
		c, err := course.LoadDir(dir)
		var ps course.Problems
		switch {
		case errors.As(err, &ps):
			for _, p := range ps.WithPrefix(dir) {
				fmt.Fprintln(stdout, p)
			}
			status = 1
		case err != nil:
			fmt.Fprintf(stdout, "%s: %v\n", dir, err)
			status = 1
		default:
			fmt.Fprintf(stdout, "%s: ok (%s %s, %d lessons, %d quizzes)\n", dir, c.ID, c.Version, len(c.Lessons), len(c.Quizzes))
			for _, w := range course.Warnings(c) {
				fmt.Fprintf(stdout, "%s: warning: %s\n", dir, w)
			}
		}
	}
	return status
}

// validatePackFile checks a pack's integrity and the course inside it.
func validatePackFile(path string, stdout io.Writer) bool {
	data, err := os.ReadFile(path)
	if err == nil {
		err = course.ValidatePack(bytes.NewReader(data), int64(len(data)))
	}
	var ps course.Problems
	switch {
	case errors.As(err, &ps):
		for _, p := range ps.WithPrefix(path + ":course") {
			fmt.Fprintln(stdout, p)
		}
		return false
	case err != nil:
		fmt.Fprintf(stdout, "%s: %v\n", path, err)
		return false
	}
	fmt.Fprintf(stdout, "%s: ok (signature intact, course valid)\n", path)
	return true
}
