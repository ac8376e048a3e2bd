package hub

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/sanitize"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// Trainer is the key that signs receipts and contacts: the trainer's own,
// the one the posts' devices trust for course packs.
type Trainer struct {
	Name string
	Key  ed25519.PrivateKey
}

// DeviceForward is what a forward did for one device.
type DeviceForward struct {
	Device       string // printable
	Files        int
	Stored       int
	AlreadyThere int
	Skipped      int // confirmed by an earlier forward: not sent again
	Refused      []lrs.Rejection
	Receipt      string // the receipt written, if any
	Err          error
}

// Forward sends everything imported and not yet forwarded to the LRS,
// once, and writes a receipt for every device whose confirmed statements
// grew. A file whose forward failed is tried again next time.
func (h *Hub) Forward(ctx context.Context, s *lrs.Sender, t Trainer) ([]DeviceForward, error) {
	if len(t.Key) != ed25519.PrivateKeySize {
		return nil, errors.New("hub forward: no trainer key to sign the receipts")
	}
	byDevice := h.unforwarded()
	var out []DeviceForward
	for _, device := range sortedKeys(byDevice) {
		if err := ctx.Err(); err != nil {
			return out, errors.Join(err, h.save())
		}
		out = append(out, h.forwardDevice(ctx, s, device, byDevice[device]))
	}
	receipts, err := h.writeReceipts(t)
	for i := range out {
		out[i].Receipt = receipts[out[i].Device]
	}
	return out, errors.Join(err, h.save())
}

// unforwarded lists the files not yet forwarded, by device, oldest first.
func (h *Hub) unforwarded() map[string][]*fileEntry {
	out := map[string][]*fileEntry{}
	for _, f := range h.idx.Files {
		if !f.Forwarded {
			out[f.Device] = append(out[f.Device], f)
		}
	}
	for _, list := range out {
		sort.Slice(list, func(i, j int) bool { return list[i].Sequence < list[j].Sequence })
	}
	return out
}

func (h *Hub) forwardDevice(ctx context.Context, s *lrs.Sender, device string, files []*fileEntry) DeviceForward {
	res := DeviceForward{Device: sanitize.Printable(device)}
	confirmed, err := h.confirmed(device)
	if err != nil {
		res.Err = err
		return res
	}
	d := h.device(device)
	fw := &syncfile.Forwarder{Sender: s, Registry: h.reg, RequireSigned: true, HomePage: h.homePage, Now: h.now,
		Forwarded: func(id string) bool { return confirmed[id] }}
	d.Refused = 0
	for _, f := range files {
		r := fw.Forward(ctx, filepath.Join(h.dir, FilesDir, f.Name))
		fresh := newIDs(r.Confirmed, confirmed)
		if err := h.appendConfirmed(device, fresh); err != nil {
			res.Err = err
			return res
		}
		d.Confirmed += len(fresh)
		d.ReceiptDue = d.ReceiptDue || len(fresh) > 0
		res.Files++
		res.Stored += r.Stored
		res.AlreadyThere += r.AlreadyThere
		res.Skipped += r.Skipped
		res.Refused = append(res.Refused, r.Refused...)
		d.Refused += len(r.Refused)
		if r.Err != nil {
			res.Err = r.Err
			return res // the rest waits for the next forward
		}
		f.Forwarded = true
		if f.Sequence >= d.ReceiptSeq {
			d.ReceiptSeq, d.ReceiptExport = f.Sequence, f.Created
			d.ReceiptDue = true
		}
	}
	return res
}

// newIDs are the ids not in seen, added to it.
func newIDs(ids []string, seen map[string]bool) []string {
	var out []string
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

func (h *Hub) confirmedFile(device string) string {
	return filepath.Join(h.dir, ForwardedDir, syncfile.SafeName(device)+".ids")
}

// confirmed reads the IDs the LRS confirmed for device, in order.
func (h *Hub) confirmed(device string) (map[string]bool, error) {
	ids, err := h.confirmedList(device)
	set := make(map[string]bool, len(ids))
	for _, id := range ids {
		set[id] = true
	}
	return set, err
}

func (h *Hub) confirmedList(device string) ([]string, error) {
	f, err := os.Open(h.confirmedFile(device))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("hub: %w", err)
	}
	defer f.Close()
	var ids []string
	lines := bufio.NewScanner(f)
	for lines.Scan() {
		// A line cut short by a crash mid-append has no newline and is
		// no ID: Scan returns it last; an ID is 36 characters.
		if id := strings.TrimSpace(lines.Text()); id != "" {
			ids = append(ids, id)
		}
	}
	return ids, lines.Err()
}

// appendConfirmed adds ids to the device's confirmed list, synced before
// the index says the file was forwarded.
func (h *Hub) appendConfirmed(device string, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	if err := os.MkdirAll(filepath.Join(h.dir, ForwardedDir), 0o700); err != nil {
		return fmt.Errorf("hub: %w", err)
	}
	f, err := os.OpenFile(h.confirmedFile(device), os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return fmt.Errorf("hub: %w", err)
	}
	w := bufio.NewWriter(f)
	for _, id := range ids {
		w.WriteString(id)
		w.WriteByte('\n')
	}
	err = w.Flush()
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("hub: keep what the LRS confirmed: %w", err)
	}
	return nil
}

// writeReceipts signs, for every device with more confirmed since its
// last receipt, one receipt listing everything the LRS holds of it: a
// receipt lost on the way is made good by the next.
func (h *Hub) writeReceipts(t Trainer) (map[string]string, error) {
	written := map[string]string{}
	for _, device := range sortedKeys(h.idx.Devices) {
		d := h.idx.Devices[device]
		if !d.ReceiptDue {
			continue
		}
		ids, err := h.confirmedList(device)
		if err != nil {
			return written, err
		}
		r := syncfile.NewReceipt(syncfile.ReceiptFor{Device: device, Sequence: d.ReceiptSeq, Exported: d.ReceiptExport,
			Forwarded: h.now(), IDs: ids}, t.Name, t.Key)
		path, err := syncfile.WriteReceipt(filepath.Join(h.dir, ReceiptsDir), r)
		if err != nil {
			return written, err
		}
		d.ReceiptDue = false
		written[sanitize.Printable(device)] = path
	}
	return written, nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
