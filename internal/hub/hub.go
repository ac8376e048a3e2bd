// Package hub is a trainer's view of the posts: a data folder on the
// trainer's own laptop that takes the sync files carried back from posts
// without a network, checked as a forward checks them, forwards them to
// the LRS once, writes each device's receipt, and summarises devices and
// learners. It is the trainer's offline view; the LRS stays where an
// organisation aggregates its devices.
package hub

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/ogoh/ogoh/internal/syncfile"
	"github.com/ogoh/ogoh/internal/xapi"
)

// The hub folder's layout.
const (
	IndexFile    = "hub.json"      // what was imported and forwarded, and the summaries
	RegistryFile = "devices.json"  // each device bound to its key, as sync forward keeps it
	FilesDir     = "files"         // every imported sync file, by its SHA-256
	ForwardedDir = "forwarded"     // per device, the IDs the LRS confirmed, one a line
	ReceiptsDir  = "receipts"      // per device, the latest receipt
	CoursesDir   = "courses"       // the packs a stick carries to the posts
	ContactsFile = "contacts.toml" // the referral contacts a stick carries, unsigned here
)

// Hub is an opened hub folder. It is used by one process at a time.
type Hub struct {
	dir      string
	reg      *syncfile.Registry
	idx      *index
	now      func() time.Time
	homePage string
}

// Options change how a hub is opened.
type Options struct {
	Now      func() time.Time // the trainer's clock; time.Now by default
	HomePage string           // the organisation's; xapi's default when empty
}

type index struct {
	Files    map[string]*fileEntry    `json:"files"`    // by the file's SHA-256
	Devices  map[string]*deviceEntry  `json:"devices"`  // by device ID
	Learners map[string]*learnerEntry `json:"learners"` // by account name
}

type fileEntry struct {
	Name      string    `json:"name"` // under files/
	Device    string    `json:"device"`
	Sequence  int64     `json:"sequence"`
	Created   string    `json:"created"` // by the device's clock
	Imported  time.Time `json:"imported"`
	Total     int       `json:"total"`
	Refused   int       `json:"refused"` // by the checks at import
	Forwarded bool      `json:"forwarded"`
}

type deviceEntry struct {
	Fingerprint   string    `json:"fingerprint"`
	Post          string    `json:"post"`
	Learners      int       `json:"learners"`
	LastSequence  int64     `json:"last_sequence"`
	LastExport    string    `json:"last_export"` // by the device's clock
	LastImport    time.Time `json:"last_import"` // by the hub's
	ClockOffsetMS *int64    `json:"clock_offset_ms,omitempty"`
	ClockAhead    bool      `json:"clock_ahead"` // an export dated after its import
	Confirmed     int       `json:"confirmed"`
	Refused       int       `json:"refused"`          // by the LRS at the last forward
	ReceiptSeq    int64     `json:"receipt_sequence"` // the newest export forwarded
	ReceiptExport string    `json:"receipt_export"`
	ReceiptDue    bool      `json:"receipt_due"` // confirmed more since the last receipt
}

// Open opens (or makes) the hub folder dir.
func Open(dir string, o Options) (*Hub, error) {
	if dir == "" {
		return nil, errors.New("hub: no folder given")
	}
	if err := os.MkdirAll(filepath.Join(dir, FilesDir), 0o700); err != nil {
		return nil, fmt.Errorf("hub folder: %w", err)
	}
	reg, err := syncfile.OpenRegistry(filepath.Join(dir, RegistryFile))
	if err != nil {
		return nil, err
	}
	h := &Hub{dir: dir, reg: reg, now: o.Now, homePage: o.HomePage}
	if h.now == nil {
		h.now = time.Now
	}
	if h.homePage == "" {
		h.homePage = xapi.DefaultConfig.HomePage
	}
	if h.idx, err = readIndex(filepath.Join(dir, IndexFile)); err != nil {
		return nil, err
	}
	return h, nil
}

// Dir is the hub folder.
func (h *Hub) Dir() string { return h.dir }

func readIndex(path string) (*index, error) {
	idx := &index{}
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return nil, fmt.Errorf("hub index: %w", err)
	default:
		if err := json.Unmarshal(data, idx); err != nil {
			return nil, fmt.Errorf("hub index %s is damaged: %w", path, err)
		}
	}
	if idx.Files == nil {
		idx.Files = map[string]*fileEntry{}
	}
	if idx.Devices == nil {
		idx.Devices = map[string]*deviceEntry{}
	}
	if idx.Learners == nil {
		idx.Learners = map[string]*learnerEntry{}
	}
	return idx, nil
}

// save writes the index and the registry, each replaced whole.
func (h *Hub) save() error {
	data, err := json.MarshalIndent(h.idx, "", " ")
	if err != nil {
		return err
	}
	if err := syncfile.WriteAtomic(filepath.Join(h.dir, IndexFile), data); err != nil {
		return fmt.Errorf("hub index: %w", err)
	}
	return h.reg.Save()
}

func (h *Hub) device(id string) *deviceEntry {
	d, ok := h.idx.Devices[id]
	if !ok {
		d = &deviceEntry{}
		h.idx.Devices[id] = d
	}
	return d
}
