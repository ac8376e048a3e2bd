package course

import (
	"fmt"
	"io/fs"
	"sync"

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
	once sync.Once
	err  error
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
	c.parts.once.Do(func() { c.parts.err = c.decodeParts() })
	return c.parts.err
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
