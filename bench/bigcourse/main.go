// Command bigcourse writes a course of about the given size for the pack
// import benchmark (scripts/bench-pack.sh): the example course from
// docs/example-course with photographs' worth of incompressible images,
// each shown in its lesson in every language, as a trainer's pack with
// field photos would be.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
)

func main() {
	out := flag.String("o", "", "the course folder to write (must not exist)")
	mb := flag.Int("mb", 50, "about how many megabytes of images")
	flag.Parse()
	if *out == "" {
		flag.Usage()
		os.Exit(2)
	}
	check(os.CopyFS(*out, os.DirFS("docs/example-course")))
	rng := rand.New(rand.NewPCG(1, 2))
	var refs string
	for i, total := 0, 0; total < *mb<<20; i++ {
		name := fmt.Sprintf("media/photo-%02d.png", i)
		n, err := writeNoise(filepath.Join(*out, name), rng)
		check(err)
		total += n
		refs += fmt.Sprintf("\n![photo %d](%s)\n", i, name)
	}
	for _, lang := range []string{"en", "ru"} {
		f, err := os.OpenFile(filepath.Join(*out, "lessons", lang, "three-elements.md"), os.O_APPEND|os.O_WRONLY, 0)
		check(err)
		_, err = f.WriteString(refs)
		check(err)
		check(f.Close())
	}
}

// writeNoise writes a 1024×512 PNG of random pixels (about 2 MB, which no
// compressor can shrink, like a photograph's JPEG).
func writeNoise(path string, rng *rand.Rand) (int, error) {
	img := image.NewNRGBA(image.Rect(0, 0, 1024, 512))
	for i := range img.Pix {
		img.Pix[i] = byte(rng.Uint32())
	}
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return 0, err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return 0, err
	}
	return int(info.Size()), f.Close()
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bigcourse:", err)
		os.Exit(1)
	}
}
