package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// errOffline is what any http or https URI gets from Fyne's storage.
var errOffline = errors.New("ogoh is offline: it loads nothing from the network")

// stayOffline replaces the http and https loaders Fyne registers with one
// that refuses: Fyne would fetch an image's URL on the UI thread, with no
// timeout, wherever a URI reaches canvas.NewImageFromURI or a RichText
// image. Only internal/sync talks to the network, to the LRS the
// organisation set, with its own client.
func stayOffline() {
	for _, scheme := range []string{"http", "https"} {
		repository.Register(scheme, refusing{})
	}
}

type refusing struct{}

func (refusing) Exists(fyne.URI) (bool, error)               { return false, errOffline }
func (refusing) Reader(fyne.URI) (fyne.URIReadCloser, error) { return nil, errOffline }
func (refusing) CanRead(fyne.URI) (bool, error)              { return false, errOffline }
func (refusing) Destroy(string)                              {}
