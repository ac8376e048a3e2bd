package main

import (
	"flag"
	"io"
)

// parseMixed parses flags that may come before, between or after the
// positional arguments (ogohctl sync forward a.ogohsync b.ogohsync --lrs …),
// which the flag package alone does not allow.
func parseMixed(fs *flag.FlagSet, args []string, stderr io.Writer) ([]string, error) {
	fs.SetOutput(stderr)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}
