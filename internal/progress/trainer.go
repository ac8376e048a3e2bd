package progress

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/ogoh/ogoh/internal/store"
)

// Trainer PIN settings; the PIN itself is kept only as a slow salted hash.
const (
	settingTrainerPIN      = "trainer.pin_hash"
	settingTrainerFailures = "trainer.failures"
	settingTrainerLocked   = "trainer.locked_until"
)

// TrainerTries is how many wrong PINs are allowed before trainer mode
// waits; each further wrong PIN doubles the wait.
const TrainerTries = 5

// TrainerWait is the first wait after too many wrong PINs.
const TrainerWait = 30 * time.Second

// Problems unlocking trainer mode.
var (
	ErrWrongPIN = errors.New("wrong PIN")
	ErrLocked   = errors.New("too many wrong PINs: wait")
)

// TrainerPINSet reports whether a trainer PIN was chosen on this device.
func (s *Service) TrainerPINSet(ctx context.Context) (bool, error) {
	h, err := s.db.Setting(ctx, settingTrainerPIN, "")
	return h != "", err
}

// SetTrainerPIN sets the trainer PIN (first use, or by a trainer).
func (s *Service) SetTrainerPIN(ctx context.Context, pin string) error {
	if !ValidPIN(pin) {
		return ErrBadPIN
	}
	h, err := HashPIN(pin)
	if err != nil {
		return err
	}
	return s.db.SetSetting(ctx, settingTrainerPIN, h)
}

// UnlockTrainer checks the trainer PIN. After TrainerTries wrong PINs in a
// row it refuses every try for a wait that doubles with each further
// wrong PIN; the count survives a restart. It returns how long to wait
// when locked.
func (s *Service) UnlockTrainer(ctx context.Context, pin string) (time.Duration, error) {
	now := s.now()
	lockedText, err := s.db.Setting(ctx, settingTrainerLocked, "")
	if err != nil {
		return 0, err
	}
	if until, err := time.Parse(time.RFC3339Nano, lockedText); err == nil && now.Before(until) {
		return until.Sub(now), ErrLocked
	}
	hash, err := s.db.Setting(ctx, settingTrainerPIN, "")
	if err != nil {
		return 0, err
	}
	if hash != "" && CheckPIN(hash, pin) {
		return 0, s.db.SetSetting(ctx, settingTrainerFailures, "0")
	}
	failText, _ := s.db.Setting(ctx, settingTrainerFailures, "0")
	fails, _ := strconv.Atoi(failText)
	fails++
	if err := s.db.SetSetting(ctx, settingTrainerFailures, strconv.Itoa(fails)); err != nil {
		return 0, err
	}
	if fails < TrainerTries {
		return 0, ErrWrongPIN
	}
	wait := TrainerWait << min(fails-TrainerTries, 16)
	if err := s.db.SetSetting(ctx, settingTrainerLocked, now.Add(wait).Format(time.RFC3339Nano)); err != nil {
		return 0, err
	}
	return wait, ErrLocked
}

// ReportRow is one learner's standing in one course.
type ReportRow = store.ReportRow

// Report is every active learner's progress in each course they started.
func (s *Service) Report(ctx context.Context) ([]ReportRow, error) { return s.db.Report(ctx) }

// ArchiveLearner hides a learner from the picker and reports; the records stay.
func (s *Service) ArchiveLearner(ctx context.Context, id string) error {
	return s.db.ArchiveLearner(ctx, id)
}

// ClearPIN removes the PIN of a learner who forgot it, so they can open
// their profile again; their progress is kept.
func (s *Service) ClearPIN(ctx context.Context, id string) error {
	return s.db.ClearLearnerPIN(ctx, id)
}

// WriteReportCSV writes the report as CSV with a header row; courseTitle
// names a course for people (the ID when it is not installed).
func WriteReportCSV(w io.Writer, rows []ReportRow, courseTitle func(id string) string) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"learner", "role", "post", "course", "lessons_done", "best_score_percent", "attempts", "passed", "last_activity"})
	for _, r := range rows {
		best := ""
		if r.BestPercent >= 0 {
			best = strconv.Itoa(r.BestPercent)
		}
		last := ""
		if !r.LastActivity.IsZero() {
			last = r.LastActivity.UTC().Format(time.RFC3339)
		}
		if err := cw.Write([]string{csvText(r.Name), csvText(r.Role), csvText(r.Post), csvText(courseTitle(r.CourseID)), strconv.Itoa(r.LessonsDone), best,
			strconv.Itoa(r.Attempts), strconv.FormatBool(r.Passed), last}); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvText neutralises a text cell a spreadsheet would take for a formula
// (OWASP's advice on CSV injection): a name like "=HYPERLINK(…)" or
// "@SUM(…)" is written with a leading single quote, so it shows as text.
// Only cells of text typed by people or read from courses pass here; the
// numbers are ours.
func csvText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
