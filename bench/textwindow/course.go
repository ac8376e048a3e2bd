package main

import (
	"cmp"
	"fmt"
	"image"
	"io"
	"os"
	"path"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/ui/startprobe"
)

// floorLang is the language the course is read in: OGOH_FLOOR_LANG, or
// Uzbek, that of the learner Ogoh's probe opens on the seeded x1 and x100
// devices (the first without a PIN by name; x10's reads Russian).
var floorLang = cmp.Or(os.Getenv("OGOH_FLOOR_LANG"), "uz")

// walkCourse is the floor under Ogoh's walk of a course (OGOH_PROBE=course):
// the first bundled course's lessons, its images and its quiz's questions,
// answered and explained, shown one screen after another as plain Fyne
// text in a scroll, as many screens as Ogoh's probe draws. The text is
// broken into lines at a fixed count of letters, as the welcome's floor
// is, so it costs what Fyne charges to shape every line once and
// rasterise those in view, with no search for where to wrap. (Each
// lesson as one widget.RichText from its Markdown, the plain Fyne way,
// took 33 s and peaked at 195 MB against Ogoh's 3 s and 174 MB: Fyne
// wraps a long rich text by measuring it again and again.) Fyne keeps a
// left screen's renderers and text textures for a minute, here as in Ogoh,
// so what this peaks at over the empty window is what the stack holds after
// a course walked in seconds, with nothing of Ogoh's screens, store or
// layout in it.
func walkCourse(w fyne.Window, out io.Writer) {
	list, problems := course.LoadAllChecked(courses.FS)
	if len(list) == 0 {
		panic(fmt.Sprintf("no bundled course: %v", problems))
	}
	course.SortByOrder(list)
	c := list[0]
	for i := range c.Lessons {
		startprobe.Wait(show(w, lessonPage(c, &c.Lessons[i])))
	}
	if err := c.LoadParts(); err != nil || len(c.Quizzes) == 0 {
		panic(fmt.Sprintf("course %q: no quiz to walk (%v)", c.ID, err))
	}
	q := c.Quiz(c.Quizzes[0].ID)
	qs := q.Questions
	if q.Draw > 0 && q.Draw < len(qs) {
		qs = qs[:q.Draw]
	}
	for i := range qs {
		startprobe.Wait(show(w, page(question(&qs[i], false))))
		startprobe.Wait(show(w, page(question(&qs[i], true)))) // as after "Check answer"
	}
	result := fmt.Sprintf("# %s\n\n%d / %d", q.Title.In(floorLang, "en"), len(qs), len(qs))
	startprobe.Report(out, "course", show(w, page(result)))
}

// show sets the part of content a window shows without scrolling as the
// window's; the channel closes when it is drawn.
func show(w fyne.Window, content fyne.CanvasObject) <-chan struct{} {
	var painted <-chan struct{}
	fyne.DoAndWait(func() {
		var marked fyne.CanvasObject
		marked, painted = startprobe.Mark(inView(content, windowHeight))
		w.SetContent(marked)
	})
	return painted
}

// inView keeps of content's lines and images, top to bottom, those that
// fit in height. Fyne draws all of a scroll, out of view too, where Ogoh
// draws only what is in view (culledScroll): the floor draws no more.
func inView(content fyne.CanvasObject, height float32) fyne.CanvasObject {
	box := container.NewVBox()
	used := 2 * theme.Padding()
	var walk func(o fyne.CanvasObject) bool
	walk = func(o fyne.CanvasObject) bool {
		switch o := o.(type) {
		case *container.Scroll:
			return walk(o.Content)
		case *fyne.Container:
			for _, c := range o.Objects {
				if !walk(c) {
					return false
				}
			}
			return true
		}
		h := o.MinSize().Height + theme.Padding()
		if used+h > height {
			return false
		}
		used += h
		box.Add(o)
		return true
	}
	walk(content)
	return container.NewPadded(box)
}

// lessonPage is a lesson's Markdown with its images, each a paragraph of
// its own, drawn at their place as Ogoh does.
func lessonPage(c *course.Course, l *course.Lesson) fyne.CanvasObject {
	md, err := c.LessonMarkdown(l, floorLang)
	if err != nil {
		panic(err)
	}
	box := container.NewVBox()
	lines := strings.Split(md, "\n")
	from := 0
	for _, im := range course.LessonImages([]byte(md)) {
		if !im.Alone {
			continue
		}
		box.Add(text(strings.Join(lines[from:im.Line-1], "\n")))
		data, cfg, err := c.MediaImage(im.Dest)
		if err == nil {
			img := canvas.NewImageFromResource(fyne.NewStaticResource(path.Base(im.Dest), data))
			img.FillMode = canvas.ImageFillContain
			img.SetMinSize(fitted(cfg))
			box.Add(img)
		}
		from = im.EndLine
	}
	box.Add(text(strings.Join(lines[from:], "\n")))
	return box
}

// fitted is an image's size fitted into Ogoh's 560 pixels of width; an
// SVG (no size in its header) gets a 3:1 box: imageSize in internal/ui,
// copied since importing Ogoh's UI would put Ogoh into the floor.
func fitted(cfg image.Config) fyne.Size {
	if cfg.Width <= 0 {
		return fyne.NewSize(560, 560/3)
	}
	w := float32(min(cfg.Width, 560))
	return fyne.NewSize(w, w*float32(cfg.Height)/float32(cfg.Width))
}

func page(md string) fyne.CanvasObject { return text(md) }

// text is md's words as lines of plain text, a paragraph to a line break.
func text(md string) fyne.CanvasObject {
	box := container.NewVBox()
	for _, para := range strings.Split(md, "\n\n") {
		if strings.TrimSpace(para) == "" {
			continue
		}
		for _, l := range breakLines(para) {
			box.Add(line(l, theme.TextSize(), false))
		}
	}
	return box
}

// question is a question's Markdown: its text and choices, and, answered,
// the feedback that teaches.
func question(qu *course.Question, answered bool) string {
	in := func(t course.Text) string { return t.In(floorLang, "en") }
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n", in(qu.Text))
	for _, o := range qu.Options {
		fmt.Fprintf(&b, "- %s\n", in(o.Text))
		if answered && in(o.Feedback) != "" {
			fmt.Fprintf(&b, "\n  %s\n", in(o.Feedback))
		}
	}
	for _, p := range qu.Pairs {
		fmt.Fprintf(&b, "- %s: %s\n", in(p.Left), in(p.Right))
	}
	if answered {
		fmt.Fprintf(&b, "\n%s %s %s\n", in(qu.FeedbackTrue), in(qu.FeedbackFalse), in(qu.Explanation))
	}
	return b.String()
}
