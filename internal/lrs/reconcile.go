package lrs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/ogoh/ogoh/internal/sanitize"
)

// LRSTime asks the LRS for its clock, so a later query "stored since"
// uses the LRS's time, not ours: X-Experience-API-Consistent-Through has
// milliseconds; the Date header, kept as a fallback, only seconds.
func (s *Sender) LRSTime(ctx context.Context) (time.Time, error) {
	res, err := s.read(ctx, s.statementsURL("limit=1"), maxPageBytes)
	if err != nil {
		return time.Time{}, err
	}
	if res.status != http.StatusOK {
		return time.Time{}, fmt.Errorf("%w: a query for statements gave %s", ErrBadReply, describe(res))
	}
	if t, err := time.Parse(time.RFC3339Nano, res.header.Get("X-Experience-API-Consistent-Through")); err == nil {
		return t, nil
	}
	t, err := http.ParseTime(res.header.Get("Date"))
	if err != nil {
		return time.Time{}, fmt.Errorf("the LRS sent no usable Date header: %w", err)
	}
	return t.Add(-time.Second), nil // the Date is rounded down to the second
}

// ErrTooManyPages is a listing that does not end where it should: a
// `more` link that loops, or far more pages than the statements asked for.
var ErrTooManyPages = errors.New("the LRS's list of statements does not end")

const idsPerPage = 500

// CountStoredSince counts how many of ids the LRS stored at or after
// since, by its own clock. After a forward, those are the statements that
// were new; the rest of those it confirmed were already there. It follows
// `more` only on the LRS's own origin (the credentials go nowhere else),
// never to a page it has seen, and for a bounded number of pages.
func (s *Sender) CountStoredSince(ctx context.Context, since time.Time, ids []string) (int, error) {
	found, err := s.StoredSince(ctx, since, ids)
	return len(found), err
}

// StoredSince is CountStoredSince's set: which of ids the LRS's listing
// shows as stored at or after since.
func (s *Sender) StoredSince(ctx context.Context, since time.Time, ids []string) (map[string]bool, error) {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	base, err := url.Parse(s.LRS.Endpoint)
	if err != nil {
		return nil, err
	}
	// Other posts may store statements in the same minutes; a page budget
	// several times what ours need still ends a loop quickly.
	budget := 20 + 4*(len(ids)/idsPerPage+1)
	seen := map[string]bool{}
	next := s.statementsURL(fmt.Sprintf("limit=%d&format=ids&since=%s", idsPerPage, url.QueryEscape(since.UTC().Format(time.RFC3339Nano))))
	found := map[string]bool{}
	for pages := 0; next != "" && len(want) > 0; pages++ {
		if pages >= budget || seen[next] {
			return found, fmt.Errorf("%w after %d page(s)", ErrTooManyPages, pages)
		}
		seen[next] = true
		res, err := s.read(ctx, next, maxPageBytes)
		if err != nil {
			return found, err
		}
		var page struct {
			Statements []struct {
				ID string `json:"id"`
			} `json:"statements"`
			More string `json:"more"`
		}
		if res.status != http.StatusOK || json.Unmarshal(res.body, &page) != nil {
			return found, fmt.Errorf("%w: listing statements stored since %s gave %s", ErrBadReply, since.Format(time.RFC3339), describe(res))
		}
		for _, st := range page.Statements {
			if want[st.ID] {
				found[st.ID] = true
				delete(want, st.ID)
			}
		}
		next = ""
		if page.More != "" {
			more, err := base.Parse(page.More)
			if err != nil || !sameOrigin(base, more) {
				return found, fmt.Errorf("%w: its next page is at another address (%s); the credentials are not sent there", ErrBadReply, sanitize.Printable(page.More))
			}
			next = more.String()
		}
	}
	return found, nil
}

// StoredAt reads back the statement the LRS holds under id and says when
// it was stored, by the LRS's clock.
func (s *Sender) StoredAt(ctx context.Context, id string) (time.Time, error) {
	body, err := s.get(ctx, id)
	if err != nil {
		return time.Time{}, fmt.Errorf("the LRS confirmed statement %s but does not hold it: %w", id, err)
	}
	var st struct {
		Stored string `json:"stored"`
	}
	if json.Unmarshal(body, &st) != nil {
		return time.Time{}, fmt.Errorf("%w: statement %s read back without its stored time", ErrBadReply, id)
	}
	t, err := time.Parse(time.RFC3339Nano, st.Stored)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: statement %s read back without its stored time", ErrBadReply, id)
	}
	return t, nil
}
