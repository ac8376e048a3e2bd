package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/ogoh/ogoh/internal/course"
)

// courseValidate checks each course folder and prints every problem found;
// it exits 1 if any folder has a problem.
func courseValidate(paths []string, stdout, stderr io.Writer) int {
	if len(paths) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	status := 0
	for _, dir := range paths {
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
		}
	}
	return status
}
