package paper

// Table lays out rows as a grid of equal columns with thin rules between
// rows, the first row in bold when header is set; a row is kept on one
// page, so a page break never cuts a cell.
func (d *Doc) Table(size float64, rows [][]string, header bool) error {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return nil
	}
	const pad = 3
	colW := d.Width() / float64(cols)
	p := Para{Size: size}
	for i, r := range rows {
		style := Regular
		if header && i == 0 {
			style = Bold
		}
		cells := make([][]line, len(r))
		n := 1
		for j, cell := range r {
			lines, err := d.layout(size, colW-2*pad, []Run{{Text: cell, Style: style}})
			if err != nil {
				return err
			}
			cells[j], n = lines, max(n, len(lines))
		}
		h := float64(n)*lineHeight(size) + 2*pad
		d.Ensure(h)
		for j, lines := range cells {
			for k, l := range lines {
				if err := d.drawLine(l, p, d.size.Margin+float64(j)*colW+pad, colW-2*pad, d.y+pad+float64(k)*lineHeight(size)); err != nil {
					return err
				}
			}
		}
		d.y += h
		d.Rule(0.6)
	}
	return nil
}
