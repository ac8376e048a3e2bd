package ui

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
)

// A learner who names themself with a formula cannot run it on the
// trainer's spreadsheet: the app's CSV export writes the name and the post
// as text, with a leading quote (OWASP's advice on CSV injection).
func TestTrainersCSVExportHoldsNoFormula(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	name, post := `=HYPERLINK("http://evil.example/","Open")`, "@SUM(A1:A9)"
	d.createProfile(name, "border-guard", post, "")
	c := d.courseByID("recognising-trafficking")
	d.openCourse(c)
	d.readAllLessons(c)
	d.tap(d.T("settings.title"))
	d.unlockTrainer(trainerPIN)
	csvFile := filepath.Join(t.TempDir(), "report.csv")
	d.app.exportReport(csvFile)
	f, err := os.Open(csvFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("CSV: %v, %q", err, rows)
	}
	if rows[1][0] != "'"+name || rows[1][2] != "'"+post {
		t.Errorf("name %q and post %q: a spreadsheet would run them as formulas", rows[1][0], rows[1][2])
	}
}
