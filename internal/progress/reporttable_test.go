package progress_test

import (
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
)

// TestTheTrainersTableTellsFailedFromNotTaken: each row's state, the rows
// not yet begun, a filter by post and state, sorting by any column and
// the totals per course agree with what the learners did.
func TestTheTrainersTableTellsFailedFromNotTaken(t *testing.T) {
	day := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	rows := []domain.ReportRow{
		{LearnerID: "1", Name: "Zarina", Post: "Post 12", CourseID: "a", LessonsDone: 4, Attempts: 1, BestPercent: 90, Passed: true, LastActivity: day},
		{LearnerID: "2", Name: "akmal", Post: "Post 7", CourseID: "a", LessonsDone: 4, Attempts: 2, BestPercent: 50, LastActivity: day.AddDate(0, 0, 2)},
		{LearnerID: "3", Name: "Bek", Post: "Post 12", CourseID: "a", LessonsDone: 1, BestPercent: -1, LastActivity: day.AddDate(0, 0, 1)},
	}
	learners := []domain.Learner{{ID: "1", Name: "Zarina", Post: "Post 12"}, {ID: "2", Name: "akmal", Post: "Post 7"}, {ID: "3", Name: "Bek", Post: "Post 12"}}
	all := progress.WithNotStarted(rows, learners, []string{"a", "b"})
	if len(all) != 6 {
		t.Fatalf("%d rows, want 3 begun and 3 not started", len(all))
	}
	want := map[string]domain.ReportState{"1a": domain.StatePassed, "2a": domain.StateFailed, "3a": domain.StateInProgress,
		"1b": domain.StateNotStarted, "2b": domain.StateNotStarted, "3b": domain.StateNotStarted}
	for _, r := range all {
		if got := r.State(); got != want[r.LearnerID+r.CourseID] {
			t.Errorf("%s in %s: %s, want %s", r.Name, r.CourseID, got, want[r.LearnerID+r.CourseID])
		}
	}
	failed := progress.FilterReport(all, progress.ReportFilter{State: domain.StateFailed})
	if len(failed) != 1 || failed[0].Name != "akmal" {
		t.Errorf("failed: %+v", failed)
	}
	post12 := progress.FilterReport(all, progress.ReportFilter{Post: "Post 12", CourseID: "a"})
	if len(post12) != 2 {
		t.Errorf("post 12 in course a: %d rows, want 2", len(post12))
	}
	checkSortAndTotals(t, all)
}

// checkSortAndTotals: sorting by name ignores case, by best and by last
// activity puts the highest first, and totals count each state.
func checkSortAndTotals(t *testing.T, all []domain.ReportRow) {
	t.Helper()
	progress.SortReport(all, progress.ColumnName, false)
	if all[0].Name != "akmal" || all[len(all)-1].Name != "Zarina" {
		t.Errorf("by name: %s … %s; case must not count", all[0].Name, all[len(all)-1].Name)
	}
	progress.SortReport(all, progress.ColumnBest, true)
	if all[0].BestPercent != 90 {
		t.Errorf("best first: %d", all[0].BestPercent)
	}
	progress.SortReport(all, progress.ColumnLastActivity, true)
	if all[0].Name != "akmal" {
		t.Errorf("latest first: %s", all[0].Name)
	}
	totals := progress.CourseTotals(all)
	if len(totals) != 2 || totals[0].CourseID != "a" || totals[0].Learners != 3 ||
		totals[0].ByState[domain.StatePassed] != 1 || totals[0].ByState[domain.StateFailed] != 1 ||
		totals[1].ByState[domain.StateNotStarted] != 3 {
		t.Errorf("totals: %+v", totals)
	}
}
