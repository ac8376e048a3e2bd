package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/paper/papertest"
)

// TestHandoutCommandsWritePDFsToPrint: a bundled course's lesson and a
// course folder as handouts, and the pocket card with a post's contacts.
func TestHandoutCommandsWritePDFsToPrint(t *testing.T) {
	work := t.TempDir()
	lesson := filepath.Join(work, "lesson.pdf")
	ctl(t, "course", "handout", "recognising-trafficking", "--lesson", "palermo-definition", "--lang", "ru", "-o", lesson)
	data, _ := os.ReadFile(lesson)
	if text := papertest.Text(t, data); !strings.Contains(text, "Палермский протокол") {
		t.Errorf("the Russian lesson handout:\n%s", text)
	}
	folder := filepath.Join(work, "example.pdf")
	ctl(t, "course", "handout", "../../docs/example-course", "-o", folder)
	if data, _ := os.ReadFile(folder); papertest.Pages(t, data) < 2 {
		t.Error("the example course's handout has no lesson page")
	}

	dir := passedDevice(t, "Дилноза Каримова")
	card := filepath.Join(work, "card.pdf")
	ctl(t, "quickref", "card", "--data", dir, "--lang", "uz", "-o", card)
	data, _ = os.ReadFile(card)
	if text := papertest.Text(t, data); !strings.Contains(text, "Yoʻnaltirish uchun aloqalar") {
		t.Errorf("the card has no contacts page:\n%s", text)
	}
	if msg := ctlFails(t, "course", "handout", "no-such-course", "-o", card); !strings.Contains(msg, "no-such-course") {
		t.Errorf("an unknown course: %s", msg)
	}
}
