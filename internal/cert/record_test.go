package cert_test

import (
	"crypto/ed25519"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/cert"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/i18n"
)

func signed(t *testing.T, name string) (domain.Certificate, cert.Devices, ed25519.PrivateKey) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	c := cert.Sign(domain.Certificate{LearnerID: "0b5e6c1a-52a4-4c59-9d1e-0c7f3c1b2a10", LearnerName: name, Post: "Post 12; gate 3",
		CourseID: "trafficking-basics", CourseVersion: "2.1.0", Passed: time.Date(2026, 11, 30, 15, 4, 5, 0, time.UTC),
		Score: 87, DeviceID: "device-one"}, priv)
	return c, cert.Devices{"device-one": pub}, priv
}

func TestACertificateVerifiesFromItsTextAlone(t *testing.T) {
	for _, name := range []string{"Дилноза Каримова", "Oʻgʻiloy Gʻulomova", "50% Smith"} {
		c, known, _ := signed(t, name)
		text := cert.Text(c)
		for _, r := range text {
			if r < 0x20 || r > 0x7e {
				t.Fatalf("the QR text holds %q, not printable ASCII: scanners would guess its character set", r)
			}
		}
		v, err := cert.Verify(text, strings.ToLower(strings.ReplaceAll(c.ID, "-", " ")), known)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := v.Certificate
		if got.LearnerName != name || got.Post != "Post 12; gate 3" || got.Score != 87 || !v.Known ||
			got.Passed.Format("2006-01-02") != "2026-11-30" || got.CourseVersion != "2.1.0" {
			t.Errorf("%s: read back %+v", name, got)
		}
		if len(c.ID) != 19 || strings.Count(c.ID, "-") != 3 {
			t.Errorf("ID %q is not four groups of four", c.ID)
		}
	}
}

func TestOneChangedByteIsRefused(t *testing.T) {
	c, known, _ := signed(t, "Дилноза Каримова")
	text := cert.Text(c)
	for i := 0; i < len(text); i++ {
		for _, b := range []byte{'A', 'B', 'Q', 'g', '7', 'z', '-', '_', 'e'} {
			if text[i] == b {
				continue
			}
			changed := text[:i] + string(b) + text[i+1:]
			if _, err := cert.Verify(changed, "", known); err == nil {
				t.Fatalf("byte %d changed to %q is accepted: %s", i, b, changed)
			}
		}
	}
	score := strings.Replace(text, ";87;", ";97;", 1)
	if _, err := cert.Verify(score, "", known); !errors.Is(err, cert.ErrWrongID) {
		t.Errorf("a raised score: %v, want the ID not to match", err)
	}
}

func TestACertificateFromAnUnknownDeviceIsRefused(t *testing.T) {
	c, _, _ := signed(t, "Дилноза Каримова")
	_, other, _ := signed(t, "x")
	v, err := cert.Verify(cert.Text(c), "", cert.Devices{})
	if !errors.Is(err, cert.ErrUnknownDevice) || v.Known || v.Certificate.LearnerName != "Дилноза Каримова" {
		t.Errorf("unknown device: %+v, %v", v, err)
	}
	if _, err := cert.Verify(cert.Text(c), "", other); !errors.Is(err, cert.ErrOtherDevice) {
		t.Errorf("a device ID known with another key: %v", err)
	}
	b, _ := i18n.Load()
	if msg := cert.Explain(b.For("ru"), v, err); !strings.Contains(msg, v.Fingerprint) {
		t.Errorf("the refusal does not name the key's fingerprint: %s", msg)
	}
}

func TestAForgerSigningWithTheirOwnKeyUnderTheDevicesIDIsRefused(t *testing.T) {
	c, known, _ := signed(t, "Дилноза Каримова")
	_, forger, _ := ed25519.GenerateKey(nil)
	c.Score = 100
	forged := cert.Sign(c, forger)
	if _, err := cert.Verify(cert.Text(forged), "", known); !errors.Is(err, cert.ErrOtherDevice) {
		t.Errorf("a forged certificate: %v", err)
	}
}

func TestTheTypedIDMustBeTheRecordsAndDamageIsNamed(t *testing.T) {
	c, known, _ := signed(t, "A")
	other, _, _ := signed(t, "B")
	if _, err := cert.Verify(cert.Text(c), other.ID, known); !errors.Is(err, cert.ErrIDMismatch) {
		t.Errorf("another paper's ID: %v", err)
	}
	text := cert.Text(c)
	if _, err := cert.Verify(text[:len(text)/2], "", known); !errors.Is(err, cert.ErrDamaged) {
		t.Errorf("half a text: %v", err)
	}
	if _, err := cert.Verify("hello", "", known); !errors.Is(err, cert.ErrNotCertificate) {
		t.Errorf("not a certificate: %v", err)
	}
}
