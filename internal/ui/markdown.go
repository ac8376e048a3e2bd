package ui

import (
	"bytes"
	"image"
	"math"
	"path"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
	xdraw "golang.org/x/image/draw"

	"github.com/ogoh/ogoh/internal/course"
)

// maxImageWidth keeps diagrams readable without pushing text off a small screen.
const maxImageWidth = 560

// renderLesson turns lesson Markdown into text (lessonText), with the course's
// images read from the course's own media/ and nowhere else. An image is
// one that stands as a paragraph of its own, found by the parser Fyne's
// Markdown uses (course.LessonImages), so it is the image the validator
// checked; Fyne itself would load any image as a URL, over the network or
// from any file (markdownText stops it).
//
// Each section, from one heading to the next, is a block of its own that
// a culled scroll (culledScroll) stops drawing while it is out of view:
// Fyne draws everything in a scroll, and a lesson runs to several screens.
func renderLesson(c *course.Course, md string) fyne.CanvasObject {
	box := container.NewVBox()
	images := map[int]course.MarkdownImage{} // by first line, from 1
	for _, im := range course.LessonImages([]byte(md)) {
		if im.Alone {
			images[im.Line] = im
		}
	}
	var text []string
	flush := func() {
		if strings.TrimSpace(strings.Join(text, "")) != "" {
			box.Add(newCullBox(markdownText(strings.Join(text, "\n"))))
		}
		text = text[:0]
	}
	lines := strings.Split(md, "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if im, ok := images[i+1]; ok {
			flush()
			box.Add(newCullBox(lessonImage(c, im.Dest, im.Alt)))
			i = max(i, im.EndLine-1)
			continue
		}
		if n := tableLines(lines[i:]); n > 0 {
			flush()
			box.Add(newCullBox(lessonTable(lines[i : i+n])))
			i += n - 1
			continue
		}
		if strings.HasPrefix(line, "#") {
			flush() // a heading starts a section
		}
		text = append(text, line)
	}
	flush()
	return box
}

// tableSeparator is a Markdown table's second line: |---|:--:|
var tableSeparator = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)

// tableLines tells how many of lines, from the first, make a Markdown
// table (a header row, a separator row, then rows); 0 if they do not.
// Fyne's Markdown has no tables: it showed them as rows of pipes.
func tableLines(lines []string) int {
	if len(lines) < 2 || !strings.HasPrefix(strings.TrimSpace(lines[0]), "|") || !tableSeparator.MatchString(lines[1]) {
		return 0
	}
	n := 2
	for n < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[n]), "|") {
		n++
	}
	return n
}

// lessonTable lays a Markdown table out as a grid of wrapped cells, the
// header in bold and a line between rows.
func lessonTable(lines []string) fyne.CanvasObject {
	header := tableCells(lines[0])
	cols := len(header)
	row := func(cells []string, bold bool) fyne.CanvasObject {
		grid := container.NewGridWithColumns(cols)
		for i := range cols {
			cell := ""
			if i < len(cells) {
				cell = cells[i]
			}
			if bold && cell != "" {
				cell = "**" + strings.Trim(cell, "*") + "**"
			}
			grid.Add(markdownText(cell))
		}
		return grid
	}
	table := container.NewVBox(row(header, true))
	for _, l := range lines[2:] {
		table.Add(widget.NewSeparator())
		table.Add(row(tableCells(l), false))
	}
	return table
}

// tableCells splits a table row at its pipes.
func tableCells(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(strings.TrimSuffix(line, "|"), "|")
	cells := strings.Split(line, "|")
	for i := range cells {
		cells[i] = strings.TrimSpace(cells[i])
	}
	return cells
}

// lessonImage shows an image of the course's media/, or its alt text in
// brackets when it is not one, or is not a PNG or JPEG within the pixel
// budget (checked on its header, so an oversized image is never decoded).
func lessonImage(c *course.Course, ref, alt string) fyne.CanvasObject {
	data, cfg, err := c.MediaImage(ref)
	if err != nil {
		return imageAlt(alt)
	}
	size := imageSize(cfg)
	var img *canvas.Image
	if cfg.Width > 0 { // a PNG or JPEG
		pixels, err := fitImage(data, size, pixelScale())
		if err != nil {
			return imageAlt(alt)
		}
		img = canvas.NewImageFromImage(pixels)
	} else { // an SVG, drawn at each size from its paths
		img = canvas.NewImageFromResource(fyne.NewStaticResource(path.Base(ref), data))
	}
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(size)
	caption := note(alt) // italics by name, as the lesson's own (lessonText)
	caption.align = fyne.TextAlignCenter
	return container.NewVBox(container.NewCenter(img), caption)
}

func imageAlt(alt string) fyne.CanvasObject {
	l := widget.NewLabel("[" + alt + "]")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// fitImage decodes an image once, into the pixels it is drawn with at size
// on a screen of scale. Given the file, Fyne decodes it at each refresh,
// keeps it at 16 bits a channel as a PNG may have it, and scales it for
// each texture through a buffer of 32 bytes a pixel: 5 MB, for the first
// lesson's one diagram, in the frame that first draws it.
func fitImage(data []byte, size fyne.Size, scale float32) (image.Image, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	// As Fyne rounds a texture's size: the same, so it scales nothing.
	w, h := math.Round(float64(size.Width*scale)), math.Round(float64(size.Height*scale))
	b := src.Bounds()
	if int(w) >= b.Dx() { // never more pixels than the file has: the screen scales up
		w, h = float64(b.Dx()), float64(b.Dy())
	}
	dst := image.NewRGBA(image.Rect(0, 0, max(1, int(w)), max(1, int(h))))
	xdraw.ApproxBiLinear.Scale(dst, dst.Rect, src, b, xdraw.Src, nil)
	return dst, nil
}

// pixelScale is how many pixels the window gives a unit of size.
func pixelScale() float32 {
	if ws := fyne.CurrentApp().Driver().AllWindows(); len(ws) > 0 {
		return ws[0].Canvas().Scale()
	}
	return 1
}

// imageSize fits an image into maxImageWidth keeping its shape; an SVG
// (no size in its header) gets a 3:1 box.
func imageSize(cfg image.Config) fyne.Size {
	if cfg.Width <= 0 {
		return fyne.NewSize(maxImageWidth, maxImageWidth/3)
	}
	w := float32(min(cfg.Width, maxImageWidth))
	return fyne.NewSize(w, w*float32(cfg.Height)/float32(cfg.Width))
}

// markdownText is Markdown as lesson text with nothing in it that Fyne
// would load or open. An image that reaches it (one inside a paragraph, or in a
// section parsed apart from the rest) would be fetched from its URL, or
// read from any file, as the lesson is drawn: it shows as its address, in
// brackets, instead. A link shows as text with its address, since a
// hyperlink opens the browser: the app stays offline.
func markdownText(md string) *lessonText {
	return newLessonText(offline(markdownSegments(md)))
}

func offline(segs []widget.RichTextSegment) []widget.RichTextSegment {
	for i, s := range segs {
		switch t := s.(type) {
		case *widget.ImageSegment:
			where := ""
			if t.Source != nil {
				where = t.Source.String()
			}
			segs[i] = &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: "[" + where + "]"}
		case *widget.HyperlinkSegment:
			text := t.Text
			if t.URL != nil && t.URL.Host != "" && t.URL.String() != t.Text {
				text += " (" + t.URL.String() + ")"
			}
			segs[i] = &widget.TextSegment{Style: widget.RichTextStyleInline, Text: text}
		case *widget.ListSegment:
			t.Items = offline(t.Items)
		case *widget.ParagraphSegment:
			t.Texts = offline(t.Texts)
		}
	}
	return segs
}
