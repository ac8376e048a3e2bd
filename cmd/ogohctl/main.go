// Command ogohctl is the trainer's and course author's tool. It uses the
// domain packages only, so it builds without Fyne.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usage = `usage:
  ogohctl course validate PATH...   check course folders; every problem as file:line: message
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) >= 2 && args[0] == "course" && args[1] == "validate" {
		return courseValidate(args[2:], stdout, stderr)
	}
	fmt.Fprint(stderr, usage)
	return 2
}
