package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	xsync "github.com/ogoh/ogoh/internal/sync"
)

// lrsFlags are the LRS options shared by push and forward.
type lrsFlags struct {
	endpoint, user, password string
	batch                    int
}

func (l *lrsFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&l.endpoint, "lrs", "", "the LRS's xAPI endpoint, e.g. https://lrs.example.org/xAPI/")
	fs.StringVar(&l.user, "user", "", "LRS user (Basic auth key)")
	fs.StringVar(&l.password, "password", "", "LRS password (Basic auth secret)")
	fs.IntVar(&l.batch, "batch", 250, "statements per request")
}

func (l *lrsFlags) sender(base xsync.LRS) *xsync.Sender {
	if l.endpoint != "" {
		base = xsync.LRS{Endpoint: l.endpoint, User: l.user, Password: l.password}
	}
	s := xsync.NewSender(base)
	s.BatchSize = l.batch
	return s
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
	s := l.sender(configured)
	if s.LRS.Endpoint == "" {
		fmt.Fprintln(stderr, "ogohctl: no LRS: give --lrs URL (and --user, --password), or set one in the app")
		return 2
	}
	rep, err := svc.Push(ctx, s)
	fmt.Fprintf(stdout, "sent %d statement(s) to %s\n", rep.Sent, s.LRS.Endpoint)
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

// syncForward sends sync files on to the LRS from a connected machine.
func syncForward(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sync forward", flag.ContinueOnError)
	var l lrsFlags
	l.register(fs)
	files, err := parseMixed(fs, args, stderr)
	if err != nil {
		return 2
	}
	if len(files) == 0 || l.endpoint == "" {
		fmt.Fprintln(stderr, "usage: ogohctl sync forward FILE... --lrs URL --user U --password P")
		return 2
	}
	s := l.sender(xsync.LRS{})
	status := 0
	var total xsync.Forwarded
	for _, f := range files {
		r := s.Forward(ctx, f)
		if r.Err != nil {
			fmt.Fprintf(stdout, "%s: %v\n", f, r.Err)
			status = 1
		} else {
			fmt.Fprintf(stdout, "%s: %d statement(s) from device %s: %d stored, %d already there, %d refused\n",
				f, r.Total, r.Device, r.Stored, r.AlreadyThere, len(r.Refused))
		}
		printRefused(stdout, r.Refused)
		if len(r.Refused) > 0 {
			status = 1
		}
		total.Stored += r.Stored
		total.AlreadyThere += r.AlreadyThere
		total.Refused = append(total.Refused, r.Refused...)
	}
	if len(files) > 1 {
		fmt.Fprintf(stdout, "in all: %d stored, %d already there, %d refused\n", total.Stored, total.AlreadyThere, len(total.Refused))
	}
	return status
}

func printRefused(w io.Writer, refused []xsync.Rejection) {
	for _, r := range refused {
		fmt.Fprintf(w, "  refused %s: %s\n", r.ID, r.Reason)
	}
}

// failed reports err and gives the exit status for a failure.
func failed(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, "ogohctl:", err)
	return 1
}
