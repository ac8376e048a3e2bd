package course_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/locales"
	"github.com/pelletier/go-toml/v2"
)

// TestQuestionsDoNotRepeatTheirInstruction: the quiz screen shows each
// kind's instruction ("Choose all answers that apply.") above the question,
// so no question of a bundled course or the example course says it again
// in its own text, in any language.
func TestQuestionsDoNotRepeatTheirInstruction(t *testing.T) {
	for _, c := range bundledAndExample(t) {
		for _, w := range course.InstructionWarnings(c) {
			t.Error(w)
		}
	}
}

// TestTheInstructionsStartWithTheQuizScreensHint: the check knows, first
// for every kind and language, the very hint the quiz screen shows
// (locales' quiz.hint.<kind>), so a reworded hint cannot leave it behind.
func TestTheInstructionsStartWithTheQuizScreensHint(t *testing.T) {
	for _, lang := range []string{"en", "ru", "uz"} {
		data, err := locales.FS.ReadFile(lang + ".toml")
		if err != nil {
			t.Fatal(err)
		}
		var keys map[string]any
		if err := toml.Unmarshal(data, &keys); err != nil {
			t.Fatal(err)
		}
		for _, k := range domain.Kinds {
			hint, _ := keys["quiz.hint."+string(k)].(string)
			got := course.Instructions(k, lang)
			if hint == "" || len(got) == 0 || got[0] != hint {
				t.Errorf("%s %s: the check's first instruction is %q, the quiz screen shows %q", lang, k, got, hint)
			}
		}
	}
}

func TestARepeatedInstructionIsFound(t *testing.T) {
	for _, tc := range []struct {
		kind       domain.Kind
		lang, text string
		want       string
	}{
		{domain.KindMultiple, "en", "Which of these are signs? Choose all that apply.", "Choose all that apply."},
		{domain.KindMultiple, "en", "Which of these are signs? choose ALL answers that apply", "choose ALL answers that apply"},
		{domain.KindMultiple, "ru", "Какие из этих признаков? Выберите все подходящие ответы.", "Выберите все подходящие ответы."},
		{domain.KindMultiple, "ru", "Какие шаги вы посоветуете? Выберите все подходящие.", "Выберите все подходящие."},
		{domain.KindMultiple, "uz", "Qaysilari belgi? Barcha toʻgʻri javoblarni belgilang.", "Barcha toʻgʻri javoblarni belgilang."},
		{domain.KindMultiple, "uz", "Qaysilari belgi? Barcha to'g'rilarini tanlang.", "Barcha to'g'rilarini tanlang."}, // an ASCII apostrophe too
		{domain.KindSingle, "en", "Choose one answer. What do you do?", "Choose one answer."},
		{domain.KindTrueFalse, "ru", "Ребёнку нужен опекун. Верно или неверно?", "Верно или неверно?"},
		{domain.KindMatching, "uz", "Chapdagi har bir bandni oʻngdagi bittasi bilan moslang.", "Chapdagi har bir bandni oʻngdagi bittasi bilan moslang."},
		// The question itself stays: it says what to do with these items.
		{domain.KindOrdering, "en", "A man escaped a scam compound. Put your steps in order.", ""},
		{domain.KindMatching, "en", "Match each term to what it means.", ""},
		{domain.KindMultiple, "en", "Which rules apply to all of them?", ""},
		// Another kind's instruction is not this kind's.
		{domain.KindSingle, "en", "Which of these are signs? Choose all that apply.", ""},
	} {
		if got := course.RepeatedInstruction(tc.kind, tc.lang, tc.text); got != tc.want {
			t.Errorf("%s %s %q: found %q, want %q", tc.kind, tc.lang, tc.text, got, tc.want)
		}
	}
}

// TestInstructionWarningsNameTheQuestion: a trainer's course that repeats
// the instruction is told where, in each language, and still loads.
func TestInstructionWarningsNameTheQuestion(t *testing.T) {
	dir := broken(t, map[string]func(string) string{"quiz.toml": func(s string) string {
		s = replace(`text.en = "Which of these are means?"`, `text.en = "Which of these are means? Choose all that apply."`)(s)
		return replace(`text.ru = "Что из этого относится к способам?"`, `text.ru = "Что из этого относится к способам? Выберите все верные ответы."`)(s)
	}})
	c, err := course.LoadDir(dir)
	if err != nil {
		t.Fatalf("a repeated instruction is a warning, not a problem: %v", err)
	}
	got := strings.Join(course.Warnings(c), "\n")
	for _, lang := range []string{"en", "ru"} {
		want := fmt.Sprintf(`example-course [%s]: quiz.toml: question "means" repeats`, lang)
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %q:\n%s", want, got)
		}
	}
}
