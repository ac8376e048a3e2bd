package domain

import "time"

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
	Score, Max    int
	Passed        bool
	Answers       []Answer // in the order given
}

// Finished reports whether the attempt was completed.
func (a *Attempt) Finished() bool { return !a.FinishedAt.IsZero() }

// Answer is one committed answer of an attempt.
type Answer struct {
	Position   int
	QuestionID string
	Response   []string
	Correct    bool
	AnsweredAt time.Time
}

// QuizSummary is what the course page shows of a learner's attempts.
type QuizSummary struct {
	Attempts  int // finished
	BestScore int
	BestMax   int
	Passed    bool
	Open      bool // an unfinished attempt waits to be resumed
}

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
