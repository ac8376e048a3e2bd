package syncfile_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/syncfile"
)

func none(context.Context, func(domain.Statement) error) error { return nil }

// TestTheHeaderAboutIsSignedAndOptional: a file written with what the
// device knows of itself (post, learners, clock offset) reads back with
// it; changing it, or cutting it or its signature out alone, is refused;
// the device's signature over the rest is the one it always was, so a
// forwarder older than it still verifies the file; a file written without it, as
// every file before it was, still reads.
func TestTheHeaderAboutIsSignedAndOptional(t *testing.T) {
	ctx := context.Background()
	_, key, _ := ed25519.GenerateKey(nil)
	dir := t.TempDir()
	offset := int64(-2 * 365 * 24 * time.Hour / time.Millisecond)
	with := filepath.Join(dir, "with.ogohsync")
	about := &syncfile.About{Post: "Checkpoint 3", Learners: 12, ClockOffsetMS: &offset}
	if _, err := syncfile.WriteFile(ctx, with, syncfile.Header{Device: "d", Sequence: 4, Created: time.Unix(0, 0), About: about}, key, none); err != nil {
		t.Fatal(err)
	}
	f, err := syncfile.ReadFile(with)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := f.About.ClockOffset(); !ok || got.Milliseconds() != offset || f.About.Post != "Checkpoint 3" || f.About.Learners != 12 {
		t.Errorf("read back %+v", f.About)
	}
	data, _ := os.ReadFile(with)
	cut := bytes.Replace(data, []byte(`,"about":{"post":"Checkpoint 3","learners":12,"clock_offset_ms":-63072000000}`), nil, 1)
	moved := bytes.Replace(data, []byte(`-63072000000`), []byte(`0`), 1)
	unsigned := regexp.MustCompile(`,\n"about_signature":"[^"]*"`).ReplaceAll(data, nil)
	for name, bad := range map[string][]byte{"about cut out": cut, "offset changed": moved, "its signature cut out": unsigned} {
		if bytes.Equal(bad, data) {
			t.Fatalf("%s: the test did not change the file:\n%s", name, data)
		}
		if _, err := syncfile.Read(bytes.NewReader(bad)); !errors.Is(err, syncfile.ErrBadSignature) {
			t.Errorf("%s: read with %v, want a bad signature", name, err)
		}
	}
	// A forwarder from before About decodes the fields it knows, ignores
	// the rest, and checks the signature over the text it always signed.
	var before struct {
		Format, Device, Key, Created, SHA256, Signature string
		Version, Count                                  int
		Sequence                                        int64
	}
	json.Unmarshal(data, &before)
	sig, _ := base64.StdEncoding.DecodeString(before.Signature)
	text := fmt.Sprintf("%s %d\ndevice %s\nkey %s\nsequence %d\ncreated %s\ncount %d\nsha256 %s\n",
		before.Format, before.Version, before.Device, before.Key, before.Sequence, before.Created, before.Count, before.SHA256)
	if !ed25519.Verify(key.Public().(ed25519.PublicKey), []byte(text), sig) {
		t.Error("a forwarder from before About would refuse the file")
	}
	without := filepath.Join(dir, "without.ogohsync")
	if _, err := syncfile.WriteFile(ctx, without, syncfile.Header{Device: "d", Sequence: 5, Created: time.Unix(0, 0)}, key, none); err != nil {
		t.Fatal(err)
	}
	old, _ := os.ReadFile(without)
	if strings.Contains(string(old), "about") {
		t.Errorf("a file without about mentions it:\n%s", old)
	}
	if f, err := syncfile.ReadFile(without); err != nil || f.About != nil {
		t.Errorf("a file as before: %v, about %+v", err, f)
	}
}

// FuzzReadReceipt checks that no input panics ReadReceipt and that every
// refusal wraps ErrBadReceipt.
func FuzzReadReceipt(f *testing.F) {
	k := ed25519.NewKeyFromSeed(make([]byte, ed25519.SeedSize))
	good := syncfile.NewReceipt(syncfile.ReceiptFor{Device: "d", Sequence: 1, Forwarded: time.Unix(0, 0),
		IDs: []string{"00000000-0000-4000-8000-000000000001"}}, "t", k)
	path, err := syncfile.WriteReceipt(f.TempDir(), good)
	if err != nil {
		f.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	f.Add(data)
	f.Add(data[:len(data)/2])
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := syncfile.ReadReceipt(bytes.NewReader(data))
		if err != nil {
			if r != nil || !errors.Is(err, syncfile.ErrBadReceipt) {
				t.Fatalf("refused with %v and a receipt %v", err, r != nil)
			}
			return
		}
		if r.Count != len(r.Statements) || r.PublicKey() == nil {
			t.Fatalf("accepted a receipt of %d saying %d", len(r.Statements), r.Count)
		}
	})
}
