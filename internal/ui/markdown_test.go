package ui

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
)

// A comparison table in a lesson reads as a table: its cells in a grid,
// the header in bold, no pipes or dashes left on screen; the text around
// it stays Markdown.
func TestALessonTableIsShownAsATable(t *testing.T) {
	test.NewTempApp(t)
	md := "## Four differences\n\nThe UNODC compares them:\n\n" +
		"| | Smuggling | Trafficking |\n|---|---|---|\n" +
		"| **Border** | Always crossed illegally | Can happen inside one country |\n" +
		"| **Consent** | The migrant consents | Consent is irrelevant |\n\nAfter the table."
	lesson := renderLesson(trafficking(t), md)
	w := test.NewWindow(lesson)
	defer w.Close()
	var cells []string
	bold := map[string]bool{}
	for _, o := range visibleUnder(lesson) {
		rt, ok := o.(*lessonText)
		if !ok {
			continue
		}
		text := rt.String()
		if strings.Contains(text, "|") || strings.Contains(text, "---") {
			t.Errorf("table markup on screen: %q", text)
		}
		cells = append(cells, text)
		for _, seg := range rt.Segments {
			if ts, ok := seg.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
				bold[ts.Text] = true
			}
		}
	}
	for _, want := range []string{"Smuggling", "Always crossed illegally", "Consent is irrelevant", "After the table."} {
		found := false
		for _, c := range cells {
			found = found || strings.TrimSpace(c) == want
		}
		if !found {
			t.Errorf("no block reads %q; blocks: %q", want, cells)
		}
	}
	for _, h := range []string{"Smuggling", "Trafficking", "Border", "Consent"} {
		if !bold[h] {
			t.Errorf("%q is not bold", h)
		}
	}
}

// imageServer counts every request that reaches it and answers each with
// a small real PNG, so a fetched image would also show.
func imageServer(t *testing.T) (string, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	png := bigPNG(2, 2, true)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		w.Header().Set("Content-Type", "image/png")
		w.Write(png)
	}))
	t.Cleanup(srv.Close)
	return srv.URL, &n
}

// A lesson holding each Markdown form of a remote image, as a hostile or
// careless pack might, is drawn without a single request: the app is
// offline, and Fyne fetched each of these on the UI thread. A remote
// address that reaches the renderer shows as text.
func TestALessonFetchesNoRemoteImage(t *testing.T) {
	test.NewTempApp(t) // with Fyne's own http and https loaders registered
	url, requests := imageServer(t)
	md := "# Remote images\n\n" +
		"![nested [brackets]](" + url + "/1.png)\n\n" +
		"![escaped \\] bracket](" + url + "/2.png)\n\n" +
		"![reference-style][fig]\n\n[fig]: " + url + "/3.png\n\n" +
		"![a line break after](\n" + url + "/4.png)\n\n" +
		"<img src=\"" + url + "/5.png\">\n\n" +
		"Inline ![x](" + url + "/6.png), a [link](" + url + "/7.png) and <" + url + "/8.png>.\n\n" +
		"- ![in a list](" + url + "/9.png)\n\n" +
		"![plain](" + url + "/10.png)\n"
	lesson := renderLesson(trafficking(t), md)
	w := test.NewWindow(lesson)
	defer w.Close()
	w.Resize(fyne.NewSize(900, 2000))
	var text strings.Builder
	for _, o := range visibleUnder(lesson) {
		switch x := o.(type) {
		case *lessonText:
			text.WriteString(x.String() + "\n")
		case *widget.Label:
			text.WriteString(x.Text + "\n")
		case *canvas.Text:
			text.WriteString(x.Text + "\n")
		case *canvas.Image:
			t.Errorf("an image is drawn from a lesson with remote images only: %v", x.Resource)
		}
	}
	w.Canvas().(test.WindowlessCanvas).Capture()
	if n := requests.Load(); n != 0 {
		t.Errorf("%d requests reached the image server", n)
	}
	for _, want := range []string{"[nested [brackets]]", "[reference-style]", "[a line break after]",
		"[" + url + "/6.png]", "link (" + url + "/7.png)", "[" + url + "/9.png]", "[plain]"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("%q is not on screen as text:\n%s", want, text.String())
		}
	}
}

// Nothing in the running app can fetch a URL through Fyne: New replaces
// the http and https loaders Fyne registers with ones that refuse.
func TestTheAppRegistersNoRemoteLoader(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	url, requests := imageServer(t)
	for _, addr := range []string{url + "/a.png", "https://127.0.0.1:1/a.png"} {
		u, err := storage.ParseURI(addr)
		if err != nil {
			t.Fatal(err)
		}
		if r, err := storage.Reader(u); err == nil {
			r.Close()
			t.Errorf("%s can be read", addr)
		}
		if img := canvas.NewImageFromURI(u); img.Resource != nil {
			t.Errorf("%s loaded as an image", addr)
		}
	}
	if n := requests.Load(); n != 0 {
		t.Errorf("%d requests reached the server", n)
	}
}

// bigPNG is a w×h RGBA PNG; with real false it is the header and a token
// of data only, which a reader of the header believes.
func bigPNG(w, h uint32, real bool) []byte {
	if real {
		var b bytes.Buffer
		png.Encode(&b, image.NewRGBA(image.Rect(0, 0, int(w), int(h))))
		return b.Bytes()
	}
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		body := append([]byte(kind), data...)
		b.Write(body)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(body))
	}
	ihdr := binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, w), h)
	chunk("IHDR", append(ihdr, 8, 6, 0, 0, 0))
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	return b.Bytes()
}

// An image over the pixel budget that reaches the lesson screen (a file
// of an installed course changed after it was checked) is not decoded:
// its header is read, and the lesson shows the image's text instead.
func TestAnImageOverThePixelBudgetIsNotDecoded(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../docs/example-course")); err != nil {
		t.Fatal(err)
	}
	c, err := course.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	const md = "# Act, means, purpose\n\n![The three elements](media/elements.png)\n\nAfter.\n"
	images := func() (n int, labels []string) {
		lesson := renderLesson(c, md)
		w := test.NewWindow(lesson)
		defer w.Close()
		for _, o := range visibleUnder(lesson) {
			switch x := o.(type) {
			case *canvas.Image:
				n++
			case *widget.Label:
				labels = append(labels, x.Text)
			}
		}
		return n, labels
	}
	if n, _ := images(); n != 1 {
		t.Fatalf("the example image within the budget: %d images drawn", n)
	}
	if err := os.WriteFile(filepath.Join(dir, "media", "elements.png"), bigPNG(20000, 20000, false), 0o644); err != nil {
		t.Fatal(err)
	}
	n, labels := images()
	if n != 0 {
		t.Errorf("a 20000×20000 image is handed to Fyne to decode")
	}
	if !slices.Contains(labels, "[The three elements]") {
		t.Errorf("the image's text is not shown; labels: %q", labels)
	}
}

// A lesson's diagram is decoded once, into the pixels it is drawn with: the
// size it takes on screen, at 8 bits a channel, showing the file's picture.
func TestALessonImageIsDecodedOnceIntoThePixelsItIsDrawnWith(t *testing.T) {
	test.NewTempApp(t)
	c := trafficking(t)
	lesson := renderLesson(c, "![The three elements](media/three-elements.png)\n")
	w := test.NewWindow(lesson)
	defer w.Close()
	img := imageIn(lesson)
	if img == nil {
		t.Fatal("the lesson draws no image")
	}
	if img.Resource != nil || img.File != "" {
		t.Fatal("the image is handed to Fyne as a file, which it decodes again at each refresh")
	}
	px, ok := img.Image.(*image.RGBA)
	want := image.Pt(int(img.Size().Width+0.5), int(img.Size().Height+0.5))
	if !ok || px.Rect.Size() != want {
		t.Fatalf("the image is a %T of %v, want RGBA pixels of its size on screen, %v", img.Image, img.Image.Bounds().Size(), want)
	}
	data, _, err := c.MediaImage("media/three-elements.png")
	if err != nil {
		t.Fatal(err)
	}
	file, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := meanColour(px), meanColour(file); !near(got, want, 3) {
		t.Errorf("the drawn picture's mean colour is %v, the file's %v", got, want)
	}
}

// A file whose header reads well but whose pixels do not shows the
// image's text, as one over the budget does.
func TestAnImageWhosePixelsDoNotDecodeShowsItsText(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../../docs/example-course")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "media", "elements.png"), bigPNG(300, 100, false), 0o644); err != nil {
		t.Fatal(err)
	}
	broken, err := course.LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	lesson := renderLesson(broken, "![The three elements](media/elements.png)\n")
	if imageIn(lesson) != nil {
		t.Error("an image whose pixels cannot be read is drawn")
	}
	var labels []string
	for _, o := range visibleUnder(lesson) {
		if l, ok := o.(*widget.Label); ok {
			labels = append(labels, l.Text)
		}
	}
	if !slices.Contains(labels, "[The three elements]") {
		t.Errorf("the broken image's text is not shown; labels: %q", labels)
	}
}

// imageIn is the image drawn under o, or nil.
func imageIn(o fyne.CanvasObject) *canvas.Image {
	for _, v := range visibleUnder(o) {
		if img, ok := v.(*canvas.Image); ok {
			return img
		}
	}
	return nil
}

// meanColour is an image's average colour, 8 bits a channel.
func meanColour(img image.Image) [4]float64 {
	var sum [4]float64
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA()
			for i, v := range []uint32{r, g, bl, a} {
				sum[i] += float64(v >> 8)
			}
		}
	}
	n := float64(b.Dx() * b.Dy())
	return [4]float64{sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n}
}

func near(a, b [4]float64, within float64) bool {
	for i := range a {
		if math.Abs(a[i]-b[i]) > within {
			return false
		}
	}
	return true
}
