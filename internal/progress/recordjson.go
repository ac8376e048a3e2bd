package progress

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
)

// RecordFormat names the learner record's JSON schema
// (docs/learner-record.md); RecordVersion is its version.
const (
	RecordFormat  = "ogoh-learner-record"
	RecordVersion = 1
)

// The JSON below is the schema docs/learner-record.md documents: it is
// what a learner gets when they ask for their record, and what a move
// file carries. Times are UTC RFC 3339; a time not yet reached is absent.
type recordJSON struct {
	Format       string           `json:"format"`
	Version      int              `json:"version"`
	Exported     time.Time        `json:"exported"`
	Device       string           `json:"device"`
	Learner      learnerJSON      `json:"learner"`
	Lessons      []lessonJSON     `json:"lessons"`
	Completions  []completionJSON `json:"course_completions"`
	Attempts     []attemptJSON    `json:"quiz_attempts"`
	Reviews      []reviewJSON     `json:"review_items"`
	Scenarios    []scenarioJSON   `json:"scenario_runs"`
	Certificates []string         `json:"certificates"`
}

type learnerJSON struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Role        string    `json:"role"`
	Post        string    `json:"post"`
	StaffNumber string    `json:"staff_number,omitempty"`
	Language    string    `json:"language"`
	Created     time.Time `json:"created"`
}

type lessonJSON struct {
	Course    string     `json:"course"`
	Lesson    string     `json:"lesson"`
	Opened    time.Time  `json:"opened"`
	Completed *time.Time `json:"completed,omitempty"`
}

type completionJSON struct {
	Course    string    `json:"course"`
	Completed time.Time `json:"completed"`
}

type attemptJSON struct {
	ID            string       `json:"id"`
	Course        string       `json:"course"`
	CourseVersion string       `json:"course_version"`
	Quiz          string       `json:"quiz"`
	Language      string       `json:"language"`
	Seed          int64        `json:"seed"`
	Questions     []string     `json:"questions"`
	PassMark      int          `json:"pass_mark"`
	Started       time.Time    `json:"started"`
	Finished      *time.Time   `json:"finished,omitempty"`
	Score         int          `json:"score"`
	Points        *float64     `json:"points,omitempty"` // absent in records written before partial credit: Score
	Max           int          `json:"max"`
	Passed        bool         `json:"passed"`
	Answers       []answerJSON `json:"answers"`
}

type answerJSON struct {
	Position int       `json:"position"`
	Question string    `json:"question"`
	Response []string  `json:"response"`
	Correct  bool      `json:"correct"`
	Credit   *float64  `json:"credit,omitempty"` // absent in records written before partial credit: 1 if correct, else 0
	Answered time.Time `json:"answered"`
}

type reviewJSON struct {
	Course   string    `json:"course"`
	Quiz     string    `json:"quiz"`
	Question string    `json:"question"`
	Due      time.Time `json:"due"`
	Step     int       `json:"step"`
	Streak   int       `json:"streak"`
}

type scenarioJSON struct {
	ID       string    `json:"id"`
	Course   string    `json:"course"`
	Scenario string    `json:"scenario"`
	Seed     int64     `json:"seed"`
	Path     []string  `json:"path"`
	Outcome  string    `json:"outcome"`
	Finished time.Time `json:"finished"`
}

func optional(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

func required(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return *t
}

func toJSON(rec domain.LearnerRecord, device string, exported time.Time) recordJSON {
	l := rec.Learner
	out := recordJSON{Format: RecordFormat, Version: RecordVersion, Exported: exported.UTC(), Device: device,
		Learner: learnerJSON{ID: l.ID, Name: l.Name, Role: string(l.Role), Post: l.Post, StaffNumber: l.StaffNumber,
			Language: l.Language, Created: l.CreatedAt.UTC()},
		Lessons: []lessonJSON{}, Completions: []completionJSON{}, Attempts: []attemptJSON{}, Reviews: []reviewJSON{},
		Scenarios: []scenarioJSON{}, Certificates: append([]string{}, rec.Certificates...)}
	for _, x := range rec.Lessons {
		out.Lessons = append(out.Lessons, lessonJSON{x.CourseID, x.LessonID, x.Opened.UTC(), optional(x.CompletedAt)})
	}
	for _, c := range rec.Completions {
		out.Completions = append(out.Completions, completionJSON{c.CourseID, c.CompletedAt.UTC()})
	}
	for _, a := range rec.Attempts {
		out.Attempts = append(out.Attempts, attemptToJSON(a))
	}
	for _, r := range rec.Reviews {
		out.Reviews = append(out.Reviews, reviewJSON{r.CourseID, r.QuizID, r.QuestionID, r.Due.UTC(), r.Step, r.Streak})
	}
	for _, r := range rec.Scenarios {
		out.Scenarios = append(out.Scenarios, scenarioJSON{r.ID, r.CourseID, r.ScenarioID, r.Seed, append([]string{}, r.Path...), r.Outcome, r.FinishedAt.UTC()})
	}
	return out
}

func attemptToJSON(a domain.Attempt) attemptJSON {
	out := attemptJSON{ID: a.ID, Course: a.CourseID, CourseVersion: a.CourseVersion, Quiz: a.QuizID, Language: a.Language,
		Seed: a.Seed, Questions: append([]string{}, a.QuestionIDs...), PassMark: a.PassMark, Started: a.StartedAt.UTC(),
		Finished: optional(a.FinishedAt), Score: a.Score, Points: &a.Points, Max: a.Max, Passed: a.Passed, Answers: []answerJSON{}}
	for _, ans := range a.Answers {
		credit := ans.Credit
		out.Answers = append(out.Answers, answerJSON{ans.Position, ans.QuestionID, append([]string{}, ans.Response...), ans.Correct,
			&credit, ans.AnsweredAt.UTC()})
	}
	return out
}

func fromJSON(in recordJSON) (domain.LearnerRecord, error) {
	if in.Format != RecordFormat || in.Version != RecordVersion {
		return domain.LearnerRecord{}, fmt.Errorf("%w: format %q version %d, this Ogoh reads %s version %d",
			ErrNotRecord, in.Format, in.Version, RecordFormat, RecordVersion)
	}
	l := in.Learner
	rec := domain.LearnerRecord{Learner: domain.Learner{ID: l.ID, Name: l.Name, Role: domain.Role(l.Role), Post: l.Post,
		StaffNumber: l.StaffNumber, Language: l.Language, CreatedAt: l.Created}, Certificates: in.Certificates}
	for _, x := range in.Lessons {
		rec.Lessons = append(rec.Lessons, domain.LessonRecord{CourseID: x.Course,
			LessonState: domain.LessonState{LessonID: x.Lesson, Opened: x.Opened, CompletedAt: required(x.Completed)}})
	}
	for _, c := range in.Completions {
		rec.Completions = append(rec.Completions, domain.CourseCompletion{CourseID: c.Course, CompletedAt: c.Completed})
	}
	for _, a := range in.Attempts {
		rec.Attempts = append(rec.Attempts, attemptFromJSON(a))
	}
	for _, r := range in.Reviews {
		rec.Reviews = append(rec.Reviews, domain.ReviewItem{CourseID: r.Course, QuizID: r.Quiz, QuestionID: r.Question, Due: r.Due, Step: r.Step, Streak: r.Streak})
	}
	for _, r := range in.Scenarios {
		rec.Scenarios = append(rec.Scenarios, domain.ScenarioRunRecord{ID: r.ID, FinishedAt: r.Finished,
			ScenarioRun: domain.ScenarioRun{CourseID: r.Course, ScenarioID: r.Scenario, Seed: r.Seed, Path: r.Path, Outcome: r.Outcome}})
	}
	return rec, nil
}

func attemptFromJSON(a attemptJSON) domain.Attempt {
	out := domain.Attempt{ID: a.ID, CourseID: a.Course, CourseVersion: a.CourseVersion, QuizID: a.Quiz, Language: a.Language,
		Seed: a.Seed, QuestionIDs: a.Questions, PassMark: a.PassMark, StartedAt: a.Started, FinishedAt: required(a.Finished),
		Score: a.Score, Points: float64(a.Score), Max: a.Max, Passed: a.Passed}
	if a.Points != nil {
		out.Points = *a.Points
	}
	for _, ans := range a.Answers {
		in := domain.Answer{Position: ans.Position, QuestionID: ans.Question, Response: ans.Response,
			Correct: ans.Correct, AnsweredAt: ans.Answered}
		switch {
		case ans.Credit != nil:
			in.Credit = min(max(*ans.Credit, 0), 1)
		case ans.Correct:
			in.Credit = 1
		}
		out.Answers = append(out.Answers, in)
	}
	return out
}

// WriteRecordJSON writes a learner's record as the documented JSON, for
// the learner who asks for it.
func WriteRecordJSON(w io.Writer, rec domain.LearnerRecord, device string, exported time.Time) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(toJSON(rec, device, exported))
}
