// Package papertest reads PDFs back as a person's tools do, with
// poppler's pdftotext and pdfinfo (Debian's poppler-utils, which CI
// installs), so tests check what a reader of the page gets.
package papertest

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// Text is the PDF's text as pdftotext extracts it, in reading order.
func Text(t testing.TB, pdf []byte) string {
	t.Helper()
	return string(run(t, pdf, "pdftotext", "-enc", "UTF-8", "IN", "-"))
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// Pages is the PDF's page count as pdfinfo reads it.
func Pages(t testing.TB, pdf []byte) int {
	t.Helper()
	out := run(t, pdf, "pdfinfo", "IN")
	m := pagesLine.FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// PageSize is the first page's size in points, as pdfinfo reads it.
func PageSize(t testing.TB, pdf []byte) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Page size:\s+(.*)$`).FindSubmatch(run(t, pdf, "pdfinfo", "IN"))
	if m == nil {
		t.Fatal("pdfinfo gave no page size")
	}
	return string(m[1])
}

// run runs tool on a copy of pdf, IN in args naming the copy.
func run(t testing.TB, pdf []byte, tool string, args ...string) []byte {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s is not installed: install poppler-utils (apt-get install poppler-utils) to run this test", tool)
	}
	in := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	for i, a := range args {
		if a == "IN" {
			args[i] = in
		}
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s refuses the PDF: %v\n%s", tool, err, out)
	}
	return out
}
