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
// grew. The files go in groups of up to maxGroupBytes, each in one push,
// so a hundred small files fill whole batches. A file whose forward failed
// is tried again next time; what the LRS confirmed of it is not sent again.
func (h *Hub) Forward(ctx context.Context, s *lrs.Sender, t Trainer) ([]DeviceForward, error) {
	if len(t.Key) != ed25519.PrivateKeySize {
		return nil, errors.New("hub forward: no trainer key to sign the receipts")
	}
	files := h.unforwarded()
	confirmed := map[string]map[string]bool{}
	results := map[string]*DeviceForward{}
	for _, f := range files {
		if _, ok := confirmed[f.Device]; ok {
			continue
		}
		set, err := h.confirmed(f.Device)
		if err != nil {
			return nil, err
		}
		confirmed[f.Device] = set
		results[f.Device] = &DeviceForward{Device: sanitize.Printable(f.Device)}
		h.device(f.Device).Refused = 0
	}
	fw := &syncfile.Forwarder{Sender: s, Registry: h.reg, RequireSigned: true, HomePage: h.homePage, Now: h.now,
		Forwarded: func(device, id string) bool { return confirmed[device][id] }}
	var err error
	for _, group := range h.groups(files) {
		if err = ctx.Err(); err != nil {
			break
		}
		paths := make([]string, len(group))
		for i, f := range group {
			paths[i] = h.keptPath(f)
		}
		for i, r := range fw.ForwardAll(ctx, paths) {
			if err = h.noteForwarded(group[i], r, confirmed[group[i].Device], results[group[i].Device]); err != nil {
				break
			}
		}
	}
	receipts, rerr := h.writeReceipts(t)
	var out []DeviceForward
	for _, device := range sortedKeys(results) {
		r := results[device]
		r.Receipt = receipts[r.Device]
		out = append(out, *r)
	}
	return out, errors.Join(err, rerr, h.save())
}

// maxGroupBytes bounds the files one push holds in memory.
const maxGroupBytes = 64 << 20

func (h *Hub) keptPath(f *fileEntry) string { return filepath.Join(h.dir, FilesDir, f.Name) }

// groups splits files into pushes of up to maxGroupBytes (a larger file
// goes alone).
func (h *Hub) groups(files []*fileEntry) [][]*fileEntry {
	var out [][]*fileEntry
	var group []*fileEntry
	size := int64(0)
	for _, f := range files {
		n := int64(0)
		if info, err := os.Stat(h.keptPath(f)); err == nil {
			n = info.Size()
		}
		if len(group) > 0 && size+n > maxGroupBytes {
			out, group, size = append(out, group), nil, 0
		}
		group, size = append(group, f), size+n
	}
	if len(group) > 0 {
		out = append(out, group)
	}
	return out
}

// unforwarded lists the files not yet forwarded, by device, oldest first.
func (h *Hub) unforwarded() []*fileEntry {
	var out []*fileEntry
	for _, f := range h.idx.Files {
		if !f.Forwarded {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Device != out[j].Device {
			return out[i].Device < out[j].Device
		}
		return out[i].Sequence < out[j].Sequence
	})
	return out
}

// noteForwarded keeps what the LRS confirmed of one file (synced, before
// the index says the file went) and adds the file's counts to its device's.
func (h *Hub) noteForwarded(f *fileEntry, r syncfile.Forwarded, confirmed map[string]bool, res *DeviceForward) error {
	fresh := newIDs(r.Confirmed, confirmed)
	if err := h.appendConfirmed(f.Device, fresh); err != nil {
		res.Err = err
		return err
	}
	d := h.device(f.Device)
	d.Confirmed += len(fresh)
	d.ReceiptDue = d.ReceiptDue || len(fresh) > 0
	d.Refused += len(r.Refused)
	res.Files++
	res.Stored += r.Stored
	res.AlreadyThere += r.AlreadyThere
	res.Skipped += r.Skipped
	res.Refused = append(res.Refused, r.Refused...)
	if r.Err != nil {
		res.Err = r.Err // the file waits for the next forward
		return nil
	}
	f.Forwarded = true
	if f.Sequence >= d.ReceiptSeq {
		d.ReceiptSeq, d.ReceiptExport = f.Sequence, f.Created
		d.ReceiptDue = true
	}
	return nil
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
		// The newest are at the end; older ones went with earlier receipts.
		ids = ids[max(0, len(ids)-syncfile.MaxReceiptIDs):]
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
