// Package paper lays out Ogoh's printed pages — certificates, pocket
// cards, handouts — as PDF with gopdf, in Noto Sans embedded as TrueType (UseFonts),
// so a name in Cyrillic or in Uzbek Latin (with ʻ, U+02BB) prints as
// typed and copies back out of the file as text.
package paper

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"io"
	"time"

	"github.com/signintech/gopdf"
)

// Size is a page's size and margin, in points.
type Size struct{ W, H, Margin float64 }

// The page sizes Ogoh prints.
var (
	A4 = Size{W: 595.28, H: 841.89, Margin: 56.7} // 20 mm margins
	A6 = Size{W: 297.64, H: 419.53, Margin: 22.7} // a pocket card, 8 mm margins
)

// Info is the document's metadata. Subject carries a certificate's
// record, so the PDF itself can be verified.
type Info struct {
	Title, Subject, Author string
	Created                time.Time
}

// Doc is a document being laid out, top to bottom, with a cursor.
type Doc struct {
	pdf  *gopdf.GoPdf
	size Size
	y    float64
}

// New starts a document of pages of size, with its first page added.
func New(size Size, info Info) (*Doc, error) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: gopdf.Rect{W: size.W, H: size.H}, Unit: gopdf.UnitPT})
	pdf.SetInfo(gopdf.PdfInfo{Title: info.Title, Subject: info.Subject, Author: info.Author,
		Creator: "Ogoh", Producer: "Ogoh (gopdf)", CreationDate: info.Created})
	if err := addFonts(pdf); err != nil {
		return nil, err
	}
	d := &Doc{pdf: pdf, size: size}
	d.NewPage()
	return d, nil
}

// NewPage starts a page and puts the cursor at its top margin.
func (d *Doc) NewPage() {
	d.pdf.AddPage()
	d.y = d.size.Margin
}

// Pages is how many pages the document has so far.
func (d *Doc) Pages() int { return d.pdf.GetNumberOfPages() }

// Width is the width between the margins.
func (d *Doc) Width() float64 { return d.size.W - 2*d.size.Margin }

// Y is the cursor's height from the top of the page.
func (d *Doc) Y() float64 { return d.y }

// Space moves the cursor down by h points.
func (d *Doc) Space(h float64) { d.y += h }

// Left is the x of the left margin.
func (d *Doc) Left() float64 { return d.size.Margin }

// Fits says whether h points still fit above the bottom margin.
func (d *Doc) Fits(h float64) bool { return d.y+h <= d.size.H-d.size.Margin }

// Ensure starts a new page unless h points fit on this one.
func (d *Doc) Ensure(h float64) {
	if !d.Fits(h) && d.y > d.size.Margin {
		d.NewPage()
	}
}

// Rule draws a thin line across the page at the cursor.
func (d *Doc) Rule(gray float64) {
	d.pdf.SetLineWidth(0.6)
	d.pdf.SetGrayStroke(gray)
	d.pdf.Line(d.size.Margin, d.y, d.size.W-d.size.Margin, d.y)
	d.pdf.SetGrayStroke(0)
}

// Frame draws a double border inside the margins, as a certificate has.
func (d *Doc) Frame() {
	m := d.size.Margin / 2
	d.pdf.SetLineWidth(1.6)
	d.pdf.SetGrayStroke(0.25)
	d.pdf.RectFromUpperLeftWithStyle(m, m, d.size.W-2*m, d.size.H-2*m, "D")
	d.pdf.SetLineWidth(0.5)
	d.pdf.RectFromUpperLeftWithStyle(m+5, m+5, d.size.W-2*m-10, d.size.H-2*m-10, "D")
	d.pdf.SetGrayStroke(0)
}

// Image draws img centred at the cursor, scaled down to the width
// between the margins and to maxH, never up; the cursor moves below it.
func (d *Doc) Image(img image.Image, maxH float64) error {
	b := img.Bounds()
	w, h := float64(b.Dx()), float64(b.Dy())
	if w == 0 || h == 0 {
		return nil
	}
	scale := min(1, d.Width()/w, maxH/h)
	w, h = w*scale, h*scale
	d.Ensure(h)
	x := d.size.Margin + (d.Width()-w)/2
	if err := d.pdf.ImageFrom(eightBit(img), x, d.y, &gopdf.Rect{W: w, H: h}); err != nil {
		return fmt.Errorf("image: %w", err)
	}
	d.y += h
	return nil
}

// eightBit is img with 8 bits a channel: gopdf refuses a 16-bit PNG.
func eightBit(img image.Image) image.Image {
	switch img.(type) {
	case *image.NRGBA, *image.RGBA, *image.Gray, *image.Paletted:
		return img
	}
	out := image.NewNRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Src)
	return out
}

// WriteTo writes the finished PDF to w.
func (d *Doc) WriteTo(w io.Writer) (int64, error) {
	var buf bytes.Buffer
	if _, err := d.pdf.WriteTo(&buf); err != nil {
		return 0, fmt.Errorf("write PDF: %w", err)
	}
	return buf.WriteTo(w)
}
