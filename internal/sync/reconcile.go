package sync

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// LRSTime asks the LRS for its clock, so a later query "stored since"
// uses the LRS's time, not ours: X-Experience-API-Consistent-Through has
// milliseconds; the Date header, kept as a fallback, only seconds.
func (s *Sender) LRSTime(ctx context.Context) (time.Time, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.statementsURL("limit=1"), nil)
	if err != nil {
		return time.Time{}, err
	}
	s.authorize(req)
	res, err := s.Client.Do(req)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: %v", ErrUnreachable, err)
	}
	readMessage(res)
	if res.StatusCode == http.StatusUnauthorized {
		return time.Time{}, ErrUnauthorized
	}
	if t, err := time.Parse(time.RFC3339Nano, res.Header.Get("X-Experience-API-Consistent-Through")); err == nil {
		return t, nil
	}
	t, err := http.ParseTime(res.Header.Get("Date"))
	if err != nil {
		return time.Time{}, fmt.Errorf("the LRS sent no usable Date header: %w", err)
	}
	return t.Add(-time.Second), nil // the Date is rounded down to the second
}

// CountStoredSince counts how many of ids the LRS stored at or after
// since, by its own clock. After a forward, those are the statements that
// were new; the rest of those it confirmed were already there.
func (s *Sender) CountStoredSince(ctx context.Context, since time.Time, ids []string) (int, error) {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	base, err := url.Parse(s.LRS.Endpoint)
	if err != nil {
		return 0, err
	}
	next := s.statementsURL("limit=500&since=" + url.QueryEscape(since.UTC().Format(time.RFC3339Nano)))
	found := 0
	for next != "" {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, next, nil)
		if err != nil {
			return found, err
		}
		s.authorize(req)
		res, err := s.Client.Do(req)
		if err != nil {
			return found, fmt.Errorf("%w: %v", ErrUnreachable, err)
		}
		var page struct {
			Statements []struct {
				ID string `json:"id"`
			} `json:"statements"`
			More string `json:"more"`
		}
		err = json.NewDecoder(res.Body).Decode(&page)
		res.Body.Close()
		if err != nil || res.StatusCode != http.StatusOK {
			return found, fmt.Errorf("list statements stored since %s: %d %v", since.Format(time.RFC3339), res.StatusCode, err)
		}
		for _, st := range page.Statements {
			if want[st.ID] {
				found++
				delete(want, st.ID)
			}
		}
		next = ""
		if page.More != "" {
			more, err := base.Parse(page.More)
			if err != nil {
				return found, err
			}
			next = more.String()
		}
		if len(want) == 0 {
			break
		}
	}
	return found, nil
}

// Forwarded is what forwarding one sync file did.
type Forwarded struct {
	File         string
	Device       string
	Total        int
	Stored       int // new to the LRS
	AlreadyThere int // the LRS had them: sent before by file or by the device
	Refused      []Rejection
	Err          error
}

// Forward sends a sync file's statements to the LRS and says which were
// new, which the LRS already had, and which it refused. Forwarding the
// same file twice stores nothing the second time.
func (s *Sender) Forward(ctx context.Context, path string) Forwarded {
	out := Forwarded{File: path}
	f, err := ReadFile(path)
	if err != nil {
		out.Err = err
		return out
	}
	out.Device, out.Total = f.Device, len(f.Statements)
	since, err := s.LRSTime(ctx)
	if err != nil {
		out.Err = err
		return out
	}
	src := f.Source()
	rep, err := s.Push(ctx, src)
	out.Refused = append(rep.Rejected, rep.Conflicts...)
	if err != nil && !errors.Is(err, ErrConflict) {
		out.Err = err
		return out
	}
	stored, err := s.CountStoredSince(ctx, since, src.IDs())
	if err != nil {
		out.Err = err
		return out
	}
	out.Stored = min(stored, rep.Sent)
	out.AlreadyThere = rep.Sent - out.Stored
	return out
}
