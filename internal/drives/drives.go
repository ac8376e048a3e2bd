// Package drives lists where a person may put or find a file on this
// computer, removable drives first: the USB stick a trainer carries from
// post to post should be the first place a file chooser offers.
package drives

import (
	"os"
	"path/filepath"
	"sort"
)

// Place is a folder a file chooser offers.
type Place struct {
	Path      string
	Label     string // the drive's or folder's name, as the system gives it
	Removable bool   // a USB stick or card
	Kind      Kind   // what the place is, for a chooser to name it in its language
}

// Kind says what a place is.
type Kind string

// The kinds of place.
const (
	KindRemovable Kind = "removable"
	KindHome      Kind = "home"
	KindDocuments Kind = "documents"
	KindDesktop   Kind = "desktop"
)

// Places are the removable drives, then the home folder and its
// Documents and Desktop where they exist.
func Places() []Place {
	out := removable()
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	if home, err := os.UserHomeDir(); err == nil {
		out = append(out, Place{Path: home, Label: filepath.Base(home), Kind: KindHome})
		for _, sub := range []struct {
			name string
			kind Kind
		}{{"Documents", KindDocuments}, {"Desktop", KindDesktop}} {
			if info, err := os.Stat(filepath.Join(home, sub.name)); err == nil && info.IsDir() {
				out = append(out, Place{Path: filepath.Join(home, sub.name), Label: sub.name, Kind: sub.kind})
			}
		}
	}
	return out
}
