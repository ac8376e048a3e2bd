package syncfile

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/sanitize"
)

// Forwarder sends sync files on to the LRS from a connected machine,
// trusting a file only as far as its signature and the registry allow.
type Forwarder struct {
	Sender   *lrs.Sender
	Registry *Registry
	// Enrolled, when set, are the only devices accepted, by ID.
	Enrolled      map[string]ed25519.PublicKey
	RequireSigned bool
	HomePage      string // the organisation's: every actor is an account under it
	Now           func() time.Time
	// Forwarded, when set, says a device's statement was confirmed by
	// the LRS before (a hub remembers): it is not sent again.
	Forwarded func(device, id string) bool
}

// Forwarded is what forwarding one sync file did.
type Forwarded struct {
	File         string
	Device       string // as the file says, printable
	RawDevice    string // as the file says, for a receipt to match exactly
	Fingerprint  string // of the signing key; empty for an unsigned file
	Signed       bool
	NewDevice    bool // bound to its key by this forward
	Sequence     int64
	Total        int
	Stored       int // new to the LRS
	AlreadyThere int // the LRS had them: sent before by file or by the device
	Refused      []lrs.Rejection
	Warnings     []string
	Err          error
	// Confirmed are the IDs the LRS holds now, stored by this forward or
	// there before: what a receipt tells the device.
	Confirmed []string
	Skipped   int // confirmed by an earlier forward (Forwarder.Forwarded), not sent again
	Created   string
	About     *About
}

// Forward checks a sync file and sends the statements it may speak for.
// A file whose signature fails, or whose device the registry knows by
// another key, is refused whole; a statement Ogoh could not have made, or
// for a learner of another device, is refused alone. Forwarding the same
// file twice stores nothing the second time.
func (fw *Forwarder) Forward(ctx context.Context, path string) Forwarded {
	return fw.ForwardAll(ctx, []string{path})[0]
}

// ForwardAll forwards files as Forward does each, but in one push: the
// statements of many small files (a hub's hundred posts) go in full
// batches, and the LRS's listing is read once. A statement two files hold
// (two exports of one device) is sent once and counted stored for the
// first, already there for the others; one ID with two different bodies
// is refused the second time. A push that fails fails every file that had
// statements in it; what the LRS confirmed before stays in Confirmed.
func (fw *Forwarder) ForwardAll(ctx context.Context, paths []string) []Forwarded {
	outs := make([]Forwarded, len(paths))
	push := &pushed{owners: map[string][]int{}, bodies: map[string][]byte{}}
	for i, p := range paths {
		var accepted []domain.Statement
		outs[i], _, accepted = fw.Check(p)
		for _, st := range accepted {
			push.add(i, st, &outs[i])
		}
	}
	if len(push.batch) > 0 {
		fw.send(ctx, push, outs)
	}
	return outs
}

// pushed is one push's statements, each with the files that hold it.
type pushed struct {
	batch  []domain.Statement
	owners map[string][]int // id -> the files holding it, first first
	bodies map[string][]byte
}

func (p *pushed) add(file int, st domain.Statement, out *Forwarded) {
	prev, seen := p.bodies[st.ID]
	switch {
	case !seen:
		p.bodies[st.ID] = st.Body
		p.batch = append(p.batch, st)
	case !bytes.Equal(prev, st.Body):
		out.Refused = append(out.Refused, lrs.Rejection{ID: sanitize.Printable(st.ID), Reason: "another file of this forward holds a different statement under this ID"})
		return
	}
	p.owners[st.ID] = append(p.owners[st.ID], file)
}

// files are the files that had statements in the push.
func (p *pushed) files() map[int]bool {
	out := map[int]bool{}
	for _, list := range p.owners {
		for _, i := range list {
			out[i] = true
		}
	}
	return out
}

// Check does everything Forward does but send: it reads the file, checks
// its signature and device against the registry (binding a new device),
// and vets every statement. It returns the file and the statements a
// forward would send; out.Err refuses the file whole.
func (fw *Forwarder) Check(path string) (out Forwarded, f *File, accepted []domain.Statement) {
	out = Forwarded{File: path}
	f, err := ReadFile(path)
	if err != nil {
		out.Err = err
		return out, nil, nil
	}
	out.Device, out.Total, out.Signed, out.Sequence = sanitize.Printable(f.Device), len(f.Statements), f.Signed(), f.Sequence
	out.Created, out.About, out.RawDevice = f.Created, f.About, f.Device
	if out.Err = fw.trustDevice(f, &out); out.Err != nil {
		return out, f, nil
	}
	accepted = fw.vet(f, &out)
	if err := fw.Registry.Save(); err != nil {
		out.Err = err
		return out, f, nil
	}
	return out, f, accepted
}

// trustDevice decides whether the file's device is who it says.
func (fw *Forwarder) trustDevice(f *File, out *Forwarded) error {
	known, seen := fw.Registry.Devices[f.Device]
	if !f.Signed() {
		switch {
		case fw.RequireSigned:
			return fmt.Errorf("%w, and --require-signed is set", ErrUnsigned)
		case fw.Enrolled != nil:
			return fmt.Errorf("%w: an unsigned file cannot show it is from an enrolled device", ErrUnsigned)
		case seen:
			return fmt.Errorf("%w, but device %s signs its files (fingerprint %s): it is not from that device", ErrUnsigned, out.Device, known.Fingerprint)
		}
		out.Warnings = append(out.Warnings, "the file is unsigned (made before devices signed their files): nothing shows which device made it")
		return nil
	}
	pub := f.PublicKey()
	out.Fingerprint = Fingerprint(pub)
	if fw.Enrolled != nil {
		if want, ok := fw.Enrolled[f.Device]; !ok || !bytes.Equal(want, pub) {
			return fmt.Errorf("%w (fingerprint %s)", ErrNotEnrolled, out.Fingerprint)
		}
	}
	isNew, err := fw.Registry.bind(f.Device, pub, fw.now())
	if err != nil {
		return err
	}
	out.NewDevice = isNew
	if k := fw.Registry.Devices[f.Device]; f.Sequence > k.LastSequence {
		k.LastSequence = f.Sequence
	} else if f.Sequence < k.LastSequence {
		out.Warnings = append(out.Warnings, fmt.Sprintf("an older export (number %d; number %d was forwarded before)", f.Sequence, k.LastSequence))
	}
	return nil
}

// vet keeps the statements the file may speak for and records why the
// others are refused. A signed file binds its learners to its device.
func (fw *Forwarder) vet(f *File, out *Forwarded) []domain.Statement {
	var accepted []domain.Statement
	seen := map[string]bool{}
	for i, raw := range f.Statements {
		v, err := VetStatement(raw, fw.HomePage)
		switch {
		case err != nil:
			out.Refused = append(out.Refused, lrs.Rejection{ID: statementLabel(v.ID, raw, i), Reason: err.Error()})
			continue
		case seen[v.ID]:
			out.Refused = append(out.Refused, lrs.Rejection{ID: sanitize.Printable(v.ID), Reason: "the file holds this statement ID twice"})
			continue
		}
		seen[v.ID] = true
		if owner, ok := fw.Registry.Learners[v.Learner]; ok && owner != f.Device {
			out.Refused = append(out.Refused, lrs.Rejection{ID: sanitize.Printable(v.ID),
				Reason: fmt.Sprintf("its learner's records come from device %s, not this one", sanitize.Printable(owner))})
			continue
		}
		if f.Signed() {
			fw.Registry.Learners[v.Learner] = f.Device
		}
		if fw.Forwarded != nil && fw.Forwarded(f.Device, v.ID) {
			out.Skipped++
			continue
		}
		accepted = append(accepted, domain.Statement{ID: v.ID, Body: raw})
	}
	return accepted
}

func statementLabel(id string, raw []byte, i int) string {
	if id == "" {
		var head struct {
			ID string `json:"id"`
		}
		if json.Unmarshal(raw, &head) == nil {
			id = head.ID
		}
	}
	if id == "" {
		return fmt.Sprintf("statement %d", i+1)
	}
	return sanitize.Printable(id)
}

// send pushes the accepted statements and tells, per file, which the LRS
// confirmed, which it stored now and which it had before.
func (fw *Forwarder) send(ctx context.Context, p *pushed, outs []Forwarded) {
	s := fw.Sender
	fail := func(err error) {
		for i := range p.files() {
			outs[i].Err = err
		}
	}
	since, err := s.LRSTime(ctx)
	if err != nil {
		fail(err)
		return
	}
	src := NewFileSource(p.batch)
	rep, err := s.Push(ctx, src)
	confirmed := src.Confirmed()
	p.tell(append(rep.Rejected, rep.Conflicts...), confirmed, outs)
	if err != nil && !errors.Is(err, lrs.ErrConflict) {
		fail(err)
		return
	}
	found, err := s.StoredSince(ctx, since, confirmed)
	if err != nil {
		fail(err)
		return
	}
	stored, err := checkListing(ctx, s, since, confirmed, found)
	if err != nil {
		fail(err)
		return
	}
	p.count(confirmed, stored, outs)
}

// tell gives each file the refusals and confirmations of its statements.
// What the LRS confirmed is held there even if the push then failed: a
// receipt may say so.
func (p *pushed) tell(refused []lrs.Rejection, confirmed []string, outs []Forwarded) {
	for _, r := range refused {
		for _, i := range p.owners[r.ID] {
			outs[i].Refused = append(outs[i].Refused, r)
		}
	}
	for _, id := range confirmed {
		for _, i := range p.owners[id] {
			outs[i].Confirmed = append(outs[i].Confirmed, id)
		}
	}
}

// count splits each file's confirmed statements into stored now (by the
// first file holding one) and already there.
func (p *pushed) count(confirmed []string, stored map[string]bool, outs []Forwarded) {
	for _, id := range confirmed {
		for n, i := range p.owners[id] {
			if n == 0 && stored[id] {
				outs[i].Stored++
			} else {
				outs[i].AlreadyThere++
			}
		}
	}
}

// sampled is how many confirmed statements are read back after a forward.
const sampled = 20

// checkListing reads back a sample of what the LRS confirmed: one it does
// not hold means it answered with IDs it never stored; one stored since
// the forward began that its listing left out means the listing cannot be
// trusted (a test LRS pages by an ID whose order wraps), and then every
// statement the listing did not show is read back to count it. It returns
// the set the LRS stored now.
func checkListing(ctx context.Context, s *lrs.Sender, since time.Time, confirmed []string, found map[string]bool) (map[string]bool, error) {
	complete := true
	for _, i := range rand.Perm(len(confirmed))[:min(sampled, len(confirmed))] {
		at, err := s.StoredAt(ctx, confirmed[i])
		if err != nil {
			return nil, err
		}
		if !at.Before(since) && !found[confirmed[i]] {
			complete = false
		}
	}
	if complete {
		return found, nil
	}
	for _, id := range confirmed {
		if found[id] {
			continue
		}
		at, err := s.StoredAt(ctx, id)
		if err != nil {
			return nil, err
		}
		if !at.Before(since) {
			found[id] = true
		}
	}
	return found, nil
}

func (fw *Forwarder) now() time.Time {
	if fw.Now != nil {
		return fw.Now()
	}
	return time.Now()
}
