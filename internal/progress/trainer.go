package progress

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
)

// Report is every active learner's progress in each course they started.
func (s *Service) Report(ctx context.Context) ([]domain.ReportRow, error) { return s.db.Report(ctx) }

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
func WriteReportCSV(w io.Writer, rows []domain.ReportRow, courseTitle func(id string) string) error {
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
		if err := cw.Write([]string{csvText(r.Name), csvText(string(r.Role)), csvText(r.Post), csvText(courseTitle(r.CourseID)), strconv.Itoa(r.LessonsDone), best,
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

// RealLearnerIDs are the learners not made by demo seed.
func (s *Service) RealLearnerIDs(ctx context.Context) ([]string, error) {
	return s.db.RealLearnerIDs(ctx)
}
