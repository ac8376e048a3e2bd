package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/textsearch"
)

// markedIn is every marked (bold and underlined) piece of text in segs,
// lists and paragraphs included.
func markedIn(segs []widget.RichTextSegment) []string {
	var out []string
	for _, s := range segs {
		switch t := s.(type) {
		case *widget.TextSegment:
			if t.Style.TextStyle.Bold && t.Style.TextStyle.Underline {
				out = append(out, t.Text)
			}
		case *widget.ListSegment:
			out = append(out, markedIn(t.Items)...)
		case *widget.ParagraphSegment:
			out = append(out, markedIn(t.Texts)...)
		}
	}
	return out
}

func (d *driver) markedInRichTexts() []string {
	var out []string
	for _, o := range d.visible() {
		switch r := o.(type) {
		case *widget.RichText:
			out = append(out, markedIn(r.Segments)...)
		case *lessonText:
			out = append(out, markedIn(r.Segments)...)
		}
	}
	return out
}

// TestLessonSearchFindsAndMarksTheHit: from the catalogue, a word typed
// with another ending is found in the lessons of the installed courses;
// the list names course and lesson with the hit marked in its line; Read
// opens the lesson with the word marked there, and Back returns to the
// list as it was. A word found nowhere says so.
func TestLessonSearchFindsAndMarksTheHit(t *testing.T) {
	words := map[string]string{"en": "passports", "ru": "паспорта", "uz": "pasportlar"}
	for _, lang := range []string{"en", "ru", "uz"} {
		t.Run(lang, func(t *testing.T) {
			d := start(t, t.TempDir(), lang)
			defer d.close()
			d.createProfile("Zarina", "border-guard", "Post 12", "")
			d.tap(d.T("lessons.search"))
			d.see(d.T("lessons.search.hint"))
			d.typeInto(d.T("lessons.search.placeholder"), words[lang])
			s := d.app.nav.current.(*lessonSearchScreen)
			hits := s.find(textsearch.Parse(words[lang]))
			if len(hits) == 0 {
				t.Fatalf("no lesson has %q", words[lang])
			}
			d.see(d.loc.N("lessons.search.found", len(hits)))
			first := hits[0]
			cl := d.app.courseLang(first.c)
			d.see(first.c.Title.In(cl, first.c.DefaultLanguage))
			d.see(first.c.Lessons[first.i].Title.In(cl, first.c.DefaultLanguage))
			stem := string([]rune(words[lang])[:6])
			checkMarked(t, d.markedOnScreen(), stem, "the list")
			d.shot(t, "lesson-search")

			d.tapNth(d.T("lessons.search.read"), 0)
			d.see(d.T("lesson.position", "N", first.i+1, "Total", len(first.c.Lessons)))
			d.shot(t, "lesson-search-hit")
			checkMarked(t, d.markedInRichTexts(), stem, "the lesson")
			d.tap(d.T("nav.back"))
			if got := d.entry(d.T("lessons.search.placeholder")).Text; got != words[lang] {
				t.Errorf("back on the search, it reads %q", got)
			}
			d.see(d.loc.N("lessons.search.found", len(hits)))
			d.entry(d.T("lessons.search.placeholder")).SetText("zzzzqqq")
			d.see(d.T("lessons.search.none"))
		})
	}
}

func checkMarked(t *testing.T, marked []string, stem, where string) {
	t.Helper()
	if len(marked) == 0 {
		t.Fatalf("nothing marked in %s", where)
	}
	for _, m := range marked {
		if !strings.HasPrefix(strings.ToLower(m), stem) {
			t.Errorf("%s marks %q", where, m)
		}
	}
}
