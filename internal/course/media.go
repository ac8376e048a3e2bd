package course

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	_ "image/jpeg" // the header readers of the formats lessons may show
	"image/png"
	"io"
	"io/fs"
	"strings"
)

// The pixel budget of an image in media/. Decoded, an image takes four
// bytes a pixel: 64 MB at the budget, while a 20000×20000 PNG, a few
// megabytes in a pack, took 1.6 GB and 12 s to draw. The side limit keeps
// an image within what an old laptop's GPU draws as one texture.
const (
	MaxImagePixels = 4096 * 4096
	MaxImageSide   = 8192
)

var (
	ErrImageTooLarge = errors.New("image is over the pixel budget")
	ErrImageFormat   = errors.New("not a PNG or JPEG image (nor an SVG named .svg)")
	ErrNotMedia      = errors.New("not a file of the course's media/ folder")
)

// ImageHeader reads no more than an image's header and tells whether the
// app may decode it: a PNG or JPEG within the pixel budget, or an SVG by
// its name, which is drawn at the size it is shown. Nothing is decoded.
func ImageHeader(name string, r io.Reader) (image.Config, error) {
	if strings.HasSuffix(strings.ToLower(name), ".svg") {
		return image.Config{}, nil
	}
	cfg, format, err := image.DecodeConfig(r)
	if err != nil || format != "png" && format != "jpeg" {
		return image.Config{}, ErrImageFormat
	}
	if cfg.Width > MaxImageSide || cfg.Height > MaxImageSide || cfg.Width*cfg.Height > MaxImagePixels {
		return image.Config{}, fmt.Errorf("%w: %d×%d pixels, at most %d megapixels and %d on a side",
			ErrImageTooLarge, cfg.Width, cfg.Height, MaxImagePixels>>20, MaxImageSide)
	}
	return cfg, nil
}

// MediaImage reads an image a lesson shows. ref must name a file of the
// course's own media/ folder (MediaPath), from the embedded course or the
// installed folder; a link, pipe or device there is refused, and the pixel
// budget is checked on the header before the file is read whole.
// References are relative to the course folder ("media/x.png") so they
// read the same in every language.
func (c *Course) MediaImage(ref string) ([]byte, image.Config, error) {
	name, ok := MediaPath(ref)
	if !ok {
		return nil, image.Config{}, fmt.Errorf("image %q: %w", ref, ErrNotMedia)
	}
	if err := c.checkMedia(name); err != nil {
		return nil, image.Config{}, fmt.Errorf("image %q: %w", ref, err)
	}
	data, err := fs.ReadFile(c.fsys, name)
	if err != nil {
		return nil, image.Config{}, fmt.Errorf("image %q: %w", ref, err)
	}
	// The same header again, from the bytes that will be drawn.
	cfg, err := ImageHeader(name, bytes.NewReader(data))
	if err != nil {
		return nil, image.Config{}, fmt.Errorf("image %q: %w", ref, err)
	}
	return data, cfg, nil
}

// checkMedia is the validator's check of an image a lesson shows: a
// regular file within the pixel budget, read no further than its header.
func (c *Course) checkMedia(name string) error {
	if err := c.regularMedia(name); err != nil {
		return err
	}
	f, err := c.fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = ImageHeader(name, f)
	return err
}

func (c *Course) regularMedia(name string) error {
	fi, err := fs.Lstat(c.fsys, name)
	switch {
	case err != nil:
		return err
	case !fi.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file (a link, folder or device)", name)
	}
	return nil
}

// ImageWarnings names each PNG of media/ kept at 16 bits a channel. A
// screen shows 8, and decoding twice the bytes for nothing raised the
// app's peak memory after a course by about 1 MB, for a 600×200 diagram
// (docs/performance.md).
func ImageWarnings(c *Course) []string {
	var out []string
	fs.WalkDir(c.fsys, "media", func(name string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() || !strings.HasSuffix(strings.ToLower(name), ".png") {
			return nil // what is not a readable PNG is the validator's to refuse
		}
		if sixteenBitPNG(c.fsys, name) {
			out = append(out, fmt.Sprintf("%s: %s is a PNG of 16 bits a channel, which the app decodes at twice the memory of 8 for no difference on screen; save it at 8 bits (convert %s -depth 8 %s)",
				c.ID, name, name, name))
		}
		return nil
	})
	return out
}

func sixteenBitPNG(fsys fs.FS, name string) bool {
	f, err := fsys.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		return false
	}
	switch cfg.ColorModel {
	case color.NRGBA64Model, color.RGBA64Model, color.Gray16Model:
		return true
	}
	return false
}
