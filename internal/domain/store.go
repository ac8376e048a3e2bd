package domain

import (
	"context"
	"time"
)

// The interfaces below are what the service layer needs of storage;
// internal/store implements all of them (store.DB is a Store), and each
// method that records an event takes the statements describing it, to
// commit them with the event in one transaction or not at all.

// LearnerStore keeps the device's profiles.
type LearnerStore interface {
	CreateLearner(ctx context.Context, l Learner) (Learner, error)
	Learners(ctx context.Context) ([]Learner, error)
	// HasLearners is whether the device has an active learner, with no
	// profile read.
	HasLearners(ctx context.Context) (bool, error)
	Learner(ctx context.Context, id string) (Learner, error)
	SetLearnerLanguage(ctx context.Context, id, lang string) error
	PINFailures(ctx context.Context, id string) (int, error)
	AddPINFailure(ctx context.Context, id string) (int, error)
	ResetPINFailures(ctx context.Context, id string) error
	ClearLearnerPIN(ctx context.Context, id string) error
	ArchiveLearner(ctx context.Context, id string) error
	MarkDemoLearners(ctx context.Context, keep []string) error
	RealLearnerIDs(ctx context.Context) ([]string, error)
	Report(ctx context.Context) ([]ReportRow, error)
}

// ProgressStore keeps what learners did: lessons read, quiz attempts and
// their answers, reviews and scenarios.
type ProgressStore interface {
	OpenLesson(ctx context.Context, learnerID, courseID, lessonID string, out ...Statement) error
	CompleteLesson(ctx context.Context, learnerID, courseID, lessonID string, out ...Statement) (bool, error)
	CompleteCourse(ctx context.Context, learnerID, courseID string, out ...Statement) (bool, error)
	Lessons(ctx context.Context, learnerID, courseID string) (map[string]LessonState, error)

	CreateAttempt(ctx context.Context, a Attempt, out ...Statement) (*Attempt, error)
	OpenAttempt(ctx context.Context, learnerID, courseID, quizID string) (*Attempt, error)
	// LearnersWithOpenAttempts are the learners with a quiz attempt not
	// finished, of any course.
	LearnersWithOpenAttempts(ctx context.Context) (map[string]bool, error)
	Attempt(ctx context.Context, id string) (*Attempt, error)
	SaveAnswer(ctx context.Context, attemptID string, ans Answer, review *ReviewChange, out ...Statement) error
	FinishAttempt(ctx context.Context, attemptID string, r AttemptResult, out ...Statement) error
	QuizSummaries(ctx context.Context, learnerID, courseID string) (map[string]QuizSummary, error)

	ReviewItem(ctx context.Context, learnerID, courseID, quizID, questionID string) (ReviewItem, bool, error)
	DueReviews(ctx context.Context, learnerID string, now time.Time) ([]ReviewItem, error)
	SaveReviewAnswer(ctx context.Context, learnerID string, change ReviewChange, out ...Statement) error

	StartScenarioPlay(ctx context.Context, p ScenarioPlay) (*ScenarioPlay, error)
	OpenScenarioPlay(ctx context.Context, learnerID, courseID, scenarioID string) (*ScenarioPlay, error)
	SaveScenarioPath(ctx context.Context, playID string, path []string) error
	SaveScenarioRun(ctx context.Context, learnerID string, r ScenarioRun, out ...Statement) error
	ScenarioSummaries(ctx context.Context, learnerID, courseID string) (map[string]ScenarioSummary, error)

	// A learner's history (issue 16 item 3): finished attempts at a quiz,
	// each with its answers, and finished scenario plays of a course,
	// newest first.
	QuizAttempts(ctx context.Context, learnerID, courseID, quizID string) ([]Attempt, error)
	ScenarioRuns(ctx context.Context, learnerID, courseID string) ([]ScenarioRunRecord, error)
}

// Outbox holds the statements waiting to leave the device, and the
// record of the syncs that carried them.
type Outbox interface {
	Pending(ctx context.Context, limit int) ([]Statement, error)
	EachPending(ctx context.Context, fn func(Statement) error) error
	MarkSent(ctx context.Context, ids []string) error
	MarkRejected(ctx context.Context, id, reason string) error
	Rejected(ctx context.Context) (map[string]string, error)
	RequeueRejected(ctx context.Context) (int, error)
	OutboxCounts(ctx context.Context) (OutboxCounts, error)
	RecordSyncRun(ctx context.Context, r SyncRun) error
	LastSyncRun(ctx context.Context) (SyncRun, error)
	NextExportSequence(ctx context.Context) (int64, error)
}

// SettingStore keeps the device's settings. SetSettings writes a group in
// one transaction: all of it or none.
type SettingStore interface {
	Setting(ctx context.Context, key, def string) (string, error)
	SetSetting(ctx context.Context, key, value string) error
	SetSettings(ctx context.Context, values map[string]string) error
	DeviceID(ctx context.Context) (string, error)
}

// ContactStore keeps the post's referral contacts.
type ContactStore interface {
	Contacts(ctx context.Context) ([]Contact, error)
	SetContacts(ctx context.Context, list []Contact) error
}

// Store is everything the service layer keeps on the device.
type Store interface {
	LearnerStore
	ProgressStore
	Outbox
	SettingStore
	ContactStore
	CertificateStore
	RecordStore
	ReceiptStore
}
