package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
)

// ApplyReceipt marks the statements a receipt lists delivered by file,
// counts those delivered before and those this device never made, and
// records the receipt and its clock check, all in one transaction. A
// receipt whose signature was recorded before changes nothing.
func (s *DB) ApplyReceipt(ctx context.Context, r domain.Receipt, ids []string, clock *domain.ClockCheck) (domain.ReceiptResult, error) {
	var res domain.ReceiptResult
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var seen int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM receipt WHERE signature = ?`, r.Signature).Scan(&seen); err != nil {
			return fmt.Errorf("receipt read before: %w", err)
		}
		if seen > 0 {
			res.AlreadyRead = true
			return nil
		}
		known, err := s.markDelivered(ctx, tx, ids, &res)
		if err != nil {
			return err
		}
		res.Unknown = len(ids) - known
		res.Already = known - res.Marked
		_, err = tx.ExecContext(ctx, `INSERT INTO receipt (signature, trainer, key_id, sequence, forwarded_at, read_at, listed, marked)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, r.Signature, r.Trainer, r.KeyID, r.Sequence, formatTime(r.Forwarded), formatTime(r.Read), len(ids), res.Marked)
		if err != nil {
			return fmt.Errorf("record receipt: %w", err)
		}
		if clock != nil {
			return insertClockCheck(ctx, tx, *clock)
		}
		return nil
	})
	if err != nil {
		return domain.ReceiptResult{}, err
	}
	return res, nil
}

// markDelivered marks the waiting or set-aside statements among ids sent
// by file, and returns how many of ids the outbox holds at all.
func (s *DB) markDelivered(ctx context.Context, tx *sql.Tx, ids []string, res *domain.ReceiptResult) (int, error) {
	now, known := s.stamp(), 0
	for _, chunk := range chunks(ids, 500) {
		args := make([]any, 0, len(chunk)+1)
		for _, id := range chunk {
			args = append(args, id)
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM outbox WHERE id IN (`+placeholders(len(chunk))+`)`, args...).Scan(&n); err != nil {
			return 0, fmt.Errorf("statements a receipt lists: %w", err)
		}
		known += n
		upd, err := tx.ExecContext(ctx, `UPDATE outbox SET state = 'sent', sent_at = ?, error = NULL, delivered_by = 'file'
			WHERE state <> 'sent' AND id IN (`+placeholders(len(chunk))+`)`, append([]any{now}, args...)...)
		if err != nil {
			return 0, fmt.Errorf("mark statements delivered by file: %w", err)
		}
		marked, err := upd.RowsAffected()
		if err != nil {
			return 0, err
		}
		res.Marked += int(marked)
	}
	return known, nil
}

// LastReceipt is the receipt read last, or ErrNotFound.
func (s *DB) LastReceipt(ctx context.Context) (domain.Receipt, error) {
	var r domain.Receipt
	var forwarded, read sql.NullString
	err := s.db.QueryRowContext(ctx, `SELECT signature, trainer, key_id, sequence, forwarded_at, read_at, listed
		FROM receipt ORDER BY id DESC LIMIT 1`).Scan(&r.Signature, &r.Trainer, &r.KeyID, &r.Sequence, &forwarded, &read, &r.Listed)
	if errors.Is(err, sql.ErrNoRows) {
		return r, domain.ErrNotFound
	}
	if err != nil {
		return r, fmt.Errorf("last receipt: %w", err)
	}
	r.Forwarded, r.Read = parseTime(forwarded), parseTime(read)
	return r, nil
}

// RecordClockCheck keeps one sighting of a trusted time.
func (s *DB) RecordClockCheck(ctx context.Context, c domain.ClockCheck) error {
	return s.tx(ctx, func(tx *sql.Tx) error { return insertClockCheck(ctx, tx, c) })
}

func insertClockCheck(ctx context.Context, tx *sql.Tx, c domain.ClockCheck) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO clock_check (source, seen_at, offset_ms) VALUES (?, ?, ?)`,
		c.Source, formatTime(c.Seen), c.Offset.Milliseconds())
	if err != nil {
		return fmt.Errorf("record the clock's offset: %w", err)
	}
	return nil
}

// LastClockCheck is the latest sighting of a trusted time, or ErrNotFound.
func (s *DB) LastClockCheck(ctx context.Context) (domain.ClockCheck, error) {
	var c domain.ClockCheck
	var seen sql.NullString
	var ms int64
	err := s.db.QueryRowContext(ctx, `SELECT source, seen_at, offset_ms FROM clock_check ORDER BY id DESC LIMIT 1`).Scan(&c.Source, &seen, &ms)
	if errors.Is(err, sql.ErrNoRows) {
		return c, domain.ErrNotFound
	}
	if err != nil {
		return c, fmt.Errorf("last clock check: %w", err)
	}
	c.Seen, c.Offset = parseTime(seen), time.Duration(ms)*time.Millisecond
	return c, nil
}
