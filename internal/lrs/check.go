package lrs

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
)

// Check proves the address is an xAPI LRS that takes the credentials,
// without sending anything: its about resource must name an xAPI 1.0
// version, and an authenticated query must return a StatementResult. A
// captive portal, a redirect or a web site answering 200 all fail here.
func (s *Sender) Check(ctx context.Context) error {
	about, err := s.read(ctx, s.resource("about", ""), maxReplyBytes)
	if err != nil {
		return err
	}
	var a struct {
		Version []string `json:"version"`
	}
	if about.status != http.StatusOK || !about.isJSON() || json.Unmarshal(about.body, &a) != nil || !speaks10(a.Version) {
		return fmt.Errorf("%w: its about resource gave %s, not the xAPI versions", ErrNotLRS, describe(about))
	}
	res, err := s.read(ctx, s.statementsURL("limit=1"), maxPageBytes)
	if err != nil {
		return err
	}
	var page struct {
		Statements *[]json.RawMessage `json:"statements"`
	}
	if res.status != http.StatusOK || !res.isJSON() || json.Unmarshal(res.body, &page) != nil || page.Statements == nil {
		return fmt.Errorf("%w: a query for statements gave %s, not a StatementResult", ErrBadReply, describe(res))
	}
	return nil
}

func speaks10(versions []string) bool {
	for _, v := range versions {
		if strings.HasPrefix(v, "1.0.") || v == "1.0" {
			return true
		}
	}
	return false
}
