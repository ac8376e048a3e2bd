package domain

import (
	"context"
	"errors"
	"time"
)

// LearnerRecord is a learner's whole history on a device, to move with
// them to another: the profile (never its PIN hash), lessons, course
// completions, quiz attempts with every answer, review items, finished
// scenarios, and the certificates the device signed for them.
type LearnerRecord struct {
	Learner      Learner // PINHash is always empty
	Lessons      []LessonRecord
	Completions  []CourseCompletion
	Attempts     []Attempt // with their answers
	Reviews      []ReviewItem
	Scenarios    []ScenarioRunRecord
	Certificates []string // each certificate's signed text, as its QR code holds it
}

// LessonRecord is a learner's progress in one lesson of a course.
type LessonRecord struct {
	CourseID string
	LessonState
}

// CourseCompletion is a course a learner finished.
type CourseCompletion struct {
	CourseID    string
	CompletedAt time.Time
}

// ScenarioRunRecord is a finished scenario as it was stored.
type ScenarioRunRecord struct {
	ID string
	ScenarioRun
	FinishedAt time.Time
}

// RecordStore reads and writes a learner's whole record.
type RecordStore interface {
	LearnerRecord(ctx context.Context, learnerID string) (LearnerRecord, error)
	// ImportLearnerRecord adds a record in one transaction, keeping the
	// learner's ID; what the device already holds (the same attempt, the
	// same lesson) is kept, so importing twice changes nothing. It queues
	// no statement: the device the events happened on sends theirs.
	ImportLearnerRecord(ctx context.Context, rec LearnerRecord) error
	// MarkLearnerMoved takes a learner off the device's lists as moved to
	// another device; their records stay.
	MarkLearnerMoved(ctx context.Context, learnerID string) error
}

// ErrMoved is a learner who has moved to another device.
var ErrMoved = &Error{Code: CodeConflict, Err: errors.New("this learner has moved to another device")}
