package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/paper/papertest"
)

// readPDF is the text of the PDF at path, as pdftotext reads it, and its
// page count.
func readPDF(t *testing.T, path string) (string, int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return papertest.Text(t, data), papertest.Pages(t, data)
}

// words is s with its white space made single spaces, so that text read
// back from a PDF compares with the text that was printed.
func words(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestHandoutsAndThePocketCardPrintFromTheApp: the course page prints the
// whole course, a lesson prints itself alone, and the quick reference
// prints a pocket card with the post's contacts, all in the language on
// screen.
func TestHandoutsAndThePocketCardPrintFromTheApp(t *testing.T) {
	d := start(t, t.TempDir(), "ru")
	defer d.close()
	d.async() // the PDFs are made off the UI thread, as in the app
	c := trafficking(t)
	if err := d.app.svc.SetContacts(d.app.ctx, []domain.Contact{{Organisation: "Горячая линия «Истиқбол»", Phone: "+998 71 000 00 00"}}); err != nil {
		t.Fatal(err)
	}
	d.createProfile("Дильноза", "border-guard", "", "")
	d.openCourse(c)
	d.button(d.T("handout.print"))
	dir := t.TempDir()
	whole := filepath.Join(dir, "course.pdf")
	d.app.saveHandout(c, "", whole) // what the save dialog does with the chosen path
	d.see(d.T("handout.saved", "File", whole))
	d.tap(d.T("dialog.ok"))
	text, pages := readPDF(t, whole)
	first, second := c.Lessons[0].Title["ru"], c.Lessons[1].Title["ru"]
	if !strings.Contains(words(text), words(first)) || !strings.Contains(words(text), words(second)) || pages < len(c.Lessons) {
		t.Fatalf("the course handout has %d pages for %d lessons; text:\n%.600s", pages, len(c.Lessons), text)
	}

	d.tap(d.T("lesson.read"))
	d.button(d.T("handout.print"))
	one := filepath.Join(dir, "lesson.pdf")
	d.app.saveHandout(c, c.Lessons[0].ID, one)
	d.see(d.T("handout.saved", "File", one))
	text, _ = readPDF(t, one)
	if !strings.Contains(words(text), words(first)) || strings.Contains(words(text), words(second)) {
		t.Fatalf("the lesson handout is not the first lesson alone:\n%.600s", text)
	}
	d.tap(d.T("dialog.ok"))
	d.tap(d.T("nav.back"))
	d.tap(d.T("nav.back"))

	d.tap(d.T("guide.title"))
	d.button(d.T("handout.card"))
	card := filepath.Join(dir, "card.pdf")
	d.app.savePocketCard(card)
	d.see(d.T("handout.saved", "File", card))
	text, pages = readPDF(t, card)
	if !strings.Contains(words(text), "Горячая линия «Истиқбол»") || !strings.Contains(words(text), d.T("handout.card.contacts")) ||
		pages <= len(d.app.guide.Cards) {
		t.Fatalf("the pocket card has %d pages for %d cards; text:\n%.600s", pages, len(d.app.guide.Cards), text)
	}
}
