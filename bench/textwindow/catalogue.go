package main

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/ui/startprobe"
)

// showCatalogue is the floor under Ogoh's catalogue (its peak RSS there):
// the catalogue's words in floorLang, in the styles Ogoh draws them in,
// as plain Fyne text. Each bundled course has its title in bold at the
// subheading size, its description, a note in italics with its time and
// audience and another with its progress, and an Open button's bold
// label; above them, the greeting, the three buttons and the note on
// review. Fyne parses a face for each style it meets (Noto Sans and a
// system font beside it; Fyne's buttons draw bold), so the floor meets
// all three, as the catalogue does, and only the lines a 700-pixel window
// shows (inView).
func showCatalogue(w fyne.Window, out io.Writer) {
	list, problems := course.LoadAllChecked(courses.FS)
	if len(list) == 0 {
		panic(fmt.Sprintf("no bundled course: %v", problems))
	}
	course.SortByOrder(list)
	t := localeTexts(floorLang)
	msg := func(id string) string { return fmt.Sprint(t[id]) }
	size := theme.TextSize()
	body := container.NewVBox(styled(msg("catalogue.title"), theme.TextHeadingSize(), fyne.TextStyle{Bold: true}))
	for _, id := range []string{"lessons.search", "guide.title", "nav.switch"} {
		body.Add(styled(msg(id), size, fyne.TextStyle{Bold: true}))
	}
	body.Add(styled(strings.ReplaceAll(msg("catalogue.greeting"), "{{.Name}}", "Akmal Ismoilov"), size, fyne.TextStyle{}))
	addLines(body, msg("review.none"), fyne.TextStyle{Italic: true})
	for _, c := range list {
		in := func(t course.Text) string { return t.In(floorLang, c.DefaultLanguage) }
		body.Add(styled(in(c.Title), theme.Size(theme.SizeNameSubHeadingText), fyne.TextStyle{Bold: true}))
		addLines(body, in(c.Description), fyne.TextStyle{})
		addLines(body, fmt.Sprintf("%d min · %s", c.EstimatedMinutes, in(c.Audience)), fyne.TextStyle{Italic: true})
		addLines(body, fmt.Sprintf("0 / %d", len(c.Lessons)), fyne.TextStyle{Italic: true})
		body.Add(styled(msg("catalogue.open"), size, fyne.TextStyle{Bold: true}))
	}
	startprobe.Report(out, "catalogue", show(w, body))
}

// styled is a line of text; italics name their font, as Ogoh's notes do
// (paragraph.fontSource), which spares the system font Fyne would parse
// beside it: the floor takes the cheaper way Ogoh takes.
func styled(s string, size float32, style fyne.TextStyle) *canvas.Text {
	t := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
	t.TextSize, t.TextStyle = size, style
	if style.Italic && !style.Bold {
		t.FontSource = fyne.CurrentApp().Settings().Theme().Font(style)
	}
	return t
}

func addLines(box *fyne.Container, s string, style fyne.TextStyle) {
	for _, l := range breakLines(s) {
		box.Add(styled(l, theme.TextSize(), style))
	}
}
