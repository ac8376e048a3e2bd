package handout

import (
	"bytes"
	"fmt"
	"image"
	_ "image/gif" // lesson media may be GIF, JPEG or PNG
	_ "image/jpeg"
	_ "image/png"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/paper"
)

// Lessons are read with goldmark's default parser, the one Fyne renders
// them with and the course check reads them with, so a handout shows what
// the lesson screen shows: headings, paragraphs, lists, bold and italic,
// the course's own images, and tables (which Fyne's Markdown lacks and the
// lesson screen draws itself).

const bodySize = 10.5

var headingSize = map[int]float64{1: 17, 2: 14, 3: 12}

// lessonBody lays out a lesson's Markdown at the cursor.
type lessonBody struct {
	d   *paper.Doc
	c   *course.Course
	src []byte
}

func writeMarkdown(d *paper.Doc, c *course.Course, md string) error {
	src := []byte(md)
	doc := goldmark.DefaultParser().Parse(text.NewReader(src))
	b := lessonBody{d: d, c: c, src: src}
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if err := b.block(n, 0); err != nil {
			return err
		}
	}
	return nil
}

func (b lessonBody) block(n ast.Node, indent float64) error {
	switch t := n.(type) {
	case *ast.Heading:
		return b.heading(t)
	case *ast.Paragraph, *ast.TextBlock:
		return b.paragraph(n, paper.Para{Size: bodySize, Indent: indent})
	case *ast.List:
		return b.list(t, indent)
	case *ast.Blockquote:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if err := b.block(c, indent+14); err != nil {
				return err
			}
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return b.d.Plain(paper.Para{Size: bodySize - 1, Indent: indent + 14}, paper.Regular, strings.TrimSpace(b.lines(n)))
	case *ast.ThematicBreak:
		b.d.Space(6)
		b.d.Rule(0.6)
		b.d.Space(8)
	}
	return nil // HTML: the course check refuses it and the app does not show it
}

func (b lessonBody) heading(h *ast.Heading) error {
	size, ok := headingSize[h.Level]
	if !ok {
		size = bodySize + 0.5
	}
	b.d.Space(size * 0.6)
	b.d.Ensure(size * 4) // a heading is not left alone at the foot of a page
	if err := b.d.Text(paper.Para{Size: size}, b.inline(h, paper.Bold)...); err != nil {
		return err
	}
	b.d.Space(2)
	return nil
}

func (b lessonBody) paragraph(n ast.Node, p paper.Para) error {
	if img, ok := aloneImage(n); ok {
		return b.image(img)
	}
	if rows, ok := table(b.lines(n)); ok {
		err := b.d.Table(bodySize-1, rows, true)
		b.d.Space(6)
		return err
	}
	if err := b.d.Text(p, b.inline(n, paper.Regular)...); err != nil {
		return err
	}
	if n.Kind() == ast.KindParagraph {
		b.d.Space(bodySize * 0.5)
	}
	return nil
}

func (b lessonBody) list(l *ast.List, indent float64) error {
	number := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		marker := "•"
		if l.IsOrdered() {
			marker = fmt.Sprintf("%d.", number)
			number++
		}
		first := true
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			p := paper.Para{Size: bodySize, Indent: indent + 16}
			if first {
				p.Marker = marker
			}
			var err error
			if c.Kind() == ast.KindParagraph || c.Kind() == ast.KindTextBlock {
				err = b.paragraph(c, p)
			} else {
				err = b.block(c, indent+16)
			}
			if err != nil {
				return err
			}
			first = false
		}
	}
	b.d.Space(bodySize * 0.5)
	return nil
}

// inline is a paragraph's text as runs: emphasis as italic, strong as
// bold, a link as its text with its address, an image inside text as its
// description in brackets.
func (b lessonBody) inline(n ast.Node, base paper.Style) []paper.Run {
	var runs []paper.Run
	var walk func(n ast.Node, style paper.Style)
	walk = func(n ast.Node, style paper.Style) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch t := c.(type) {
			case *ast.Text:
				s := string(t.Segment.Value(b.src))
				if t.SoftLineBreak() || t.HardLineBreak() {
					s += " "
				}
				runs = append(runs, paper.Run{Text: s, Style: style})
			case *ast.String:
				runs = append(runs, paper.Run{Text: string(t.Value), Style: style})
			case *ast.Emphasis:
				walk(c, emphasis(style, t.Level))
			case *ast.CodeSpan:
				walk(c, style)
			case *ast.Link:
				walk(c, style)
				if dest := string(t.Destination); strings.Contains(dest, "://") {
					runs = append(runs, paper.Run{Text: " (" + dest + ")", Style: style})
				}
			case *ast.AutoLink:
				runs = append(runs, paper.Run{Text: string(t.URL(b.src)), Style: style})
			case *ast.Image:
				runs = append(runs, paper.Run{Text: "[" + plainText(b.src, t) + "]", Style: style})
			default:
				walk(c, style)
			}
		}
	}
	walk(n, base)
	return runs
}

func emphasis(s paper.Style, level int) paper.Style {
	bold, italic := s == paper.Bold || s == paper.BoldItalic, s == paper.Italic || s == paper.BoldItalic
	if level >= 2 {
		bold = true
	} else {
		italic = true
	}
	switch {
	case bold && italic:
		return paper.BoldItalic
	case bold:
		return paper.Bold
	case italic:
		return paper.Italic
	}
	return paper.Regular
}

func plainText(src []byte, n ast.Node) string {
	var buf bytes.Buffer
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			buf.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return buf.String()
}

func (b lessonBody) lines(n ast.Node) string {
	var buf bytes.Buffer
	segs := n.Lines()
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		buf.Write(seg.Value(b.src))
	}
	return buf.String()
}

// aloneImage is the image of a paragraph that holds only an image: the
// one way a lesson shows a picture.
func aloneImage(n ast.Node) (*ast.Image, bool) {
	img, ok := n.FirstChild().(*ast.Image)
	return img, ok && n.ChildCount() == 1
}

// image draws one of the course's own images scaled to the page, with
// its description below; one that cannot be drawn shows as the description.
func (b lessonBody) image(img *ast.Image) error {
	alt := plainText(b.src, img)
	caption := paper.Para{Size: bodySize - 1.5, Align: paper.AlignCenter, Gray: 0.3}
	data, _, err := b.c.MediaImage(string(img.Destination))
	var pic image.Image
	if err == nil {
		pic, _, err = image.Decode(bytes.NewReader(data))
	}
	if err != nil {
		return b.d.Plain(caption, paper.Italic, "["+alt+"]")
	}
	b.d.Space(4)
	if err := b.d.Image(pic, 260); err != nil {
		return err
	}
	b.d.Space(3)
	if err := b.d.Plain(caption, paper.Italic, alt); err != nil {
		return err
	}
	b.d.Space(6)
	return nil
}

var tableSeparator = regexp.MustCompile(`^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$`)

// table reads a paragraph that is a Markdown table — a header row, a
// separator row, then rows — into its cells, without their emphasis marks.
func table(src string) ([][]string, bool) {
	lines := strings.Split(strings.TrimRight(src, "\n"), "\n")
	if len(lines) < 2 || !strings.HasPrefix(strings.TrimSpace(lines[0]), "|") || !tableSeparator.MatchString(lines[1]) {
		return nil, false
	}
	var rows [][]string
	for i, l := range lines {
		if i == 1 {
			continue
		}
		l = strings.TrimSpace(l)
		l = strings.TrimSuffix(strings.TrimPrefix(l, "|"), "|")
		var cells []string
		for _, cell := range strings.Split(l, "|") {
			cell = strings.NewReplacer("**", "", "`", "").Replace(strings.TrimSpace(cell))
			cells = append(cells, cell)
		}
		rows = append(rows, cells)
	}
	return rows, true
}
