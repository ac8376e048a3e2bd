package progress

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/sanitize"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// ExchangeStep names what an exchange is doing, for its progress bar.
type ExchangeStep string

// The steps of an exchange, in order.
const (
	StepReceipt  ExchangeStep = "receipt"  // reading this device's receipt
	StepExport   ExchangeStep = "export"   // writing this device's sync file
	StepCourses  ExchangeStep = "courses"  // installing newer packs
	StepContacts ExchangeStep = "contacts" // taking the trainer's contacts
)

// ExchangeSteps are the exchange's steps, in the order it takes them.
var ExchangeSteps = []ExchangeStep{StepReceipt, StepExport, StepCourses, StepContacts}

// ExchangeOptions say what an exchange may change: the learner's part
// (receipt and export) always, courses and contacts in trainer mode only.
type ExchangeOptions struct {
	Trainer bool
	// Progress, when set, hears each step as it starts, with how many
	// steps are done of how many.
	Progress func(step ExchangeStep, done, total int)
}

// ExchangeSummary is what an exchange did, for its summary.
type ExchangeSummary struct {
	Receipt      *ReceiptRead // nil when the stick holds none for this device
	ReceiptErr   error        // the receipt refused: nothing of it was applied
	Exported     int
	ExportFile   string
	Installed    []course.Installed
	CourseErrs   map[string]error // by pack file name: refused, nothing of it installed
	UpToDate     int              // packs whose version is already here
	Contacts     int              // contacts taken; 0 with ContactsErr or none on the stick
	ContactsErr  error
	TrainerSkips bool // courses or contacts were on the stick but trainer mode was off
}

// Exchange does a visit's whole exchange with the stick at stickDir in one
// run: it reads this device's receipt (so the export that follows holds
// only what is still unconfirmed), writes this device's sync file into
// from-posts/, and in trainer mode installs newer trusted packs and takes
// contacts signed by a trusted key. Every file read is read whole and
// verified before anything changes, and the sync file is written under a
// temporary name then renamed, so a stick pulled out half-way leaves both
// sides consistent. Only a failed export fails the exchange: the rest is
// reported in the summary.
func (d *Device) Exchange(ctx context.Context, stickDir string, o ExchangeOptions) (ExchangeSummary, error) {
	s := syncfile.StickAt(stickDir)
	var sum ExchangeSummary
	if info, err := os.Stat(s.Root); err != nil || !info.IsDir() {
		return sum, domain.Errorf(domain.CodeStickMissing, "exchange: no %s folder in %s", syncfile.ExchangeDir, sanitize.Printable(stickDir)).
			With("Folder", sanitize.Printable(stickDir))
	}
	step := func(st ExchangeStep, done int) {
		if o.Progress != nil {
			o.Progress(st, done, 4)
		}
	}
	step(StepReceipt, 0)
	if err := d.exchangeReceipt(ctx, s, &sum); err != nil {
		return sum, err
	}
	step(StepExport, 1)
	if err := d.exchangeExport(ctx, s, &sum); err != nil {
		return sum, err
	}
	step(StepCourses, 2)
	if err := d.exchangeCourses(ctx, s, o.Trainer, &sum); err != nil {
		return sum, err
	}
	step(StepContacts, 3)
	d.exchangeContacts(ctx, s, o.Trainer, &sum)
	if o.Progress != nil {
		o.Progress(StepContacts, 4, 4)
	}
	return sum, ctx.Err()
}

func (d *Device) exchangeReceipt(ctx context.Context, s syncfile.Stick, sum *ExchangeSummary) error {
	device, err := d.db.DeviceID(ctx)
	if err != nil {
		return err
	}
	path := filepath.Join(s.Receipts(), syncfile.ReceiptName(device))
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return nil
	}
	got, err := d.ReadReceipt(ctx, path)
	if err != nil {
		sum.ReceiptErr = err
		return nil
	}
	sum.Receipt = &got
	return nil
}

func (d *Device) exchangeExport(ctx context.Context, s syncfile.Stick, sum *ExchangeSummary) error {
	id, err := d.Service.Identity(ctx)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(s.FromPosts(), 0o755); err != nil {
		return domain.Wrap(domain.CodeReadOnly, fmt.Errorf("exchange: %w", err))
	}
	// One file per device, replaced by each export: it holds everything
	// still unconfirmed, so an older one is never needed.
	sum.ExportFile = filepath.Join(s.FromPosts(), syncfile.SafeName(id.Device)+syncfile.SyncFileExt)
	sum.Exported, err = d.Service.ExportSync(ctx, sum.ExportFile)
	if err != nil {
		return domain.Wrap(domain.CodeUnsaved, err)
	}
	return nil
}

func (d *Device) exchangeCourses(ctx context.Context, s syncfile.Stick, trainer bool, sum *ExchangeSummary) error {
	packs := wholeFiles(s.Courses(), ".ogoh")
	if len(packs) > 0 && !trainer {
		sum.TrainerSkips = true
		return nil
	}
	for _, p := range packs {
		if err := ctx.Err(); err != nil {
			return err
		}
		got, err := d.Library.Install(ctx, p, nil, false)
		switch {
		case errors.Is(err, course.ErrSameVersion), errors.Is(err, course.ErrOlderVersion):
			sum.UpToDate++
		case err != nil:
			if sum.CourseErrs == nil {
				sum.CourseErrs = map[string]error{}
			}
			sum.CourseErrs[filepath.Base(p)] = err
		default:
			sum.Installed = append(sum.Installed, got)
		}
	}
	if len(sum.Installed) > 0 {
		d.Courses, d.Problems = d.Library.Courses()
	}
	return nil
}

// exchangeContacts takes the stick's contacts when a key the device
// trusts signed them; a file changed, cut short or by another key
// changes nothing.
func (d *Device) exchangeContacts(ctx context.Context, s syncfile.Stick, trainer bool, sum *ExchangeSummary) {
	if _, err := os.Stat(s.Contacts()); errors.Is(err, os.ErrNotExist) {
		return
	}
	if !trainer {
		sum.TrainerSkips = true
		return
	}
	f, err := syncfile.ReadContactsFile(s.Contacts())
	var pub []byte
	if err == nil {
		pub, err = f.Verify()
	}
	if err == nil {
		err = d.trustedKey(ctx, pub)
	}
	if err == nil {
		list := f.DomainContacts()
		if err = d.Service.SetContacts(ctx, list); err == nil {
			sum.Contacts = len(list)
		}
	}
	if err != nil {
		sum.ContactsErr = domain.Wrap(domain.CodeContactsRefused, err)
	}
}

func (d *Device) trustedKey(ctx context.Context, pub []byte) error {
	trusted, err := d.Library.TrustedKeys(ctx)
	if err != nil {
		return err
	}
	for _, k := range trusted {
		if bytes.Equal(k.Public, pub) {
			return nil
		}
	}
	return fmt.Errorf("signed by key %s, which this device does not trust", course.Key{Public: pub}.ID())
}

// wholeFiles are the files in dir ending in ext, leaving out those still
// being written under a temporary name.
func wholeFiles(dir, ext string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasSuffix(e.Name(), ext) && !strings.HasPrefix(e.Name(), syncfile.TempPrefix) {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out
}
