package syncfile

import "path/filepath"

// ExchangeDir is the folder on a USB stick that carries everything a
// visit to a post exchanges, in both directions.
const ExchangeDir = "ogoh-exchange"

// Stick is an exchange folder's layout: signed packs and contacts and one
// receipt per device go to the posts; sync files come back from them.
type Stick struct{ Root string } // Root is the ogoh-exchange folder

// StickAt is the exchange folder on the stick (or folder) at dir: dir
// itself when it is already named ogoh-exchange.
func StickAt(dir string) Stick {
	if filepath.Base(filepath.Clean(dir)) == ExchangeDir {
		return Stick{Root: filepath.Clean(dir)}
	}
	return Stick{Root: filepath.Join(dir, ExchangeDir)}
}

// Courses holds the signed course packs (*.ogoh).
func (s Stick) Courses() string { return filepath.Join(s.Root, "courses") }

// Receipts holds one receipt per device.
func (s Stick) Receipts() string { return filepath.Join(s.Root, "receipts") }

// FromPosts holds the sync files the posts wrote.
func (s Stick) FromPosts() string { return filepath.Join(s.Root, "from-posts") }

// Contacts is the signed list of referral contacts.
func (s Stick) Contacts() string { return filepath.Join(s.Root, "contacts.toml") }

// SyncFileExt is a sync file's extension.
const SyncFileExt = ".ogohsync"
