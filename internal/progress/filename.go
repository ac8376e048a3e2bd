package progress

import (
	"context"
	"strings"
	"time"
	"unicode"

	"github.com/ogoh/ogoh/internal/domain"
)

// SyncFileName is the name offered for this device's next sync file:
// the post its learners gave, the start of the device's ID, and the time,
// e.g. "post-12-5e31a0c2-2026-12-01-2150.ogohsync", so a trainer holding
// twenty sticks can tell the files apart. Letters of any script are kept;
// what a file system may refuse is not.
func (s *Service) SyncFileName(ctx context.Context, at time.Time) (string, error) {
	device, err := s.db.DeviceID(ctx)
	if err != nil {
		return "", err
	}
	learners, err := s.db.Learners(ctx)
	if err != nil {
		return "", err
	}
	parts := []string{}
	if post := fileNamePart(mostCommonPost(learners)); post != "" {
		parts = append(parts, post)
	}
	parts = append(parts, device[:min(8, len(device))], at.Format("2006-01-02-1504"))
	return strings.Join(parts, "-") + ".ogohsync", nil
}

// mostCommonPost is the post most of the device's learners gave; the
// first given wins a tie.
func mostCommonPost(learners []domain.Learner) string {
	count := map[string]int{}
	best := ""
	for _, l := range learners {
		p := strings.TrimSpace(l.Post)
		if p == "" {
			continue
		}
		count[p]++
		if count[p] > count[best] {
			best = p
		}
	}
	return best
}

// fileNamePart keeps letters and digits of any script, turns runs of
// anything else into one hyphen, and keeps it short.
func fileNamePart(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			hyphen = false
		} else if !hyphen && b.Len() > 0 {
			b.WriteRune('-')
			hyphen = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	return strings.Trim(b.String(), "-")
}
