package drives

import (
	"syscall"
	"unsafe"
)

var (
	kernel32         = syscall.NewLazyDLL("kernel32.dll")
	getLogicalDrives = kernel32.NewProc("GetLogicalDrives")
	getDriveType     = kernel32.NewProc("GetDriveTypeW")
)

const driveRemovable = 2 // DRIVE_REMOVABLE

// removable lists the drive letters Windows calls removable (E:\ for a
// USB stick).
func removable() []Place {
	mask, _, _ := getLogicalDrives.Call()
	var out []Place
	for i := 0; i < 26; i++ {
		if mask&(1<<uint(i)) == 0 {
			continue
		}
		root := string(rune('A'+i)) + `:\`
		p, err := syscall.UTF16PtrFromString(root)
		if err != nil {
			continue
		}
		if t, _, _ := getDriveType.Call(uintptr(unsafe.Pointer(p))); t == driveRemovable {
			out = append(out, Place{Path: root, Label: root, Removable: true, Kind: KindRemovable})
		}
	}
	return out
}
