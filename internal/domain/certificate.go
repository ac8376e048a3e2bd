package domain

import (
	"context"
	"errors"
	"time"
)

// Certificate is the proof that a learner passed a course: a compact
// record, signed by the key of the device where the course was passed, so
// a checkpoint can check it offline from its QR text alone.
type Certificate struct {
	ID            string // readable by a person: four groups of four base32 letters and digits
	LearnerID     string // the learner's UUID, the same as the xAPI actor's
	LearnerName   string
	Post          string
	CourseID      string
	CourseVersion string
	Passed        time.Time // the UTC day the last quiz of the course was passed
	Score         int       // percent over the passing attempts, one per quiz
	DeviceID      string
	DeviceKey     []byte // the signing device's Ed25519 public key
	Signature     []byte
}

// CertificateStore reads what a certificate is made from.
type CertificateStore interface {
	// PassedAttempts are the learner's first passing attempt at each quiz
	// of the course, so a certificate asked for twice is the same one.
	PassedAttempts(ctx context.Context, learnerID, courseID string) ([]Attempt, error)
}

// Refusals of a certificate.
var (
	ErrNotPassed = &Error{Code: CodeOutOfOrder, Err: errors.New("the course is not passed yet: every quiz of it must be passed first")}
	ErrNoQuiz    = &Error{Code: CodeInvalid, Err: errors.New("the course has no quiz to pass, so it gives no certificate")}
)
