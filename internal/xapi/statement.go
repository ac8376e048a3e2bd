// Package xapi turns learning events into xAPI 1.0.3 statements. It is
// pure, like quiz: a statement is built once, at the event, and its bytes
// are what every route sends, so a statement can never change or double.
package xapi

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/quiz"
)

// Version is the xAPI version Ogoh speaks.
const Version = "1.0.3"

// ADL verbs.
const (
	VerbExperienced = "http://adlnet.gov/expapi/verbs/experienced"
	VerbCompleted   = "http://adlnet.gov/expapi/verbs/completed"
	VerbAnswered    = "http://adlnet.gov/expapi/verbs/answered"
	VerbAttempted   = "http://adlnet.gov/expapi/verbs/attempted"
	VerbPassed      = "http://adlnet.gov/expapi/verbs/passed"
	VerbFailed      = "http://adlnet.gov/expapi/verbs/failed"
)

// ADL activity types.
const (
	typeCourse      = "http://adlnet.gov/expapi/activities/course"
	typeLesson      = "http://adlnet.gov/expapi/activities/lesson"
	typeAssessment  = "http://adlnet.gov/expapi/activities/assessment"
	typeInteraction = "http://adlnet.gov/expapi/activities/cmi.interaction"
	typeSimulation  = "http://adlnet.gov/expapi/activities/simulation"
)

// Config is what the organisation decides about its statements.
type Config struct {
	// ActivityBase is the IRI under which course, lesson, quiz and question
	// IDs become activity IDs.
	ActivityBase string
	// HomePage is the organisation's home page, the xAPI account's homePage.
	HomePage string
	// SendNames puts the learner's name in the actor; off by default.
	SendNames bool
	// StaffNumbers names learners in their account by staff number, when
	// they gave one, instead of the UUID made on the device.
	StaffNumbers bool
}

// DefaultConfig is used until an organisation sets its own. ".invalid" is
// reserved, so it never points at anyone's server.
var DefaultConfig = Config{ActivityBase: "https://ogoh.invalid/xapi", HomePage: "https://ogoh.invalid"}

// Builder makes statements for one device.
type Builder struct {
	Config   Config
	DeviceID string
	Now      func() time.Time
	NewID    func() string
}

// Statement is the JSON shape of an xAPI statement that Ogoh sends. Every
// optional part is omitted when empty: xAPI forbids nulls.
type Statement struct {
	ID        string   `json:"id"`
	Actor     Actor    `json:"actor"`
	Verb      Verb     `json:"verb"`
	Object    Activity `json:"object"`
	Result    *Result  `json:"result,omitempty"`
	Context   *Context `json:"context,omitempty"`
	Timestamp string   `json:"timestamp"`
}

// Actor is the learner as an account at the organisation.
type Actor struct {
	ObjectType string  `json:"objectType"`
	Name       string  `json:"name,omitempty"`
	Account    Account `json:"account"`
}

// Account identifies a learner without a name or e-mail address.
type Account struct {
	HomePage string `json:"homePage"`
	Name     string `json:"name"`
}

// Verb is an ADL verb with its English display.
type Verb struct {
	ID      string            `json:"id"`
	Display map[string]string `json:"display"`
}

// Activity is a course, lesson, quiz, question or scenario.
type Activity struct {
	ObjectType string      `json:"objectType"`
	ID         string      `json:"id"`
	Definition *Definition `json:"definition,omitempty"`
}

// Definition describes an activity; questions are cmi.interactions.
type Definition struct {
	Name                    map[string]string `json:"name,omitempty"`
	Type                    string            `json:"type,omitempty"`
	InteractionType         string            `json:"interactionType,omitempty"`
	CorrectResponsesPattern []string          `json:"correctResponsesPattern,omitempty"`
	Choices                 []Component       `json:"choices,omitempty"`
	Source                  []Component       `json:"source,omitempty"`
	Target                  []Component       `json:"target,omitempty"`
}

// Component is one choice, or one side of a matching question.
type Component struct {
	ID          string            `json:"id"`
	Description map[string]string `json:"description"`
}

// Result of an answer, a quiz or a scenario.
type Result struct {
	Score      *Score `json:"score,omitempty"`
	Success    *bool  `json:"success,omitempty"`
	Completion *bool  `json:"completion,omitempty"`
	Response   string `json:"response,omitempty"`
	Duration   string `json:"duration,omitempty"`
}

// Score of a quiz or of a matching question. Raw may be a fraction: a
// matching question earns the share of its pairs matched right.
type Score struct {
	Scaled float64 `json:"scaled"`
	Raw    float64 `json:"raw"`
	Min    int     `json:"min"`
	Max    int     `json:"max"`
}

// Context ties a statement to its attempt, course and device.
type Context struct {
	Registration      string             `json:"registration,omitempty"`
	Language          string             `json:"language,omitempty"`
	Platform          string             `json:"platform,omitempty"`
	ContextActivities *ContextActivities `json:"contextActivities,omitempty"`
	Extensions        map[string]any     `json:"extensions,omitempty"`
}

// ContextActivities places an activity inside its quiz and course.
type ContextActivities struct {
	Parent   []Activity `json:"parent,omitempty"`
	Grouping []Activity `json:"grouping,omitempty"`
}

// Subject is who did it and in what.
type Subject struct {
	Learner domain.Learner
	Course  *course.Course
	Lang    string // the language the learner used
}

func (b *Builder) finish(st Statement) domain.Statement {
	st.ID = b.NewID()
	st.Timestamp = b.Now().Format("2006-01-02T15:04:05.000Z07:00")
	body, err := json.Marshal(st)
	if err != nil {
		panic(fmt.Sprintf("xAPI statement does not encode: %v", err)) // only plain types: cannot happen
	}
	return domain.Statement{ID: st.ID, Body: asciiJSON(body)}
}

// asciiJSON writes every non-ASCII character of encoded JSON as a \u
// escape. The JSON means the same, but no byte of a Cyrillic or Uzbek
// letter can be split across network reads: an LRS that decodes chunks
// one by one (as Learning Locker's does) would otherwise store a damaged
// copy and then refuse the statement as a conflict when it is resent.
func asciiJSON(b []byte) []byte {
	var out []byte
	for i, r := range string(b) {
		if r < utf8.RuneSelf {
			if out != nil {
				out = append(out, byte(r))
			}
			continue
		}
		if out == nil {
			out = append(make([]byte, 0, len(b)*2), b[:i]...)
		}
		if r > 0xFFFF {
			hi, lo := utf16.EncodeRune(r)
			out = fmt.Appendf(out, `\u%04x\u%04x`, hi, lo)
		} else {
			out = fmt.Appendf(out, `\u%04x`, r)
		}
	}
	if out == nil {
		return b
	}
	return out
}

func (b *Builder) actor(l domain.Learner) Actor {
	a := Actor{ObjectType: "Agent", Account: Account{HomePage: b.Config.HomePage, Name: l.ID}}
	if b.Config.StaffNumbers && l.StaffNumber != "" {
		a.Account.Name = l.StaffNumber
	}
	if b.Config.SendNames {
		a.Name = l.Name
	}
	return a
}

func verb(id string) Verb {
	return Verb{ID: id, Display: map[string]string{"en-US": id[strings.LastIndexByte(id, '/')+1:]}}
}

// names is a text in each of the course's languages, as an xAPI language map.
func names(c *course.Course, t course.Text) map[string]string {
	m := map[string]string{}
	for _, lang := range c.Languages {
		if s := t[lang]; s != "" {
			m[lang] = s
		}
	}
	return m
}

func (b *Builder) iri(parts ...string) string {
	return strings.TrimSuffix(b.Config.ActivityBase, "/") + "/" + strings.Join(parts, "/")
}

func (b *Builder) courseActivity(c *course.Course) Activity {
	return Activity{ObjectType: "Activity", ID: b.iri("courses", c.ID),
		Definition: &Definition{Name: names(c, c.Title), Type: typeCourse}}
}

func (b *Builder) lessonActivity(c *course.Course, l *course.Lesson) Activity {
	return Activity{ObjectType: "Activity", ID: b.iri("courses", c.ID, "lessons", l.ID),
		Definition: &Definition{Name: names(c, l.Title), Type: typeLesson}}
}

func (b *Builder) quizActivity(c *course.Course, q *course.Quiz) Activity {
	return Activity{ObjectType: "Activity", ID: b.iri("courses", c.ID, "quizzes", q.ID),
		Definition: &Definition{Name: names(c, q.Title), Type: typeAssessment}}
}

func (b *Builder) scenarioActivity(c *course.Course, sc *course.Scenario) Activity {
	return Activity{ObjectType: "Activity", ID: b.iri("courses", c.ID, "scenarios", sc.ID),
		Definition: &Definition{Name: names(c, sc.Title), Type: typeSimulation}}
}

func (b *Builder) context(s Subject, registration string, parent ...Activity) *Context {
	ctx := &Context{
		Registration: registration,
		Language:     s.Lang,
		Platform:     "Ogoh",
		Extensions: map[string]any{
			b.iri("extensions", "device-id"):      b.DeviceID,
			b.iri("extensions", "course-version"): s.Course.Version,
		},
	}
	if len(parent) > 0 {
		ctx.ContextActivities = &ContextActivities{Parent: parent}
		if parent[0].ID != b.iri("courses", s.Course.ID) {
			ctx.ContextActivities.Grouping = []Activity{b.courseActivity(s.Course)}
		}
	}
	return ctx
}

// LessonExperienced: the learner opened a lesson.
func (b *Builder) LessonExperienced(s Subject, l *course.Lesson) domain.Statement {
	return b.finish(Statement{Actor: b.actor(s.Learner), Verb: verb(VerbExperienced),
		Object: b.lessonActivity(s.Course, l), Context: b.context(s, "", b.courseActivity(s.Course))})
}

// LessonCompleted: the learner read a lesson to the end.
func (b *Builder) LessonCompleted(s Subject, l *course.Lesson) domain.Statement {
	return b.finish(Statement{Actor: b.actor(s.Learner), Verb: verb(VerbCompleted),
		Object: b.lessonActivity(s.Course, l), Result: &Result{Completion: ptr(true)},
		Context: b.context(s, "", b.courseActivity(s.Course))})
}

// QuizAttempted: the learner started an attempt (the registration).
func (b *Builder) QuizAttempted(s Subject, q *course.Quiz, attemptID string) domain.Statement {
	return b.finish(Statement{Actor: b.actor(s.Learner), Verb: verb(VerbAttempted),
		Object: b.quizActivity(s.Course, q), Context: b.context(s, attemptID, b.courseActivity(s.Course))})
}

// QuestionAnswered: one answer, with the response and whether it was
// right; a matching question's also with its score: the pairs matched
// right of all its pairs, which is the share of a question it earns.
func (b *Builder) QuestionAnswered(s Subject, q *course.Quiz, qu *course.Question, attemptID string, response []string, correct bool) domain.Statement {
	res := &Result{Response: responsePattern(qu, response), Success: ptr(correct)}
	if qu.Type == domain.KindMatching && len(qu.Pairs) > 0 {
		right := quiz.RightPairs(qu, response)
		res.Score = &Score{Raw: float64(right), Min: 0, Max: len(qu.Pairs), Scaled: float64(right) / float64(len(qu.Pairs))}
	}
	return b.finish(Statement{Actor: b.actor(s.Learner), Verb: verb(VerbAnswered),
		Object:  b.questionActivity(s.Course, q, qu),
		Result:  res,
		Context: b.context(s, attemptID, b.quizActivity(s.Course, q))})
}

// QuizFinished gives two statements: passed or failed (success, score,
// duration), then completed (completion, score, duration).
// The score is the points earned (questions fully right plus the partial
// credit of matching questions, quiz.Result.Points) of max questions.
func (b *Builder) QuizFinished(s Subject, q *course.Quiz, attemptID string, score float64, max int, passed bool, took time.Duration) []domain.Statement {
	sc := &Score{Raw: score, Min: 0, Max: max}
	if max > 0 {
		sc.Scaled = score / float64(max)
	}
	v := VerbFailed
	if passed {
		v = VerbPassed
	}
	d := isoDuration(took)
	return []domain.Statement{
		b.finish(Statement{Actor: b.actor(s.Learner), Verb: verb(v), Object: b.quizActivity(s.Course, q),
			Result:  &Result{Score: sc, Success: ptr(passed), Duration: d},
			Context: b.context(s, attemptID, b.courseActivity(s.Course))}),
		b.finish(Statement{Actor: b.actor(s.Learner), Verb: verb(VerbCompleted), Object: b.quizActivity(s.Course, q),
			Result:  &Result{Score: sc, Completion: ptr(true), Duration: d},
			Context: b.context(s, attemptID, b.courseActivity(s.Course))}),
	}
}

// ScenarioCompleted: the learner reached an ending of a scenario.
func (b *Builder) ScenarioCompleted(s Subject, sc *course.Scenario, outcome string, path []string) domain.Statement {
	return b.finish(Statement{Actor: b.actor(s.Learner), Verb: verb(VerbCompleted),
		Object:  b.scenarioActivity(s.Course, sc),
		Result:  &Result{Completion: ptr(true), Success: ptr(outcome == "good"), Response: strings.Join(path, "[,]")},
		Context: b.context(s, "", b.courseActivity(s.Course))})
}

// CourseCompleted: every lesson read and every quiz passed.
func (b *Builder) CourseCompleted(s Subject) domain.Statement {
	return b.finish(Statement{Actor: b.actor(s.Learner), Verb: verb(VerbCompleted),
		Object: b.courseActivity(s.Course), Result: &Result{Completion: ptr(true)}, Context: b.context(s, "")})
}

func ptr[T any](v T) *T { return &v }

// isoDuration writes d as an ISO 8601 duration with centiseconds, as xAPI asks.
func isoDuration(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	h := int(d / time.Hour)
	m := int(d % time.Hour / time.Minute)
	s := float64(d%time.Minute) / float64(time.Second)
	return fmt.Sprintf("PT%dH%dM%.2fS", h, m, s)
}
