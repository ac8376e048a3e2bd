package lrs

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
)

// Reply sizes: an LRS's answer to a batch of 250 is about 10 KB of IDs; a
// statement about 4 KB; a page of IDs a few hundred KB. Anything much
// larger is not an LRS talking, and is not read into memory.
const (
	maxReplyBytes     = 1 << 20
	maxStatementBytes = 1 << 20
	maxPageBytes      = 16 << 20
)

// ErrReplyTooLarge is a reply past its size limit.
var ErrReplyTooLarge = errors.New("the LRS's reply is too large")

// reply is an HTTP answer, its body read up to a limit.
type reply struct {
	status      int
	contentType string
	location    string
	header      http.Header
	body        []byte
}

// do sends req without following redirects (the client is set so) and
// reads at most limit bytes of the answer.
func do(client *http.Client, req *http.Request, limit int64) (reply, error) {
	res, err := client.Do(req)
	if err != nil {
		return reply{}, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, limit+1))
	if err != nil {
		return reply{}, err
	}
	if int64(len(body)) > limit {
		return reply{}, fmt.Errorf("%w (over %d bytes from %s)", ErrReplyTooLarge, limit, req.URL.Redacted())
	}
	ct, _, _ := mime.ParseMediaType(res.Header.Get("Content-Type"))
	loc := res.Header.Get("Location")
	if loc != "" {
		if u, err := req.URL.Parse(loc); err == nil {
			loc = u.Redacted()
		}
	}
	return reply{status: res.StatusCode, contentType: ct, location: loc, header: res.Header, body: body}, nil
}

// message is the LRS's explanation, for a user or a log.
func (r reply) message() string {
	var e struct {
		Message  string   `json:"message"`
		Warnings []string `json:"warnings"`
	}
	if json.Unmarshal(r.body, &e) == nil && (e.Message != "" || len(e.Warnings) > 0) {
		return strings.TrimSpace(e.Message + " " + strings.Join(e.Warnings, "; "))
	}
	text := strings.TrimSpace(string(r.body))
	if len(text) > 300 {
		text = text[:300] + "…"
	}
	return text
}

// isJSON says whether the reply claims to be JSON, or says nothing and
// looks like it; an HTML page from a captive portal is neither.
func (r reply) isJSON() bool {
	switch r.contentType {
	case "application/json", "":
		return json.Valid(r.body)
	}
	return strings.HasSuffix(r.contentType, "+json") && json.Valid(r.body)
}

// noRedirects makes a client hand back a 3xx instead of following it: Go
// would turn a POST into a GET, which an LRS answers 200, or drop the
// credentials on the way to another host.
func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// sameOrigin says whether next is on the scheme, host and port of base, so
// credentials may go there.
func sameOrigin(base, next *url.URL) bool {
	return strings.EqualFold(base.Scheme, next.Scheme) && strings.EqualFold(base.Host, next.Host)
}
