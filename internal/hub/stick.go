package hub

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ogoh/ogoh/internal/syncfile"
)

// Stick is what preparing a stick put on it.
type Stick struct {
	Folder   string // the ogoh-exchange folder
	Receipts int
	Courses  int
	Contacts int  // referral contacts signed onto it
	Signed   bool // contacts.toml was written
}

// PrepareStick fills the exchange folder on the stick at out: the latest
// receipt of every device, the packs in the hub's courses folder, the
// hub's contacts signed with the trainer's key, and an empty from-posts
// folder for the posts' sync files. Every file is written through a
// temporary name, so a stick pulled out leaves no half file a device
// would take for whole.
func (h *Hub) PrepareStick(ctx context.Context, out string, t Trainer) (Stick, error) {
	s := syncfile.StickAt(out)
	res := Stick{Folder: s.Root}
	contacts, err := h.contacts(t)
	if err != nil {
		return res, err // before anything is written
	}
	for _, dir := range []string{s.Courses(), s.Receipts(), s.FromPosts()} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return res, fmt.Errorf("prepare the stick: %w", err)
		}
	}
	if res.Receipts, err = copyAll(ctx, filepath.Join(h.dir, ReceiptsDir), syncfile.ReceiptExt, s.Receipts()); err != nil {
		return res, err
	}
	if res.Courses, err = copyAll(ctx, filepath.Join(h.dir, CoursesDir), ".ogoh", s.Courses()); err != nil {
		return res, err
	}
	if contacts != nil {
		if err := syncfile.WriteAtomic(s.Contacts(), contacts.data); err != nil {
			return res, fmt.Errorf("prepare the stick: %w", err)
		}
		res.Contacts, res.Signed = contacts.count, true
	}
	return res, nil
}

// copyAll copies the files of dir ending in ext into to; a missing dir
// has none.
func copyAll(ctx context.Context, dir, ext, to string) (int, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("prepare the stick: %w", err)
	}
	n := 0
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ext) || strings.HasPrefix(e.Name(), syncfile.TempPrefix) {
			continue
		}
		if err := ctx.Err(); err != nil {
			return n, err
		}
		if err := copyAtomic(filepath.Join(dir, e.Name()), filepath.Join(to, e.Name())); err != nil {
			return n, fmt.Errorf("prepare the stick: %s: %w", e.Name(), err)
		}
		n++
	}
	return n, nil
}

type signedContacts struct {
	data  []byte
	count int
}

// contacts are the hub's contacts.toml signed with the trainer's key; nil
// when the hub has none.
func (h *Hub) contacts(t Trainer) (*signedContacts, error) {
	f, err := syncfile.ReadContactsFile(filepath.Join(h.dir, ContactsFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if len(t.Key) == 0 {
		return nil, errors.New("prepare the stick: the contacts need the trainer's key (--key) to be signed")
	}
	data, err := syncfile.SignContacts(f.Contacts, t.Name, t.Key, h.now()).Encode()
	if err != nil {
		return nil, err
	}
	return &signedContacts{data: data, count: len(f.Contacts)}, nil
}
