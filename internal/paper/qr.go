package paper

import (
	"fmt"

	qrcode "github.com/skip2/go-qrcode"
)

// QR draws text as a QR code, side points square, centred at the cursor,
// and moves the cursor below it. The code is drawn as vector squares, so
// it stays sharp at any printer's resolution; medium error correction
// survives a crease or a smudge.
func (d *Doc) QR(text string, side float64) error {
	code, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return fmt.Errorf("QR code: %w", err)
	}
	bits := code.Bitmap() // with its quiet zone, as scanners need
	module := side / float64(len(bits))
	x0 := d.size.Margin + (d.Width()-side)/2
	d.Ensure(side)
	d.pdf.SetGrayFill(0)
	for row, cells := range bits {
		for col := 0; col < len(cells); {
			if !cells[col] {
				col++
				continue
			}
			start := col
			for col < len(cells) && cells[col] {
				col++
			}
			d.pdf.RectFromUpperLeftWithStyle(x0+float64(start)*module, d.y+float64(row)*module,
				float64(col-start)*module, module, "F")
		}
	}
	d.y += side
	return nil
}
