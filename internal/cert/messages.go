package cert

import (
	"errors"
	"strconv"

	"github.com/ogoh/ogoh/internal/i18n"
)

// refusals names the message that explains each refusal, for the
// trainer's screen and the command line alike.
var refusals = []struct {
	err error
	id  string
}{
	{ErrUnknownDevice, "cert.verify.unknown_device"},
	{ErrOtherDevice, "cert.verify.other_device"},
	{ErrBadSignature, "cert.verify.bad_signature"},
	{ErrWrongID, "cert.verify.wrong_id"},
	{ErrIDMismatch, "cert.verify.id_mismatch"},
	{ErrDamaged, "cert.verify.damaged"},
	{ErrNotCertificate, "cert.verify.not_cert"},
	{ErrNoRecord, "cert.verify.no_record"},
}

// Explain says in l's language what Verify found: genuine, and for whom,
// or why not.
func Explain(l *i18n.Localizer, v Verdict, err error) string {
	c := v.Certificate
	args := []any{"Name", c.LearnerName, "Post", c.Post, "Course", c.CourseID, "Version", c.CourseVersion,
		"Date", c.Passed.Format(dateLayout), "Score", strconv.Itoa(c.Score), "ID", c.ID,
		"Device", c.DeviceID, "Fingerprint", v.Fingerprint}
	if err == nil {
		return l.T("cert.verify.genuine", args...)
	}
	for _, r := range refusals {
		if errors.Is(err, r.err) {
			return l.T(r.id, args...)
		}
	}
	return err.Error()
}
