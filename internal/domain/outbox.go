package domain

import "time"

// Statement is an xAPI statement as built at event time: its UUID and the
// JSON bytes that are sent, unchanged, by every route.
type Statement struct {
	ID   string
	Body []byte
}

// OutboxCounts is how many statements wait, were delivered, or were set
// aside as ones the LRS will not take.
type OutboxCounts struct{ Pending, Sent, Rejected int }

// Route is the way a sync carried statements off the device.
type Route string

// The routes a sync can take.
const (
	RouteLRS  Route = "lrs"  // pushed to an LRS over HTTP
	RouteFile Route = "file" // written to a sync file carried by hand
)

// SyncRun is one sync, by LRS or by file.
type SyncRun struct {
	Route            Route
	Started, Ended   time.Time
	Sent, Rejected   int
	Error            string
	ClockOffset      time.Duration
	ClockOffsetKnown bool
}

// TrustedKey is a public key that may sign course packs for this device.
type TrustedKey struct {
	ID, Name, Public string // Public is base64
}

// InstalledCourse records who signed an installed course.
type InstalledCourse struct {
	CourseID, Version, KeyID string
}

// LRS is a Learning Record Store's xAPI endpoint and credentials: the
// settings group a trainer saves at once.
type LRS struct {
	Endpoint string // the xAPI base, e.g. https://lrs.example.org/xAPI/
	User     string
	Password string
}
