package handout_test

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/handout"
	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/paper/papertest"
	"github.com/ogoh/ogoh/internal/reference"
	"github.com/ogoh/ogoh/quickref"
)

var date = time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)

func bundled(t *testing.T, id string) *course.Course {
	t.Helper()
	list, problems := course.LoadAll(courses.FS)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, c := range list {
		if c.ID == id {
			return c
		}
	}
	t.Fatalf("no bundled course %s", id)
	return nil
}

func localizer(t *testing.T, lang string) *i18n.Localizer {
	t.Helper()
	b, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	return b.For(lang)
}

// pages is the PDF's text page by page, as pdftotext separates them.
func pages(t *testing.T, pdf []byte) []string {
	t.Helper()
	return strings.Split(strings.TrimSuffix(papertest.Text(t, pdf), "\f"), "\f")
}

// keep saves a PDF for a person to look at, when OGOH_HANDOUT_PDF names a folder.
func keep(name string, pdf []byte) {
	if dir := os.Getenv("OGOH_HANDOUT_PDF"); dir != "" {
		os.WriteFile(dir+"/"+name, pdf, 0o644)
	}
}

// flat is text with its line breaks as spaces, as a wrapped paragraph reads.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestACourseHandoutStartsEachLessonOnANewPageInTheLearnersLanguage(t *testing.T) {
	c := bundled(t, "recognising-trafficking")
	var pdf bytes.Buffer
	if err := handout.Course(&pdf, c, "", "uz", localizer(t, "uz"), date); err != nil {
		t.Fatal(err)
	}
	keep("course-uz.pdf", pdf.Bytes())
	got := pages(t, pdf.Bytes())
	if n := papertest.Pages(t, pdf.Bytes()); n != len(got) || n < len(c.Lessons)+1 {
		t.Fatalf("pdfinfo counts %d pages, pdftotext %d; want a title page and at least one per lesson (%d)", n, len(got), len(c.Lessons))
	}
	if !strings.Contains(flat(got[0]), flat(c.Title["uz"])) || !strings.Contains(got[0], c.Version) {
		t.Errorf("the title page:\n%s", got[0])
	}
	next := 1
	for _, l := range c.Lessons {
		title := flat(l.Title["uz"])
		for next < len(got) && !strings.HasPrefix(flat(got[next]), flat(c.Title["uz"])+" · "+title) {
			next++
		}
		if next == len(got) {
			t.Fatalf("no page starts lesson %s (%q) in order", l.ID, title)
		}
	}
	text := flat(strings.Join(got, " "))
	for _, want := range []string{"Palermo protokoli", "Odam savdosining uch elementi", "2003-yil 25-dekabrda"} {
		if !strings.Contains(text, want) {
			t.Errorf("the handout lacks %q (heading, image caption, bold text)", want)
		}
	}
}

func TestALessonHandoutHoldsThatLessonWithItsTable(t *testing.T) {
	c := bundled(t, "exploitation-online")
	var pdf bytes.Buffer
	if err := handout.Course(&pdf, c, "phones-and-images", "ru", localizer(t, "ru"), date); err != nil {
		t.Fatal(err)
	}
	keep("lesson-ru.pdf", pdf.Bytes())
	if n := papertest.Pages(t, pdf.Bytes()); n != 2 {
		t.Errorf("the lesson handout has %d pages, want 2", n)
	}
	text := flat(papertest.Text(t, pdf.Bytes()))
	if !strings.Contains(text, flat(c.Lesson("phones-and-images").Title["ru"])) || strings.Contains(text, flat(c.Lesson("sextortion").Title["ru"])) {
		t.Errorf("not that lesson alone:\n%s", text)
	}
	for _, cell := range []string{"Делайте", "Нельзя", "Передавать его по всему отделу"} {
		if !strings.Contains(text, cell) {
			t.Errorf("the table's cell %q is missing", cell)
		}
	}
	if strings.Contains(text, "|---") || strings.Contains(text, "**") {
		t.Error("Markdown marks are printed as they are")
	}
	if err := handout.Course(&bytes.Buffer{}, c, "no-such-lesson", "ru", localizer(t, "ru"), date); err == nil {
		t.Error("an unknown lesson gave a handout")
	}
}

func TestThePocketCardHasEveryCardAndThePostsContacts(t *testing.T) {
	g, err := reference.Load(quickref.FS)
	if err != nil {
		t.Fatal(err)
	}
	contacts := []domain.Contact{
		{Organisation: "Истиқбол Авлоди", Role: "Ishonch telefoni", Phone: "+998 71 200 00 00", Hours: "09:00–18:00"},
		{Organisation: "Gʻamxoʻrlik markazi", Address: "Toshkent, Chilonzor tumani"},
	}
	var pdf bytes.Buffer
	if err := handout.Card(&pdf, g, contacts, "uz", localizer(t, "uz"), date); err != nil {
		t.Fatal(err)
	}
	keep("card-uz.pdf", pdf.Bytes())
	if size := papertest.PageSize(t, pdf.Bytes()); !strings.HasPrefix(size, "297.64 x 419.53") {
		t.Errorf("page size %q, want A6 (297.64 x 419.53 pts)", size)
	}
	got := pages(t, pdf.Bytes())
	if n := papertest.Pages(t, pdf.Bytes()); n != len(got) || n < len(g.Cards)+1 {
		t.Fatalf("%d pages for %d cards and the contacts", n, len(g.Cards))
	}
	starts := 0
	for _, p := range got {
		for _, c := range g.Cards {
			lines := strings.SplitN(p, "\n", 3)
			if len(lines) > 1 && strings.HasPrefix(flat(lines[1]+" "+lines[2]), flat(c.Title["uz"])) {
				starts++
			}
		}
	}
	if starts != len(g.Cards) {
		t.Errorf("%d pages start a card, want every one of the %d", starts, len(g.Cards))
	}
	last := flat(got[len(got)-1])
	for _, want := range []string{"Yoʻnaltirish uchun aloqalar", "Истиқбол Авлоди", "Telefon: +998 71 200 00 00", "Ish vaqti: 09:00–18:00", "Gʻamxoʻrlik markazi", "Chilonzor tumani"} {
		if !strings.Contains(last, want) {
			t.Errorf("the contacts page lacks %q:\n%s", want, last)
		}
	}
	var empty bytes.Buffer
	handout.Card(&empty, g, nil, "ru", localizer(t, "ru"), date)
	if p := pages(t, empty.Bytes()); !strings.Contains(flat(p[len(p)-1]), "контакты для перенаправления ещё не заданы") {
		t.Errorf("a post without contacts is not told to ask for them:\n%s", p[len(p)-1])
	}
}
