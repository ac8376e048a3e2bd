package main

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/ogoh/ogoh/internal/course"
)

// trainerReset sets a new trainer PIN on a data folder with the trainer's
// signing key: the key bound to the device's lock, or one the device
// trusts for course packs when the lock names none or was lost. The new
// PIN comes from OGOH_TRAINER_PIN or the first line of standard input,
// never from the command line, where `ps` would show it.
func trainerReset(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("trainer reset", flag.ContinueOnError)
	dir := fs.String("data", "", "the device's data folder")
	keyFile := fs.String("key", "", "the trainer's signing key (NAME.key)")
	if _, err := parseMixed(fs, args, stderr); err != nil {
		return 2
	}
	if *keyFile == "" {
		fmt.Fprintln(stderr, "usage: ogohctl trainer reset --data DIR --key TRAINER.key   (new PIN from OGOH_TRAINER_PIN or standard input)")
		return 2
	}
	data, err := os.ReadFile(*keyFile)
	if err != nil {
		return failed(stderr, err)
	}
	key, err := course.ParseKey(string(data))
	if err != nil || key.Private == nil {
		return failed(stderr, fmt.Errorf("%s is not a trainer's secret key (NAME.key): %v", *keyFile, err))
	}
	pin, err := newPIN(stdin)
	if err != nil {
		return failed(stderr, err)
	}
	dev, err := openDevice(ctx, *dir)
	if err != nil {
		return failed(stderr, err)
	}
	defer dev.Close()
	trusted, err := dev.Library.TrustedKeys(ctx)
	if err != nil {
		return failed(stderr, err)
	}
	var pubs []ed25519.PublicKey
	for _, k := range trusted {
		pubs = append(pubs, k.Public)
	}
	if err := dev.Service.ResetTrainerLock(ctx, key.Private, pubs, pin); err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "the trainer PIN of %s is reset; the lock is bound to key %s\n", *dir, key.ID())
	return 0
}

func newPIN(stdin io.Reader) (string, error) {
	if pin := os.Getenv("OGOH_TRAINER_PIN"); pin != "" {
		return pin, nil
	}
	line, err := bufio.NewReader(io.LimitReader(stdin, 64)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	if pin := strings.TrimSpace(line); pin != "" {
		return pin, nil
	}
	return "", errors.New("no new PIN: set OGOH_TRAINER_PIN or give it on standard input")
}
