package lrs_test

import (
	"context"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/lrs/lrstest"
	"github.com/ogoh/ogoh/internal/sanitize"
	"github.com/ogoh/ogoh/internal/syncfile"
	"github.com/ogoh/ogoh/internal/xapi"
)

// post is one genuine device whose file has been forwarded once, and the
// forwarder's registry that now knows it.
type post struct {
	d       *device
	file    string
	genuine map[string][]byte
	server  *lrstest.LRS
	reg     string
}

func forwardedPost(t *testing.T) *post {
	t.Helper()
	p := &post{d: newDevice(t), server: lrstest.Start(t), reg: filepath.Join(t.TempDir(), "devices.json")}
	p.d.learn("Dilnoza")
	p.genuine = p.d.outbox()
	p.file = filepath.Join(t.TempDir(), "post-7.ogohsync")
	if _, err := p.d.svc.ExportSync(background, p.file); err != nil {
		t.Fatal(err)
	}
	r := p.forward(t, p.file, nil)
	if r.Err != nil || r.Stored != len(p.genuine) || !r.NewDevice || r.Fingerprint == "" {
		t.Fatalf("the genuine file: %+v", r)
	}
	return p
}

func (p *post) forward(t *testing.T, file string, adjust func(*syncfile.Forwarder)) syncfile.Forwarded {
	t.Helper()
	reg, err := syncfile.OpenRegistry(p.reg)
	if err != nil {
		t.Fatal(err)
	}
	fw := &syncfile.Forwarder{Sender: fastSender(p.server.Endpoint()), Registry: reg, HomePage: xapi.DefaultConfig.HomePage}
	if adjust != nil {
		adjust(fw)
	}
	return fw.Forward(background, file)
}

// nothingForged checks the LRS holds the genuine statements, unchanged,
// and nothing else.
func (p *post) nothingForged(t *testing.T) {
	t.Helper()
	exactlyOnce(t, p.server, p.genuine)
	for _, st := range p.server.Statements() {
		id := st["id"].(string)
		if res, ok := st["result"].(map[string]any); ok && p.genuine[id] != nil {
			var mine map[string]any
			json.Unmarshal(p.genuine[id], &mine)
			if fmt.Sprint(mine["result"]) != fmt.Sprint(res) {
				t.Errorf("statement %s's result in the LRS was changed: %v", id, res)
			}
		}
	}
}

// rawFile is a sync file as an editor sees it.
type rawFile map[string]any

func readRaw(t *testing.T, path string) rawFile {
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f rawFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// write saves the file with its checksum recomputed, as anyone can.
func (f rawFile) write(t *testing.T) string {
	sum := sha256.New()
	list := f["statements"].([]any)
	for _, st := range list {
		b, _ := json.Marshal(st)
		sum.Write(b)
		sum.Write([]byte{'\n'})
	}
	f["count"] = len(list)
	f["sha256"] = hex.EncodeToString(sum.Sum(nil))
	data, _ := json.Marshal(f)
	path := filepath.Join(t.TempDir(), "forged.ogohsync")
	os.WriteFile(path, data, 0o644)
	return path
}

// signedBy writes statements as a sync file signed by key under device.
func signedBy(t *testing.T, key ed25519.PrivateKey, device string, statements ...[]byte) string {
	path := filepath.Join(t.TempDir(), "signed.ogohsync")
	each := func(_ context.Context, fn func(domain.Statement) error) error {
		for _, st := range statements {
			if err := fn(domain.Statement{Body: st}); err != nil {
				return err
			}
		}
		return nil
	}
	if _, err := syncfile.WriteFile(background, path, syncfile.Header{Device: device, Sequence: 1, Created: time.Now()}, key, each); err != nil {
		t.Fatal(err)
	}
	return path
}

func newKey(t *testing.T) ed25519.PrivateKey {
	_, k, err := ed25519.GenerateKey(nil)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// statementOf returns one genuine statement of the given verb, decoded.
func (p *post) statementOf(t *testing.T, verb string) map[string]any {
	for _, body := range p.genuine {
		var st map[string]any
		json.Unmarshal(body, &st)
		if st["verb"].(map[string]any)["id"] == verb {
			return st
		}
	}
	t.Fatalf("no %s statement", verb)
	return nil
}

func encode(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}

// TestEditedFilesAreRefusedWhole: a changed score, an added statement and
// a changed device ID, even with the checksum recomputed, break the
// device's signature; the file is refused and the LRS holds nothing forged.
func TestEditedFilesAreRefusedWhole(t *testing.T) {
	p := forwardedPost(t)
	edits := map[string]func(rawFile){
		"a changed score": func(f rawFile) {
			for _, st := range f["statements"].([]any) {
				if res, ok := st.(map[string]any)["result"].(map[string]any); ok && res["score"] != nil {
					res["score"].(map[string]any)["raw"] = 10
					res["success"] = true
				}
			}
		},
		"an added statement for another learner": func(f rawFile) {
			st := p.statementOf(t, xapi.VerbPassed)
			st["id"] = domain.NewUUID()
			st["actor"].(map[string]any)["account"].(map[string]any)["name"] = "someone-else"
			f["statements"] = append(f["statements"].([]any), st)
		},
		"a changed device ID": func(f rawFile) { f["device"] = domain.NewUUID() },
	}
	for name, edit := range edits {
		t.Run(name, func(t *testing.T) {
			f := readRaw(t, p.file)
			edit(f)
			r := p.forward(t, f.write(t), nil)
			if !errors.Is(r.Err, syncfile.ErrBadSignature) {
				t.Fatalf("forward: %v, want the signature refused", r.Err)
			}
			if !strings.Contains(r.Err.Error(), "forged.ogohsync") {
				t.Errorf("the refusal %q does not name the file", r.Err)
			}
			p.nothingForged(t)
		})
	}
}

// TestStatementsNoOgohMakesAreRefused: a device with its own, valid key
// still cannot void a record, speak for a real person's email, attach a
// file, or reuse a genuine statement's ID with other content.
func TestStatementsNoOgohMakesAreRefused(t *testing.T) {
	p := forwardedPost(t)
	passed := p.statementOf(t, xapi.VerbPassed)
	own := func(st map[string]any) map[string]any {
		st["id"] = domain.NewUUID()
		st["actor"] = map[string]any{"objectType": "Agent", "account": map[string]any{"homePage": xapi.DefaultConfig.HomePage, "name": "attacker-learner"}}
		return st
	}
	clone := func() map[string]any {
		var st map[string]any
		json.Unmarshal(encode(passed), &st)
		return st
	}
	voided := own(clone())
	voided["verb"] = map[string]any{"id": "http://adlnet.gov/expapi/verbs/voided", "display": map[string]any{"en-US": "voided"}}
	voided["object"] = map[string]any{"objectType": "StatementRef", "id": passed["id"]}
	mbox := own(clone())
	mbox["actor"] = map[string]any{"objectType": "Agent", "mbox": "mailto:real.person@example.org"}
	foreign := own(clone())
	foreign["actor"].(map[string]any)["account"].(map[string]any)["homePage"] = "https://elsewhere.example.org"
	attached := own(clone())
	attached["attachments"] = []any{map[string]any{"usageType": "http://id.tincanapi.com/attachment/certificate", "fileUrl": "http://evil.example.org/x",
		"contentType": "application/pdf", "length": 10, "sha2": "00", "display": map[string]any{"en-US": "certificate"}}}
	reused := own(clone())
	reused["id"] = passed["id"] // a "failed, 0" under the genuine "passed"
	reused["verb"] = map[string]any{"id": xapi.VerbFailed, "display": map[string]any{"en-US": "failed"}}
	reused["result"].(map[string]any)["score"].(map[string]any)["raw"] = 0
	reused["result"].(map[string]any)["success"] = false
	theirLearner := clone()
	theirLearner["id"] = domain.NewUUID() // a new record for the genuine device's learner
	good := own(clone())

	file := signedBy(t, newKey(t), domain.NewUUID(),
		encode(voided), encode(mbox), encode(foreign), encode(attached), encode(reused), encode(theirLearner), encode(good))
	r := p.forward(t, file, nil)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	refused := map[string]string{}
	for _, x := range r.Refused {
		refused[x.ID] = x.Reason
	}
	for what, st := range map[string]map[string]any{"voided": voided, "mbox": mbox, "foreign home page": foreign,
		"attachment": attached, "reused ID": reused, "another device's learner": theirLearner} {
		if refused[st["id"].(string)] == "" {
			t.Errorf("the %s statement was not refused", what)
		}
	}
	if len(r.Refused) != 6 || r.Stored != 1 {
		t.Errorf("refused %d, stored %d; want 6 refused and the one plausible statement stored", len(r.Refused), r.Stored)
	}
	delete(refused, good["id"].(string))
	p.genuine[good["id"].(string)] = encode(good)
	p.nothingForged(t)
}

// TestAnotherKeyUnderAKnownDeviceIsRefused: a file signed correctly, but
// by another key than the one the device ID was first seen with.
func TestAnotherKeyUnderAKnownDeviceIsRefused(t *testing.T) {
	p := forwardedPost(t)
	f, err := syncfile.ReadFile(p.file)
	if err != nil {
		t.Fatal(err)
	}
	var bodies [][]byte
	for _, st := range f.Statements {
		bodies = append(bodies, st)
	}
	r := p.forward(t, signedBy(t, newKey(t), f.Device, bodies...), nil)
	if !errors.Is(r.Err, syncfile.ErrOtherKey) {
		t.Fatalf("forward: %v, want refused as another key", r.Err)
	}
	p.nothingForged(t)
}

// TestUnsignedFiles: an old unsigned file still forwards, with a warning,
// unless --require-signed, or unless its device is known to sign.
func TestUnsignedFiles(t *testing.T) {
	p := forwardedPost(t)
	f := readRaw(t, p.file)
	f["version"] = 1
	for _, k := range []string{"key", "signature", "sequence"} {
		delete(f, k)
	}
	unsigned := f.write(t)
	if r := p.forward(t, unsigned, nil); !errors.Is(r.Err, syncfile.ErrUnsigned) {
		t.Errorf("an unsigned file for a device that signs: %v", r.Err)
	}
	f["device"] = domain.NewUUID() // a device from before signing
	old := f.write(t)
	if r := p.forward(t, old, func(fw *syncfile.Forwarder) { fw.RequireSigned = true }); !errors.Is(r.Err, syncfile.ErrUnsigned) {
		t.Errorf("an unsigned file with --require-signed: %v", r.Err)
	}
	// A forwarder that has not met the device's learners yet forwards it.
	fresh := func(fw *syncfile.Forwarder) {
		fw.Registry, _ = syncfile.OpenRegistry(filepath.Join(t.TempDir(), "devices.json"))
	}
	r := p.forward(t, old, fresh)
	if r.Err != nil || len(r.Warnings) == 0 || r.AlreadyThere != len(p.genuine) {
		t.Errorf("an old unsigned file: %+v; want it forwarded, with a warning", r)
	}
	// One that has met them from a signing device refuses to let it speak for them.
	if r := p.forward(t, old, nil); len(r.Refused) != len(p.genuine) {
		t.Errorf("an unsigned file speaking for a signing device's learners: %d of %d refused", len(r.Refused), len(p.genuine))
	}
	p.nothingForged(t)
}

// TestEnrolledDevicesOnly: with --trust-devices, a device not enrolled is
// refused, and an enrolled one goes through.
func TestEnrolledDevicesOnly(t *testing.T) {
	p := forwardedPost(t)
	id, err := p.d.svc.Identity(background)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "post-7.pub"), []byte(syncfile.DevicePublicText(id.Device, id.PublicKey)), 0o644)
	enrolled, err := syncfile.LoadEnrolled(dir)
	if err != nil {
		t.Fatal(err)
	}
	only := func(fw *syncfile.Forwarder) { fw.Enrolled = enrolled }
	stranger := signedBy(t, newKey(t), domain.NewUUID(), p.genuine[firstKey(p.genuine)])
	if r := p.forward(t, stranger, only); !errors.Is(r.Err, syncfile.ErrNotEnrolled) {
		t.Errorf("a device not enrolled: %v", r.Err)
	}
	if r := p.forward(t, p.file, only); r.Err != nil || r.AlreadyThere != len(p.genuine) {
		t.Errorf("the enrolled device: %+v", r)
	}
	if r := p.forward(t, p.file, nil); r.Fingerprint != id.Fingerprint {
		t.Errorf("forward prints fingerprint %q, the device shows %q", r.Fingerprint, id.Fingerprint)
	}
	p.nothingForged(t)
}

func firstKey(m map[string][]byte) string {
	for k := range m {
		return k
	}
	return ""
}

// TestExportsAreNumberedAndTheKeyKept: each export's number grows, and a
// device reopened keeps its key.
func TestExportsAreNumberedAndTheKeyKept(t *testing.T) {
	d := newDevice(t)
	d.learn("Dilnoza")
	var last int64
	for i := 0; i < 3; i++ {
		path := filepath.Join(t.TempDir(), "x.ogohsync")
		if _, err := d.svc.ExportSync(background, path); err != nil {
			t.Fatal(err)
		}
		f, err := syncfile.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if f.Sequence <= last {
			t.Fatalf("export %d has number %d after %d", i+1, f.Sequence, last)
		}
		last = f.Sequence
	}
	info, err := os.Stat(filepath.Join(d.dir, syncfile.DeviceKeyFile))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the device key file: %v, mode %v; want 0600", err, info.Mode().Perm())
	}
	again, err := syncfile.LoadOrCreateDeviceKey(filepath.Join(d.dir, syncfile.DeviceKeyFile))
	if err != nil || !again.Equal(d.key) {
		t.Fatalf("reopened, the device has another key (%v)", err)
	}
	os.WriteFile(filepath.Join(d.dir, syncfile.DeviceKeyFile), []byte("garbage"), 0o600)
	if _, err := syncfile.LoadOrCreateDeviceKey(filepath.Join(d.dir, syncfile.DeviceKeyFile)); !errors.Is(err, syncfile.ErrBadDeviceKey) {
		t.Errorf("a damaged key file: %v; want it reported, never replaced", err)
	}
}

func TestPrintableRemovesEscapeCodes(t *testing.T) {
	got := sanitize.Printable("post\x1b[32m signature: good\x1b[0m\u202eevil\u200b\nnext")
	if strings.ContainsAny(got, "\x1b\u202e\u200b\n") {
		t.Errorf("Printable left control characters: %q", got)
	}
}

// TestAHugeSyncFileIsRefusedUnread: a file past the size a sync file may
// hold is refused from its size, before a byte is decoded (the test file
// is sparse: it takes no disk).
func TestAHugeSyncFileIsRefusedUnread(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.ogohsync")
	if err := os.WriteFile(path, []byte(`{"format":"ogoh-sync"`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, syncfile.MaxFileSize+1); err != nil {
		t.Fatal(err)
	}
	if _, err := syncfile.ReadFile(path); !errors.Is(err, syncfile.ErrBadSyncFile) || !strings.Contains(err.Error(), "over the") {
		t.Fatalf("a sync file past the limit: %v", err)
	}
}
