package ui

import (
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// markdownSegments reads lesson Markdown into the segments Fyne's RichText
// would make of it, with the spaces the source has. Fyne 2.7's reader puts
// a space after every piece of text that comes before bold, italic, code
// or a link, so "(**IOM**)", as the courses cite their sources, showed as
// "( IOM)", and it joined the pieces inside bold with spaces. Here a space
// is added only where the source breaks a line, as the printed handout
// reads it (internal/handout). What Fyne leaves out (HTML, autolinks) is
// left out here too; the course check refuses both.
func markdownSegments(md string) []widget.RichTextSegment {
	src := []byte(md)
	doc := goldmark.DefaultParser().Parse(text.NewReader(src))
	return mdChildren(src, doc, false)
}

func mdChildren(src []byte, n ast.Node, quoted bool) []widget.RichTextSegment {
	out := make([]widget.RichTextSegment, 0, n.ChildCount())
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, mdNode(src, c, quoted)...)
	}
	return out
}

func mdNode(src []byte, n ast.Node, quoted bool) []widget.RichTextSegment {
	switch t := n.(type) {
	case *ast.Paragraph:
		out := mdChildren(src, n, quoted)
		if !quoted {
			out = append(out, &widget.TextSegment{Style: widget.RichTextStyleParagraph})
		}
		return out
	case *ast.List:
		l := &widget.ListSegment{Items: mdChildren(src, n, quoted), Ordered: t.IsOrdered()}
		l.SetStartNumber(t.Start)
		return []widget.RichTextSegment{l}
	case *ast.ListItem:
		return []widget.RichTextSegment{&widget.ParagraphSegment{Texts: mdChildren(src, n, quoted)}}
	case *ast.TextBlock:
		return mdChildren(src, n, quoted)
	case *ast.Blockquote:
		return mdChildren(src, n, true)
	case *ast.Heading:
		return []widget.RichTextSegment{mdHeading(src, t)}
	case *ast.ThematicBreak:
		return []widget.RichTextSegment{&widget.SeparatorSegment{}}
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		return mdCodeBlock(src, n)
	default:
		return mdInline(src, n, quoted)
	}
}

// mdInline is a piece of a paragraph's text.
func mdInline(src []byte, n ast.Node, quoted bool) []widget.RichTextSegment {
	switch t := n.(type) {
	case *ast.Text:
		style := widget.RichTextStyleInline
		if quoted {
			style = widget.RichTextStyleBlockquote
		}
		s := string(t.Segment.Value(src))
		if s == "" { // a line break after something that is not text
			return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleInline, Text: " "}}
		}
		return []widget.RichTextSegment{&widget.TextSegment{Style: style, Text: s + lineBreakSpace(t)}}
	case *ast.String:
		return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleInline, Text: string(t.Value)}}
	case *ast.Emphasis:
		style := widget.RichTextStyleEmphasis
		if t.Level == 2 {
			style = widget.RichTextStyleStrong
		}
		return []widget.RichTextSegment{&widget.TextSegment{Style: style, Text: mdText(src, n)}}
	case *ast.CodeSpan:
		return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleCodeInline, Text: mdText(src, n)}}
	case *ast.Link:
		return []widget.RichTextSegment{mdLink(mdText(src, n), string(t.Destination))}
	case *ast.Image:
		return []widget.RichTextSegment{mdImage(string(t.Destination), string(t.Title))}
	}
	return nil
}

// lineBreakSpace is the space a line break in a paragraph reads as.
func lineBreakSpace(t *ast.Text) string {
	if (t.SoftLineBreak() || t.HardLineBreak()) && t.NextSibling() != nil {
		return " "
	}
	return ""
}

// mdText is the text inside bold, italic, code or a link, nested marks and
// all, a line break read as a space.
func mdText(src []byte, n ast.Node) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch t := c.(type) {
		case *ast.Text:
			b.Write(t.Segment.Value(src))
			if t.SoftLineBreak() || t.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.Write(t.Value)
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSuffix(b.String(), " ")
}

func mdHeading(src []byte, h *ast.Heading) widget.RichTextSegment {
	s := mdText(src, h)
	switch h.Level {
	case 1:
		return &widget.TextSegment{Style: widget.RichTextStyleHeading, Text: s}
	case 2:
		return &widget.TextSegment{Style: widget.RichTextStyleSubHeading, Text: s}
	}
	seg := &widget.TextSegment{Style: widget.RichTextStyleParagraph, Text: s}
	seg.Style.TextStyle.Bold = true
	return seg
}

func mdCodeBlock(src []byte, n ast.Node) []widget.RichTextSegment {
	var data []byte
	lines := n.Lines()
	for i := range lines.Len() {
		line := lines.At(i)
		data = append(data, line.Value(src)...)
	}
	if len(data) == 0 {
		return nil
	}
	s := strings.TrimSuffix(string(data), "\n")
	return []widget.RichTextSegment{&widget.TextSegment{Style: widget.RichTextStyleCodeBlock, Text: s}}
}

// mdLink and mdImage are what Fyne's reader makes; offline() then turns
// them into text.
func mdLink(label, dest string) widget.RichTextSegment {
	u, _ := url.Parse(dest)
	return &widget.HyperlinkSegment{Alignment: fyne.TextAlignLeading, Text: label, URL: u}
}

func mdImage(dest, title string) widget.RichTextSegment {
	u, err := storage.ParseURI(dest)
	if err != nil {
		u = storage.NewFileURI(dest)
	}
	return &widget.ImageSegment{Source: u, Title: title, Alignment: fyne.TextAlignCenter}
}
