package course

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// The lesson check reads Markdown with goldmark's default parser, the one
// Fyne's RichText renders lessons with (widget.NewRichTextFromMarkdown in
// Fyne 2.7): a regex missed images the renderer then fetched, e.g. a
// reference-style image, nested brackets or a line break after "](".

// MarkdownImage is an image in a lesson as the renderer's parser reads it.
type MarkdownImage struct {
	Dest string // the destination, references resolved
	Alt  string
	Line int // 1-based line where the image starts
	// Alone is true for an image that is a paragraph of its own, the only
	// way the lesson screen shows one; Line to EndLine are its lines.
	Alone   bool
	EndLine int
}

// markdownItem is something in a lesson the check refuses outright:
// HTML, which the app does not show (an <img> in it would be a remote
// image), an autolink, which Fyne drops from the page, or a ** the parser
// reads as text, which shows as asterisks.
type markdownItem struct {
	what string // "HTML", "autolink" or "marks"
	text string
	line int
}

// LessonImages lists every image in a lesson's Markdown, in order.
func LessonImages(md []byte) []MarkdownImage {
	images, _ := scanMarkdown(md)
	return images
}

// scanMarkdown parses md once and collects its images, HTML, autolinks
// and unread bold marks. Every image starts with "![" in the source, all
// HTML and autolinks with "<", and a bold mark goes unread only between
// punctuation and a letter (mayBeUnreadMarks): a lesson with none of them
// needs no parse, which would double the time the bundled courses take to
// load.
func scanMarkdown(md []byte) ([]MarkdownImage, []markdownItem) {
	if !bytes.Contains(md, []byte("![")) && !bytes.Contains(md, []byte("<")) && !mayBeUnreadMarks(md) {
		return nil, nil
	}
	doc := goldmark.DefaultParser().Parse(text.NewReader(md))
	lines := newLineOf(md)
	var images []MarkdownImage
	var items []markdownItem
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if im, ok := n.(*ast.Image); ok {
			images = append(images, imageAt(md, lines, im))
		} else if it, ok := itemAt(md, lines, n); ok {
			items = append(items, it)
		}
		return ast.WalkContinue, nil
	})
	return images, items
}

func imageAt(md []byte, lines lineOf, t *ast.Image) MarkdownImage {
	im := MarkdownImage{Dest: string(t.Destination), Alt: plainText(md, t), Line: lines.at(offsetOf(t))}
	im.EndLine = im.Line
	if p := t.Parent(); p.Kind() == ast.KindParagraph && p.ChildCount() == 1 && p.Parent().Kind() == ast.KindDocument {
		segs := p.Lines()
		im.Alone, im.Line, im.EndLine = true, lines.at(segs.At(0).Start), lines.at(segs.At(segs.Len()-1).Stop-1)
	}
	return im
}

// itemAt is n as something the check refuses, if it is one.
func itemAt(md []byte, lines lineOf, n ast.Node) (markdownItem, bool) {
	switch t := n.(type) {
	case *ast.RawHTML:
		return markdownItem{"HTML", string(t.Segments.Value(md)), lines.at(offsetOf(t))}, true
	case *ast.HTMLBlock:
		if segs := t.Lines(); segs.Len() > 0 {
			first := segs.At(0)
			return markdownItem{"HTML", string(first.Value(md)), lines.at(first.Start)}, true
		}
	case *ast.AutoLink:
		return markdownItem{"autolink", string(t.URL(md)), lines.at(offsetOf(t))}, true
	case *ast.Text: // not in code, where ** may be meant
		if v := t.Segment.Value(md); bytes.Contains(v, []byte("**")) && t.Parent().Kind() != ast.KindCodeSpan {
			return markdownItem{"marks", string(v), lines.at(t.Segment.Start)}, true
		}
	}
	return markdownItem{}, false
}

// checkLesson reports, at their lines, the images of a lesson that are not
// files of the course's own media/ within the pixel budget, the HTML and
// autolinks the app would not show, and bold marks that show as asterisks.
func checkLesson(c *Course, file string, md []byte, ps *Problems) {
	images, items := scanMarkdown(md)
	report := func(line int, format string, args ...any) {
		*ps = append(*ps, Problem{File: file, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	for _, im := range images {
		name, ok := MediaPath(im.Dest)
		switch {
		case !ok:
			report(im.Line, "image %q must be a file under media/ (written as media/name.png): the app never loads images from elsewhere", im.Dest)
		case !im.Alone:
			report(im.Line, "image %q must stand on its own line, as a paragraph of its own", im.Dest)
		default:
			err := c.checkMedia(name)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				report(im.Line, "image %q not found in the course", im.Dest)
			case err != nil:
				report(im.Line, "image %q: %v", im.Dest, err)
			}
		}
	}
	for _, it := range items {
		what := strings.TrimSpace(it.text)
		if r := []rune(what); len(r) > 60 {
			what = string(r[:60]) + "…" // enough to find it by
		}
		switch it.what {
		case "HTML":
			report(it.line, "HTML %q is not shown in lessons: write Markdown (an image as ![text](media/name.png))", what)
		case "marks":
			report(it.line, "%q shows its ** as asterisks, not as bold: a ** between punctuation and a letter neither opens nor closes bold; keep the letters and the punctuation on the same side of it (**«word»ni** or «**word**»ni)", what)
		default:
			report(it.line, "autolink %q is not shown in lessons: write the address as a link, [text](address)", what)
		}
	}
}

// mayBeUnreadMarks tells whether md has a ** with punctuation on one side
// and a letter or digit on the other, where CommonMark may read it as
// neither the start nor the end of bold: «**word**»ni is bold, **«word»**ni
// is not. (__ is not looked for: a line to fill in, "Name: ______", is
// meant as it is.)
func mayBeUnreadMarks(md []byte) bool {
	for rest := md; ; {
		i := bytes.Index(rest, []byte("**"))
		if i < 0 {
			return false
		}
		before, _ := utf8.DecodeLastRune(rest[:i])
		after, _ := utf8.DecodeRune(rest[i+2:])
		if punctuation(before) && wordy(after) || wordy(before) && punctuation(after) {
			return true
		}
		rest = rest[i+2:]
	}
}

func punctuation(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) }
func wordy(r rune) bool       { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// MediaPath tells whether dest, an image destination in a lesson, names a
// file inside the course's media/ folder, and returns that file's name.
// Anything with a scheme (http:, file:, data:), a drive, an absolute path,
// "." or "..", a backslash, a query or a fragment is refused: lesson images
// come from the course and nowhere else.
func MediaPath(dest string) (string, bool) {
	if !strings.HasPrefix(dest, "media/") || !fs.ValidPath(dest) || strings.ContainsAny(dest, `:\?#`) {
		return "", false
	}
	return dest, true
}

// plainText is an image's alt text, as the renderer would print it.
func plainText(src []byte, n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() {
				b.WriteByte(' ')
			}
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// offsetOf is where an inline node starts in the source, near enough to
// name its line: goldmark keeps positions on text and blocks only. It is
// the first text inside the node, else the end of the text just before it,
// else the start of its block.
func offsetOf(n ast.Node) int {
	if off, ok := firstOffset(n); ok {
		return off
	}
	for cur := n; cur != nil; cur = cur.Parent() {
		if cur.Type() == ast.TypeBlock {
			if cur.Lines().Len() > 0 {
				return cur.Lines().At(0).Start
			}
			continue
		}
		for prev := cur.PreviousSibling(); prev != nil; prev = prev.PreviousSibling() {
			if off, ok := lastOffset(prev); ok {
				return off
			}
		}
	}
	return 0
}

func firstOffset(n ast.Node) (int, bool) {
	off, found := 0, false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if s, ok := segmentOf(c); ok && entering {
			off, found = s.Start, true
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return off, found
}

func lastOffset(n ast.Node) (int, bool) {
	off, found := 0, false
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if s, ok := segmentOf(c); ok && entering {
			off, found = s.Stop, true
		}
		return ast.WalkContinue, nil
	})
	return off, found
}

func segmentOf(n ast.Node) (text.Segment, bool) {
	switch t := n.(type) {
	case *ast.Text:
		return t.Segment, true
	case *ast.RawHTML:
		if t.Segments.Len() > 0 {
			return t.Segments.At(0), true
		}
	}
	return text.Segment{}, false
}

// lineOf turns byte offsets into 1-based line numbers.
type lineOf []int // offset of each line's start

func newLineOf(src []byte) lineOf {
	starts := lineOf{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func (l lineOf) at(off int) int {
	return max(1, sort.Search(len(l), func(i int) bool { return l[i] > off }))
}
