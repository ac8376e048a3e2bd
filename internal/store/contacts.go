package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/ogoh/ogoh/internal/domain"
)

// Contacts lists the post's referral contacts in the trainer's order.
func (s *DB) Contacts(ctx context.Context) ([]domain.Contact, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, organisation, role, phone, address, hours FROM referral_contact ORDER BY position, organisation`)
	if err != nil {
		return nil, fmt.Errorf("referral contacts: %w", err)
	}
	defer rows.Close()
	var out []domain.Contact
	for rows.Next() {
		var c domain.Contact
		if err := rows.Scan(&c.ID, &c.Organisation, &c.Role, &c.Phone, &c.Address, &c.Hours); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// SetContacts replaces the post's referral contacts with list, in order.
func (s *DB) SetContacts(ctx context.Context, list []domain.Contact) error {
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM referral_contact`); err != nil {
			return fmt.Errorf("referral contacts: %w", err)
		}
		for i, c := range list {
			if c.ID == "" {
				c.ID = domain.NewUUID()
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO referral_contact (id, position, organisation, role, phone, address, hours)
				VALUES (?, ?, ?, ?, ?, ?, ?)`, c.ID, i, c.Organisation, c.Role, c.Phone, c.Address, c.Hours)
			if err != nil {
				return fmt.Errorf("referral contact %q: %w", c.Organisation, err)
			}
		}
		return nil
	})
}
