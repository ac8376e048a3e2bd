package course_test

import (
	"archive/zip"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/course"
)

var when = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

func key(t *testing.T, name string) course.Key {
	t.Helper()
	k, err := course.NewKey(name)
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func pack(t *testing.T, dir string, k course.Key) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := course.WritePack(dir, k, when, &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func read(data []byte, trusted ...course.Key) (*course.Pack, error) {
	return course.ReadPack(bytes.NewReader(data), int64(len(data)), trusted)
}

// snapshot lists every file under dir with its content, to prove a refused
// install changed nothing.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			sum := sha256.Sum256(data)
			rel, _ := filepath.Rel(dir, p)
			lines = append(lines, rel+" "+hex.EncodeToString(sum[:4]))
		}
		return nil
	})
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

func TestPackSignVerifyInstallRoundTrip(t *testing.T) {
	k := key(t, "trainer-tashkent")
	data := pack(t, "../../docs/example-course", k)
	p, err := read(data, k)
	if err != nil {
		t.Fatal(err)
	}
	if p.Manifest.CourseID != "example-course" || p.Signer.Name != "trainer-tashkent" {
		t.Errorf("manifest %+v signer %q", p.Manifest, p.Signer.Name)
	}
	dir := t.TempDir()
	got, err := course.Install(p, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if got.Course.ID != "example-course" || got.Replaced != "" {
		t.Errorf("installed %+v", got)
	}
	list, problems := course.LoadInstalled(dir)
	if len(problems) > 0 || len(list) != 1 {
		t.Fatalf("installed courses: %v %v", list, problems)
	}
	if _, err := course.Install(p, dir, false); !errors.Is(err, course.ErrSameVersion) {
		t.Errorf("installing the same version again: %v", err)
	}
}

func TestKeysRoundTripThroughTheirFiles(t *testing.T) {
	k := key(t, "Trainer One")
	pub, err := course.ParseKey(k.PublicText())
	if err != nil || !bytes.Equal(pub.Public, k.Public) || pub.Private != nil || pub.Name != "Trainer One" {
		t.Fatalf("public key: %+v, %v", pub, err)
	}
	sec, err := course.ParseKey(k.SecretText())
	if err != nil || !bytes.Equal(sec.Private, k.Private) {
		t.Fatalf("secret key: %v", err)
	}
	if _, err := course.ParseKey("ogoh-key notbase64!"); err == nil {
		t.Error("a broken key file was accepted")
	}
}

func TestANewerVersionReplacesAndAnOlderIsRefused(t *testing.T) {
	k := key(t, "t")
	dir := t.TempDir()
	v1, _ := read(pack(t, "../../docs/example-course", k), k)
	if _, err := course.Install(v1, dir, false); err != nil {
		t.Fatal(err)
	}
	newer := broken(t, map[string]func(string) string{"course.toml": replace(`version = "1.0.0"`, `version = "1.2.0"`)})
	v2, _ := read(pack(t, newer, k), k)
	got, err := course.Install(v2, dir, false)
	if err != nil || got.Replaced != "1.0.0" || got.Course.Version != "1.2.0" {
		t.Fatalf("upgrade: %+v, %v", got, err)
	}
	before := snapshot(t, dir)
	if _, err := course.Install(v1, dir, false); !errors.Is(err, course.ErrOlderVersion) {
		t.Fatalf("downgrade without confirmation: %v", err)
	}
	if snapshot(t, dir) != before {
		t.Error("a refused downgrade changed the installed course")
	}
	if got, err := course.Install(v1, dir, true); err != nil || got.Course.Version != "1.0.0" {
		t.Errorf("confirmed downgrade: %+v, %v", got, err)
	}
}

// rezip rebuilds a pack with edit applied to its entries (name -> data;
// extra entries appended in order), keeping or re-signing the manifest.
type entry struct {
	name string
	data []byte
	mode fs.FileMode
}

func entries(t *testing.T, data []byte) []entry {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out []entry
	for _, f := range zr.File {
		rc, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		out = append(out, entry{f.Name, b.Bytes(), 0})
	}
	return out
}

func zipOf(t *testing.T, es []entry) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, e := range es {
		h := &zip.FileHeader{Name: e.name, Method: zip.Deflate}
		if e.mode != 0 {
			h.SetMode(e.mode)
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(e.data)
	}
	zw.Close()
	return b.Bytes()
}

// resign rewrites the manifest to cover es as they are and signs it, so a
// test can show that the name checks, not only the signature, refuse a pack.
func resign(t *testing.T, es []entry, k course.Key) []entry {
	var m course.PackManifest
	var out []entry
	for _, e := range es {
		if e.name == "manifest.json" {
			json.Unmarshal(e.data, &m)
		}
	}
	m.Files = map[string]string{}
	for _, e := range es {
		if e.name != "manifest.json" && e.name != "signature" {
			sum := sha256.Sum256(e.data)
			m.Files[e.name] = hex.EncodeToString(sum[:])
		}
	}
	manifest, _ := json.Marshal(m)
	out = append(out, entry{"manifest.json", manifest, 0}, entry{"signature", []byte(base64.StdEncoding.EncodeToString(ed25519.Sign(k.Private, manifest))), 0})
	for _, e := range es {
		if e.name != "manifest.json" && e.name != "signature" {
			out = append(out, e)
		}
	}
	return out
}

func TestHostilePacksAreRefusedAndChangeNothing(t *testing.T) {
	k, stranger := key(t, "trusted"), key(t, "stranger")
	good := pack(t, "../../docs/example-course", k)
	es := entries(t, good)
	with := func(extra ...entry) []entry { return append(append([]entry(nil), es...), extra...) }
	bigZeros := bytes.Repeat([]byte{0}, 20<<20)
	cases := []struct {
		name string
		data []byte
		want error
	}{
		{"not a zip", []byte("hello"), course.ErrPackNotZip},
		{"wrong key", pack(t, "../../docs/example-course", stranger), course.ErrPackUntrusted},
		{"no signature", zipOf(t, without(es, "signature")), course.ErrPackUnsigned},
		{"tampered file", zipOf(t, changed(es, "course/quiz.toml", []byte("# nothing"))), course.ErrPackTampered},
		{"extra unsigned file", zipOf(t, with(entry{"course/extra.md", []byte("x"), 0})), course.ErrPackTampered},
		{"zip slip", zipOf(t, resign(t, with(entry{"course/../../evil.sh", []byte("x"), 0}), k)), course.ErrPackUnsafePath},
		{"absolute path", zipOf(t, resign(t, with(entry{"/etc/evil", []byte("x"), 0}), k)), course.ErrPackUnsafePath},
		{"symlink", zipOf(t, resign(t, with(entry{"course/media/link", []byte("/etc/passwd"), fs.ModeSymlink | 0o777}), k)), course.ErrPackLink},
		{"duplicate entry", zipOf(t, resign(t, with(entry{"course/quiz.toml", []byte("again"), 0}), k)), course.ErrPackDuplicate},
		{"zip bomb", zipOf(t, resign(t, with(entry{"course/media/zeros.png", bigZeros, 0}), k)), course.ErrPackBomb},
		{"invalid course", zipOf(t, resign(t, changed(es, "course/quiz.toml", []byte("[[questions]]\nid = \"x\"\n")), k)), course.ErrPackInvalid},
	}
	many := make([]entry, 0, course.MaxPackEntries+1)
	for i := 0; i <= course.MaxPackEntries; i++ {
		many = append(many, entry{name: "course/media/f" + strconv.Itoa(i), data: []byte{1}})
	}
	cases = append(cases, struct {
		name string
		data []byte
		want error
	}{"too many entries", zipOf(t, many), course.ErrPackTooMany})

	dir := t.TempDir()
	v1, _ := read(good, k)
	if _, err := course.Install(v1, dir, false); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := read(tc.data, k)
			if err == nil {
				_, err = course.Install(p, dir, true)
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			if snapshot(t, dir) != before {
				t.Fatal("a refused pack changed the installed courses")
			}
		})
	}
}

func without(es []entry, name string) []entry {
	var out []entry
	for _, e := range es {
		if e.name != name {
			out = append(out, e)
		}
	}
	return out
}

func changed(es []entry, name string, data []byte) []entry {
	out := append([]entry(nil), es...)
	for i := range out {
		if out[i].name == name {
			out[i].data = data
		}
	}
	return out
}

// fuzzKey is fixed so that the signed packs in the seed corpus stay trusted.
func fuzzKey() course.Key {
	priv := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))
	return course.Key{Name: "fuzz", Public: priv.Public().(ed25519.PublicKey), Private: priv}
}

// FuzzReadPack checks that no input panics ReadPack, that a pack it
// accepts is signed by the trusted key and holds only files its manifest
// lists, and that the course in it loads or is refused as Problems. Seeds
// are in testdata/fuzz/FuzzReadPack.
func FuzzReadPack(f *testing.F) {
	k := fuzzKey()
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := course.ReadPack(bytes.NewReader(data), int64(len(data)), []course.Key{k})
		if err != nil {
			return
		}
		if p == nil {
			t.Fatal("no pack and no error")
		}
		if !bytes.Equal(p.Signer.Public, k.Public) {
			t.Fatalf("accepted a pack signed by %s", p.Signer.ID())
		}
		for name := range p.Files {
			if _, ok := p.Manifest.Files["course/"+name]; !ok || !fs.ValidPath(name) {
				t.Fatalf("accepted file %q that is unsafe or not in the manifest", name)
			}
		}
		err = course.ValidatePack(bytes.NewReader(data), int64(len(data)))
		var ps course.Problems
		if err != nil && !errors.As(err, &ps) {
			t.Fatalf("a pack ReadPack accepted fails validation before its course: %v", err)
		}
	})
}
