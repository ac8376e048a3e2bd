package drives

import (
	"strings"
	"testing"
)

// TestSticksAreFoundInTheMountsTable: a stick a desktop mounted, one
// with a space in its name, and a card the kernel calls removable are
// offered; the system's own disks and pseudo file systems are not.
func TestSticksAreFoundInTheMountsTable(t *testing.T) {
	mounts := strings.Join([]string{
		"/dev/sda2 / ext4 rw,relatime 0 0",
		"proc /proc proc rw 0 0",
		"tmpfs /run tmpfs rw 0 0",
		"/dev/sdb1 /media/guard/KINGSTON\\040USB vfat rw 0 0",
		"/dev/sdc1 /run/media/post12/OGOH exfat rw 0 0",
		"/dev/mmcblk0p1 /srv/card vfat rw 0 0",
		"/dev/sda3 /home ext4 rw 0 0",
	}, "\n")
	removable := func(dev string) bool { return dev == "/dev/mmcblk0p1" }
	got := removableIn(strings.NewReader(mounts), removable)
	want := []string{"/media/guard/KINGSTON USB", "/run/media/post12/OGOH", "/srv/card"}
	if len(got) != len(want) {
		t.Fatalf("found %+v, want %v", got, want)
	}
	for i, p := range got {
		if p.Path != want[i] || !p.Removable {
			t.Errorf("place %d: %+v, want %s", i, p, want[i])
		}
	}
	if got[0].Label != "KINGSTON USB" {
		t.Errorf("label %q", got[0].Label)
	}
}
