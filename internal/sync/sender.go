package sync

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"time"

	"github.com/ogoh/ogoh/internal/store"
)

// Version is the xAPI version Ogoh speaks.
const Version = "1.0.3"

// Source is where statements wait to be delivered: a device's outbox or a
// sync file being forwarded.
type Source interface {
	Pending(ctx context.Context, limit int) ([]store.Statement, error)
	MarkSent(ctx context.Context, ids []string) error
	MarkRejected(ctx context.Context, id, reason string) error
}

// Progress hears how far a push has gone; the UI shows it in a bar.
type Progress interface {
	Delivered(done int)
}

// LRS is a Learning Record Store's statements endpoint and credentials.
type LRS struct {
	Endpoint string // the xAPI base, e.g. https://lrs.example.org/xAPI/
	User     string
	Password string
}

// Problems a push stops on. Transient trouble (no network, 5xx, 429) is
// retried first; these are not.
var (
	ErrUnauthorized = errors.New("the LRS did not accept the user name and password")
	ErrForbidden    = errors.New("the LRS refused access (403)")
	ErrUnreachable  = errors.New("the LRS could not be reached")
	ErrConflict     = errors.New("the LRS holds a different statement with the same ID")
)

// Sender delivers statements to an LRS in batches.
type Sender struct {
	LRS       LRS
	Client    *http.Client  // its Timeout bounds each request
	BatchSize int           // statements per POST
	Retries   int           // tries of a batch on transient failures
	BaseDelay time.Duration // first backoff; it doubles, with jitter
	MaxDelay  time.Duration
	Progress  Progress // optional
	Now       func() time.Time
}

// NewSender returns a sender with the defaults Ogoh uses.
func NewSender(lrs LRS) *Sender {
	return &Sender{
		LRS: lrs, Client: &http.Client{Timeout: 30 * time.Second}, BatchSize: 250,
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

// Push sends everything src holds, batch by batch, marking each statement
// sent only once the LRS has confirmed it. Statements the LRS refuses are
// set aside and do not stop the rest.
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
		if err := s.deliver(ctx, src, batch, &rep); err != nil {
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

// deliver posts one batch; a batch the LRS refuses as a whole is split
// until the statement at fault is found.
func (s *Sender) deliver(ctx context.Context, src Source, batch []store.Statement, rep *Report) error {
	resp, err := s.post(ctx, batch, rep)
	if err != nil {
		return err
	}
	switch {
	case resp.status == http.StatusOK || resp.status == http.StatusNoContent:
		rep.Sent += len(batch)
		return src.MarkSent(ctx, ids(batch))
	case resp.status == http.StatusUnauthorized:
		return ErrUnauthorized
	case resp.status == http.StatusForbidden:
		return ErrForbidden
	case len(batch) > 1 && (resp.status == http.StatusBadRequest || resp.status == http.StatusConflict ||
		resp.status == http.StatusRequestEntityTooLarge):
		half := len(batch) / 2
		if err := s.deliver(ctx, src, batch[:half], rep); err != nil {
			return err
		}
		return s.deliver(ctx, src, batch[half:], rep)
	case resp.status == http.StatusConflict:
		return s.resolveConflict(ctx, src, batch[0], rep)
	default: // 400, 413 or anything else permanent, for one statement
		reason := fmt.Sprintf("%d: %s", resp.status, resp.message)
		rep.Rejected = append(rep.Rejected, Rejection{ID: batch[0].ID, Reason: reason})
		return src.MarkRejected(ctx, batch[0].ID, reason)
	}
}

type response struct {
	status  int
	message string
}

// post sends a batch, retrying network errors, 429 and 5xx with
// exponential backoff and jitter.
func (s *Sender) post(ctx context.Context, batch []store.Statement, rep *Report) (response, error) {
	body := joinArray(batch)
	var last error
	for try := 0; try < s.Retries; try++ {
		if try > 0 {
			if err := s.wait(ctx, try); err != nil {
				return response{}, err
			}
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.statementsURL(""), bytes.NewReader(body))
		if err != nil {
			return response{}, err
		}
		req.Header.Set("Content-Type", "application/json")
		s.authorize(req)
		sent := s.Now()
		res, err := s.Client.Do(req)
		if err != nil {
			if ctx.Err() != nil {
				return response{}, ctx.Err()
			}
			last = err
			continue
		}
		msg := readMessage(res)
		s.noteClock(res, sent, rep)
		if res.StatusCode == http.StatusTooManyRequests || res.StatusCode >= 500 {
			last = fmt.Errorf("LRS answered %d: %s", res.StatusCode, msg)
			continue
		}
		return response{status: res.StatusCode, message: msg}, nil
	}
	return response{}, fmt.Errorf("%w after %d tries: %v", ErrUnreachable, s.Retries, last)
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

// resolveConflict asks the LRS for the statement it holds under the ID:
// the same statement means it was delivered before; another one is an ID
// collision, set aside and reported.
func (s *Sender) resolveConflict(ctx context.Context, src Source, st store.Statement, rep *Report) error {
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

func (s *Sender) get(ctx context.Context, id string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.statementsURL("statementId="+url.QueryEscape(id)), nil)
	if err != nil {
		return nil, err
	}
	s.authorize(req)
	res, err := s.Client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnreachable, err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(io.LimitReader(res.Body, 4<<20))
	if err != nil || res.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("read statement %s from the LRS: %d %v", id, res.StatusCode, err)
	}
	return body, nil
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

// Check asks the LRS whether it answers and accepts the credentials,
// without sending anything.
func (s *Sender) Check(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.statementsURL("limit=1"), nil)
	if err != nil {
		return fmt.Errorf("LRS address %q: %w", s.LRS.Endpoint, err)
	}
	s.authorize(req)
	res, err := s.Client.Do(req)
	if err != nil {
		return fmt.Errorf("%w: %v", ErrUnreachable, err)
	}
	msg := readMessage(res)
	switch {
	case res.StatusCode == http.StatusOK:
		return nil
	case res.StatusCode == http.StatusUnauthorized:
		return ErrUnauthorized
	case res.StatusCode == http.StatusForbidden:
		return ErrForbidden
	default:
		return fmt.Errorf("LRS answered %d: %s", res.StatusCode, msg)
	}
}

func (s *Sender) statementsURL(query string) string {
	u := strings.TrimSuffix(s.LRS.Endpoint, "/") + "/statements"
	if query != "" {
		u += "?" + query
	}
	return u
}

func (s *Sender) authorize(req *http.Request) {
	req.Header.Set("X-Experience-API-Version", Version)
	if s.LRS.User != "" || s.LRS.Password != "" {
		req.SetBasicAuth(s.LRS.User, s.LRS.Password)
	}
}

// noteClock keeps the LRS's clock minus ours: a post's clock can be wrong,
// and statements keep the device's time, so the offset is recorded.
func (s *Sender) noteClock(res *http.Response, sent time.Time, rep *Report) {
	if t, err := http.ParseTime(res.Header.Get("Date")); err == nil {
		rep.ClockOffset = t.Sub(sent).Truncate(time.Second)
		rep.ClockKnown = true
	}
}

func readMessage(res *http.Response) string {
	defer res.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(res.Body, 64<<10))
	var e struct {
		Message  string   `json:"message"`
		Warnings []string `json:"warnings"`
	}
	if json.Unmarshal(body, &e) == nil && (e.Message != "" || len(e.Warnings) > 0) {
		return strings.TrimSpace(e.Message + " " + strings.Join(e.Warnings, "; "))
	}
	return strings.TrimSpace(string(body))
}

func joinArray(batch []store.Statement) []byte {
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

func ids(batch []store.Statement) []string {
	out := make([]string, len(batch))
	for i, st := range batch {
		out[i] = st.ID
	}
	return out
}
