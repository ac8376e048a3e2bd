package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/ogoh/ogoh/internal/course"
)

// keyNew makes NAME.key (private, mode 0600) and NAME.pub.
func keyNew(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 || args[0] == "" || strings.HasPrefix(args[0], "-") { // -h is not a name
		fmt.Fprintln(stderr, "usage: ogohctl key new NAME")
		return 2
	}
	k, err := course.NewKey(filepath.Base(args[0]))
	if err != nil {
		return failed(stderr, err)
	}
	// Never over an existing key: devices trust it, and a new one would
	// leave the trainer unable to sign updates they accept.
	if err := writeNew(args[0]+".key", []byte(k.SecretText()), 0o600); err != nil {
		return failed(stderr, err)
	}
	if err := writeNew(args[0]+".pub", []byte(k.PublicText()), 0o644); err != nil {
		os.Remove(args[0] + ".key")
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "wrote %s.key (keep it secret) and %s.pub (give it to devices); key %s\n", args[0], args[0], k.ID())
	return 0
}

// writeNew writes a file that must not exist yet.
func writeNew(path string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}

func readKeyFile(path string) (course.Key, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return course.Key{}, err
	}
	k, err := course.ParseKey(string(data))
	if err != nil {
		return k, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}

// coursePack validates a course folder and writes it as a signed pack.
func coursePack(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("course pack", flag.ContinueOnError)
	keyFile := fs.String("key", "", "the signing key (NAME.key)")
	out := fs.String("o", "", "the pack to write (FILE.ogoh)")
	dirs, err := parseMixed(fs, args, stderr)
	if err != nil {
		return 2
	}
	if len(dirs) != 1 || *keyFile == "" || *out == "" {
		fmt.Fprintln(stderr, "usage: ogohctl course pack DIR --key NAME.key -o FILE.ogoh")
		return 2
	}
	k, err := readKeyFile(*keyFile)
	if err != nil {
		return failed(stderr, err)
	}
	if k.Private == nil {
		return failed(stderr, fmt.Errorf("%s is a public key; packs are signed with the .key file", *keyFile))
	}
	var b bytes.Buffer
	if err := course.WritePack(dirs[0], k, time.Now(), &b); err != nil {
		return failed(stderr, err)
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes), signed by %s (%s)\n", *out, b.Len(), k.Name, k.ID())
	return 0
}

// courseVerify checks a pack against trusted public keys.
func courseVerify(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("course verify", flag.ContinueOnError)
	var trust multi
	fs.Var(&trust, "trust", "a trusted public key (NAME.pub); repeatable")
	files, err := parseMixed(fs, args, stderr)
	if err != nil || len(files) == 0 || len(trust) == 0 {
		fmt.Fprintln(stderr, "usage: ogohctl course verify FILE.ogoh... --trust NAME.pub")
		return 2
	}
	keys, err := readKeys(trust)
	if err != nil {
		return failed(stderr, err)
	}
	status := 0
	for _, f := range files {
		p, err := readPackFile(f, keys)
		if err == nil {
			err = checkInstall(p)
		}
		if err != nil {
			fmt.Fprintf(stdout, "%s: refused: %v\n", f, err)
			status = 1
			continue
		}
		fmt.Fprintf(stdout, "%s: ok: %s %s signed by %s (%s)\n", f, p.Manifest.CourseID, p.Manifest.CourseVersion, p.Signer.Name, p.Signer.ID())
	}
	return status
}

// courseInfo prints what a pack says about itself.
func courseInfo(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintln(stderr, "usage: ogohctl course info FILE.ogoh")
		return 2
	}
	data, err := os.ReadFile(args[0])
	if err != nil {
		return failed(stderr, err)
	}
	m, keyID, err := course.PackInfo(bytes.NewReader(data), int64(len(data)))
	fmt.Fprintf(stdout, "course: %s %s\ncreated: %s\nsigned by key: %s\nfiles: %d\n", m.CourseID, m.CourseVersion, m.Created, keyID, len(m.Files))
	if err != nil {
		fmt.Fprintf(stdout, "signature: BAD: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "signature: good (whether the key is trusted is up to each device)")
	return 0
}

// courseInstall installs a pack into a device's data folder through the
// same code as the app's import.
func courseInstall(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("course install", flag.ContinueOnError)
	dir := fs.String("data", "", "the device's data folder")
	force := fs.Bool("force", false, "install even an older or equal version")
	var trust multi
	fs.Var(&trust, "trust", "also trust this public key (NAME.pub), and remember it; repeatable")
	files, err := parseMixed(fs, args, stderr)
	if err != nil || len(files) == 0 {
		fmt.Fprintln(stderr, "usage: ogohctl course install FILE.ogoh --data DIR [--trust NAME.pub] [--force]")
		return 2
	}
	dev, err := openDevice(ctx, *dir)
	if err != nil {
		return failed(stderr, err)
	}
	defer dev.Close()
	lib := dev.Library
	for _, t := range trust {
		data, err := os.ReadFile(t)
		if err != nil {
			return failed(stderr, err)
		}
		if _, err := lib.Trust(ctx, string(data)); err != nil {
			return failed(stderr, fmt.Errorf("%s: %w", t, err))
		}
	}
	status := 0
	for _, f := range files {
		got, err := lib.Install(ctx, f, nil, *force)
		switch {
		case err != nil:
			fmt.Fprintf(stdout, "%s: not installed: %v\n", f, err)
			status = 1
		case got.Replaced != "":
			fmt.Fprintf(stdout, "%s: installed %s %s (replacing %s; progress kept)\n", f, got.Course.ID, got.Course.Version, got.Replaced)
		default:
			fmt.Fprintf(stdout, "%s: installed %s %s\n", f, got.Course.ID, got.Course.Version)
		}
	}
	return status
}

type multi []string

func (m *multi) String() string     { return fmt.Sprint(*m) }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

func readKeys(paths []string) ([]course.Key, error) {
	var keys []course.Key
	for _, p := range paths {
		k, err := readKeyFile(p)
		if err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].Name < keys[j].Name })
	return keys, nil
}

func readPackFile(path string, keys []course.Key) (*course.Pack, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	return course.ReadPack(f, info.Size(), keys)
}

// checkInstall runs the full course check of an install, in a throwaway
// folder that is removed afterwards.
func checkInstall(p *course.Pack) error {
	dir, err := os.MkdirTemp("", "ogoh-verify-")
	if err != nil {
		return fmt.Errorf("a folder to check the course in: %w", err)
	}
	defer os.RemoveAll(dir)
	_, err = course.Install(p, dir, true)
	return err
}
