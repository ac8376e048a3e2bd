package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/hub"
	"github.com/ogoh/ogoh/internal/sanitize"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// receiptWriter gathers, per device, what the LRS confirmed across the
// files one `sync forward` sent, and writes one receipt per device.
type receiptWriter struct {
	dir     string
	trainer hub.Trainer
	devices map[string]*syncfile.ReceiptFor
	now     func() time.Time
}

func newReceiptWriter(dir string, t hub.Trainer) *receiptWriter {
	return &receiptWriter{dir: dir, trainer: t, devices: map[string]*syncfile.ReceiptFor{}, now: time.Now}
}

// add notes a forwarded file: only a signed one, since its device is then
// known to be the one it says; an unsigned file gets no receipt.
func (w *receiptWriter) add(r syncfile.Forwarded) {
	if w == nil || !r.Signed || r.RawDevice == "" || len(r.Confirmed) == 0 && r.Err != nil {
		return
	}
	rf, ok := w.devices[r.RawDevice]
	if !ok {
		rf = &syncfile.ReceiptFor{Device: r.RawDevice}
		w.devices[r.RawDevice] = rf
	}
	rf.IDs = append(rf.IDs, r.Confirmed...)
	if r.Sequence >= rf.Sequence {
		rf.Sequence, rf.Exported = r.Sequence, r.Created
	}
}

func (w *receiptWriter) write(stdout io.Writer) error {
	if w == nil {
		return nil
	}
	ids := make([]string, 0, len(w.devices))
	for id := range w.devices {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		rf := w.devices[id]
		rf.IDs, rf.Forwarded = unique(rf.IDs), w.now()
		path, err := syncfile.WriteReceipt(w.dir, syncfile.NewReceipt(*rf, w.trainer.Name, w.trainer.Key))
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "receipt for device %s: %d statement(s), %s\n", sanitize.Printable(id), len(rf.IDs), sanitize.Printable(path))
	}
	return nil
}

func unique(ids []string) []string {
	seen := make(map[string]bool, len(ids))
	out := ids[:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// syncReceipt reads a receipt into a device's data folder: the statements
// it lists are delivered, and are not exported again.
func syncReceipt(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("sync receipt", flag.ContinueOnError)
	dir := fs.String("data", "", "the device's data folder")
	var trust multi
	fs.Var(&trust, "trust", "also trust this public key (NAME.pub), and remember it, as course install --trust does; repeatable")
	files, err := parseMixed(fs, args, stderr)
	if err != nil || len(files) != 1 {
		fmt.Fprintln(stderr, "usage: ogohctl sync receipt --data DIR FILE [--trust NAME.pub]")
		return 2
	}
	dev, err := openDevice(ctx, *dir)
	if err != nil {
		return failed(stderr, err)
	}
	defer dev.Close()
	for _, t := range trust {
		data, err := os.ReadFile(t)
		if err != nil {
			return failed(stderr, err)
		}
		if _, err := dev.Library.Trust(ctx, string(data)); err != nil {
			return failed(stderr, fmt.Errorf("%s: %w", t, err))
		}
	}
	got, err := dev.ReadReceipt(ctx, files[0])
	if err != nil {
		return failed(stderr, fmt.Errorf("receipt refused (%s), nothing changed: %w", domain.ErrorCode(err), err))
	}
	if got.AlreadyRead {
		fmt.Fprintf(stdout, "this receipt was read before: nothing changed\n")
	} else {
		fmt.Fprintf(stdout, "receipt from %s, forwarded %s: %d delivered now, %d delivered before, %d not from this device (ignored)\n",
			got.Trainer, got.Forwarded.Local().Format("2006-01-02 15:04"), got.Marked, got.Already, got.Unknown)
	}
	if st, err := dev.Service.SyncStatus(ctx); err == nil {
		fmt.Fprintf(stdout, "waiting: %d, delivered: %d, set aside: %d\n", st.Outbox.Pending, st.Outbox.Sent, st.Outbox.Rejected)
		if st.ClockOff {
			fmt.Fprintf(stdout, "warning: this device's clock is off by %s: set it right\n", days(st.Clock.Offset))
		}
	}
	return 0
}
