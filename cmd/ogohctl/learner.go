package main

import (
	"context"
	"crypto/ed25519"
	"flag"
	"fmt"
	"io"

	"github.com/ogoh/ogoh/internal/cert"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/sanitize"
)

// learnerMoveOut writes a learner's whole record to a signed file for
// another device, and marks them moved here.
func learnerMoveOut(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return withLearner(ctx, "move-out", "the record file to write (on the stick that goes with the learner)", "FILE", args, stdout, stderr,
		func(dev *progress.Device, id, out string) error {
			rec, err := dev.Service.MoveOut(ctx, id, dev.Courses, out)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "wrote %s: %s (%s), %d lessons, %d quiz attempts, %d certificates\n%s is marked as moved on this device; their statements not yet sent stay here and go with its next sync\n",
				out, sanitize.Printable(rec.Learner.Name), rec.Learner.ID, len(rec.Lessons), len(rec.Attempts), len(rec.Certificates), sanitize.Printable(rec.Learner.Name))
			return nil
		})
}

// learnerMoveIn imports a learner's record from another device.
func learnerMoveIn(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("learner move-in", flag.ContinueOnError)
	dir := fs.String("data", "", "the device's data folder")
	devices := fs.String("devices", "", "accept only records from these devices: a device registry (devices.json), a folder of *.pub files or one .pub file")
	pos, err := parseMixed(fs, args, stderr)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		fmt.Fprintln(stderr, "usage: ogohctl learner move-in --data DIR FILE [--devices FILE|DIR]")
		return 2
	}
	var known map[string]ed25519.PublicKey
	if *devices != "" {
		if known, err = cert.LoadDevices(*devices); err != nil {
			return failed(stderr, err)
		}
	}
	dev, err := openDevice(ctx, *dir)
	if err != nil {
		return failed(stderr, err)
	}
	defer dev.Close()
	in, err := dev.Service.MoveIn(ctx, pos[0], known)
	if err != nil {
		return failed(stderr, err)
	}
	l := in.Record.Learner
	fmt.Fprintf(stdout, "moved in: %s (%s), %d lessons, %d quiz attempts\nfrom device %s, key fingerprint %s\n",
		sanitize.Printable(l.Name), l.ID, len(in.Record.Lessons), len(in.Record.Attempts), in.Device, in.Fingerprint)
	if !in.Known {
		fmt.Fprintln(stdout, "compare the fingerprint with the one the other post's trainer gives you (--devices checks it for you)")
	}
	fmt.Fprintln(stdout, "the profile has no PIN on this device: a PIN never leaves the device it was set on")
	return 0
}

// learnerExport writes a learner's own record as the documented JSON.
func learnerExport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return withLearner(ctx, "export", "the JSON file to write", "FILE.json", args, stdout, stderr,
		func(dev *progress.Device, id, out string) error {
			if err := dev.Service.ExportRecordJSON(ctx, id, dev.Courses, out); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "wrote %s (schema: docs/learner-record.md)\n", out)
			return nil
		})
}

// withLearner runs a `learner NAME --data DIR --learner ID -o FILE`
// command: its flags, the device opened, the learner found by ID or name.
func withLearner(ctx context.Context, name, outHelp, outArg string, args []string, stdout, stderr io.Writer,
	run func(dev *progress.Device, id, out string) error) int {
	fs := flag.NewFlagSet("learner "+name, flag.ContinueOnError)
	dir := fs.String("data", "", "the device's data folder")
	who := fs.String("learner", "", "the learner's ID, or their name as the profile spells it")
	out := fs.String("o", "", outHelp)
	if _, err := parseMixed(fs, args, stderr); err != nil {
		return 2
	}
	if *who == "" || *out == "" {
		fmt.Fprintf(stderr, "usage: ogohctl learner %s --data DIR --learner ID -o %s\n", name, outArg)
		return 2
	}
	dev, err := openDevice(ctx, *dir)
	if err != nil {
		return failed(stderr, err)
	}
	defer dev.Close()
	id, err := findLearner(ctx, dev.Service, *who)
	if err != nil {
		return failed(stderr, err)
	}
	if err := run(dev, id, *out); err != nil {
		return failed(stderr, err)
	}
	return 0
}
