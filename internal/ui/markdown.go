package ui

import (
	"bytes"
	"image"
	_ "image/jpeg"
	_ "image/png"
	"path"
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
)

// imageLine is an image standing on its own line, as the course format asks.
var imageLine = regexp.MustCompile(`^\s*!\[([^\]]*)\]\(\s*([^)\s]+)\s*\)\s*$`)

// maxImageWidth keeps diagrams readable without pushing text off a small screen.
const maxImageWidth = 560

// renderLesson turns lesson Markdown into rich text, with the course's
// images read from the course itself (Fyne's Markdown would look for them
// as URLs).
//
// Each section, from one heading to the next, is a block of its own that
// a culled scroll (culledScroll) stops drawing while it is out of view:
// Fyne draws everything in a scroll, and a lesson runs to several screens.
func renderLesson(c *course.Course, md string) fyne.CanvasObject {
	box := container.NewVBox()
	var text []string
	flush := func() {
		if strings.TrimSpace(strings.Join(text, "")) != "" {
			rt := widget.NewRichTextFromMarkdown(strings.Join(text, "\n"))
			rt.Wrapping = fyne.TextWrapWord
			box.Add(newCullBox(rt))
		}
		text = text[:0]
	}
	lines := strings.Split(md, "\n")
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if m := imageLine.FindStringSubmatch(line); m != nil {
			flush()
			box.Add(newCullBox(lessonImage(c, m[2], m[1])))
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
			rt := widget.NewRichTextFromMarkdown(cell)
			rt.Wrapping = fyne.TextWrapWord
			grid.Add(rt)
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

func lessonImage(c *course.Course, ref, alt string) fyne.CanvasObject {
	data, err := c.Media(ref)
	if err != nil {
		return widget.NewLabel("[" + alt + "]")
	}
	img := canvas.NewImageFromResource(fyne.NewStaticResource(path.Base(ref), data))
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(imageSize(data))
	caption := widget.NewLabelWithStyle(alt, fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	caption.Wrapping = fyne.TextWrapWord
	return container.NewVBox(container.NewCenter(img), caption)
}

// imageSize fits an image into maxImageWidth keeping its shape; an SVG or
// unknown format gets a 3:1 box.
func imageSize(data []byte) fyne.Size {
	size := fyne.NewSize(maxImageWidth, maxImageWidth/3)
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(data)); err == nil && cfg.Width > 0 {
		w := float32(min(cfg.Width, maxImageWidth))
		size = fyne.NewSize(w, w*float32(cfg.Height)/float32(cfg.Width))
	}
	return size
}
