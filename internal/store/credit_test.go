package store_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
)

// fourOfSix is what a matching question with 4 of its 6 pairs right earns.
const fourOfSix = 4.0 / 6

// TestPartialCreditIsStoredAndReadBack: an answer keeps the credit it
// earned (a matching question, 4 of 6 pairs: 2/3) and the attempt the
// points, across a restart; the quiz's summary, the trainer's report, the
// passing attempts a certificate is made from and the learner's record
// all read 1.67 of 2 (83%), where the count of questions fully right gave
// 1 of 2 (50%).
func TestPartialCreditIsStoredAndReadBack(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), store.FileName)
	db := storetest.MustOpen(t, file, time.Now)
	l, err := db.CreateLearner(ctx, domain.Learner{Name: "Dilnoza", Role: "border-guard", Language: "uz"})
	if err != nil {
		t.Fatal(err)
	}
	a, err := db.CreateAttempt(ctx, domain.Attempt{LearnerID: l.ID, CourseID: "c", CourseVersion: "1.0.0", QuizID: "q",
		Language: "uz", QuestionIDs: []string{"match", "tf"}, PassMark: 80})
	if err != nil {
		t.Fatal(err)
	}
	for _, ans := range []domain.Answer{
		{Position: 0, QuestionID: "match", Response: []string{"a=a", "b=c", "c=b"}, Credit: fourOfSix},
		{Position: 1, QuestionID: "tf", Response: []string{"true"}, Correct: true, Credit: 1},
	} {
		if err := db.SaveAnswer(ctx, a.ID, ans, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.SaveAnswer(ctx, a.ID, domain.Answer{Position: 2, QuestionID: "x", Response: []string{"a"}, Credit: 1.5}, nil); err == nil {
		t.Error("an answer earning more than its question was stored")
	}
	if err := db.FinishAttempt(ctx, a.ID, domain.AttemptResult{Score: 1, Points: 1 + fourOfSix, Max: 2, Passed: true}); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db = storetest.MustOpen(t, file, time.Now) // as after a restart
	attemptReadsBackItsCredit(t, db, a.ID)
	partialCreditReadEverywhere(t, db, l.ID)
}

// attemptReadsBackItsCredit checks the attempt of
// TestPartialCreditIsStoredAndReadBack as the store reads it.
func attemptReadsBackItsCredit(t *testing.T, db *store.DB, id string) {
	t.Helper()
	got, err := db.Attempt(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Answers) != 2 || got.Answers[0].Credit != fourOfSix || got.Answers[0].Correct || got.Answers[1].Credit != 1 {
		t.Errorf("answers read back %+v, want the matching one with credit 2/3 and the other with 1", got.Answers)
	}
	if got.Score != 1 || got.Points != 1+fourOfSix || got.Max != 2 || got.Percent() != 83 || !got.Passed {
		t.Errorf("attempt read back score %d, points %v of %d (%d%%), passed %v; want 1, 1.67 of 2 (83%%), passed",
			got.Score, got.Points, got.Max, got.Percent(), got.Passed)
	}
}

// partialCreditReadEverywhere checks the readers other than the attempt
// itself on the one attempt of TestPartialCreditIsStoredAndReadBack.
func partialCreditReadEverywhere(t *testing.T, db *store.DB, learnerID string) {
	t.Helper()
	ctx := context.Background()
	sum, err := db.QuizSummaries(ctx, learnerID, "c")
	if err != nil {
		t.Fatal(err)
	}
	if s := sum["q"]; s.BestPoints != 1+fourOfSix || s.BestMax != 2 || s.BestPercent() != 83 {
		t.Errorf("the course page's best: %+v (%d%%), want 1.67 of 2 (83%%)", s, s.BestPercent())
	}
	rows, err := db.Report(ctx)
	if err != nil || len(rows) != 1 || rows[0].BestPercent != 83 {
		t.Errorf("the trainer's report %+v, %v; want a best of 83%%", rows, err)
	}
	passed, err := db.PassedAttempts(ctx, learnerID, "c")
	if err != nil || len(passed) != 1 || passed[0].Points != 1+fourOfSix {
		t.Errorf("the passing attempts a certificate is made from: %+v, %v", passed, err)
	}
	rec, err := db.LearnerRecord(ctx, learnerID)
	if err != nil || len(rec.Attempts) != 1 || rec.Attempts[0].Points != 1+fourOfSix || rec.Attempts[0].Answers[0].Credit != fourOfSix {
		t.Errorf("the learner's record: %+v, %v", rec.Attempts, err)
	}
}

// TestTheReportsBestPercentIsTheQuizsPercent: the trainer's report works
// out its best percent in SQL; for every share of pairs a matching
// question of 2 to 6 pairs can earn, beside 0 to 7 questions fully right,
// it is the percent the quiz decided the pass by (domain.Percent).
func TestTheReportsBestPercentIsTheQuizsPercent(t *testing.T) {
	ctx := context.Background()
	db := storetest.MustOpen(t, filepath.Join(t.TempDir(), store.FileName), time.Now)
	l, err := db.CreateLearner(ctx, domain.Learner{Name: "Akmal", Role: "border-guard", Language: "ru"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{}
	for max := 1; max <= 8; max++ {
		for pairs := 2; pairs <= 6; pairs++ {
			for right := 0; right < pairs; right++ {
				courseID := fmt.Sprintf("c-%d-%d-%d", max, pairs, right)
				points := float64(max-1) + float64(right)/float64(pairs)
				a, err := db.CreateAttempt(ctx, domain.Attempt{LearnerID: l.ID, CourseID: courseID, CourseVersion: "1", QuizID: "q",
					Language: "ru", QuestionIDs: []string{"q"}, PassMark: 80})
				if err != nil {
					t.Fatal(err)
				}
				if err := db.FinishAttempt(ctx, a.ID, domain.AttemptResult{Score: max - 1, Points: points, Max: max}); err != nil {
					t.Fatal(err)
				}
				want[courseID] = domain.Percent(points, max)
			}
		}
	}
	rows, err := db.Report(ctx)
	if err != nil || len(rows) != len(want) {
		t.Fatalf("report of %d rows, %v; want %d", len(rows), err, len(want))
	}
	for _, r := range rows {
		if r.BestPercent != want[r.CourseID] {
			t.Errorf("%s: the report's best is %d%%, the quiz's percent %d%%", r.CourseID, r.BestPercent, want[r.CourseID])
		}
	}
}

// TestMigratingKeepsAnOldAttemptsScore: a database at version 9, from
// before partial credit, with a finished attempt of 2 right of 3 and an
// attempt left open, reads after the migration as it did before: each
// right answer earned 1 and each wrong one 0, the finished attempt 2 of 3
// (66%) on the course page and in the trainer's report.
func TestMigratingKeepsAnOldAttemptsScore(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), store.FileName)
	writeVersion(t, file, 9,
		`INSERT INTO device (id, uuid, created_at) VALUES (1, 'device-9', '2026-11-01T08:00:00Z')`,
		`INSERT INTO learner (id, name, role, language, created_at) VALUES ('learner-1', 'Dilnoza', 'border-guard', 'uz', '2026-11-01T08:01:00Z')`,
		`INSERT INTO quiz_attempt (id, learner_id, course_id, course_version, quiz_id, language, seed, question_ids, pass_mark,
			started_at, finished_at, score, max_score, passed)
		 VALUES ('old', 'learner-1', 'c', '1.0.0', 'q', 'uz', 7, '["q1","q2","q3"]', 80,
			'2026-11-01T08:02:00Z', '2026-11-01T08:09:00Z', 2, 3, 0)`,
		`INSERT INTO attempt_answer (attempt_id, position, question_id, response, correct, answered_at) VALUES
			('old', 0, 'q1', '["a"]', 1, '2026-11-01T08:03:00Z'),
			('old', 1, 'q2', '["b"]', 1, '2026-11-01T08:04:00Z'),
			('old', 2, 'q3', '["a=b","b=a","c=c"]', 0, '2026-11-01T08:05:00Z')`,
		`INSERT INTO quiz_attempt (id, learner_id, course_id, course_version, quiz_id, language, seed, question_ids, pass_mark, started_at)
		 VALUES ('open', 'learner-1', 'c', '1.0.0', 'q', 'uz', 8, '["q1","q2"]', 80, '2026-11-02T08:00:00Z')`,
		`INSERT INTO attempt_answer (attempt_id, position, question_id, response, correct, answered_at)
		 VALUES ('open', 0, 'q2', '["c"]', 0, '2026-11-02T08:01:00Z')`,
	)
	db := storetest.MustOpen(t, file, time.Now)
	if v, _ := db.SchemaVersion(ctx); v != latestMigration(t) {
		t.Fatalf("schema version %d after opening, want %d", v, latestMigration(t))
	}
	oldAttemptReadsAsBefore(t, db)
	if s, _ := db.QuizSummaries(ctx, "learner-1", "c"); s["q"].BestPoints != 2 || s["q"].BestPercent() != 66 || !s["q"].Open {
		t.Errorf("the course page's summary %+v", s["q"])
	}
	if rows, err := db.Report(ctx); err != nil || len(rows) != 1 || rows[0].BestPercent != 66 {
		t.Errorf("the trainer's report %+v, %v; want a best of 66%%", rows, err)
	}
	open, err := db.OpenAttempt(ctx, "learner-1", "c", "q")
	if err != nil || open.ID != "open" || creditsOf(open.Answers) != "0" || open.Points != 0 {
		t.Errorf("the attempt left open resumes as %+v, %v", open, err)
	}
}

// oldAttemptReadsAsBefore checks the finished attempt of
// TestMigratingKeepsAnOldAttemptsScore: 2 right of 3, its answers
// earning 1, 1 and 0.
func oldAttemptReadsAsBefore(t *testing.T, db *store.DB) {
	t.Helper()
	old, err := db.Attempt(context.Background(), "old")
	if err != nil {
		t.Fatal(err)
	}
	if old.Score != 2 || old.Points != 2 || old.Max != 3 || old.Percent() != 66 || old.Passed {
		t.Errorf("the old attempt reads %d right, %v points of %d (%d%%), passed %v; want 2, 2 of 3 (66%%), not passed",
			old.Score, old.Points, old.Max, old.Percent(), old.Passed)
	}
	if credits := creditsOf(old.Answers); credits != "1 1 0" {
		t.Errorf("the old answers' credits are %s, want 1 1 0 (right, right, wrong)", credits)
	}
}

func creditsOf(answers []domain.Answer) string {
	var out []string
	for _, a := range answers {
		out = append(out, strconv.FormatFloat(a.Credit, 'f', -1, 64))
	}
	return strings.Join(out, " ")
}

// writeVersion makes a database as a release at schema version v left it:
// the migrations up to v, then the rows given.
func writeVersion(t *testing.T, file string, v int, rows ...string) {
	t.Helper()
	raw, err := sql.Open("sqlite3", "file:"+file+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	names, _ := filepath.Glob("migrations/*.sql") // in order: the names start with their number
	var stmts []string
	for _, n := range names {
		num, _, _ := strings.Cut(filepath.Base(n), "_")
		if k, _ := strconv.Atoi(num); k > v {
			continue
		}
		body, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		stmts = append(stmts, string(body))
	}
	stmts = append(stmts, fmt.Sprintf("PRAGMA user_version = %d", v))
	for _, stmt := range append(stmts, rows...) {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
}
