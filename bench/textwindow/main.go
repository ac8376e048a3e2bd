// Command textwindow is the floor under Ogoh's first frame: the words of
// Ogoh's welcome screen drawn as plain Fyne text, with nothing of Ogoh's
// (no database, no courses, no layout of its own), in a window the size of
// Ogoh's, reporting through the same probe (scripts/bench-startup.sh). It
// starts as Ogoh does: the fonts are parsed beside the window, and the
// text is painted as soon as it is built. Lines are broken at a fixed
// count of letters, about as long as the welcome's, so it draws as many
// lines and letters with no cost of measuring where to break them. What it
// costs over the empty window is what Fyne charges to shape and rasterise
// that much text; the welcome's cost over it is Ogoh's own. With
// OGOH_PROBE=course it shows instead the catalogue's words (catalogue.go),
// then walks a course as plain Fyne text (course.go), as Ogoh's probe does:
// the floors under Ogoh's peaks at the catalogue and after a course.
package main

import (
	"fmt"
	"os"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"github.com/pelletier/go-toml/v2"

	"github.com/ogoh/ogoh/internal/cmem"
	"github.com/ogoh/ogoh/internal/gcpace"
	"github.com/ogoh/ogoh/internal/ui/startprobe"
	"github.com/ogoh/ogoh/locales"
)

// lineLetters is about how many letters a line of the welcome holds in a
// 1024-pixel window.
const lineLetters = 120

// windowHeight is the window's, Ogoh's at start.
const windowHeight = 700

func main() {
	collect := gcpace.StartUp() // as Ogoh runs
	drawn := func() { collect(); cmem.Tune() }
	fy := app.NewWithID("org.ogoh.textwindow")
	texts := make(chan map[string]any, 1)
	go func() {
		t := welcomeTexts()
		startprobe.Step("texts read")
		for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
			fyne.MeasureText("Ogoh", theme.TextSize(), style)
		}
		startprobe.Step("fonts parsed")
		texts <- t
	}()
	w := fy.NewWindow("Text")
	w.Resize(fyne.NewSize(1024, windowHeight))
	w.Show()
	startprobe.Step("window shown")
	t := <-texts
	if os.Getenv("OGOH_PROBE") == "course" {
		// As Ogoh's probe: the catalogue first, then the course from it.
		go func() {
			drawn() // the catalogue is measured as Ogoh's probe draws it
			showCatalogue(w, os.Stdout)
			walkCourse(w, os.Stdout)
			fyne.Do(fy.Quit)
		}()
		fy.Run()
		return
	}
	text := func(id string) string { return fmt.Sprint(t[id]) }
	body := container.NewVBox(line(text("welcome.title"), theme.TextHeadingSize(), true))
	for _, id := range []string{"welcome.what", "welcome.offline", "welcome.data"} {
		for _, l := range breakLines(text(id)) {
			body.Add(line(l, theme.TextSize(), false))
		}
	}
	for _, id := range []string{"settings.language", "welcome.start", "guide.title"} {
		body.Add(line(text(id), theme.TextSize(), true))
	}
	body.Add(line("English", theme.TextSize(), false))
	content, painted := startprobe.Mark(container.NewPadded(body))
	w.SetContent(content)
	startprobe.Step("screen built")
	w.Show() // paint now, as Ogoh does, not at the next frame tick
	startprobe.Step("screen painted")
	drawn()
	go func() {
		startprobe.Report(os.Stdout, "shown", painted)
		fyne.Do(fy.Quit)
	}()
	fy.Run()
}

func line(s string, size float32, bold bool) *canvas.Text {
	t := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
	t.TextSize, t.TextStyle = size, fyne.TextStyle{Bold: bold}
	return t
}

// breakLines breaks s at spaces into lines of at most lineLetters letters.
func breakLines(s string) []string {
	var lines []string
	var cur strings.Builder
	for _, w := range strings.Fields(s) {
		if cur.Len() > 0 && len([]rune(cur.String()))+1+len([]rune(w)) > lineLetters {
			lines = append(lines, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(w)
	}
	return append(lines, cur.String())
}

// welcomeTexts are the English messages, as Ogoh's locale file has them.
func welcomeTexts() map[string]any { return localeTexts("en") }

// localeTexts are a UI language's messages, from Ogoh's locale file.
func localeTexts(lang string) map[string]any {
	data, err := locales.FS.ReadFile(lang + ".toml")
	if err != nil {
		panic(err)
	}
	var t map[string]any
	if err := toml.Unmarshal(data, &t); err != nil {
		panic(err)
	}
	return t
}
