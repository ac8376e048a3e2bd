package syncfile

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ogoh/ogoh/internal/sanitize"
)

// ReceiptFormat names the receipts a forwarder writes back to a device.
const ReceiptFormat = "ogoh-receipt"

// ReceiptVersion is the receipt version this package writes and reads.
const ReceiptVersion = 1

// ReceiptExt is a receipt file's extension.
const ReceiptExt = ".ogohreceipt"

// Receipts are bounded as sync files are, though far smaller: an ID is 36
// characters, so a million of them (a post's several years) is 40 MB.
const (
	MaxReceiptSize = 64 << 20
	MaxReceiptIDs  = 1 << 20
	maxIDLength    = 64
)

// Receipt tells a device which of its statements the LRS holds, signed by
// the trainer who forwarded them. The device marks them delivered and
// stops exporting them.
type Receipt struct {
	Format    string `json:"format"`
	Version   int    `json:"version"`
	Device    string `json:"device"`
	Sequence  int64  `json:"sequence"`  // the newest export of the device it confirms
	Exported  string `json:"exported"`  // that export's time, by the device's clock
	Forwarded string `json:"forwarded"` // the forwarder's time, by the forwarder's clock
	Trainer   string `json:"trainer"`   // the signing key's name
	Key       string `json:"key"`       // the trainer's Ed25519 public key, base64
	// Statements are the IDs the LRS holds: stored by the forward or
	// already there.
	Statements []string `json:"statements"`
	Count      int      `json:"count"`
	SHA256     string   `json:"sha256"` // of the IDs, each followed by "\n"
	Signature  string   `json:"signature"`
}

// ReceiptFor is what a receipt says, before it is signed.
type ReceiptFor struct {
	Device    string
	Sequence  int64
	Exported  string
	Forwarded time.Time
	IDs       []string
}

// ErrBadReceipt wraps every reason a receipt cannot be used.
var ErrBadReceipt = errors.New("not a valid Ogoh receipt")

// NewReceipt signs what r says with the trainer's key.
func NewReceipt(r ReceiptFor, trainer string, key ed25519.PrivateKey) *Receipt {
	rc := &Receipt{Format: ReceiptFormat, Version: ReceiptVersion, Device: r.Device, Sequence: r.Sequence,
		Exported: r.Exported, Forwarded: r.Forwarded.UTC().Format(time.RFC3339Nano), Trainer: trainer,
		Key:        base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey)),
		Statements: append([]string{}, r.IDs...), Count: len(r.IDs)}
	if rc.Statements == nil {
		rc.Statements = []string{}
	}
	rc.SHA256 = idsSum(rc.Statements)
	rc.Signature = base64.StdEncoding.EncodeToString(ed25519.Sign(key, rc.signedText()))
	return rc
}

func idsSum(ids []string) string {
	h := sha256.New()
	for _, id := range ids {
		h.Write([]byte(id))
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// signedText is what the trainer signs: every field, the IDs through
// their SHA-256. Lengths go first where text comes from elsewhere, so no
// field can be made to look like the next.
func (r *Receipt) signedText() []byte {
	return fmt.Appendf(nil, "%s %d\ndevice %d:%s\nsequence %d\nexported %d:%s\nforwarded %s\ntrainer %d:%s\nkey %s\ncount %d\nsha256 %s\n",
		r.Format, r.Version, len(r.Device), r.Device, r.Sequence, len(r.Exported), r.Exported, r.Forwarded,
		len(r.Trainer), r.Trainer, r.Key, r.Count, r.SHA256)
}

// ReceiptName is the file name of a device's receipt: its ID where that is
// a safe file name, else the ID's hash.
func ReceiptName(device string) string {
	return SafeName(device) + ReceiptExt
}

// SafeName turns a device ID into a file name that is the same on every
// system: letters, digits, '-' and '_' are kept; anything else is hashed.
func SafeName(device string) string {
	ok := device != "" && len(device) <= 64
	for _, c := range device {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			ok = false
		}
	}
	if ok {
		return device
	}
	sum := sha256.Sum256([]byte(device))
	return "device-" + hex.EncodeToString(sum[:12])
}

// WriteReceipt writes r into dir under its device's name, through a
// temporary file renamed into place, and returns its path.
func WriteReceipt(dir string, r *Receipt) (string, error) {
	data, err := json.MarshalIndent(r, "", " ")
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, ReceiptName(r.Device))
	if err := WriteAtomic(path, append(data, '\n')); err != nil {
		return "", fmt.Errorf("write receipt: %w", err)
	}
	return path, nil
}

// WriteAtomic writes data to path through a temporary file beside it,
// synced, then renamed: a reader sees the old file or the whole new one.
func WriteAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), TempPrefix+"*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	return err
}

// TempPrefix starts the name of every file Ogoh is still writing: readers
// of a folder skip them, as they are never whole.
const TempPrefix = ".ogoh-"

// ReadReceiptFile reads and checks the receipt at path.
func ReadReceiptFile(path string) (*Receipt, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read receipt: %w", err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > MaxReceiptSize {
		return nil, fmt.Errorf("%s: %w: %w", sanitize.Printable(path), ErrBadReceipt, ErrReceiptTooLarge)
	}
	r, err := ReadReceipt(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", sanitize.Printable(path), err)
	}
	return r, nil
}

// ErrReceiptTooLarge is a receipt over MaxReceiptSize or MaxReceiptIDs.
var ErrReceiptTooLarge = errors.New("the receipt is larger than any Ogoh writes")

// ReadReceipt reads a receipt from r and checks its form, count, checksum
// and signature. Whether its key is trusted, and whether it is for this
// device, is the reader's to decide.
func ReadReceipt(r io.Reader) (*Receipt, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxReceiptSize+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadReceipt, err)
	}
	if len(data) > MaxReceiptSize {
		return nil, fmt.Errorf("%w: %w", ErrBadReceipt, ErrReceiptTooLarge)
	}
	var rc Receipt
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&rc); err != nil {
		return nil, fmt.Errorf("%w: %v (cut short?)", ErrBadReceipt, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("%w: more follows the end of the receipt", ErrBadReceipt)
	}
	if err := rc.check(); err != nil {
		return nil, err
	}
	return &rc, nil
}

func (r *Receipt) check() error {
	switch {
	case r.Format != ReceiptFormat:
		return fmt.Errorf("%w: format is %q", ErrBadReceipt, sanitize.Printable(r.Format))
	case r.Version != ReceiptVersion:
		return fmt.Errorf("%w: version %d is not supported (this program reads version %d)", ErrBadReceipt, r.Version, ReceiptVersion)
	case len(r.Statements) > MaxReceiptIDs:
		return fmt.Errorf("%w: %w", ErrBadReceipt, ErrReceiptTooLarge)
	case r.Count != len(r.Statements):
		return fmt.Errorf("%w: it says %d statements but holds %d (cut short?)", ErrBadReceipt, r.Count, len(r.Statements))
	case idsSum(r.Statements) != r.SHA256:
		return fmt.Errorf("%w: checksum does not match: the receipt was changed or damaged", ErrBadReceipt)
	}
	if _, err := time.Parse(time.RFC3339Nano, r.Forwarded); err != nil {
		return fmt.Errorf("%w: the forwarder's time %q is not a time", ErrBadReceipt, sanitize.Printable(r.Forwarded))
	}
	if err := checkIDs(r.Statements); err != nil {
		return err
	}
	pub := r.PublicKey()
	sig, err := base64.StdEncoding.DecodeString(r.Signature)
	if pub == nil || err != nil || !ed25519.Verify(pub, r.signedText(), sig) {
		return fmt.Errorf("%w: %w", ErrBadReceipt, ErrReceiptSignature)
	}
	return nil
}

// checkIDs refuses an ID no Ogoh makes: empty, long, or not plain ASCII.
func checkIDs(ids []string) error {
	for i, id := range ids {
		if id == "" || len(id) > maxIDLength || strings.ContainsFunc(id, func(c rune) bool { return c <= ' ' || c > '~' }) {
			return fmt.Errorf("%w: statement ID %d is not one Ogoh makes", ErrBadReceipt, i+1)
		}
	}
	return nil
}

// ErrReceiptSignature is a receipt whose signature does not verify.
var ErrReceiptSignature = errors.New("the signature does not match: the receipt was changed after it was signed, or forged")

// PublicKey is the signing trainer's key.
func (r *Receipt) PublicKey() ed25519.PublicKey {
	pub, err := base64.StdEncoding.DecodeString(r.Key)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return nil
	}
	return pub
}

// ForwardedAt is the forwarder's time.
func (r *Receipt) ForwardedAt() time.Time {
	t, _ := time.Parse(time.RFC3339Nano, r.Forwarded)
	return t
}

// ExportedAt is the confirmed export's time by the device's clock, zero
// when the receipt does not say.
func (r *Receipt) ExportedAt() time.Time {
	t, _ := time.Parse(time.RFC3339Nano, r.Exported)
	return t
}

// TrainerName is the signer's name, printable.
func (r *Receipt) TrainerName() string { return sanitize.Printable(r.Trainer) }
