package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
)

// queue adds statements to the outbox inside tx, so they commit with the
// event they describe or not at all.
func (s *DB) queue(ctx context.Context, tx *sql.Tx, out []domain.Statement) error {
	for _, st := range out {
		if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (id, body, created_at) VALUES (?, ?, ?)`,
			st.ID, st.Body, s.stamp()); err != nil {
			return fmt.Errorf("queue statement %s: %w", st.ID, err)
		}
	}
	return nil
}

// Pending returns up to limit statements not yet confirmed by an LRS, oldest first.
func (s *DB) Pending(ctx context.Context, limit int) ([]domain.Statement, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, body FROM outbox WHERE state = 'pending' ORDER BY seq LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("pending statements: %w", err)
	}
	defer rows.Close()
	var out []domain.Statement
	for rows.Next() {
		var st domain.Statement
		if err := rows.Scan(&st.ID, &st.Body); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// EachPending calls fn for every unconfirmed statement, oldest first,
// reading in pages so a large outbox is never all in memory.
func (s *DB) EachPending(ctx context.Context, fn func(domain.Statement) error) error {
	last := int64(0)
	for {
		rows, err := s.db.QueryContext(ctx, `SELECT seq, id, body FROM outbox WHERE state = 'pending' AND seq > ? ORDER BY seq LIMIT 1000`, last)
		if err != nil {
			return fmt.Errorf("pending statements: %w", err)
		}
		var page []domain.Statement
		for rows.Next() {
			var st domain.Statement
			if err := rows.Scan(&last, &st.ID, &st.Body); err != nil {
				rows.Close()
				return err
			}
			page = append(page, st)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, st := range page {
			if err := fn(st); err != nil {
				return err
			}
		}
		if len(page) < 1000 {
			return nil
		}
	}
}

// MarkSent records that the LRS confirmed these statements.
func (s *DB) MarkSent(ctx context.Context, ids []string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		now := s.stamp()
		for _, chunk := range chunks(ids, 500) {
			args := []any{now}
			for _, id := range chunk {
				args = append(args, id)
			}
			_, err := tx.ExecContext(ctx, `UPDATE outbox SET state = 'sent', sent_at = ?, error = NULL
				WHERE state <> 'sent' AND id IN (`+placeholders(len(chunk))+`)`, args...)
			if err != nil {
				return fmt.Errorf("mark statements sent: %w", err)
			}
		}
		return nil
	})
}

// MarkRejected sets a statement aside with the LRS's reason, so it no
// longer blocks the rest.
func (s *DB) MarkRejected(ctx context.Context, id, reason string) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE outbox SET state = 'rejected', error = ? WHERE id = ? AND state = 'pending'`, reason, id)
		if err != nil {
			return fmt.Errorf("set statement %s aside: %w", id, err)
		}
		return nil
	})
}

// OutboxCounts counts the outbox by state.
func (s *DB) OutboxCounts(ctx context.Context) (domain.OutboxCounts, error) {
	var c domain.OutboxCounts
	err := s.db.QueryRowContext(ctx, `SELECT
		COUNT(*) FILTER (WHERE state = 'pending'),
		COUNT(*) FILTER (WHERE state = 'sent'),
		COUNT(*) FILTER (WHERE state = 'rejected') FROM outbox`).Scan(&c.Pending, &c.Sent, &c.Rejected)
	if err != nil {
		return c, fmt.Errorf("count outbox: %w", err)
	}
	return c, nil
}

// Rejected lists the statements an LRS refused, with its reasons.
func (s *DB) Rejected(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, COALESCE(error, '') FROM outbox WHERE state = 'rejected' ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("rejected statements: %w", err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, reason string
		if err := rows.Scan(&id, &reason); err != nil {
			return nil, err
		}
		out[id] = reason
	}
	return out, rows.Err()
}

// RecordSyncRun keeps the outcome of a sync, for the "last sync" line.
func (s *DB) RecordSyncRun(ctx context.Context, r domain.SyncRun) error {
	var offset any
	if r.ClockOffsetKnown {
		offset = r.ClockOffset.Milliseconds()
	}
	return s.tx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO sync_run (route, started_at, finished_at, sent, rejected, error, clock_offset_ms)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, r.Route, formatTime(r.Started), formatTime(r.Ended), r.Sent, r.Rejected, r.Error, offset)
		if err != nil {
			return fmt.Errorf("record sync: %w", err)
		}
		return nil
	})
}

// LastSyncRun returns the latest sync, or ErrNotFound.
func (s *DB) LastSyncRun(ctx context.Context) (domain.SyncRun, error) {
	var r domain.SyncRun
	var started, ended sql.NullString
	var offset sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT route, started_at, finished_at, sent, rejected, error, clock_offset_ms
		FROM sync_run ORDER BY id DESC LIMIT 1`).Scan(&r.Route, &started, &ended, &r.Sent, &r.Rejected, &r.Error, &offset)
	if errors.Is(err, sql.ErrNoRows) {
		return r, domain.ErrNotFound
	}
	if err != nil {
		return r, fmt.Errorf("last sync: %w", err)
	}
	r.Started, r.Ended = parseTime(started), parseTime(ended)
	r.ClockOffset, r.ClockOffsetKnown = time.Duration(offset.Int64)*time.Millisecond, offset.Valid
	return r, nil
}

func chunks(ids []string, n int) [][]string {
	var out [][]string
	for len(ids) > n {
		out = append(out, ids[:n])
		ids = ids[n:]
	}
	if len(ids) > 0 {
		out = append(out, ids)
	}
	return out
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// RequeueRejected puts every statement set aside back in the queue, for
// the next push to try again: an LRS that was misconfigured (or an older
// Ogoh that set statements aside for an endpoint's fault) may have turned
// good statements away. It returns how many were queued again.
func (s *DB) RequeueRejected(ctx context.Context) (int, error) {
	var n int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE outbox SET state = 'pending', error = NULL WHERE state = 'rejected'`)
		if err != nil {
			return fmt.Errorf("queue set-aside statements again: %w", err)
		}
		n, err = res.RowsAffected()
		return err
	})
	return int(n), err
}

// NextExportSequence counts one more export of this device and returns
// its number, which only grows: a forwarder can tell an older file from a
// newer one.
func (s *DB) NextExportSequence(ctx context.Context) (int64, error) {
	var n int64
	err := s.tx(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `INSERT INTO setting (key, value) VALUES ('sync.export_sequence', '1')
			ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1 RETURNING CAST(value AS INTEGER)`).Scan(&n)
		if err != nil {
			return fmt.Errorf("count exports: %w", err)
		}
		return nil
	})
	return n, err
}
