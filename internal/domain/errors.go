package domain

import (
	"errors"
	"fmt"
)

// Code says what kind of failure an error is, in terms a screen can
// explain: each code has a translated message (locales: "error.code.<code>").
type Code string

// The codes an error can carry to a screen.
const (
	CodeInternal   Code = "internal"     // a fault of Ogoh's or of the machine; the detail is for the log
	CodeInvalid    Code = "invalid"      // the input was wrong; Message names what
	CodeNotFound   Code = "not_found"    // what was asked for is not there
	CodeConflict   Code = "conflict"     // it was already done (an answer given twice)
	CodeDiskFull   Code = "disk_full"    // the disk has no room; nothing was written
	CodeReadOnly   Code = "read_only"    // the data folder cannot be written
	CodeCorrupt    Code = "corrupt"      // the progress database is damaged
	CodeLocked     Code = "locked"       // the trainer's lock or a PIN stands in the way
	CodeUnreadable Code = "unreadable"   // a file could not be read or is not what it claims
	CodeNoNetwork  Code = "no_network"   // a server could not be reached
	CodeRefused    Code = "refused"      // a server or a file was reached and said no
	CodeCancelled  Code = "cancelled"    // the person stopped it
	CodeTooNew     Code = "schema_new"   // the data was written by a newer Ogoh
	CodeUntrusted  Code = "untrusted"    // a signature is missing, wrong or by a key not trusted
	CodeBusy       Code = "busy"         // the same work is already running
	CodeUnsaved    Code = "unsaved"      // a change could not be saved; what was there before stays
	CodeTooLarge   Code = "too_large"    // a file or reply is over its limit
	CodeOutOfOrder Code = "out_of_order" // a step was taken before the one it needs
)

// Codes of a sync with an LRS: each says what the person (or their
// trainer) can do about it, so each has its own message.
const (
	CodeNoLRS        Code = "no_lrs"        // no LRS is set up
	CodeLRSAuth      Code = "lrs_auth"      // the user name or password is wrong
	CodeLRSForbidden Code = "lrs_forbidden" // the LRS refuses this account
	CodeLRSRedirect  Code = "lrs_redirect"  // the address sends elsewhere; Args["Where"]
	CodeNotLRS       Code = "not_lrs"       // the address answers but is no LRS
	CodeProxyAuth    Code = "proxy_auth"    // a proxy asks for its own password
	CodeLRSBusy      Code = "lrs_busy"      // the LRS asks to wait
	CodeLRSServer    Code = "lrs_server"    // the LRS fails
	CodeLRSReply     Code = "lrs_reply"     // the LRS's reply is not an xAPI answer
	CodeLRSConflict  Code = "lrs_conflict"  // the LRS holds another statement under an ID
)

// Codes of receipts and of the exchange by USB stick (issue 12): each
// refusal leaves the device as it was.
const (
	CodeReceiptForeign   Code = "receipt_foreign"   // a receipt for another device; Args["Device"]
	CodeReceiptUntrusted Code = "receipt_untrusted" // signed by a key the device does not trust; Args["Trainer"], Args["Key"]
	CodeReceiptDamaged   Code = "receipt_damaged"   // cut short, changed after signing, or no receipt
	CodeStickMissing     Code = "stick_missing"     // the folder holds no ogoh-exchange folder; Args["Folder"]
	CodeContactsRefused  Code = "contacts_refused"  // contacts unsigned, changed, or by a key not trusted
)

// Error is an error a person can be shown: Code picks the translated
// message, Args fill its blanks (a file name, a question), and Err keeps
// the wrapped cause with its context for the log. Error() is for logs and
// developers only; screens show ErrorCode's message (see ui.errorText).
type Error struct {
	Code Code
	Args map[string]any
	Err  error
}

// Error is the cause's text, for logs and the command line; the code is
// for screens, which never show this text.
func (e *Error) Error() string {
	if e.Err == nil {
		return string(e.Code)
	}
	return e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// ErrorCode is the error's code, so the package's ErrorCode finds it
// through any wrapping.
func (e *Error) ErrorCode() Code { return e.Code }

// Errorf makes an Error of code whose cause is formatted as fmt.Errorf
// does, %w included.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Err: fmt.Errorf(format, args...)}
}

// Wrap gives err a code unless it already carries one; nil stays nil.
func Wrap(code Code, err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return err
	}
	return &Error{Code: code, Err: err}
}

// With returns a copy of e with one more argument for its message.
func (e *Error) With(key string, value any) *Error {
	args := map[string]any{key: value}
	for k, v := range e.Args {
		args[k] = v
	}
	return &Error{Code: e.Code, Args: args, Err: e.Err}
}

// ErrorCode is the code of the first Error in err's chain; an error
// without one is internal, and nil has none.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}
	var c coder
	if errors.As(err, &c) {
		return c.ErrorCode()
	}
	return CodeInternal
}

// coder is an error that knows its code: *Error, and errors with fields
// of their own such as *SchemaTooNewError.
type coder interface {
	error
	ErrorCode() Code
}

// ErrorArgs are the message arguments of the first Error in err's chain.
func ErrorArgs(err error) map[string]any {
	var e *Error
	if errors.As(err, &e) {
		return e.Args
	}
	return nil
}

// Errors the store and the services return; errors.Is finds them through
// any wrapping, and each carries its code.
var (
	ErrNotFound        = &Error{Code: CodeNotFound, Err: errors.New("not found")}
	ErrAlreadyAnswered = &Error{Code: CodeConflict, Err: errors.New("question already answered in this attempt")}
	// ErrCorrupt means the progress database is damaged or not a database.
	ErrCorrupt = &Error{Code: CodeCorrupt, Err: errors.New("the progress database is damaged")}
)

// SchemaTooNewError means the database was written by a newer Ogoh: its
// schema version is above the last migration this app knows. It is opened
// for nothing, so the newer app's data stays as it left it.
type SchemaTooNewError struct {
	File         string
	Found, Known int
}

func (e *SchemaTooNewError) Error() string {
	return fmt.Sprintf("%s has schema version %d, newer than version %d, the newest this Ogoh knows: it was written by a newer Ogoh; update Ogoh to open it (nothing was changed)",
		e.File, e.Found, e.Known)
}

// Code makes a newer database's error one a screen can explain.
func (e *SchemaTooNewError) ErrorCode() Code { return CodeTooNew }
