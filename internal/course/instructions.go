package course

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/ogoh/ogoh/internal/domain"
)

// instructions are, per kind of question and language, the sentences that
// tell a learner how to answer: the hint the quiz screen already shows
// above every question of that kind (locales' quiz.hint.<kind>, first in
// each list) and the ways authors have written the same thing into a
// question's text. A text that repeats one makes the learner read it twice.
var instructions = map[domain.Kind]map[string][]string{
	domain.KindSingle: {
		"en": {"Choose one answer.", "Choose one."},
		"ru": {"Выберите один ответ.", "Выберите один вариант."},
		"uz": {"Bitta javobni tanlang.", "Bitta javobni belgilang."},
	},
	domain.KindMultiple: {
		"en": {"Choose all answers that apply.", "Choose all that apply.", "Select all that apply.", "Tick all that apply."},
		"ru": {"Выберите все верные ответы.", "Выберите все подходящие ответы.", "Выберите все подходящие.", "Выберите все верные."},
		"uz": {"Barcha toʻgʻri javoblarni tanlang.", "Barcha toʻgʻri javoblarni belgilang.", "Barcha toʻgʻrilarini tanlang.", "Barcha toʻgʻrilarini belgilang."},
	},
	domain.KindTrueFalse: {
		"en": {"True or false?"},
		"ru": {"Верно или неверно?"},
		"uz": {"Toʻgʻri yoki notoʻgʻri?"},
	},
	domain.KindOrdering: {
		"en": {"Put the items in the right order with the arrows."},
		"ru": {"Расставьте элементы в правильном порядке с помощью стрелок."},
		"uz": {"Oʻqcha tugmalari yordamida bandlarni toʻgʻri tartibda joylashtiring."},
	},
	domain.KindMatching: {
		"en": {"Match each item on the left with one on the right."},
		"ru": {"Сопоставьте каждый элемент слева с одним элементом справа."},
		"uz": {"Chapdagi har bir bandni oʻngdagi bittasi bilan moslang."},
	},
}

// Instructions returns the sentences a question of kind k must not repeat
// in lang, the quiz screen's own hint first.
func Instructions(k domain.Kind, lang string) []string { return instructions[k][lang] }

// RepeatedInstruction returns the sentence of text that repeats the
// instruction of its kind in lang, or "" when none does. Case, spacing,
// punctuation and the apostrophe used for ʻ do not matter.
func RepeatedInstruction(k domain.Kind, lang, text string) string {
	known := map[string]bool{}
	for _, s := range instructions[k][lang] {
		known[plainWords(s)] = true
	}
	for _, s := range splitSentences(text) {
		if known[plainWords(s)] {
			return s
		}
	}
	return ""
}

// InstructionWarnings names every question text of c that repeats the
// instruction the quiz screen shows for its kind, with the course, the
// language, the quiz file and the question. Like CueWarnings they are for
// the author and do not refuse the course.
func InstructionWarnings(c *Course) []string {
	c.LoadParts()
	var out []string
	for _, q := range c.Quizzes {
		for _, qu := range q.Questions {
			for _, lang := range c.Languages {
				if s := RepeatedInstruction(qu.Type, lang, qu.Text[lang]); s != "" {
					out = append(out, fmt.Sprintf("%s [%s]: %s: question %q repeats %q, which the quiz screen already shows for a %s question; take it out of the text",
						c.ID, lang, q.File, qu.ID, s, qu.Type))
				}
			}
		}
	}
	return out
}

// Warnings are every warning about c: the cues, the repeated
// instructions, the sources without a description and the images kept at
// 16 bits a channel.
func Warnings(c *Course) []string {
	out := append(CueWarnings(c), InstructionWarnings(c)...)
	out = append(out, SourceWarnings(c)...)
	return append(out, ImageWarnings(c)...)
}

// SourceWarnings names each source without a description in a language
// the course offers: its title stays as published, so a learner reading
// in another language would not know what it is.
func SourceWarnings(c *Course) []string {
	var out []string
	for _, s := range c.Sources {
		for _, lang := range c.Languages {
			if strings.TrimSpace(s.Description[lang]) == "" {
				out = append(out, fmt.Sprintf("%s [%s]: course.toml: source %q has no description (description.%s): the title stays as published, the description says in the learner's language what it is",
					c.ID, lang, s.ID, lang))
			}
		}
	}
	return out
}

// splitSentences splits at a full stop, question or exclamation mark
// followed by a space.
func splitSentences(text string) []string {
	var out []string
	start := 0
	rs := []rune(text)
	for i, r := range rs {
		if (r == '.' || r == '?' || r == '!') && (i+1 == len(rs) || unicode.IsSpace(rs[i+1])) {
			out = append(out, strings.TrimSpace(string(rs[start:i+1])))
			start = i + 1
		}
	}
	if rest := strings.TrimSpace(string(rs[start:])); rest != "" {
		out = append(out, rest)
	}
	return out
}

// plainWords lowercases s and keeps its letters and digits, one space
// between words; every apostrophe-like mark becomes ʻ, as authors type
// oʻ and gʻ with ', ‘ or ’ too.
func plainWords(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '‘' || r == '’' || r == 'ʼ' || r == 'ʻ' || r == '`':
			b.WriteRune('ʻ')
			space = false
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			space = false
		default:
			space = true
		}
	}
	return b.String()
}
