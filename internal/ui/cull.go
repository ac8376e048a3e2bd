package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// culledScroll scrolls content vertically and keeps what is out of sight
// (paragraphs, and blocks in a cullBox) from being drawn. Fyne draws
// everything in a scroll, seen or not,
// and drawing text is most of what a first frame costs: each line is
// shaped and rasterised anew. A scroll shows the lines it brings into view
// in the frame that draws it (each costs about a millisecond, once).
func culledScroll(content *fyne.Container) *container.Scroll {
	s := container.NewVScroll(content)
	c := &cullLayout{inner: content.Layout, scroll: s, content: content}
	content.Layout = c
	s.OnScrolled = func(fyne.Position) { c.cull() }
	return s
}

// cullLayout lays out as the content's own layout does, then culls.
type cullLayout struct {
	inner   fyne.Layout
	scroll  *container.Scroll
	content *fyne.Container
}

func (c *cullLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		awaitCulling(o)
	}
	c.inner.Layout(objects, size)
	c.cull()
}

func (c *cullLayout) MinSize(objects []fyne.CanvasObject) fyne.Size { return c.inner.MinSize(objects) }

func (c *cullLayout) cull() {
	view := c.scroll.Size().Height
	if view <= 0 {
		return
	}
	top := c.scroll.Offset.Y
	bottom := c.scroll.Offset.Y + view
	for _, o := range c.content.Objects {
		cullUnder(o, 0, top, bottom)
	}
}

// cullable is what culling shows and hides; it keeps its place either way.
type cullable interface {
	fyne.CanvasObject
	setInView(in bool)
}

// cullUnder shows or hides what in o can be culled; o stands at y (plus its
// own position) within the content.
func cullUnder(o fyne.CanvasObject, y, top, bottom float32) {
	y += o.Position().Y
	switch x := o.(type) {
	case *cullBox:
		in := y < bottom && y+x.Size().Height > top
		x.setInView(in)
		if in {
			cullUnder(x.content, y, top, bottom)
		}
	case *lessonText:
		x.cull(top-y, bottom-y)
	case *runParagraph: // a lesson's block, drawn line by line
		x.showPart(top-y, bottom-y)
	case cullable:
		x.setInView(y < bottom && y+x.Size().Height > top)
	case *fyne.Container:
		for _, child := range x.Objects {
			cullUnder(child, y, top, bottom)
		}
	case *widget.Card:
		if x.Content != nil {
			cullUnder(x.Content, y, top, bottom)
		}
	}
}

// awaitCulling tells the blocks of lesson text in o to draw no line until
// culling says which are in view.
func awaitCulling(o fyne.CanvasObject) {
	switch x := o.(type) {
	case *runParagraph:
		x.awaitCulling()
	case *lessonText:
		x.culled = true
		awaitCulling(x.box)
	case *cullBox:
		awaitCulling(x.content)
	case *fyne.Container:
		for _, child := range x.Objects {
			awaitCulling(child)
		}
	}
}

// cullBox keeps its content's place in a layout while culling hides it: a
// container's layout would close the gap a hidden object leaves.
type cullBox struct {
	widget.BaseWidget
	content fyne.CanvasObject
}

func newCullBox(content fyne.CanvasObject) *cullBox {
	b := &cullBox{content: content}
	b.ExtendBaseWidget(b)
	return b
}

func (b *cullBox) setInView(in bool) {
	if in == b.content.Visible() {
		return
	}
	if in {
		b.content.Show()
	} else {
		b.content.Hide()
	}
}

func (b *cullBox) CreateRenderer() fyne.WidgetRenderer { return &cullBoxRenderer{b} }

type cullBoxRenderer struct{ b *cullBox }

func (r *cullBoxRenderer) MinSize() fyne.Size { return r.b.content.MinSize() }

func (r *cullBoxRenderer) Layout(size fyne.Size) {
	r.b.content.Move(fyne.NewPos(0, 0))
	r.b.content.Resize(size)
}

func (r *cullBoxRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.b.content} }
func (r *cullBoxRenderer) Refresh()                     { r.b.content.Refresh() }
func (r *cullBoxRenderer) Destroy()                     {}
