// Package lrs talks to a Learning Record Store: it delivers statements,
// counting a batch only when the LRS answered with its IDs, proves an
// address is an LRS, and lists what it stored. Every reply is checked and
// bounded; a fault of the endpoint stops, a fault of a statement sets it
// aside.
package lrs

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/sanitize"
	"github.com/ogoh/ogoh/internal/xapi"
)

// Source is where statements wait to be delivered: a device's outbox or a
// sync file being forwarded.
type Source interface {
	Pending(ctx context.Context, limit int) ([]domain.Statement, error)
	MarkSent(ctx context.Context, ids []string) error
	MarkRejected(ctx context.Context, id, reason string) error
}

// Progress hears how far a push has gone; the UI shows it in a bar.
type Progress interface {
	Delivered(done int)
}

// Sender delivers statements to an LRS in batches.
type Sender struct {
	LRS       domain.LRS
	Client    *http.Client  // its Timeout bounds each request; redirects are never followed
	BatchSize int           // statements per POST
	Retries   int           // tries of a request on transient failures
	BaseDelay time.Duration // first backoff; it doubles, with jitter
	MaxDelay  time.Duration
	Progress  Progress // optional
	Now       func() time.Time
}

// NewSender returns a sender with the defaults Ogoh uses.
func NewSender(lrs domain.LRS) *Sender {
	return &Sender{
		LRS: lrs, Client: &http.Client{Timeout: 30 * time.Second, CheckRedirect: noRedirects}, BatchSize: 250,
		Retries: 6, BaseDelay: 500 * time.Millisecond, MaxDelay: 30 * time.Second, Now: time.Now,
	}
}

// Rejection is a statement the LRS refused, with its reason.
type Rejection struct {
	ID, Reason string
}

// Report is what a push did.
type Report struct {
	Sent        int // confirmed by the LRS (stored now or already there)
	Rejected    []Rejection
	Conflicts   []Rejection
	ClockOffset time.Duration // LRS clock minus ours, from its Date header
	ClockKnown  bool
}

// Push sends everything src holds, batch by batch, marking a statement
// sent only once the LRS has answered with its ID. A fault of the
// endpoint stops the push with every statement left waiting; only a
// statement proven bad on its own is set aside.
func (s *Sender) Push(ctx context.Context, src Source) (Report, error) {
	var rep Report
	for {
		batch, err := src.Pending(ctx, s.BatchSize)
		if err != nil {
			return rep, err
		}
		if len(batch) == 0 {
			break
		}
		err = s.deliver(ctx, src, batch, &rep)
		var lone *serverFault
		if errors.As(err, &lone) {
			err = s.setAsideIfOthersWent(ctx, src, lone, &rep)
		}
		if err != nil {
			return rep, err
		}
		if s.Progress != nil {
			s.Progress.Delivered(rep.Sent + len(rep.Rejected) + len(rep.Conflicts))
		}
	}
	if len(rep.Conflicts) > 0 {
		return rep, fmt.Errorf("%w: %d statement(s), first %s", ErrConflict, len(rep.Conflicts), rep.Conflicts[0].ID)
	}
	return rep, nil
}

// serverFault is one statement alone that the LRS failed on (5xx) after
// every retry. Whether the statement or the LRS is at fault is decided by
// what the LRS does with the others.
type serverFault struct {
	st    domain.Statement
	cause error
}

func (e *serverFault) Error() string { return e.cause.Error() }
func (e *serverFault) Unwrap() error { return e.cause }

// deliver posts one batch; a batch the LRS refuses as a whole is split
// until the statement at fault is found.
func (s *Sender) deliver(ctx context.Context, src Source, batch []domain.Statement, rep *Report) error {
	res, err := s.post(ctx, batch, rep)
	if err != nil {
		return err
	}
	switch {
	case res.status == http.StatusOK:
		return s.confirm(ctx, src, batch, res, rep)
	case res.status >= 500 && len(batch) == 1:
		return &serverFault{st: batch[0], cause: endpointFault(res)}
	case res.status >= 500:
		return s.split(ctx, src, batch, rep)
	}
	if fault := endpointFault(res); fault != nil {
		return fault
	}
	switch {
	case res.status == http.StatusNoContent, res.status < 300:
		return fmt.Errorf("%w: %d with no list of stored statements", ErrBadReply, res.status)
	case len(batch) > 1: // 400, 409 or 413: one statement in it is at fault
		return s.split(ctx, src, batch, rep)
	case res.status == http.StatusConflict:
		return s.resolveConflict(ctx, src, batch[0], rep)
	default: // 400 or 413, for one statement: its own fault
		reason := fmt.Sprintf("%d: %s", res.status, sanitize.Printable(res.message()))
		rep.Rejected = append(rep.Rejected, Rejection{ID: batch[0].ID, Reason: reason})
		return src.MarkRejected(ctx, batch[0].ID, reason)
	}
}

// split delivers the two halves of a batch. When the LRS fails on both,
// the LRS is at fault, not a statement, and the push stops.
func (s *Sender) split(ctx context.Context, src Source, batch []domain.Statement, rep *Report) error {
	half := len(batch) / 2
	var lone [2]*serverFault
	for i, part := range [][]domain.Statement{batch[:half], batch[half:]} {
		err := s.deliver(ctx, src, part, rep)
		if !errors.As(err, &lone[i]) && err != nil {
			return err
		}
	}
	switch {
	case lone[0] != nil && lone[1] != nil:
		return fmt.Errorf("%w (%v)", ErrServer, lone[1].cause)
	case lone[0] != nil:
		return s.setAside(ctx, src, lone[0], rep)
	case lone[1] != nil:
		return s.setAside(ctx, src, lone[1], rep)
	}
	return nil
}

// setAsideIfOthersWent sets a lone failing statement aside when the LRS
// stored others in this push; otherwise nothing shows the LRS works, and
// the push stops with the statement still waiting.
func (s *Sender) setAsideIfOthersWent(ctx context.Context, src Source, f *serverFault, rep *Report) error {
	if rep.Sent == 0 {
		return fmt.Errorf("%w (%v)", ErrServer, f.cause)
	}
	return s.setAside(ctx, src, f, rep)
}

func (s *Sender) setAside(ctx context.Context, src Source, f *serverFault, rep *Report) error {
	reason := fmt.Sprintf("the LRS failed on this statement alone after %d tries: %v", s.Retries, f.cause)
	rep.Rejected = append(rep.Rejected, Rejection{ID: f.st.ID, Reason: reason})
	return src.MarkRejected(ctx, f.st.ID, reason)
}

// confirm marks a batch sent only when the LRS answered with the IDs of
// exactly the statements sent (xAPI 1.0.3, Communication 2.1.2): a
// captive portal's page, an empty array or other IDs prove nothing.
func (s *Sender) confirm(ctx context.Context, src Source, batch []domain.Statement, res reply, rep *Report) error {
	var got []string
	if !res.isJSON() || json.Unmarshal(res.body, &got) != nil {
		return fmt.Errorf("%w: a 200 answer that is not a list of statement IDs (%s)", ErrBadReply, describe(res))
	}
	want := ids(batch)
	if !sameIDs(want, got) {
		return fmt.Errorf("%w: it confirmed %d statement ID(s) for the %d sent, not the same ones", ErrBadReply, len(got), len(want))
	}
	rep.Sent += len(batch)
	return src.MarkSent(ctx, want)
}

func sameIDs(want, got []string) bool {
	if len(want) != len(got) {
		return false
	}
	set := make(map[string]bool, len(want))
	for _, id := range want {
		set[strings.ToLower(id)] = true
	}
	for _, id := range got {
		if !set[strings.ToLower(id)] {
			return false
		}
		delete(set, strings.ToLower(id))
	}
	return len(set) == 0
}

// describe says in a few words what a reply was, for an error message.
func describe(res reply) string {
	ct := res.contentType
	if ct == "" {
		ct = "no content type"
	}
	return fmt.Sprintf("%d, %s, %d bytes", res.status, sanitize.Printable(ct), len(res.body))
}

// post sends a batch, retrying network errors, 429 and 5xx with
// exponential backoff and jitter. After the last try a transient status
// is handed back for deliver to judge.
func (s *Sender) post(ctx context.Context, batch []domain.Statement, rep *Report) (reply, error) {
	body := joinArray(batch)
	var last reply
	var lastErr error
	for try := 0; try < s.Retries; try++ {
		if try > 0 {
			if err := s.wait(ctx, try); err != nil {
				return reply{}, err
			}
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.statementsURL(""), bytes.NewReader(body))
		if err != nil {
			return reply{}, fmt.Errorf("LRS address %q: %w", s.LRS.Endpoint, err)
		}
		req.Header.Set("Content-Type", "application/json")
		s.authorize(req)
		sent := s.Now()
		res, err := do(s.client(), req, maxReplyBytes)
		switch {
		case ctx.Err() != nil:
			return reply{}, ctx.Err()
		case errors.Is(err, ErrReplyTooLarge):
			return reply{}, err
		case err != nil:
			last, lastErr = reply{}, err
			continue
		}
		s.noteClock(res, sent, rep)
		if transient(res.status) {
			last, lastErr = res, nil
			continue
		}
		return res, nil
	}
	if lastErr != nil {
		return reply{}, fmt.Errorf("%w after %d tries: %v", ErrUnreachable, s.Retries, lastErr)
	}
	return last, nil
}

func (s *Sender) wait(ctx context.Context, try int) error {
	d := s.BaseDelay << (try - 1)
	if d > s.MaxDelay || d <= 0 {
		d = s.MaxDelay
	}
	d = d/2 + rand.N(d/2+1) // jitter, so many devices do not retry in step
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// client is the sender's client, never following a redirect whatever the
// caller set.
func (s *Sender) client() *http.Client {
	c := *s.Client
	c.CheckRedirect = noRedirects
	return &c
}

// resolveConflict asks the LRS for the statement it holds under the ID:
// the same statement means it was delivered before; another one is an ID
// collision, set aside and reported.
func (s *Sender) resolveConflict(ctx context.Context, src Source, st domain.Statement, rep *Report) error {
	stored, err := s.get(ctx, st.ID)
	if err != nil {
		return err
	}
	if sameStatement(st.Body, stored) {
		rep.Sent++
		return src.MarkSent(ctx, []string{st.ID})
	}
	reason := "409: the LRS holds a different statement with this ID"
	rep.Conflicts = append(rep.Conflicts, Rejection{ID: st.ID, Reason: reason})
	return src.MarkRejected(ctx, st.ID, reason)
}

// get reads the statement the LRS holds under id; ErrNotFound-like
// answers are errors.
func (s *Sender) get(ctx context.Context, id string) ([]byte, error) {
	res, err := s.read(ctx, s.statementsURL("statementId="+url.QueryEscape(id)), maxStatementBytes)
	if err != nil {
		return nil, err
	}
	if res.status != http.StatusOK || !res.isJSON() {
		return nil, fmt.Errorf("%w: reading statement %s back gave %s", ErrBadReply, id, describe(res))
	}
	return res.body, nil
}

// read GETs an address of the LRS's own origin with the credentials.
func (s *Sender) read(ctx context.Context, address string, limit int64) (reply, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, address, nil)
	if err != nil {
		return reply{}, fmt.Errorf("LRS address %q: %w", s.LRS.Endpoint, err)
	}
	s.authorize(req)
	res, err := do(s.client(), req, limit)
	switch {
	case ctx.Err() != nil:
		return reply{}, ctx.Err()
	case errors.Is(err, ErrReplyTooLarge):
		return reply{}, err
	case err != nil:
		return reply{}, fmt.Errorf("%w: %v", ErrUnreachable, err)
	}
	if fault := endpointFault(res); fault != nil {
		return res, fault
	}
	return res, nil
}

// sameStatement reports whether the LRS's copy holds everything ours says;
// the LRS adds stored, authority and version, which we never set.
func sameStatement(ours, theirs []byte) bool {
	var a, b map[string]any
	if json.Unmarshal(ours, &a) != nil || json.Unmarshal(theirs, &b) != nil {
		return false
	}
	for k, v := range a {
		if !reflect.DeepEqual(v, b[k]) {
			return false
		}
	}
	return true
}

func (s *Sender) statementsURL(query string) string {
	return s.resource("statements", query)
}

func (s *Sender) resource(name, query string) string {
	u := strings.TrimSuffix(s.LRS.Endpoint, "/") + "/" + name
	if query != "" {
		u += "?" + query
	}
	return u
}

func (s *Sender) authorize(req *http.Request) {
	req.Header.Set("X-Experience-API-Version", xapi.Version)
	if s.LRS.User != "" || s.LRS.Password != "" {
		req.SetBasicAuth(s.LRS.User, s.LRS.Password)
	}
}

// noteClock keeps the LRS's clock minus ours: a post's clock can be wrong,
// and statements keep the device's time, so the offset is recorded.
func (s *Sender) noteClock(res reply, sent time.Time, rep *Report) {
	if t, err := http.ParseTime(res.header.Get("Date")); err == nil {
		rep.ClockOffset = t.Sub(sent).Truncate(time.Second)
		rep.ClockKnown = true
	}
}

func joinArray(batch []domain.Statement) []byte {
	var b bytes.Buffer
	b.WriteByte('[')
	for i, st := range batch {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(st.Body)
	}
	b.WriteByte(']')
	return b.Bytes()
}

func ids(batch []domain.Statement) []string {
	out := make([]string, len(batch))
	for i, st := range batch {
		out[i] = st.ID
	}
	return out
}
