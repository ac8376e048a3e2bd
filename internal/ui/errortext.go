package ui

import (
	"strings"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/i18n"
)

// errorMessages name the message a screen shows for each error code.
var errorMessages = map[domain.Code]string{
	domain.CodeInternal:   "error.code.internal",
	domain.CodeInvalid:    "error.code.invalid",
	domain.CodeNotFound:   "error.code.not_found",
	domain.CodeConflict:   "error.code.conflict",
	domain.CodeDiskFull:   "error.code.disk_full",
	domain.CodeReadOnly:   "error.code.read_only",
	domain.CodeCorrupt:    "error.code.corrupt",
	domain.CodeLocked:     "error.code.locked",
	domain.CodeUnreadable: "error.code.unreadable",
	domain.CodeNoNetwork:  "error.code.no_network",
	domain.CodeRefused:    "error.code.refused",
	domain.CodeCancelled:  "error.code.cancelled",
	domain.CodeTooNew:     "error.code.schema_new",
	domain.CodeUntrusted:  "error.code.untrusted",
	domain.CodeBusy:       "error.code.busy",
	domain.CodeUnsaved:    "error.code.unsaved",
	domain.CodeTooLarge:   "error.code.too_large",
	domain.CodeOutOfOrder: "error.code.out_of_order",

	domain.CodeReceiptForeign:   "error.code.receipt_foreign",
	domain.CodeReceiptUntrusted: "error.code.receipt_untrusted",
	domain.CodeReceiptDamaged:   "error.code.receipt_damaged",
	domain.CodeStickMissing:     "error.code.stick_missing",
	domain.CodeContactsRefused:  "error.code.contacts_refused",
}

// errorText is what a screen says about err: the translated message for
// its code (an error without one is internal), never its text, which is
// English and for developers. The whole error, with the context each layer
// wrapped around it, goes to the log for the trainer or developer.
func (a *App) errorText(err error) string { return errorMessage(a.loc, err) }

// errorMessage is errorText for screens drawn before there is an App
// (the recovery screen).
func errorMessage(loc *i18n.Localizer, err error) string {
	if err == nil {
		return ""
	}
	logError(err)
	id, ok := errorMessages[domain.ErrorCode(err)]
	if !ok {
		id = errorMessages[domain.CodeInternal]
	}
	var kv []any
	for k, v := range domain.ErrorArgs(err) {
		kv = append(kv, k, v)
	}
	if text := loc.T(id, kv...); !strings.Contains(text, "<no value>") {
		return text
	}
	return loc.T(errorMessages[domain.CodeInternal])
}
