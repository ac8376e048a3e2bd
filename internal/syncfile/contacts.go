package syncfile

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/sanitize"
)

// ContactsFormat names a signed list of referral contacts.
const ContactsFormat = "ogoh-contacts"

// MaxContactsSize bounds a contacts file: a post has a few dozen.
const MaxContactsSize = 1 << 20

// ContactsFile is the post's referral contacts as a trainer carries them:
// a TOML file, signed with the trainer's key so a device takes contacts
// only from a key it trusts. A hub's own list is the same file unsigned.
type ContactsFile struct {
	Format    string         `toml:"format"`
	Version   int            `toml:"version"`
	Signed    string         `toml:"signed,omitempty"`
	Trainer   string         `toml:"trainer,omitempty"`
	Key       string         `toml:"key,omitempty"`
	Signature string         `toml:"signature,omitempty"`
	Contacts  []ContactEntry `toml:"contact"`
}

// ContactEntry is one referral contact.
type ContactEntry struct {
	Organisation string `toml:"organisation"`
	Role         string `toml:"role,omitempty"`
	Phone        string `toml:"phone,omitempty"`
	Address      string `toml:"address,omitempty"`
	Hours        string `toml:"hours,omitempty"`
}

// ErrBadContacts wraps every reason a contacts file cannot be used.
var ErrBadContacts = errors.New("not a valid Ogoh contacts file")

// SignContacts makes the signed file of list.
func SignContacts(list []ContactEntry, trainer string, key ed25519.PrivateKey, now time.Time) *ContactsFile {
	f := &ContactsFile{Format: ContactsFormat, Version: 1, Signed: now.UTC().Format(time.RFC3339), Trainer: trainer,
		Key: base64.StdEncoding.EncodeToString(key.Public().(ed25519.PublicKey)), Contacts: list}
	f.Signature = base64.StdEncoding.EncodeToString(ed25519.Sign(key, f.signedText()))
	return f
}

func (f *ContactsFile) signedText() []byte {
	field := func(b []byte, name, v string) []byte { return fmt.Appendf(b, "%s %d:%s\n", name, len(v), v) }
	b := fmt.Appendf(nil, "%s %d\n", ContactsFormat, f.Version)
	b = field(b, "signed", f.Signed)
	b = field(b, "trainer", f.Trainer)
	b = field(b, "key", f.Key)
	for _, c := range f.Contacts {
		b = field(b, "organisation", c.Organisation)
		b = field(b, "role", c.Role)
		b = field(b, "phone", c.Phone)
		b = field(b, "address", c.Address)
		b = field(b, "hours", c.Hours)
	}
	return b
}

// Encode writes the file as TOML.
func (f *ContactsFile) Encode() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("# Referral contacts for Ogoh. A device takes them only when signed by a key it trusts.\n")
	if err := toml.NewEncoder(&buf).Encode(f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ReadContactsFile reads a contacts file; it is not verified.
func ReadContactsFile(path string) (*ContactsFile, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read contacts: %w", err)
	}
	defer fh.Close()
	data, err := io.ReadAll(io.LimitReader(fh, MaxContactsSize+1))
	if err != nil {
		return nil, fmt.Errorf("read contacts: %w", err)
	}
	if len(data) > MaxContactsSize {
		return nil, fmt.Errorf("%s: %w: over %d KB", sanitize.Printable(path), ErrBadContacts, MaxContactsSize>>10)
	}
	var f ContactsFile
	if err := toml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s: %w: %v", sanitize.Printable(path), ErrBadContacts, err)
	}
	if f.Format != "" && f.Format != ContactsFormat {
		return nil, fmt.Errorf("%s: %w: format is %q", sanitize.Printable(path), ErrBadContacts, sanitize.Printable(f.Format))
	}
	return &f, nil
}

// Verify checks the signature and returns the signing key; a file
// unsigned, changed or forged is refused.
func (f *ContactsFile) Verify() (ed25519.PublicKey, error) {
	pub, err := base64.StdEncoding.DecodeString(f.Key)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("%w: it is not signed", ErrBadContacts)
	}
	sig, err := base64.StdEncoding.DecodeString(f.Signature)
	if err != nil || f.Format != ContactsFormat || !ed25519.Verify(pub, f.signedText(), sig) {
		return nil, fmt.Errorf("%w: the signature does not match: it was changed after it was signed, or forged", ErrBadContacts)
	}
	return pub, nil
}

// DomainContacts are the entries as the device keeps them, made printable
// on one line each: they come from outside.
func (f *ContactsFile) DomainContacts() []domain.Contact {
	out := make([]domain.Contact, 0, len(f.Contacts))
	for _, c := range f.Contacts {
		out = append(out, domain.Contact{Organisation: sanitize.Printable(c.Organisation), Role: sanitize.Printable(c.Role),
			Phone: sanitize.Printable(c.Phone), Address: sanitize.Printable(c.Address), Hours: sanitize.Printable(c.Hours)})
	}
	return out
}
