package course_test

import (
	"archive/zip"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/course"
)

const exampleLesson = "lessons/en/three-elements.md"

// Every way Markdown can put a remote or local-file image before the
// renderer is refused, at the line where the image is, naming it: the app
// is offline and shows only the course's own media/. Each form is one the
// line regex let through, or a path outside media/.
func TestImagesFromOutsideMediaAreRefusedAtTheirLine(t *testing.T) {
	const figure = "![The three elements](media/elements.png)"
	cases := []struct {
		name, with, want string
	}{
		{"nested brackets", "![The [three] elements](http://192.0.2.1/a.png)",
			`:9: image "http://192.0.2.1/a.png" must be a file under media/`},
		{"escaped bracket", `![The \] elements](https://192.0.2.1/a.png)`,
			`:9: image "https://192.0.2.1/a.png" must be a file under media/`},
		{"reference-style", "![The three elements][fig]\n\n[fig]: http://192.0.2.1/a.png",
			`:9: image "http://192.0.2.1/a.png" must be a file under media/`},
		{"line break after ](", "![The three elements](\nhttp://192.0.2.1/a.png)",
			`:9: image "http://192.0.2.1/a.png" must be a file under media/`},
		{"angle brackets", "![The three elements](<http://192.0.2.1/a b.png>)",
			`:9: image "http://192.0.2.1/a b.png" must be a file under media/`},
		{"HTML img", `<img src="http://192.0.2.1/a.png">`,
			`:9: HTML "<img src=\"http://192.0.2.1/a.png\">" is not shown in lessons`},
		{"inline HTML img", `See <img src="http://192.0.2.1/a.png"> here.`,
			`:9: HTML "<img src=\"http://192.0.2.1/a.png\">" is not shown in lessons`},
		{"autolink", "<http://192.0.2.1/a.png>",
			`:9: autolink "http://192.0.2.1/a.png" is not shown in lessons`},
		{"protocol-relative", "![x](//192.0.2.1/a.png)", `:9: image "//192.0.2.1/a.png" must be a file under media/`},
		{"file URI", "![x](file:///etc/hostname)", `:9: image "file:///etc/hostname" must be a file under media/`},
		{"file: inside media", "![x](file:media/elements.png)", `:9: image "file:media/elements.png" must be a file under media/`},
		{"absolute path", "![x](/etc/hostname)", `:9: image "/etc/hostname" must be a file under media/`},
		{"up and out", "![x](media/../course.toml)", `:9: image "media/../course.toml" must be a file under media/`},
		{"backslash", `![x](media\elements.png)`, `:9: image "media\\elements.png" must be a file under media/`},
		{"not a paragraph of its own", "Look: ![x](media/elements.png)", `:9: image "media/elements.png" must stand on its own line`},
		{"image in a list", "- ![x](media/elements.png)", `:9: image "media/elements.png" must stand on its own line`},
		{"not an image", "![x](course.toml)", `:9: image "course.toml" must be a file under media/`},
		{"not a picture", "![x](media/notes.txt)", `:9: image "media/notes.txt": not a PNG or JPEG image`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := broken(t, map[string]func(string) string{exampleLesson: replace(figure, tc.with)})
			if err := os.WriteFile(filepath.Join(dir, "media", "notes.txt"), []byte("not a picture"), 0o644); err != nil {
				t.Fatal(err)
			}
			got := problems(t, dir)
			if !anyHasPrefix(got, exampleLesson+tc.want) {
				t.Errorf("want a problem starting %q, got:\n%s", exampleLesson+tc.want, strings.Join(got, "\n"))
			}
		})
	}
}

// The forms that look odd but stay inside media/ are images like any
// other, and links to the web stay allowed: they are shown as text.
func TestMediaImagesInAnyMarkdownFormAreAccepted(t *testing.T) {
	for _, with := range []string{
		"![The [three] elements](media/elements.png)",
		"![The three elements][fig]\n\n[fig]: media/elements.png",
		"![The three\nelements](\nmedia/elements.png \"Title\")",
		"See [the protocol](https://www.ohchr.org/) for the text.",
	} {
		dir := broken(t, map[string]func(string) string{exampleLesson: replace("![The three elements](media/elements.png)", with)})
		if _, err := course.LoadDir(dir); err != nil {
			t.Errorf("%q refused: %v", with, err)
		}
	}
}

// Bold that CommonMark cannot open or close, a ** between punctuation and
// a letter as in Uzbek's **«word»**ni, shows its asterisks to the learner:
// the check names each such place at its line, and the forms that are
// read as bold pass.
func TestBoldMarksThatShowAsAsterisksAreNamedAtTheirLine(t *testing.T) {
	const figure = "![The three elements](media/elements.png)"
	for _, bad := range []string{"Bolani **«topib olgan»**ini", "a**«quoted»** word"} {
		// in place of the figure: a lesson with no image is read through
		// the check's quick look for such marks
		dir := broken(t, map[string]func(string) string{exampleLesson: replace(figure, bad)})
		want := exampleLesson + `:9: "`
		got := problems(t, dir)
		if !anyHasPrefix(got, want) || !strings.Contains(strings.Join(got, "\n"), "shows its ** as asterisks") {
			t.Errorf("%q: want a problem starting %q, got:\n%s", bad, want, strings.Join(got, "\n"))
		}
	}
	for _, good := range []string{"Bolani «**topib olgan**»ini", "Bolani **«topib olgan»ini**", "Organization (**IOM**), and", "**«ov qilish»** (ijtimoiy)", "Name: ______", "`a**«b»**c`"} {
		dir := broken(t, map[string]func(string) string{exampleLesson: replace(figure, figure+"\n\n"+good)})
		if _, err := course.LoadDir(dir); err != nil {
			t.Errorf("%q refused: %v", good, err)
		}
	}
}

// bigPNG is a valid PNG header for a w×h RGBA image with a token of data:
// enough for any reader of the header to believe the size.
func bigPNG(w, h uint32) []byte {
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

// A 20000×20000 PNG passes the pack's zip-bomb check when stored
// uncompressed, and would take 1.6 GB to draw: validation refuses it,
// naming the lesson line and the file, both from a folder and in a pack.
func TestAnImageOverThePixelBudgetIsRefused(t *testing.T) {
	dir := broken(t, nil)
	if err := os.WriteFile(filepath.Join(dir, "media", "elements.png"), bigPNG(20000, 20000), 0o644); err != nil {
		t.Fatal(err)
	}
	want := exampleLesson + `:9: image "media/elements.png": image is over the pixel budget: 20000×20000 pixels`
	if got := problems(t, dir); !anyHasPrefix(got, want) {
		t.Errorf("folder: want %q, got:\n%s", want, strings.Join(got, "\n"))
	}

	k := key(t, "t")
	data := storedPack(t, dir, k)
	err := course.ValidatePack(bytes.NewReader(data), int64(len(data)))
	var ps course.Problems
	if !errors.As(err, &ps) || !anyHasPrefix(strings.Split(ps.Error(), "\n"), want) {
		t.Errorf("pack: want %q, got %v", want, err)
	}
	p, err := read(data, k)
	if err != nil {
		t.Fatalf("the pack itself is sound, only its course is not: %v", err)
	}
	courses := t.TempDir()
	if _, err := course.Install(p, courses, false); err == nil || !strings.Contains(err.Error(), "pixel budget") {
		t.Errorf("install: %v", err)
	}
	if got := snapshot(t, courses); got != "" {
		t.Errorf("a refused install left files:\n%s", got)
	}

	// At the budget, an image is fine.
	if err := os.WriteFile(filepath.Join(dir, "media", "elements.png"), bigPNG(4096, 4096), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := course.LoadDir(dir); err != nil {
		t.Errorf("a 4096×4096 image is refused: %v", err)
	}
}

// storedPack signs dir's files into a pack as WritePack does, but stores
// them uncompressed and without validating the course first, as a
// hostile packer would.
func storedPack(t *testing.T, dir string, k course.Key) []byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files["course/"+filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	m := course.PackManifest{Format: "ogoh-pack", Version: 1, CourseID: "example-course", CourseVersion: "1.0.0",
		Created: when.Format("2006-01-02T15:04:05Z"), Key: base64.StdEncoding.EncodeToString(k.Public), Files: map[string]string{}}
	for name, data := range files {
		sum := sha256.Sum256(data)
		m.Files[name] = hex.EncodeToString(sum[:])
	}
	manifest, _ := json.Marshal(m)
	files["manifest.json"] = manifest
	files["signature"] = []byte(base64.StdEncoding.EncodeToString(ed25519.Sign(k.Private, manifest)))
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, data := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err == nil {
			_, err = w.Write(data)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// The header check reads the header only: a PNG claiming 20000×20000 is
// refused from its first bytes, before any pixel is decoded.
func TestImageHeaderRefusesBeforeDecoding(t *testing.T) {
	header := bigPNG(20000, 20000)[:33] // signature and IHDR, nothing more
	if _, err := course.ImageHeader("big.png", bytes.NewReader(header)); !errors.Is(err, course.ErrImageTooLarge) {
		t.Errorf("20000×20000: %v", err)
	}
	if _, err := course.ImageHeader("tall.png", bytes.NewReader(bigPNG(100, 9000)[:33])); !errors.Is(err, course.ErrImageTooLarge) {
		t.Errorf("100×9000: %v", err)
	}
	cfg, err := course.ImageHeader("ok.png", bytes.NewReader(bigPNG(800, 600)[:33]))
	if err != nil || cfg.Width != 800 || cfg.Height != 600 {
		t.Errorf("800×600: %+v, %v", cfg, err)
	}
}

// A lesson image that is a link out of the course (or a pipe or device,
// which would hang or never end a read) is refused: the image must be the
// course's own file.
func TestAnImageThatIsALinkIsRefused(t *testing.T) {
	dir := broken(t, nil)
	img := filepath.Join(dir, "media", "elements.png")
	if err := os.Remove(img); err != nil {
		t.Fatal(err)
	}
	outside := filepath.Join(t.TempDir(), "elsewhere.png")
	if err := os.WriteFile(outside, bigPNG(10, 10), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, img); err != nil {
		t.Fatal(err)
	}
	want := exampleLesson + `:9: image "media/elements.png": media/elements.png is not a regular file`
	if got := problems(t, dir); !anyHasPrefix(got, want) {
		t.Errorf("want %q, got:\n%s", want, strings.Join(got, "\n"))
	}
}
