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
	for _, dir := range []string{s.Courses(), s.Receipts(), s.FromPosts()} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return res, fmt.Errorf("prepare the stick: %w", err)
		}
	}
	var err error
	if res.Receipts, err = copyAll(ctx, filepath.Join(h.dir, ReceiptsDir), syncfile.ReceiptExt, s.Receipts()); err != nil {
		return res, err
	}
	if res.Courses, err = copyAll(ctx, filepath.Join(h.dir, CoursesDir), ".ogoh", s.Courses()); err != nil {
		return res, err
	}
	res.Contacts, res.Signed, err = h.signContacts(s, t)
	return res, err
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

// signContacts signs the hub's contacts.toml onto the stick, if the hub
// has one.
func (h *Hub) signContacts(s syncfile.Stick, t Trainer) (int, bool, error) {
	f, err := syncfile.ReadContactsFile(filepath.Join(h.dir, ContactsFile))
	if errors.Is(err, os.ErrNotExist) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	if len(t.Key) == 0 {
		return 0, false, errors.New("prepare the stick: the contacts need the trainer's key (--key) to be signed")
	}
	data, err := syncfile.SignContacts(f.Contacts, t.Name, t.Key, h.now()).Encode()
	if err != nil {
		return 0, false, err
	}
	if err := syncfile.WriteAtomic(s.Contacts(), data); err != nil {
		return 0, false, fmt.Errorf("prepare the stick: %w", err)
	}
	return len(f.Contacts), true, nil
}
