package progress_test

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
)

// A trainer opens the report in a spreadsheet: no cell may run as a
// formula. Text beginning with =, +, -, @, a tab or a carriage return gets
// a leading single quote (OWASP); other text and the numbers stay as they are.
func TestReportCSVNeutralisesFormulas(t *testing.T) {
	rows := []domain.ReportRow{
		{Name: "=HYPERLINK(\"http://x\",\"open\")", Role: "+1", Post: "@SUM(A1:A9)", CourseID: "c1", LessonsDone: 2, BestPercent: 50, Attempts: 1},
		{Name: "-2+3", Role: "\tcmd", Post: "\rcmd", CourseID: "c2", BestPercent: -1},
		{Name: "Aziza = top", Role: "border-guard", Post: "Post 1", CourseID: "c3", BestPercent: -1},
	}
	titles := map[string]string{"c1": "=cmd|' /C calc'!A0", "c2": "Plain", "c3": "Plain"}
	var b bytes.Buffer
	if err := progress.WriteReportCSV(&b, rows, func(id string) string { return titles[id] }); err != nil {
		t.Fatal(err)
	}
	got, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not read back: %v", err)
	}
	want := [][]string{
		{"'=HYPERLINK(\"http://x\",\"open\")", "'+1", "'@SUM(A1:A9)", "'=cmd|' /C calc'!A0", "2", "50", "1"},
		{"'-2+3", "'\tcmd", "'\rcmd", "Plain", "0", "", "0"},
		{"Aziza = top", "border-guard", "Post 1", "Plain", "0", "", "0"},
	}
	for i, w := range want {
		for j, cell := range w {
			if got[i+1][j] != cell {
				t.Errorf("row %d column %q: %q, want %q", i+1, got[0][j], got[i+1][j], cell)
			}
		}
	}
}
