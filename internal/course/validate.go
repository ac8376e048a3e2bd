package course

import (
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"
)

var (
	slugRe   = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,63}$`)
	semverRe = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$`)
	langRe   = regexp.MustCompile(`^[a-z]{2,3}$`)
)

// hasLesson reports whether the course has a lesson id, through the set
// the manifest check made: a search of the list for every question and
// scenario was quadratic in a long manifest.
func (c *Course) hasLesson(id string) bool {
	if c.lessonIDs == nil {
		return c.Lesson(id) != nil
	}
	return c.lessonIDs[id]
}

// ValidID reports whether s is a stable ID: a lowercase ASCII slug.
func ValidID(s string) bool { return slugRe.MatchString(s) }

// validateManifest checks course.toml: its own fields, then each list in
// it. Lessons, quizzes, scenarios and sources share one set of IDs, so no
// two of them are named alike.
func validateManifest(c *Course, r reporter) {
	checkCourseFields(c, r)
	ids := newIDSet(r)
	checkLessonList(c, r, ids)
	checkQuizList(c, r, ids)
	for i, sc := range c.Scenarios {
		validateScenarioRef(c, r, i, sc, ids)
	}
	checkSourceList(c, r, ids)
}

// checkCourseFields checks the manifest's fields about the course itself.
func checkCourseFields(c *Course, r reporter) {
	if c.Format != FormatVersion {
		r.at("format", "format must be %d (got %d)", FormatVersion, c.Format)
	}
	if !ValidID(c.ID) {
		r.at("id", "id %q must be a lowercase slug (a-z, 0-9, -)", c.ID)
	}
	if !semverRe.MatchString(c.Version) {
		r.at("version", "version %q must be MAJOR.MINOR.PATCH, e.g. 1.0.0", c.Version)
	}
	checkLanguages(c, r)
	if c.EstimatedMinutes <= 0 {
		r.at("estimated_minutes", "estimated_minutes must be a positive number of minutes")
	}
	checkText(c, r, "title", c.Title, true)
	checkText(c, r, "description", c.Description, true)
	checkText(c, r, "audience", c.Audience, true)
}

// checkLessonList checks [[lessons]] and records their IDs for hasLesson.
func checkLessonList(c *Course, r reporter, ids idSet) {
	if len(c.Lessons) == 0 {
		r.at("lessons", "a course needs at least one lesson")
	}
	c.lessonIDs = make(map[string]bool, len(c.Lessons))
	for i, l := range c.Lessons {
		c.lessonIDs[l.ID] = true
		key := fmt.Sprintf("lessons.%d", i)
		ids.add(key+".id", "lesson", l.ID)
		if l.File == "" || !fs.ValidPath(l.File) || strings.Contains(l.File, "/") || !strings.HasSuffix(l.File, ".md") {
			r.at(key+".file", "lesson %q needs file = \"name.md\" (the file in lessons/<language>/)", l.ID)
		}
		checkText(c, r, key+".title", l.Title, true)
	}
}

// checkQuizList checks [[quizzes]]; their questions are checked with
// their files.
func checkQuizList(c *Course, r reporter, ids idSet) {
	for i, q := range c.Quizzes {
		key := fmt.Sprintf("quizzes.%d", i)
		ids.add(key+".id", "quiz", q.ID)
		if q.File == "" || !fs.ValidPath(q.File) || !strings.HasSuffix(q.File, ".toml") {
			r.at(key+".file", "quiz %q needs file = \"quiz-name.toml\"", q.ID)
		}
		if q.PassMark < 1 || q.PassMark > 100 {
			r.at(key+".pass_mark", "quiz %q: pass_mark must be a percentage from 1 to 100", q.ID)
		}
		if q.Draw < 1 {
			r.at(key+".draw", "quiz %q: draw must be at least 1", q.ID)
		}
		checkText(c, r, key+".title", q.Title, true)
	}
}

// checkSourceList checks [[sources]]: a course cites where its facts come
// from.
func checkSourceList(c *Course, r reporter, ids idSet) {
	if len(c.Sources) == 0 {
		r.at("sources", "a course must list the sources of its facts in [[sources]]")
	}
	for i, s := range c.Sources {
		key := fmt.Sprintf("sources.%d", i)
		ids.add(key+".id", "source", s.ID)
		if strings.TrimSpace(s.Title) == "" {
			r.at(key+".title", "source %q needs a title", s.ID)
		}
		checkSourceDescription(c, r, key, s)
	}
}

// checkSourceDescription: a description is only in the course's
// languages. One missing is a warning (SourceWarnings), not a problem: a
// trainer's pack made before descriptions existed still installs, its
// sources shown by title alone.
func checkSourceDescription(c *Course, r reporter, key string, s Source) {
	for lang := range s.Description {
		if !slices.Contains(c.Languages, lang) {
			r.at(key+".description."+lang, "course %q: source %q: description language %q is not in the course's languages", c.ID, s.ID, lang)
		}
	}
}

func checkLanguages(c *Course, r reporter) {
	if len(c.Languages) == 0 {
		r.at("languages", "languages must list at least one language code, e.g. [\"en\"]")
	}
	seen := map[string]bool{}
	for _, l := range c.Languages {
		if !langRe.MatchString(l) {
			r.at("languages", "language code %q must be two or three lowercase letters", l)
		}
		if seen[l] {
			r.at("languages", "language %q is listed twice", l)
		}
		seen[l] = true
	}
	if !seen[c.DefaultLanguage] {
		r.at("default_language", "default_language %q must be one of languages", c.DefaultLanguage)
	}
}

// checkText reports a missing translation, or text in a language the course
// does not declare (usually a typo in the code).
func checkText(c *Course, r reporter, key string, t Text, required bool) {
	if !required && len(t) == 0 {
		return
	}
	for _, lang := range c.Languages {
		if strings.TrimSpace(t[lang]) == "" {
			r.at(key, "%s: missing translation for %q", key, lang)
		}
	}
	for lang := range t {
		if !slices.Contains(c.Languages, lang) {
			r.at(key+"."+lang, "%s: language %q is not in the course's languages", key, lang)
		}
	}
}

func validateQuestions(c *Course, q *Quiz, r reporter) {
	if len(q.Questions) == 0 {
		r.at("questions", "quiz %q has no [[questions]]", q.ID)
		return
	}
	if q.Draw > len(q.Questions) {
		r.at("questions", "quiz %q draws %d questions but the file has only %d", q.ID, q.Draw, len(q.Questions))
	}
	ids := newIDSet(r)
	for i := range q.Questions {
		qu := &q.Questions[i]
		key := fmt.Sprintf("questions.%d", i)
		ids.add(key+".id", "question", qu.ID)
		checkText(c, r, key+".text", qu.Text, true)
		checkText(c, r, key+".explanation", qu.Explanation, true)
		if qu.Lesson == "" {
			r.at(key+".lesson", "question %q: lesson must name the lesson its explanation points to", qu.ID)
		} else if !c.hasLesson(qu.Lesson) {
			r.at(key+".lesson", "question %q: lesson %q does not exist in course.toml", qu.ID, qu.Lesson)
		}
		checkText(c, r, key+".feedback_true", qu.FeedbackTrue, false)
		checkText(c, r, key+".feedback_false", qu.FeedbackFalse, false)
		if !answerKinds[qu.Type].feedbackByAnswer && (len(qu.FeedbackTrue) > 0 || len(qu.FeedbackFalse) > 0) {
			r.at(key, "question %q: feedback_true and feedback_false are for truefalse questions", qu.ID)
		}
		checkChoices(c, qu, r, key)
		checkAnswer(qu, r, key)
	}
}

func checkChoices(c *Course, qu *Question, r reporter, key string) {
	ids := newIDSet(r)
	for j, o := range qu.Options {
		okey := fmt.Sprintf("%s.options.%d", key, j)
		ids.add(okey+".id", "option", o.ID)
		checkText(c, r, okey+".text", o.Text, true)
		checkText(c, r, okey+".feedback", o.Feedback, false)
	}
	for j, p := range qu.Pairs {
		pkey := fmt.Sprintf("%s.pairs.%d", key, j)
		ids.add(pkey+".id", "pair", p.ID)
		checkText(c, r, pkey+".left", p.Left, true)
		checkText(c, r, pkey+".right", p.Right, true)
	}
}

type idSet struct {
	r    reporter
	seen map[string]bool
}

func newIDSet(r reporter) idSet { return idSet{r: r, seen: map[string]bool{}} }

func (s idSet) add(key, kind, id string) {
	switch {
	case !ValidID(id):
		s.r.at(key, "%s id %q must be a lowercase slug (a-z, 0-9, -)", kind, id)
	case s.seen[id]:
		s.r.at(key, "duplicate %s id %q", kind, id)
	}
	s.seen[id] = true
}
