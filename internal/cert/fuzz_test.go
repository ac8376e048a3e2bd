package cert_test

import (
	"crypto/ed25519"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/cert"
	"github.com/ogoh/ogoh/internal/domain"
)

// FuzzVerify: any text a scanner or a paste gives is refused or accepted
// without a panic, and only the one text the device signed is accepted.
func FuzzVerify(f *testing.F) {
	pub, priv, _ := ed25519.GenerateKey(nil)
	c := cert.Sign(domain.Certificate{LearnerID: "0b5e6c1a-52a4-4c59-9d1e-0c7f3c1b2a10", LearnerName: "Oʻgʻiloy; 50%",
		Post: "Пост 12", CourseID: "c", CourseVersion: "1", Passed: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Score: 90, DeviceID: "d"}, priv)
	good := cert.Text(c)
	known := cert.Devices{"d": pub}
	f.Add(good)
	f.Add(strings.Replace(good, "%3B", ";", 1))
	f.Add("OGOH-CERT1;;;;;;;;;;;")
	f.Add("OGOH-CERT1;%;%Z;%C0%80")
	f.Fuzz(func(t *testing.T, text string) {
		v, err := cert.Verify(text, "", known)
		if err == nil && strings.TrimSpace(text) != good {
			t.Fatalf("accepted a text the device never signed: %q (%+v)", text, v)
		}
	})
}
