package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/lrs/lrstest"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// station is one post's data folder, seeded by `demo seed`.
type station struct {
	dir, device string
	events      int
	learners    int
}

func seedStation(t *testing.T, name string, learners int, seed string) station {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	events := number(t, `(\d+) statements waiting`, ctl(t, "demo", "seed", "--data", dir, "--learners", fmt.Sprint(learners), "--days", "10", "--seed", seed))
	id := regexp.MustCompile(`device (\S+)`).FindStringSubmatch(ctl(t, "device", "show", "--data", dir))
	return station{dir: dir, device: id[1], events: events, learners: learners}
}

func (s station) export(t *testing.T) (string, int) {
	t.Helper()
	file := filepath.Join(t.TempDir(), s.device+".ogohsync")
	return file, number(t, `wrote (\d+) statement`, ctl(t, "sync", "export", "--data", s.dir, "-o", file))
}

// deviceLine is the hub report's line for a device.
func deviceLine(t *testing.T, report, device string) string {
	t.Helper()
	for _, line := range strings.Split(report, "\n") {
		if strings.Contains(line, device) {
			return line
		}
	}
	t.Fatalf("device %s is not in the report:\n%s", device, report)
	return ""
}

// waitingForwarded reads a device line's WAITING and FORWARDED columns.
func waitingForwarded(t *testing.T, line string) (int, int) {
	t.Helper()
	m := regexp.MustCompile(`\s(\d+)\s+(\d+)\s+(ok|OFF.*)$`).FindStringSubmatch(strings.TrimSpace(line))
	if m == nil {
		t.Fatalf("no waiting and forwarded counts in %q", line)
	}
	var w, f int
	fmt.Sscan(m[1], &w)
	fmt.Sscan(m[2], &f)
	return w, f
}

// TestTwoPostsThroughAHubAndBack: two seeded devices' exports imported
// into a hub, forwarded to the real LRS, their receipts carried back:
// each device then has nothing waiting and an empty next export, the LRS
// holds each statement once, and the hub's tables show both devices and
// their learners with the right counts. Every step done twice changes
// nothing the second time.
func TestTwoPostsThroughAHubAndBack(t *testing.T) {
	server := lrstest.Start(t)
	t.Setenv(PasswordEnv, "s")
	keys := t.TempDir()
	ctl(t, "key", "new", filepath.Join(keys, "trainer"))
	trainerKey, trainerPub := filepath.Join(keys, "trainer.key"), filepath.Join(keys, "trainer.pub")
	hubDir := filepath.Join(t.TempDir(), "hub")
	one, two := seedStation(t, "post-1", 3, "1"), seedStation(t, "post-2", 2, "2")
	fileOne, n1 := one.export(t)
	fileTwo, n2 := two.export(t)
	if n1 != one.events || n2 != two.events {
		t.Fatalf("exported %d and %d of %d and %d", n1, n2, one.events, two.events)
	}

	checkHubImportsEachFileOnce(t, hubDir, fileOne, fileTwo)
	checkReportBeforeTheForward(t, hubDir, one, two)
	checkHubForwardStoresEachOnce(t, server, hubDir, trainerKey, one, two)
	checkReceiptsCarriedBack(t, hubDir, trainerPub, one, two)
	checkReportAfterTheForward(t, hubDir, one, two)
}

// checkHubImportsEachFileOnce checks `hub import` takes both files, and both again are counted as imported before.
func checkHubImportsEachFileOnce(t *testing.T, hubDir, fileOne, fileTwo string) {
	t.Helper()
	first := ctl(t, "hub", "import", "--hub", hubDir, fileOne, fileTwo)
	if !strings.Contains(first, "imported 2 file(s), 0 imported before") {
		t.Errorf("first import:\n%s", first)
	}
	if again := ctl(t, "hub", "import", "--hub", hubDir, fileOne, fileTwo); !strings.Contains(again, "imported 0 file(s), 2 imported before") {
		t.Errorf("second import:\n%s", again)
	}
}

// checkReportBeforeTheForward checks the hub report shows each station's statements waiting and none forwarded.
func checkReportBeforeTheForward(t *testing.T, hubDir string, stations ...station) {
	t.Helper()
	report := ctl(t, "hub", "report", "--hub", hubDir)
	for _, s := range stations {
		if w, f := waitingForwarded(t, deviceLine(t, report, s.device)); w != s.events || f != 0 {
			t.Errorf("before the forward, device %s shows %d waiting and %d forwarded, want %d and 0", s.device, w, f, s.events)
		}
	}
}

// checkHubForwardStoresEachOnce checks `hub forward` stores every statement of one and two once, and a second forward sends nothing.
func checkHubForwardStoresEachOnce(t *testing.T, server *lrstest.LRS, hubDir, trainerKey string, one, two station) {
	t.Helper()
	forward := []string{"hub", "forward", "--hub", hubDir, "--lrs", server.Endpoint(), "--user", "k", "--key", trainerKey}
	out := ctl(t, forward...)
	if !strings.Contains(out, fmt.Sprintf("%d statement(s) stored", one.events+two.events)) {
		t.Errorf("first forward:\n%s", out)
	}
	if again := ctl(t, forward...); !strings.Contains(again, "forwarded 0 device(s), 0 statement(s) stored") {
		t.Errorf("second forward:\n%s", again)
	}
	ids := server.IDs()
	if len(ids) != one.events+two.events {
		t.Errorf("the LRS holds %d statements, the devices made %d", len(ids), one.events+two.events)
	}
	for id, n := range ids {
		if n != 1 {
			t.Errorf("statement %s stored %d times", id, n)
		}
	}
}

// checkReceiptsCarriedBack checks each station reads its receipt once, finds it read before the second time, and then exports nothing.
func checkReceiptsCarriedBack(t *testing.T, hubDir, trainerPub string, stations ...station) {
	t.Helper()
	for _, s := range stations {
		receipt := filepath.Join(hubDir, "receipts", s.device+".ogohreceipt")
		got := ctl(t, "sync", "receipt", "--data", s.dir, receipt, "--trust", trainerPub)
		if !strings.Contains(got, fmt.Sprintf("%d delivered now, 0 delivered before, 0 not from this device", s.events)) ||
			!strings.Contains(got, "waiting: 0,") {
			t.Errorf("device %s read its receipt:\n%s", s.device, got)
		}
		if again := ctl(t, "sync", "receipt", "--data", s.dir, receipt); !strings.Contains(again, "read before: nothing changed") ||
			!strings.Contains(again, fmt.Sprintf("waiting: 0, delivered: %d,", s.events)) {
			t.Errorf("device %s read its receipt twice:\n%s", s.device, again)
		}
		if _, n := s.export(t); n != 0 {
			t.Errorf("device %s's next export holds %d statements, want none", s.device, n)
		}
	}
}

// checkReportAfterTheForward checks the hub report (and its CSV) shows each station all forwarded with its learners, the totals, and reads the same twice.
func checkReportAfterTheForward(t *testing.T, hubDir string, stations ...station) {
	t.Helper()
	report := ctl(t, "hub", "report", "--hub", hubDir, "--csv", filepath.Join(t.TempDir(), "posts.csv"))
	for _, s := range stations {
		line := deviceLine(t, report, s.device)
		if w, f := waitingForwarded(t, line); w != 0 || f != s.events {
			t.Errorf("after the forward, device %s shows %d waiting and %d forwarded, want 0 and %d", s.device, w, f, s.events)
		}
		if !regexp.MustCompile(`(?:[0-9A-F]{4} ){4}[0-9A-F]{4}\s+` + fmt.Sprint(s.learners) + `\s`).MatchString(line) {
			t.Errorf("device %s should show %d learners: %q", s.device, s.learners, line)
		}
	}
	if !strings.Contains(report, "2 device(s)") || !strings.Contains(report, "5 learner(s)") {
		t.Errorf("the hub's tables:\n%s", report)
	}
	if again := ctl(t, "hub", "report", "--hub", hubDir); again != report {
		t.Errorf("a second report differs:\n%s\nfrom:\n%s", again, report)
	}
}

// TestSyncForwardWritesAReceiptPerDevice: `sync forward --receipt-dir`
// writes one receipt per device, merging two files of the same device;
// reading it empties the device's next export.
func TestSyncForwardWritesAReceiptPerDevice(t *testing.T) {
	server := lrstest.Start(t)
	t.Setenv(PasswordEnv, "s")
	keys := t.TempDir()
	ctl(t, "key", "new", filepath.Join(keys, "trainer"))
	post := seedStation(t, "post", 2, "4")
	older, _ := post.export(t)
	newer, _ := post.export(t)
	receipts := filepath.Join(t.TempDir(), "receipts")
	out := ctl(t, "sync", "forward", older, newer, "--lrs", server.Endpoint(), "--user", "k",
		"--devices", filepath.Join(t.TempDir(), "devices.json"), "--receipt-dir", receipts, "--key", filepath.Join(keys, "trainer.key"))
	if !strings.Contains(out, fmt.Sprintf("receipt for device %s: %d statement(s)", post.device, post.events)) {
		t.Errorf("forward:\n%s", out)
	}
	if list, _ := os.ReadDir(receipts); len(list) != 1 {
		t.Errorf("%d receipts written, want one for the one device", len(list))
	}
	got := ctl(t, "sync", "receipt", "--data", post.dir, filepath.Join(receipts, post.device+".ogohreceipt"), "--trust", filepath.Join(keys, "trainer.pub"))
	if !strings.Contains(got, fmt.Sprintf("%d delivered now", post.events)) {
		t.Errorf("receipt:\n%s", got)
	}
	if _, n := post.export(t); n != 0 {
		t.Errorf("the next export holds %d", n)
	}
}

// TestAReceiptFromAnUntrustedKeyIsRefused: without --trust, a receipt
// signed by a key the device does not trust is refused and the outbox
// stays as it was.
func TestAReceiptFromAnUntrustedKeyIsRefused(t *testing.T) {
	server := lrstest.Start(t)
	t.Setenv(PasswordEnv, "s")
	keys := t.TempDir()
	ctl(t, "key", "new", filepath.Join(keys, "trainer"))
	post := seedStation(t, "post", 1, "5")
	file, _ := post.export(t)
	hubDir := t.TempDir()
	ctl(t, "hub", "import", "--hub", hubDir, file)
	ctl(t, "hub", "forward", "--hub", hubDir, "--lrs", server.Endpoint(), "--user", "k", "--key", filepath.Join(keys, "trainer.key"))
	var out, errOut strings.Builder
	code := run([]string{"sync", "receipt", "--data", post.dir, filepath.Join(hubDir, "receipts", post.device+".ogohreceipt")}, &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), "receipt_untrusted") {
		t.Errorf("exit %d:\n%s%s", code, out.String(), errOut.String())
	}
	if _, n := post.export(t); n != post.events {
		t.Errorf("after a refused receipt the export holds %d of %d", n, post.events)
	}
}

// TestHubStickPreparesTheExchangeFolder: `hub stick` puts the hub's packs
// and its contacts, signed with the trainer's key, into ogoh-exchange/
// with an empty from-posts/; contacts cannot go unsigned; `hub import
// --stick` reads from-posts/ back.
func TestHubStickPreparesTheExchangeFolder(t *testing.T) {
	keys := t.TempDir()
	ctl(t, "key", "new", filepath.Join(keys, "trainer"))
	hubDir, stick := t.TempDir(), t.TempDir()
	os.MkdirAll(filepath.Join(hubDir, "courses"), 0o755)
	ctl(t, "course", "pack", filepath.Join("..", "..", "docs", "example-course"), "--key", filepath.Join(keys, "trainer.key"),
		"-o", filepath.Join(hubDir, "courses", "example.ogoh"))
	contacts := "[[contact]]\norganisation = \"Hotline\"\nphone = \"1102\"\n\n[[contact]]\norganisation = \"Shelter\"\n"
	os.WriteFile(filepath.Join(hubDir, "contacts.toml"), []byte(contacts), 0o644)

	var out, errOut strings.Builder
	if code := run([]string{"hub", "stick", "--hub", hubDir, "--out", stick}, &out, &errOut); code != 1 || !strings.Contains(errOut.String(), "--key") {
		t.Errorf("contacts without a key: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	if _, err := os.Stat(filepath.Join(stick, syncfile.ExchangeDir)); err == nil {
		t.Error("a refused hub stick wrote to the stick")
	}
	got := ctl(t, "hub", "stick", "--hub", hubDir, "--out", stick, "--key", filepath.Join(keys, "trainer.key"))
	if !strings.Contains(got, "0 receipt(s), 1 course pack(s), 2 contact(s)") {
		t.Errorf("hub stick:\n%s", got)
	}
	s := syncfile.StickAt(stick)
	if _, err := os.Stat(filepath.Join(s.Courses(), "example.ogoh")); err != nil {
		t.Error(err)
	}
	if list, err := os.ReadDir(s.FromPosts()); err != nil || len(list) != 0 {
		t.Errorf("from-posts: %v, %v", list, err)
	}
	f, err := syncfile.ReadContactsFile(s.Contacts())
	if err != nil {
		t.Fatal(err)
	}
	pub, err := f.Verify()
	trainer, _ := readKeyFile(filepath.Join(keys, "trainer.pub"))
	if err != nil || !bytes.Equal(pub, trainer.Public) || len(f.DomainContacts()) != 2 {
		t.Errorf("the stick's contacts: %+v, %v", f, err)
	}

	post := seedStation(t, "post", 1, "6")
	ctl(t, "sync", "export", "--data", post.dir, "-o", filepath.Join(s.FromPosts(), post.device+".ogohsync"))
	if got := ctl(t, "hub", "import", "--hub", hubDir, "--stick", stick); !strings.Contains(got, "imported 1 file(s), 0 imported before") {
		t.Errorf("hub import --stick:\n%s", got)
	}
}

// TestAnUnsignedFileGetsNoReceipt: nothing shows which device made an
// unsigned file, so `sync forward` writes no receipt for it, and the hub
// refuses it.
func TestAnUnsignedFileGetsNoReceipt(t *testing.T) {
	server := lrstest.Start(t)
	t.Setenv(PasswordEnv, "s")
	keys := t.TempDir()
	ctl(t, "key", "new", filepath.Join(keys, "trainer"))
	file := filepath.Join(t.TempDir(), "old.ogohsync")
	os.WriteFile(file, []byte(`{"format":"ogoh-sync","version":1,"device":"old-post","created":"2025-01-01T00:00:00Z","statements":[],"count":0,"sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}`), 0o644)
	receipts := filepath.Join(t.TempDir(), "receipts")
	out := ctl(t, "sync", "forward", file, "--lrs", server.Endpoint(), "--user", "k", "--devices", filepath.Join(t.TempDir(), "d.json"),
		"--receipt-dir", receipts, "--key", filepath.Join(keys, "trainer.key"))
	if strings.Contains(out, "receipt for") {
		t.Errorf("a receipt for an unsigned file:\n%s", out)
	}
	if list, _ := os.ReadDir(receipts); len(list) != 0 {
		t.Errorf("%d receipts written", len(list))
	}
	var got, errOut strings.Builder
	if code := run([]string{"hub", "import", "--hub", t.TempDir(), file}, &got, &errOut); code != 1 || !strings.Contains(got.String(), "refused: the file is unsigned") {
		t.Errorf("hub import of an unsigned file: exit %d\n%s%s", code, got.String(), errOut.String())
	}
}
