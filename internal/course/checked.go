package course

import (
	"fmt"
	"io/fs"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/pelletier/go-toml/v2"
)

// LoadChecked reads a course that Load accepted before and that has not
// changed since, as the library's record of checked folders says: it
// decodes the manifest and skips the checks. Its quiz pools and scenarios
// are decoded, with their answer keys filled as Load fills them, when
// first asked for (LoadParts): the catalogue shows none of them, and the
// nine bundled courses' pools and scenarios are 90% of their text (4 MB of
// peak memory at the catalogue). Any error means the caller should Load the
// folder instead, so its problems are reported properly.
func LoadChecked(fsys fs.FS) (*Course, error) {
	var c Course
	if err := decodeFile(fsys, ManifestFile, &c); err != nil {
		return nil, err
	}
	c.fsys = fsys
	c.parts = &parts{}
	return &c, nil
}

// parts is the reading of a checked course's quiz pools and scenarios.
type parts struct {
	once    sync.Once
	err     error
	decoded atomic.Bool // once has run
	// mu guards ids: each quiz's question IDs, read by HasQuestion while
	// the pools are not decoded.
	mu  sync.Mutex
	ids map[string][]string // quiz file -> question IDs
}

// LoadParts reads the quiz pools and scenarios of a course LoadChecked
// read, once; a course Load read has them already. Quiz and Scenario call
// it; code that walks Quizzes or Scenarios for their questions or steps
// calls it first. The files are those checked before, so an error is the
// disk's.
func (c *Course) LoadParts() error {
	if c.parts == nil {
		return nil
	}
	c.parts.once.Do(func() {
		c.parts.err = c.decodeParts()
		c.parts.decoded.Store(true)
	})
	return c.parts.err
}

// HasQuestion tells whether the course's quiz has the question. Until its
// pools are decoded it reads only the quiz's question IDs: the catalogue
// counts the questions due for review, which a course update may have
// removed, and decoding the pools of every course with one due held half
// a megabyte of text the catalogue never shows. A quiz file that cannot be
// read has no questions, as in Quiz.
func (c *Course) HasQuestion(quizID, questionID string) bool {
	q := c.manifestQuiz(quizID)
	if q == nil {
		return false
	}
	if c.parts == nil || c.parts.decoded.Load() {
		return q.Question(questionID) != nil
	}
	ids, err := c.parts.questionIDs(c.fsys, q.File)
	return err == nil && slices.Contains(ids, questionID)
}

// manifestQuiz is the quiz with id as the manifest lists it, its pool
// decoded or not.
func (c *Course) manifestQuiz(id string) *Quiz {
	for i := range c.Quizzes {
		if c.Quizzes[i].ID == id {
			return &c.Quizzes[i]
		}
	}
	return nil
}

// questionIDs reads the IDs of a quiz file's questions, once.
func (p *parts) questionIDs(fsys fs.FS, file string) ([]string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if ids, ok := p.ids[file]; ok {
		return ids, nil
	}
	var f struct {
		Questions []struct {
			ID string `toml:"id"`
		} `toml:"questions"`
	}
	if err := decodeFile(fsys, file, &f); err != nil {
		return nil, err
	}
	ids := make([]string, len(f.Questions))
	for i, q := range f.Questions {
		ids[i] = q.ID
	}
	if p.ids == nil {
		p.ids = map[string][]string{}
	}
	p.ids[file] = ids
	return ids, nil
}

func (c *Course) decodeParts() error {
	for i := range c.Quizzes {
		q := &c.Quizzes[i]
		var f quizFile
		if err := decodeFile(c.fsys, q.File, &f); err != nil {
			return fmt.Errorf("course %q: %w", c.ID, err)
		}
		q.Questions = f.Questions
		for j := range q.Questions {
			answerKey(&q.Questions[j])
		}
	}
	for i := range c.Scenarios {
		sc := &c.Scenarios[i]
		var f scenarioFile
		if err := decodeFile(c.fsys, sc.File, &f); err != nil {
			return fmt.Errorf("course %q: %w", c.ID, err)
		}
		sc.Intro, sc.Start, sc.Steps = f.Intro, f.Start, f.Steps
	}
	return nil
}

func decodeFile(fsys fs.FS, name string, v any) error {
	data, err := fs.ReadFile(fsys, name)
	if err == nil {
		err = toml.Unmarshal(data, v)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
