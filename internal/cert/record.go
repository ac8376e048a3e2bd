// Package cert makes and checks Ogoh's certificates: a compact record
// of who passed which course, where and when, signed with the device's
// Ed25519 key, as one line of text that fits a QR code; and the one-page
// PDF that carries it.
package cert

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base32"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ogoh/ogoh/internal/domain"
)

// The record's text is its fields joined by ';' after a magic word that
// names the format; the signature is over everything before its own field,
// with a prefix no other signed thing of Ogoh's starts with. Every byte
// of a field that is not printable ASCII, and ';' and '%', is
// percent-escaped: the text stays one line of ASCII, because QR scanners
// guess the character set of a code's bytes, and guess an Uzbek name's
// ʻ (U+02BB) as Shift JIS.
//
//	OGOH-CERT1;ID;LEARNER-UUID;NAME;POST;COURSE;VERSION;YYYY-MM-DD;SCORE;DEVICE-UUID;KEY;SIGNATURE
const (
	magic      = "OGOH-CERT1"
	signPrefix = "ogoh certificate\x00"
	fieldCount = 12
	dateLayout = "2006-01-02"
)

// Refusals of a certificate's text. Each is a domain.Error a screen can
// translate; the message here is for the command line.
var (
	ErrNotCertificate = &domain.Error{Code: domain.CodeUnreadable, Err: errors.New("this is not an Ogoh certificate (its text starts with " + magic + ")")}
	ErrDamaged        = &domain.Error{Code: domain.CodeUnreadable, Err: errors.New("the certificate's text is damaged: a field is missing or cannot be read")}
	ErrWrongID        = &domain.Error{Code: domain.CodeUntrusted, Err: errors.New("the certificate ID does not match its record: the record was changed or belongs to another certificate")}
	ErrBadSignature   = &domain.Error{Code: domain.CodeUntrusted, Err: errors.New("the signature does not match: the certificate was changed after it was issued, or forged")}
)

var idEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// Sign completes c — its device key, ID and signature — with the device's
// key. Ed25519 signatures are deterministic, so the same record signed
// twice is the same certificate.
func Sign(c domain.Certificate, key ed25519.PrivateKey) domain.Certificate {
	c.DeviceKey = key.Public().(ed25519.PublicKey)
	c.Passed = day(c.Passed)
	c.ID = idOf(c)
	c.Signature = ed25519.Sign(key, signed(c))
	return c
}

// day is t's calendar day in UTC: the record says the day, not the hour.
func day(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// idOf is the first 80 bits of the record's hash, in four groups of four
// base32 characters (letters and the digits 2–7, nothing to confuse).
func idOf(c domain.Certificate) string {
	sum := sha256.Sum256([]byte(body(c)))
	s := idEncoding.EncodeToString(sum[:10])
	return s[0:4] + "-" + s[4:8] + "-" + s[8:12] + "-" + s[12:16]
}

// body is the record without its ID and signature: what the ID names.
func body(c domain.Certificate) string {
	return strings.Join([]string{
		escape(c.LearnerID), escape(c.LearnerName), escape(c.Post), escape(c.CourseID), escape(c.CourseVersion),
		c.Passed.Format(dateLayout), strconv.Itoa(c.Score), escape(c.DeviceID),
		base64.RawURLEncoding.EncodeToString(c.DeviceKey),
	}, ";")
}

func signed(c domain.Certificate) []byte {
	return []byte(signPrefix + magic + ";" + c.ID + ";" + body(c))
}

// Text is the certificate as the one line its QR code holds.
func Text(c domain.Certificate) string {
	return magic + ";" + c.ID + ";" + body(c) + ";" + base64.RawURLEncoding.EncodeToString(c.Signature)
}

// NormalID is a typed certificate ID as printed: upper case, in groups,
// so "abcd efgh ijkl mnop" and "ABCD-EFGH-IJKL-MNOP" compare equal.
func NormalID(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' {
			return -1
		}
		return r
	}, strings.ToUpper(strings.TrimSpace(s)))
	if len(s) != 16 {
		return s
	}
	return s[0:4] + "-" + s[4:8] + "-" + s[8:12] + "-" + s[12:16]
}

// Parse reads a certificate's text; it checks the form, not the
// signature (Check does).
func Parse(text string) (domain.Certificate, error) {
	text = strings.TrimSpace(text)
	f := strings.Split(text, ";")
	if len(f) == 0 || f[0] != magic {
		return domain.Certificate{}, ErrNotCertificate
	}
	if len(f) != fieldCount {
		return domain.Certificate{}, ErrDamaged
	}
	c, err := fields(f)
	if err != nil {
		return domain.Certificate{}, fmt.Errorf("%w: %v", ErrDamaged, err)
	}
	if Text(c) != text { // a lower-case escape, a loose base64 end: one text per certificate
		return domain.Certificate{}, ErrDamaged
	}
	return c, nil
}

func fields(f []string) (domain.Certificate, error) {
	var c domain.Certificate
	var err error
	c.ID = f[1]
	strs := []*string{&c.LearnerID, &c.LearnerName, &c.Post, &c.CourseID, &c.CourseVersion}
	for i, p := range strs {
		if *p, err = unescape(f[2+i]); err != nil {
			return c, err
		}
	}
	if c.Passed, err = time.Parse(dateLayout, f[7]); err != nil {
		return c, err
	}
	if c.Score, err = strconv.Atoi(f[8]); err != nil {
		return c, err
	}
	if c.DeviceID, err = unescape(f[9]); err != nil {
		return c, err
	}
	if c.DeviceKey, err = base64.RawURLEncoding.Strict().DecodeString(f[10]); err != nil || len(c.DeviceKey) != ed25519.PublicKeySize {
		return c, fmt.Errorf("device key: %v", err)
	}
	if c.Signature, err = base64.RawURLEncoding.Strict().DecodeString(f[11]); err != nil || len(c.Signature) != ed25519.SignatureSize {
		return c, fmt.Errorf("signature: %v", err)
	}
	return c, nil
}

// Genuine checks that c's ID names its record and that its device key
// signed it. Whether that key is a device a trainer knows is the
// caller's question (see Verify).
func Genuine(c domain.Certificate) error {
	if c.ID != idOf(c) {
		return ErrWrongID
	}
	if !ed25519.Verify(ed25519.PublicKey(c.DeviceKey), signed(c), c.Signature) {
		return ErrBadSignature
	}
	return nil
}

func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ';' || c == '%' || c < 0x20 || c >= 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func unescape(s string) (string, error) {
	if !strings.Contains(s, "%") {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '%' {
			b.WriteByte(s[i])
			continue
		}
		if i+2 >= len(s) {
			return "", errors.New("a cut escape")
		}
		n, err := strconv.ParseUint(s[i+1:i+3], 16, 8)
		if err != nil {
			return "", err
		}
		b.WriteByte(byte(n))
		i += 2
	}
	if !utf8.ValidString(b.String()) {
		return "", errors.New("not UTF-8")
	}
	return b.String(), nil
}
