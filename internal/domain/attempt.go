package domain

import (
	"math"
	"time"
)

// Attempt is one try at a quiz.
type Attempt struct {
	ID            string
	LearnerID     string
	CourseID      string
	CourseVersion string
	QuizID        string
	Language      string
	Seed          int64
	QuestionIDs   []string // drawn, in the order asked
	PassMark      int
	StartedAt     time.Time
	FinishedAt    time.Time // zero while in progress
	Score         int       // questions fully right
	Points        float64   // what the answers earned: Score plus partial credit (docs/course-format.md, Scoring)
	Max           int       // questions asked
	Passed        bool
	Answers       []Answer // in the order given
}

// Percent is the attempt's score in percent, as its pass was decided.
func (a *Attempt) Percent() int { return Percent(a.Points, a.Max) }

// AttemptResult is what a finished attempt scored, as it is stored.
type AttemptResult struct {
	Score  int     // questions fully right
	Points float64 // Score plus the partial credit of the others
	Max    int     // questions asked
	Passed bool
}

// Percent is points over max in percent, rounded down, so that 79.9%
// never passes an 80% mark: the one rule for an attempt's percentage,
// from the quiz's result to the trainer's table and the certificate.
// It is worked out in hundredths of a percent first, so that 5 of 6
// thirds are not rounded below their share by floating point.
func Percent(points float64, max int) int {
	if max <= 0 {
		return 0
	}
	return int(math.Round(points*10000/float64(max))) / 100
}

// Finished reports whether the attempt was completed.
func (a *Attempt) Finished() bool { return !a.FinishedAt.IsZero() }

// Answer is one committed answer of an attempt.
type Answer struct {
	Position   int
	QuestionID string
	Response   []string
	Correct    bool    // fully right
	Credit     float64 // the share of the question earned, 0..1: 1 when Correct; a matching question's pairs matched right
	AnsweredAt time.Time
}

// QuizSummary is what the course page shows of a learner's attempts.
type QuizSummary struct {
	Attempts   int     // finished
	BestScore  int     // questions fully right in the best attempt
	BestPoints float64 // what the best attempt earned, partial credit included
	BestMax    int
	Passed     bool
	Open       bool // an unfinished attempt waits to be resumed
}

// BestPercent is the best attempt's percentage.
func (q QuizSummary) BestPercent() int { return Percent(q.BestPoints, q.BestMax) }

// LessonState is a learner's progress in one lesson.
type LessonState struct {
	LessonID    string
	Opened      time.Time
	CompletedAt time.Time // zero until the learner finished reading
}

// Done reports whether the lesson was read to the end.
func (l LessonState) Done() bool { return !l.CompletedAt.IsZero() }

// ReviewItem is a missed question waiting to be reviewed.
type ReviewItem struct {
	CourseID, QuizID, QuestionID string
	Due                          time.Time
	Step, Streak                 int
}

// ReviewChange is what an answer does to a question's review: schedule it
// (again) or, with Done, take it out.
type ReviewChange struct {
	Item ReviewItem
	Done bool
}
