// Package course holds the course model and reads course folders: the
// manifest (course.toml), quiz files and per-language Markdown lessons.
// It never imports Fyne or the store.
package course

import (
	"io/fs"
	"path"

	"github.com/ogoh/ogoh/internal/domain"
)

// FormatVersion is the course format this package reads.
const FormatVersion = 1

// Text is one string in several languages, keyed by language code.
type Text map[string]string

// In returns the text in lang, falling back to fallback and then to any
// language, so a learner never sees an empty label.
func (t Text) In(lang, fallback string) string {
	if s, ok := t[lang]; ok && s != "" {
		return s
	}
	if s, ok := t[fallback]; ok && s != "" {
		return s
	}
	for _, s := range t {
		return s
	}
	return ""
}

// Course is a loaded, validated course.
type Course struct {
	Format           int        `toml:"format"`
	ID               string     `toml:"id"`
	Version          string     `toml:"version"`
	Languages        []string   `toml:"languages"`
	DefaultLanguage  string     `toml:"default_language"`
	EstimatedMinutes int        `toml:"estimated_minutes"`
	Order            int        `toml:"order"`         // place in the catalogue; courses without one come last
	ShowContacts     bool       `toml:"show_contacts"` // show the post's referral contacts on the course page
	Title            Text       `toml:"title"`
	Description      Text       `toml:"description"`
	Audience         Text       `toml:"audience"`
	Lessons          []Lesson   `toml:"lessons"`
	Quizzes          []Quiz     `toml:"quizzes"`
	Scenarios        []Scenario `toml:"scenarios"`
	Sources          []Source   `toml:"sources"`

	fsys fs.FS
	// The manifest's line index, built once per Load when a problem is
	// first reported: one per missing file made a manifest of 800 missing
	// quizzes take 5 s to check.
	manifestIndex func() lineIndex
	lessonIDs     map[string]bool // for the checks of what names a lesson
	parts         *parts          // LoadChecked's: the quiz pools and scenarios, read when first asked for
}

// Lesson is one lesson; its body lives in lessons/<lang>/<File>.
type Lesson struct {
	ID      string `toml:"id"`
	File    string `toml:"file"`
	Minutes int    `toml:"minutes"`
	Title   Text   `toml:"title"`
}

// Quiz is a pool of questions from which Draw are picked for an attempt.
type Quiz struct {
	ID        string `toml:"id"`
	File      string `toml:"file"`
	PassMark  int    `toml:"pass_mark"` // percent
	Draw      int    `toml:"draw"`
	Title     Text   `toml:"title"`
	Questions []Question
}

// Scenario is a branching case: the learner meets a situation, chooses,
// and each choice leads to a further step, until an ending.
type Scenario struct {
	ID     string `toml:"id"`
	File   string `toml:"file"`
	Lesson string `toml:"lesson"` // the lesson it practises
	Title  Text   `toml:"title"`

	Intro Text   `toml:"-"` // from the scenario file
	Start string `toml:"-"` // first step
	Steps []Step `toml:"-"`
}

// Step is one moment of a scenario: a situation with choices, or an ending.
type Step struct {
	ID      string   `toml:"id"`
	Text    Text     `toml:"text"`
	Choices []Choice `toml:"choices"`
	End     bool     `toml:"end"`
	Outcome string   `toml:"outcome"` // endings: good, mixed or poor
}

// Choice is one option at a step, with the feedback that explains it.
type Choice struct {
	ID       string `toml:"id"`
	Text     Text   `toml:"text"`
	Feedback Text   `toml:"feedback"`
	Quality  string `toml:"quality"` // best, acceptable or poor
	Next     string `toml:"next"`
}

// Scenario outcomes and choice qualities.
var (
	Outcomes  = []string{"good", "mixed", "poor"}
	Qualities = []string{"best", "acceptable", "poor"}
)

// Source is a document the course cites. Title is the document's title as
// published, in the language it was published in, never translated;
// Description says, in each of the course's languages, what the document
// is and what the course takes from it.
type Source struct {
	ID          string `toml:"id"`
	Title       string `toml:"title"`
	Description Text   `toml:"description"`
	Publisher   string `toml:"publisher"`
	Year        int    `toml:"year"`
	URL         string `toml:"url"`
}

// Question is one quiz question. The answer key is stated once, by option
// IDs, so every language scores the same.
type Question struct {
	ID          string      `toml:"id"`
	Type        domain.Kind `toml:"type"`
	Lesson      string      `toml:"lesson"`
	Text        Text        `toml:"text"`
	Explanation Text        `toml:"explanation"`
	Options     []Option    `toml:"options"`
	Pairs       []Pair      `toml:"pairs"`
	Answer      any         `toml:"answer"`
	// Optional: what a true/false answer of each kind is told.
	FeedbackTrue  Text `toml:"feedback_true"`
	FeedbackFalse Text `toml:"feedback_false"`
	// Optional, kept from imported question banks.
	Category string `toml:"category"`
	Title    string `toml:"title"`

	// Filled from Answer during validation.
	Correct     []string // option IDs: single (1), multiple (set), ordering (sequence)
	CorrectBool bool     // truefalse
}

// Option is a choice of a single, multiple or ordering question.
type Option struct {
	ID       string `toml:"id"`
	Text     Text   `toml:"text"`
	Feedback Text   `toml:"feedback"`
}

// Pair is one left–right match of a matching question.
type Pair struct {
	ID    string `toml:"id"`
	Left  Text   `toml:"left"`
	Right Text   `toml:"right"`
}

// Lesson returns the lesson with id, or nil.
func (c *Course) Lesson(id string) *Lesson {
	for i := range c.Lessons {
		if c.Lessons[i].ID == id {
			return &c.Lessons[i]
		}
	}
	return nil
}

// Quiz returns the quiz with id, or nil.
func (c *Course) Quiz(id string) *Quiz {
	c.LoadParts() // on an error the quiz has no questions, and starting it says so
	return c.manifestQuiz(id)
}

// Scenario returns the scenario with id, or nil.
func (c *Course) Scenario(id string) *Scenario {
	c.LoadParts() // on an error the scenario has no steps, and starting it says so
	for i := range c.Scenarios {
		if c.Scenarios[i].ID == id {
			return &c.Scenarios[i]
		}
	}
	return nil
}

// Step returns the step with id, or nil.
func (s *Scenario) Step(id string) *Step {
	for i := range s.Steps {
		if s.Steps[i].ID == id {
			return &s.Steps[i]
		}
	}
	return nil
}

// Question returns the question with id, or nil.
func (q *Quiz) Question(id string) *Question {
	for i := range q.Questions {
		if q.Questions[i].ID == id {
			return &q.Questions[i]
		}
	}
	return nil
}

// Option returns the option with id, or nil.
func (q *Question) Option(id string) *Option {
	for i := range q.Options {
		if q.Options[i].ID == id {
			return &q.Options[i]
		}
	}
	return nil
}

// Lang picks the language to show: the learner's when the course has it,
// else the course's default.
func (c *Course) Lang(want string) string {
	for _, l := range c.Languages {
		if l == want {
			return want
		}
	}
	return c.DefaultLanguage
}

// LessonMarkdown returns the Markdown body of a lesson in lang.
func (c *Course) LessonMarkdown(l *Lesson, lang string) (string, error) {
	b, err := fs.ReadFile(c.fsys, path.Join("lessons", c.Lang(lang), l.File))
	if err != nil {
		return "", err
	}
	return string(b), nil
}
