package course

import (
	"io/fs"
	"testing/fstest"
)

// mapFS serves a pack's files, already checked, as a file system for Load.
func mapFS(files map[string][]byte) fs.FS {
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return m
}
