package drives

import (
	"bufio"
	"io"
	"os"
	"path/filepath"
	"strings"
)

func removable() []Place {
	f, err := os.Open("/proc/self/mounts")
	if err != nil {
		return nil
	}
	defer f.Close()
	return removableIn(f, isRemovableDevice)
}

// removableIn reads a mounts table (/proc/self/mounts) for drives a
// person plugged in: mounted where desktops mount them (/media,
// /run/media, /mnt), or a device the kernel calls removable.
func removableIn(mounts io.Reader, removableDevice func(dev string) bool) []Place {
	var out []Place
	lines := bufio.NewScanner(mounts)
	for lines.Scan() {
		f := strings.Fields(lines.Text())
		if len(f) < 3 || !strings.HasPrefix(f[0], "/dev/") {
			continue
		}
		dir := unescapeMount(f[1])
		if underMediaFolder(dir) || removableDevice(f[0]) {
			out = append(out, Place{Path: dir, Label: filepath.Base(dir), Removable: true, Kind: KindRemovable})
		}
	}
	return out
}

func underMediaFolder(dir string) bool {
	for _, root := range []string{"/media/", "/run/media/", "/mnt/"} {
		if strings.HasPrefix(dir, root) {
			return true
		}
	}
	return false
}

// isRemovableDevice asks sysfs whether /dev/sdb1's disk is removable.
func isRemovableDevice(dev string) bool {
	name := strings.TrimPrefix(dev, "/dev/")
	disk := strings.TrimRight(name, "0123456789")
	if strings.HasPrefix(name, "mmcblk") || strings.HasPrefix(name, "nvme") {
		disk, _, _ = strings.Cut(name, "p")
	}
	data, err := os.ReadFile(filepath.Join("/sys/block", disk, "removable"))
	return err == nil && strings.TrimSpace(string(data)) == "1"
}

// unescapeMount undoes the octal escapes /proc/mounts writes for spaces
// and tabs in a path ("KINGSTON\040USB").
func unescapeMount(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, ok := octal(s[i+1 : i+4]); ok {
				b.WriteByte(n)
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func octal(s string) (byte, bool) {
	var n int
	for _, c := range s {
		if c < '0' || c > '7' {
			return 0, false
		}
		n = n*8 + int(c-'0')
	}
	return byte(n), n < 256
}
