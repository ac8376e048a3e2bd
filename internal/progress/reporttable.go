package progress

import (
	"cmp"
	"slices"
	"strings"

	"github.com/ogoh/ogoh/internal/domain"
)

// The trainer's table: the report's rows with those not yet started,
// filtered, sorted and totalled. Pure functions over the rows, so the
// screen and the CSV agree.

// WithNotStarted adds a row for each learner and course they have not
// begun, so "not started" can be seen and filtered.
func WithNotStarted(rows []domain.ReportRow, learners []domain.Learner, courseIDs []string) []domain.ReportRow {
	begun := map[[2]string]bool{}
	for _, r := range rows {
		begun[[2]string{r.LearnerID, r.CourseID}] = true
	}
	out := slices.Clone(rows)
	for _, l := range learners {
		for _, c := range courseIDs {
			if !begun[[2]string{l.ID, c}] {
				out = append(out, domain.ReportRow{LearnerID: l.ID, Name: l.Name, Role: l.Role, Post: l.Post,
					CourseID: c, BestPercent: -1})
			}
		}
	}
	return out
}

// ReportFilter keeps the rows of one post, course or state; an empty
// field keeps all.
type ReportFilter struct {
	Post     string
	CourseID string
	State    domain.ReportState
}

// FilterReport is the rows f keeps, in their order.
func FilterReport(rows []domain.ReportRow, f ReportFilter) []domain.ReportRow {
	var out []domain.ReportRow
	for _, r := range rows {
		if (f.Post == "" || r.Post == f.Post) && (f.CourseID == "" || r.CourseID == f.CourseID) &&
			(f.State == "" || r.State() == f.State) {
			out = append(out, r)
		}
	}
	return out
}

// ReportColumn is a column of the trainer's table.
type ReportColumn int

// The table's columns, in the order shown.
const (
	ColumnName ReportColumn = iota
	ColumnPost
	ColumnRole
	ColumnCourse
	ColumnState
	ColumnLessons
	ColumnBest
	ColumnAttempts
	ColumnLastActivity
)

// SortReport sorts rows by a column, then by name and course, so equal
// rows keep one order; down sorts the column from high to low.
func SortReport(rows []domain.ReportRow, by ReportColumn, down bool) {
	slices.SortStableFunc(rows, func(a, b domain.ReportRow) int {
		c := compareBy(a, b, by)
		if down {
			c = -c
		}
		if c != 0 {
			return c
		}
		return cmp.Or(compareText(a.Name, b.Name), strings.Compare(a.LearnerID, b.LearnerID), strings.Compare(a.CourseID, b.CourseID))
	})
}

func compareBy(a, b domain.ReportRow, by ReportColumn) int {
	switch by {
	case ColumnPost:
		return compareText(a.Post, b.Post)
	case ColumnRole:
		return strings.Compare(string(a.Role), string(b.Role))
	case ColumnCourse:
		return strings.Compare(a.CourseID, b.CourseID)
	case ColumnState:
		return cmp.Compare(slices.Index(domain.ReportStates, a.State()), slices.Index(domain.ReportStates, b.State()))
	case ColumnLessons:
		return cmp.Compare(a.LessonsDone, b.LessonsDone)
	case ColumnBest:
		return cmp.Compare(a.BestPercent, b.BestPercent)
	case ColumnAttempts:
		return cmp.Compare(a.Attempts, b.Attempts)
	case ColumnLastActivity:
		return a.LastActivity.Compare(b.LastActivity)
	}
	return compareText(a.Name, b.Name)
}

// compareText orders names as people read them: case aside.
func compareText(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) }

// CourseTotal counts a course's learners by state.
type CourseTotal struct {
	CourseID string
	Learners int
	ByState  map[domain.ReportState]int
}

// CourseTotals counts each course's rows by state, by course ID.
func CourseTotals(rows []domain.ReportRow) []CourseTotal {
	index := map[string]int{}
	var out []CourseTotal
	for _, r := range rows {
		i, ok := index[r.CourseID]
		if !ok {
			i = len(out)
			index[r.CourseID] = i
			out = append(out, CourseTotal{CourseID: r.CourseID, ByState: map[domain.ReportState]int{}})
		}
		out[i].Learners++
		out[i].ByState[r.State()]++
	}
	slices.SortFunc(out, func(a, b CourseTotal) int { return strings.Compare(a.CourseID, b.CourseID) })
	return out
}
