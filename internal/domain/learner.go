package domain

import "time"

// Learner is one person who studies on this device.
type Learner struct {
	ID          string
	Name        string
	Role        Role
	Post        string
	StaffNumber string // optional; sent as the xAPI account name when the organisation chooses
	Language    string
	PINHash     string // empty when the learner chose no PIN
	CreatedAt   time.Time
}

// Role is what a learner does at work; the UI shows it translated.
type Role string

// The roles a learner can have.
const (
	RoleBorderGuard     Role = "border-guard"
	RoleLabourInspector Role = "labour-inspector"
	RoleOther           Role = "other"
)

// Roles lists every role, in the order a profile form offers them.
var Roles = []Role{RoleBorderGuard, RoleLabourInspector, RoleOther}

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool {
	for _, known := range Roles {
		if r == known {
			return true
		}
	}
	return false
}

// ReportRow is one learner's standing in one course, as a trainer's
// report shows it.
type ReportRow struct {
	LearnerID, Name string
	Role            Role
	Post, CourseID  string
	LessonsDone     int
	Attempts        int
	BestPercent     int // -1 when no attempt finished
	Passed          bool
	LastActivity    time.Time
}

// Contact is one of the post's referral contacts.
type Contact struct {
	ID                                        string
	Organisation, Role, Phone, Address, Hours string
}

// ReportState is where a learner stands in a course, as a trainer's
// report tells them apart.
type ReportState string

// The states of a report row.
const (
	StatePassed     ReportState = "passed"      // a quiz attempt passed
	StateFailed     ReportState = "failed"      // attempts finished, none passed
	StateInProgress ReportState = "in_progress" // lessons read or a quiz begun, nothing finished
	StateNotStarted ReportState = "not_started" // nothing done in the course yet
)

// ReportStates lists the states in the order a filter offers them.
var ReportStates = []ReportState{StatePassed, StateFailed, StateInProgress, StateNotStarted}

// State is where the row's learner stands in its course.
func (r ReportRow) State() ReportState {
	switch {
	case r.Passed:
		return StatePassed
	case r.Attempts > 0:
		return StateFailed
	case r.LessonsDone > 0 || !r.LastActivity.IsZero():
		return StateInProgress
	}
	return StateNotStarted
}
