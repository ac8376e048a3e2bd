package library

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
)

// The trusted keys and the record of checked course folders are written
// where anyone with the data folder can edit them. With the device's key
// the library authenticates both: a key added to the table by hand, or a
// record rewritten to hide an edited course, is not believed.
const settingTrustMAC = "library.trust_mac"

// Refusals of the library's own.
var (
	ErrKeysTampered   = &domain.Error{Code: domain.CodeUntrusted, Err: errors.New("the list of trusted keys was changed outside Ogoh: add the keys again in trainer mode")}
	ErrOtherPublisher = &domain.Error{Code: domain.CodeUntrusted, Err: errors.New("this course was installed from another key before")}
	ErrBundledID      = &domain.Error{Code: domain.CodeUntrusted, Err: errors.New("this course is part of the app: only the app's own key may replace it")}
)

// Keyed authenticates the trusted keys and the checked record with macKey,
// derived from the device key. fresh says the device key was made in this
// start: the keys trusted before are taken as they are, once.
func (l *Library) Keyed(ctx context.Context, macKey []byte, fresh bool) error {
	l.macKey = macKey
	if fresh {
		return l.sealTrust(ctx)
	}
	return nil
}

func (l *Library) mac(parts ...string) string {
	m := hmac.New(sha256.New, l.macKey)
	for _, p := range parts {
		fmt.Fprintf(m, "%d:%s\n", len(p), p)
	}
	return hex.EncodeToString(m.Sum(nil))
}

func (l *Library) trustMAC(rows []domain.TrustedKey) string {
	parts := []string{"trusted keys"}
	for _, r := range rows {
		parts = append(parts, r.ID, r.Public)
	}
	sort.Strings(parts[1:])
	return l.mac(parts...)
}

// sealTrust records the MAC of the trusted keys as they are now.
func (l *Library) sealTrust(ctx context.Context) error {
	if l.macKey == nil {
		return nil
	}
	rows, err := l.db.TrustedKeys(ctx)
	if err != nil {
		return err
	}
	return l.db.SetSetting(ctx, settingTrustMAC, l.trustMAC(rows))
}

// trustedRows are the trusted keys, if their MAC holds.
func (l *Library) trustedRows(ctx context.Context) ([]domain.TrustedKey, error) {
	rows, err := l.db.TrustedKeys(ctx)
	if err != nil || l.macKey == nil {
		return rows, err
	}
	want, err := l.db.Setting(ctx, settingTrustMAC, "")
	if err != nil {
		return nil, err
	}
	if (want == "" && len(rows) == 0) || hmac.Equal([]byte(want), []byte(l.trustMAC(rows))) {
		return rows, nil
	}
	return nil, ErrKeysTampered
}

// checkPublisher refuses a pack whose course the app bundles, unless its
// key is the app's own, and one whose course came from another key
// before, unless the trainer confirmed (force).
func (l *Library) checkPublisher(ctx context.Context, p *course.Pack, force bool) error {
	for _, b := range l.bundled {
		if b.ID == p.Manifest.CourseID && !l.isBundledKey(p.Signer) {
			return fmt.Errorf("%w (%s, signed by key %s)", ErrBundledID, b.ID, p.Signer.ID())
		}
	}
	if force {
		return nil
	}
	installs, err := l.db.Installs(ctx)
	if err != nil {
		return err
	}
	for _, in := range installs {
		if in.CourseID == p.Manifest.CourseID && in.KeyID != p.Signer.ID() {
			return fmt.Errorf("%w: key %s, and this pack is signed by key %s", ErrOtherPublisher, in.KeyID, p.Signer.ID())
		}
	}
	return nil
}

func (l *Library) isBundledKey(k course.Key) bool {
	for _, b := range BundledKeys {
		if string(b.Public) == string(k.Public) {
			return true
		}
	}
	return false
}

// BundledKeys are the keys shipped with the app that may publish its own
// courses. Ogoh ships none yet: its bundled courses are updated with the
// app, and no pack can take their place.
var BundledKeys []course.Key
