package progress_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
)

// The trainer's report shows each learner's lessons, attempts and best
// score, as a table and as CSV; removing a learner's PIN opens the profile
// and changes no record; an archived learner leaves the list and the
// report.
func TestReportPINRemovalAndArchive(t *testing.T) {
	ctx := context.Background()
	svc, _ := service(t)
	c := exampleCourse(t)
	a, _ := svc.CreateLearner(ctx, progress.NewLearner{Name: "Aziza", Role: "border-guard", Post: "Post 1", Language: "en", PIN: "2468"})
	b, _ := svc.CreateLearner(ctx, progress.NewLearner{Name: "Bobur", Role: "other", Language: "en"})
	if progress.Unlock(a, "") {
		t.Fatal("a profile with a PIN opens without it")
	}
	svc.CompleteLesson(ctx, a.ID, c, "three-elements")
	att, _ := svc.StartOrResume(ctx, a.ID, c, "check", "en")
	for qu, _ := att.Next(); qu != nil; qu, _ = att.Next() {
		svc.Answer(ctx, att, qu, quiz.Key(qu))
	}
	svc.Finish(ctx, att)
	svc.OpenLesson(ctx, b.ID, c, "three-elements")
	reportShowsBoth(t, svc)
	if err := svc.ClearPIN(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if l, _ := svc.Learner(ctx, a.ID); l.PINHash != "" || !progress.Unlock(l, "") {
		t.Errorf("a learner whose PIN was removed still needs one: %+v", l)
	}
	if rows, _ := svc.Report(ctx); len(rows) != 2 || rows[0].Attempts != 1 {
		t.Errorf("removing a PIN changed the records: %+v", rows)
	}
	if err := svc.ArchiveLearner(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if ls, _ := svc.Learners(ctx); len(ls) != 1 {
		t.Errorf("an archived learner is still listed")
	}
	if rows, _ := svc.Report(ctx); len(rows) != 1 {
		t.Errorf("an archived learner is still in the report")
	}
}

// reportShowsBoth checks the report on Aziza, who passed the quiz after a
// lesson, and Bobur, who only opened one, and its CSV.
func reportShowsBoth(t *testing.T, svc *progress.Service) {
	t.Helper()
	rows, err := svc.Report(context.Background())
	if err != nil || len(rows) != 2 {
		t.Fatalf("report: %+v, %v", rows, err)
	}
	if r := rows[0]; r.Name != "Aziza" || r.LessonsDone != 1 || r.Attempts != 1 || r.BestPercent != 100 || !r.Passed || r.LastActivity.IsZero() {
		t.Errorf("Aziza: %+v", r)
	}
	if r := rows[1]; r.Name != "Bobur" || r.LessonsDone != 0 || r.Attempts != 0 || r.BestPercent != -1 || r.Passed {
		t.Errorf("Bobur: %+v", r)
	}
	reportCSVHoldsTheRows(t, rows)
}

// reportCSVHoldsTheRows checks the CSV of the report: a header and a line
// per learner, Aziza's with her post, course, lessons, score and attempts.
func reportCSVHoldsTheRows(t *testing.T, rows []domain.ReportRow) {
	t.Helper()
	var csv bytes.Buffer
	progress.WriteReportCSV(&csv, rows, func(id string) string { return "Example" })
	lines := strings.Split(strings.TrimSpace(csv.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "Aziza,border-guard,Post 1,Example,1,100,1,true,") {
		t.Errorf("CSV:\n%s", csv.String())
	}
}
