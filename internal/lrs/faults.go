package lrs

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/ogoh/ogoh/internal/sanitize"
)

// Endpoint faults: each stops a push with every statement still waiting,
// because none of them says anything about a statement. Transient trouble
// (no network, 5xx, 429) is retried first.
var (
	ErrUnauthorized = errors.New("the LRS did not accept the user name and password")
	ErrForbidden    = errors.New("the LRS refused access (403)")
	ErrUnreachable  = errors.New("the LRS could not be reached")
	ErrRedirect     = errors.New("the LRS address redirects elsewhere")
	ErrNotLRS       = errors.New("the address answers but is not an xAPI LRS: does it end in /xAPI/?")
	ErrProxyAuth    = errors.New("a proxy between this computer and the LRS asks for its own password (407)")
	ErrBusy         = errors.New("the LRS is busy and asks to wait (429)")
	ErrServer       = errors.New("the LRS failed (5xx) for every statement tried")
	ErrBadReply     = errors.New("the LRS's reply is not an xAPI answer")
	ErrConflict     = errors.New("the LRS holds a different statement with the same ID")
)

// RedirectError is a 3xx answer: the user fixes the address (often http
// to https), so the error says where the LRS pointed.
type RedirectError struct {
	Status   int
	Location string
}

func (e *RedirectError) Error() string {
	return fmt.Sprintf("%v: %d to %s", ErrRedirect, e.Status, sanitize.Printable(e.Location))
}

func (e *RedirectError) Unwrap() error { return ErrRedirect }

// endpointFault maps an HTTP status that says something about the
// endpoint, not about a statement, to its error; nil for the others.
func endpointFault(res reply) error {
	switch s := res.status; {
	case s >= 300 && s < 400:
		return &RedirectError{Status: s, Location: res.location}
	case s == http.StatusUnauthorized:
		return ErrUnauthorized
	case s == http.StatusForbidden:
		return ErrForbidden
	case s == http.StatusNotFound, s == http.StatusMethodNotAllowed, s == http.StatusGone,
		s == http.StatusNotImplemented:
		return fmt.Errorf("%w (%d)", ErrNotLRS, s)
	case s == http.StatusProxyAuthRequired:
		return ErrProxyAuth
	case s == http.StatusTooManyRequests:
		return ErrBusy
	case s >= 500:
		return fmt.Errorf("%w: %d %s", ErrServer, s, sanitize.Printable(res.message()))
	case s >= 400 && s != http.StatusBadRequest && s != http.StatusConflict &&
		s != http.StatusRequestEntityTooLarge:
		return fmt.Errorf("%w: %d %s", ErrNotLRS, s, sanitize.Printable(res.message()))
	}
	return nil
}

// transient says whether a status is worth the same request again.
func transient(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500
}
