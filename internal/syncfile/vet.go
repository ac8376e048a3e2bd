package syncfile

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/ogoh/ogoh/internal/sanitize"
	"github.com/ogoh/ogoh/internal/xapi"
)

// ErrForeignStatement is a statement no Ogoh could have made.
var ErrForeignStatement = errors.New("not a statement Ogoh makes")

// ogohVerbs are the only verbs a device emits; "voided" above all is not
// one of them, so a file can never erase a record.
var ogohVerbs = map[string]bool{
	xapi.VerbExperienced: true, xapi.VerbCompleted: true, xapi.VerbAnswered: true,
	xapi.VerbAttempted: true, xapi.VerbPassed: true, xapi.VerbFailed: true,
}

// statementKeys are the top-level keys of Statement: no attachments, no
// authority, no version, nothing else.
var statementKeys = map[string]bool{
	"id": true, "actor": true, "verb": true, "object": true,
	"result": true, "context": true, "timestamp": true,
}

// Vetted is a statement a forwarder accepted: its ID and its learner.
type Vetted struct {
	ID      string
	Learner string // the actor's account name under the home page
}

// VetStatement checks that raw is a statement Ogoh could have made for an
// account under homePage: one of Ogoh's verbs, an account actor (never an
// email or another identifier of a real person), an activity as object,
// and no key Ogoh does not write.
func VetStatement(raw []byte, homePage string) (Vetted, error) {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(raw, &top); err != nil {
		return Vetted{}, fmt.Errorf("%w: %v", ErrForeignStatement, err)
	}
	for k := range top {
		if !statementKeys[k] {
			return Vetted{}, fmt.Errorf("%w: it has the key %q", ErrForeignStatement, sanitize.Printable(k))
		}
	}
	var st vetted
	if err := json.Unmarshal(raw, &st); err != nil {
		return Vetted{}, fmt.Errorf("%w: %v", ErrForeignStatement, err)
	}
	if why := st.foreign(homePage); why != "" {
		return Vetted{}, fmt.Errorf("%w: %s", ErrForeignStatement, why)
	}
	return Vetted{ID: st.ID, Learner: st.Actor.Account.Name}, nil
}

// vetted is what VetStatement reads of a statement: what Ogoh writes, and
// the keys it never writes that would name a real person.
type vetted struct {
	ID    string `json:"id"`
	Actor struct {
		ObjectType string          `json:"objectType"`
		Account    *xapi.Account   `json:"account"`
		Mbox       json.RawMessage `json:"mbox"`
		MboxSHA1   json.RawMessage `json:"mbox_sha1sum"`
		OpenID     json.RawMessage `json:"openid"`
		Member     json.RawMessage `json:"member"`
	} `json:"actor"`
	Verb struct {
		ID string `json:"id"`
	} `json:"verb"`
	Object struct {
		ObjectType string `json:"objectType"`
		ID         string `json:"id"`
	} `json:"object"`
	Context *struct {
		Statement  json.RawMessage `json:"statement"`
		Instructor json.RawMessage `json:"instructor"`
		Team       json.RawMessage `json:"team"`
	} `json:"context"`
}

// foreign says why no Ogoh made the statement, or "" if one could have.
func (st *vetted) foreign(homePage string) string {
	switch {
	case st.ID == "":
		return "it has no id"
	case !ogohVerbs[st.Verb.ID]:
		return fmt.Sprintf("the verb %q", sanitize.Printable(st.Verb.ID))
	case !st.anAgent():
		return "its actor is not an account of the organisation"
	case !st.anAccountUnder(homePage):
		return "its actor is not an account under " + homePage
	case st.Object.ObjectType != "" && st.Object.ObjectType != "Activity", st.Object.ID == "":
		return "its object is not an activity"
	case st.Context != nil && (st.Context.Statement != nil || st.Context.Instructor != nil || st.Context.Team != nil):
		return "its context names a statement or a person"
	}
	return ""
}

// anAgent is whether the actor is one agent named by no identifier but an
// account: no email, no OpenID, not a group.
func (st *vetted) anAgent() bool {
	a := st.Actor
	return a.Mbox == nil && a.MboxSHA1 == nil && a.OpenID == nil && a.Member == nil &&
		(a.ObjectType == "" || a.ObjectType == "Agent")
}

func (st *vetted) anAccountUnder(homePage string) bool {
	a := st.Actor.Account
	return a != nil && a.Name != "" && strings.TrimSuffix(a.HomePage, "/") == strings.TrimSuffix(homePage, "/")
}
