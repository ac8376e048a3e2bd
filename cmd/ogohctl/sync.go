package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/sanitize"
	"github.com/ogoh/ogoh/internal/syncfile"
	"github.com/ogoh/ogoh/internal/xapi"
)

// lrsFlags are the LRS options shared by push and forward.
type lrsFlags struct {
	endpoint, user, passwordArg, passwordFile string
	batch                                     int
}

func (l *lrsFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&l.endpoint, "lrs", "", "the LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI/")
	fs.StringVar(&l.user, "user", "", "LRS user (Basic auth key); the password comes from $"+PasswordEnv+" or --password-file")
	fs.StringVar(&l.passwordFile, "password-file", "", "read the LRS password from the first line of this file")
	fs.StringVar(&l.passwordArg, "password", "", "refused: it would show in ps; use $"+PasswordEnv+" or --password-file")
	fs.IntVar(&l.batch, "batch", 250, "statements per request")
}

// sender is a sender to the LRS given by the flags, else to base (the one
// the app set). It refuses a password given as an argument, and warns when
// credentials would go over plain http.
func (l *lrsFlags) sender(base domain.LRS, stderr io.Writer) (*lrs.Sender, error) {
	if l.passwordArg != "" {
		return nil, errPasswordArg
	}
	if l.endpoint != "" {
		password, err := lrsPassword(l.passwordFile)
		if err != nil {
			return nil, err
		}
		if l.user != "" && password == "" {
			return nil, errNoPassword
		}
		base = domain.LRS{Endpoint: l.endpoint, User: l.user, Password: password}
	}
	warnPlainHTTP(stderr, base.Endpoint, base.User, base.Password)
	s := lrs.NewSender(base)
	s.BatchSize = l.batch
	return s, nil
}

// syncPush sends a data folder's outbox to the LRS.
func syncPush(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sync push", flag.ContinueOnError)
	dir := fs.String("data", "", "the device's data folder")
	var l lrsFlags
	l.register(fs)
	if _, err := parseMixed(fs, args, stderr); err != nil {
		return 2
	}
	dev, err := openDevice(ctx, *dir)
	if err != nil {
		return failed(stderr, err)
	}
	defer dev.Close()
	svc := dev.Service
	configured, err := svc.LRS(ctx)
	if err != nil {
		return failed(stderr, err)
	}
	if configured.Endpoint == "" && l.endpoint == "" {
		fmt.Fprintf(stderr, "ogohctl: no LRS: give --lrs URL (and --user, with the password in $%s or --password-file), or set one in the app\n", PasswordEnv)
		return 2
	}
	s, err := l.sender(configured, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "ogohctl:", err)
		return 2
	}
	rep, err := svc.Push(ctx, s)
	fmt.Fprintf(stdout, "sent %d statement(s) to %s\n", rep.Sent, sanitize.Printable(s.LRS.Endpoint))
	printRefused(stdout, append(rep.Rejected, rep.Conflicts...))
	if st, serr := svc.SyncStatus(ctx); serr == nil {
		fmt.Fprintf(stdout, "waiting: %d, delivered: %d, set aside: %d\n", st.Outbox.Pending, st.Outbox.Sent, st.Outbox.Rejected)
	}
	if err != nil {
		return failed(stderr, err)
	}
	return 0
}

// syncExport writes a data folder's unsent statements into a sync file.
func syncExport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sync export", flag.ContinueOnError)
	dir := fs.String("data", "", "the device's data folder")
	out := fs.String("o", "", "the sync file to write")
	if _, err := parseMixed(fs, args, stderr); err != nil {
		return 2
	}
	if *out == "" {
		fmt.Fprintln(stderr, "ogohctl: -o FILE is required")
		return 2
	}
	dev, err := openDevice(ctx, *dir)
	if err != nil {
		return failed(stderr, err)
	}
	defer dev.Close()
	n, err := dev.Service.ExportSync(ctx, *out)
	if err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "wrote %d statement(s) to %s\n", n, *out)
	return 0
}

// syncForward sends sync files on to the LRS from a connected machine,
// after checking each file's signature and device.
func syncForward(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sync forward", flag.ContinueOnError)
	var l lrsFlags
	l.register(fs)
	devices := fs.String("devices", "", "the registry of devices seen (default: devices.json in the user's config folder)")
	trustDir := fs.String("trust-devices", "", "a folder of enrolled device files (*.pub): refuse every other device")
	requireSigned := fs.Bool("require-signed", false, "refuse unsigned files (made before devices signed their files)")
	homePage := fs.String("home-page", xapi.DefaultConfig.HomePage, "the organisation's home page: every learner is an account under it")
	receiptDir := fs.String("receipt-dir", "", "write a receipt for each device into this folder, signed with --key")
	keyFile := fs.String("key", "", "the trainer's key (TRAINER.key) that signs the receipts")
	files, err := parseMixed(fs, args, stderr)
	if err != nil {
		return 2
	}
	if len(files) == 0 || l.endpoint == "" || (*receiptDir == "") != (*keyFile == "") {
		fmt.Fprintln(stderr, "usage: ogohctl sync forward FILE... --lrs URL --user U [--password-file FILE] [--devices FILE] [--trust-devices DIR] [--require-signed] [--receipt-dir DIR --key TRAINER.key]")
		return 2
	}
	var receipts *receiptWriter
	if *receiptDir != "" {
		trainer, err := trainerKey(*keyFile)
		if err != nil {
			return failed(stderr, err)
		}
		receipts = newReceiptWriter(*receiptDir, trainer)
	}
	s, err := l.sender(domain.LRS{}, stderr)
	if err != nil {
		fmt.Fprintln(stderr, "ogohctl:", err)
		return 2
	}
	fw, err := newForwarder(s, *devices, *trustDir, *homePage)
	if err != nil {
		return failed(stderr, err)
	}
	fw.RequireSigned = *requireSigned
	status := 0
	var total syncfile.Forwarded
	for _, f := range files {
		r := fw.Forward(ctx, f)
		printForwarded(stdout, r)
		receipts.add(r)
		if r.Err != nil || len(r.Refused) > 0 {
			status = 1
		}
		total.Stored += r.Stored
		total.AlreadyThere += r.AlreadyThere
		total.Refused = append(total.Refused, r.Refused...)
	}
	if len(files) > 1 {
		fmt.Fprintf(stdout, "in all: %d stored, %d already there, %d refused\n", total.Stored, total.AlreadyThere, len(total.Refused))
	}
	if err := receipts.write(stdout); err != nil {
		return failed(stderr, err)
	}
	return status
}

func newForwarder(s *lrs.Sender, devices, trustDir, homePage string) (*syncfile.Forwarder, error) {
	if devices == "" {
		var err error
		if devices, err = syncfile.DefaultRegistryPath(); err != nil {
			return nil, fmt.Errorf("no folder for the device registry (give --devices FILE): %w", err)
		}
	}
	reg, err := syncfile.OpenRegistry(devices)
	if err != nil {
		return nil, err
	}
	fw := &syncfile.Forwarder{Sender: s, Registry: reg, HomePage: homePage}
	if trustDir != "" {
		if fw.Enrolled, err = syncfile.LoadEnrolled(trustDir); err != nil {
			return nil, err
		}
	}
	return fw, nil
}

// printForwarded says, for one file, who signed it and what became of
// its statements. Everything that came from the file or the LRS is
// printed without control characters.
func printForwarded(w io.Writer, r syncfile.Forwarded) {
	name := sanitize.Printable(r.File)
	if r.Err != nil {
		fmt.Fprintf(w, "%s: refused: %s\n", name, sanitize.Printable(r.Err.Error()))
	} else {
		fmt.Fprintf(w, "%s: %d statement(s) from device %s: %d stored, %d already there, %d refused\n",
			name, r.Total, r.Device, r.Stored, r.AlreadyThere, len(r.Refused))
	}
	switch {
	case r.Fingerprint != "" && r.NewDevice:
		fmt.Fprintf(w, "  new device %s, key fingerprint %s: compare it with the device's Sync screen\n", r.Device, r.Fingerprint)
	case r.Fingerprint != "":
		fmt.Fprintf(w, "  signed by device %s, key fingerprint %s (export number %d)\n", r.Device, r.Fingerprint, r.Sequence)
	}
	for _, warning := range r.Warnings {
		fmt.Fprintf(w, "  warning: %s\n", sanitize.Printable(warning))
	}
	printRefused(w, r.Refused)
}

// syncRetry queues a data folder's set-aside statements again.
func syncRetry(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sync retry", flag.ContinueOnError)
	dir := fs.String("data", "", "the device's data folder")
	if _, err := parseMixed(fs, args, stderr); err != nil {
		return 2
	}
	dev, err := openDevice(ctx, *dir)
	if err != nil {
		return failed(stderr, err)
	}
	defer dev.Close()
	n, err := dev.Service.RetrySetAside(ctx)
	if err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "queued %d set-aside statement(s) again; the next push sends them\n", n)
	return 0
}

// deviceShow prints a data folder's device ID and key fingerprint, and
// with --pub writes its enrolment file for a trainer's --trust-devices.
func deviceShow(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("device show", flag.ContinueOnError)
	dir := fs.String("data", "", "the device's data folder")
	pub := fs.String("pub", "", "also write the device's public key to this file, for --trust-devices")
	if _, err := parseMixed(fs, args, stderr); err != nil {
		return 2
	}
	dev, err := openDevice(ctx, *dir)
	if err != nil {
		return failed(stderr, err)
	}
	defer dev.Close()
	id, err := dev.Service.Identity(ctx)
	if err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "device %s\nkey fingerprint %s\n", id.Device, id.Fingerprint)
	if *pub != "" {
		if err := os.WriteFile(*pub, []byte(syncfile.DevicePublicText(id.Device, id.PublicKey)), 0o644); err != nil {
			return failed(stderr, err)
		}
		fmt.Fprintf(stdout, "wrote %s\n", *pub)
	}
	return 0
}

func printRefused(w io.Writer, refused []lrs.Rejection) {
	for _, r := range refused {
		fmt.Fprintf(w, "  refused %s: %s\n", sanitize.Printable(r.ID), sanitize.Printable(r.Reason))
	}
}

// failed reports err and gives the exit status for a failure.
func failed(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, "ogohctl:", err)
	return 1
}
