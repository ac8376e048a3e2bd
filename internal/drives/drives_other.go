//go:build !linux && !windows

package drives

import (
	"os"
	"path/filepath"
)

// removable lists the volumes macOS mounts under /Volumes, the startup
// disk aside.
func removable() []Place {
	entries, err := os.ReadDir("/Volumes")
	if err != nil {
		return nil
	}
	var out []Place
	for _, e := range entries {
		path := filepath.Join("/Volumes", e.Name())
		if target, err := os.Readlink(path); err == nil && target == "/" {
			continue
		}
		out = append(out, Place{Path: path, Label: e.Name(), Removable: true, Kind: KindRemovable})
	}
	return out
}
