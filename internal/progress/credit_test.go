package progress_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"math"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
	"github.com/ogoh/ogoh/internal/xapi"
)

// The example course's quiz asks its 6 questions; its matching question
// gets 6 pairs here, and the learner matches 4 of them right and answers
// the 5 other questions right: 5 + 4/6 = 5.67 of 6, 94%, where counting
// questions fully right gives 5 of 6, 83%.
const (
	partialPoints  = 5 + 4.0/6
	partialPercent = 94
)

// near: the points of one attempt added in another order may differ in
// their last bit.
func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// sixPairs is the example course with three more pairs in its matching
// question.
func sixPairs(t *testing.T) (*course.Course, *course.Question) {
	t.Helper()
	c := exampleCourse(t)
	m := c.Quiz("check").Question("match")
	if m == nil || len(m.Pairs) != 3 {
		t.Fatal("the example course's matching question 'match' no longer has 3 pairs")
	}
	for _, id := range []string{"coercion", "transport", "sexual-exploitation"} {
		m.Pairs = append(m.Pairs, course.Pair{ID: id, Left: course.Text{"en": id}, Right: course.Text{"en": "element of " + id}})
	}
	return c, m
}

// fourOfSix is a response to m matching its first two pairs the wrong
// way round and the other four right.
func fourOfSix(m *course.Question) quiz.Response {
	resp := quiz.Key(m)
	resp[0], resp[1] = quiz.Match(m.Pairs[0].ID, m.Pairs[1].ID), quiz.Match(m.Pairs[1].ID, m.Pairs[0].ID)
	return resp
}

// creditDevice is a device's store and a service over it that signs
// certificates, as after a (re)start.
func creditDevice(t *testing.T, file string, key ed25519.PrivateKey) (*store.DB, *progress.Service) {
	t.Helper()
	db := storetest.MustOpen(t, file, time.Now)
	seed := int64(0)
	svc, err := progress.New(context.Background(), db, progress.Options{Seed: func() int64 { seed++; return seed },
		Now: time.Now, DeviceKey: key})
	if err != nil {
		t.Fatal(err)
	}
	return db, svc
}

// TestFourOfSixPairsCountAsTwoThirdsEverywhere: a learner matches 4 of 6
// pairs right and answers the rest right, and the app is restarted before
// the quiz is finished. The result is 5.67 of 6 (94%), and everything that
// reads the score back from the device says the same: the stored attempt
// and its answer's credit, the course page's best, the trainer's table
// (and its CSV), the certificate, the history of past attempts, the
// learner's record export and the xAPI statements.
func TestFourOfSixPairsCountAsTwoThirdsEverywhere(t *testing.T) {
	ctx := context.Background()
	file := filepath.Join(t.TempDir(), store.FileName)
	_, key, _ := ed25519.GenerateKey(nil)
	db, svc := creditDevice(t, file, key)
	c, m := sixPairs(t)
	l, err := svc.CreateLearner(ctx, progress.NewLearner{Name: "Dilnoza", Role: domain.RoleBorderGuard, Post: "Post 12", Language: "en"})
	must(t, err)
	a, err := svc.StartOrResume(ctx, l.ID, c, "check", "en")
	must(t, err)
	for qu, _ := a.Next(); qu != nil; qu, _ = a.Next() {
		resp := quiz.Key(qu)
		if qu.ID == m.ID {
			resp = fourOfSix(m)
		}
		_, err := svc.Answer(ctx, a, qu, resp)
		must(t, err)
	}
	db.Close()

	db, svc = creditDevice(t, file, key) // the app restarted before Finish
	a, err = svc.StartOrResume(ctx, l.ID, c, "check", "en")
	must(t, err)
	r, err := svc.Finish(ctx, a)
	must(t, err)
	if r.Score != 5 || r.Points < 5.66 || r.Points > 5.67 || r.Max != 6 || r.Percent != partialPercent || !r.Passed {
		t.Fatalf("result %+v, want 5 fully right, 5.67 points of 6, %d%%, passed", r, partialPercent)
	}
	storedAgreesWithTheResult(t, svc, l.ID, c, r)
	trainerSeesThePartialCredit(t, svc, l, c)
	rec, err := svc.Certificate(ctx, l.ID, c)
	if err != nil || rec.Score != partialPercent {
		t.Errorf("the certificate's score %d%%, %v; want %d%%", rec.Score, err, partialPercent)
	}
	recordHoldsThePartialCredit(t, svc, l.ID, c, m.ID)
	statementsAgreeWithTheStore(t, db, a.ID, r.Points)
}

// storedAgreesWithTheResult: the history of past attempts holds the
// attempt as the quiz scored it: its points, percent and pass, the
// credit of the matching answer, and the same result worked out again
// from what was stored; the course page's best is it.
func storedAgreesWithTheResult(t *testing.T, svc *progress.Service, learnerID string, c *course.Course, r quiz.Result) {
	t.Helper()
	ctx := context.Background()
	hist, err := svc.QuizHistory(ctx, learnerID, c, "check")
	if err != nil || len(hist) != 1 {
		t.Fatalf("history %v, %v; want the one attempt", hist, err)
	}
	h := hist[0]
	if h.Score != r.Score || h.Points != r.Points || h.Max != r.Max || h.Percent() != r.Percent || h.Passed != r.Passed {
		t.Errorf("history: %d right, %v points of %d (%d%%), passed %v; the result said %+v",
			h.Score, h.Points, h.Max, h.Percent(), h.Passed, r)
	}
	if ans, ok := h.Answered("match"); !ok || ans.Correct || ans.Credit != 4.0/6 {
		t.Errorf("the matching answer as stored: %+v, want credit 2/3 and not correct", ans)
	}
	if again := h.Result(); again.Points != r.Points || again.Percent != r.Percent || again.Passed != r.Passed {
		t.Errorf("the stored answers score %+v, the quiz said %+v", again, r)
	}
	coursePageShowsTheBest(t, svc, learnerID, c, r)
}

// coursePageShowsTheBest: the course page's best attempt is r.
func coursePageShowsTheBest(t *testing.T, svc *progress.Service, learnerID string, c *course.Course, r quiz.Result) {
	t.Helper()
	p, err := svc.CourseProgress(context.Background(), learnerID, c)
	must(t, err)
	if best := p.Quizzes["check"]; best.BestPoints != r.Points || best.BestMax != 6 || best.BestPercent() != partialPercent || !best.Passed {
		t.Errorf("the course page's best: %+v (%d%%), want 5.67 of 6 (%d%%)", best, best.BestPercent(), partialPercent)
	}
}

// trainerSeesThePartialCredit: the trainer's table (with the rows of
// learners not started, filtered by state) shows the learner passed with
// a best of 94%, and so does its CSV.
func trainerSeesThePartialCredit(t *testing.T, svc *progress.Service, l domain.Learner, c *course.Course) {
	t.Helper()
	rows, err := svc.Report(context.Background())
	must(t, err)
	table := progress.FilterReport(progress.WithNotStarted(rows, []domain.Learner{l}, []string{c.ID}),
		progress.ReportFilter{State: domain.StatePassed})
	if len(table) != 1 || table[0].BestPercent != partialPercent || table[0].Attempts != 1 {
		t.Fatalf("the trainer's table %+v, want Dilnoza passed with a best of %d%%", table, partialPercent)
	}
	var csv bytes.Buffer
	must(t, progress.WriteReportCSV(&csv, table, func(string) string { return "Example" }))
	if !strings.Contains(csv.String(), "Dilnoza,border-guard,Post 12,Example,0,94,1,true,") {
		t.Errorf("the report's CSV:\n%s", csv.String())
	}
}

// recordHoldsThePartialCredit: the learner's record export gives the
// attempt's points and the matching answer's credit.
func recordHoldsThePartialCredit(t *testing.T, svc *progress.Service, learnerID string, c *course.Course, matchID string) {
	t.Helper()
	rec, err := svc.LearnerRecord(context.Background(), learnerID, []*course.Course{c})
	must(t, err)
	var out bytes.Buffer
	must(t, progress.WriteRecordJSON(&out, rec, "device", time.Now()))
	var doc struct {
		Attempts []struct {
			Score   int     `json:"score"`
			Points  float64 `json:"points"`
			Answers []struct {
				Question string  `json:"question"`
				Credit   float64 `json:"credit"`
			} `json:"answers"`
		} `json:"quiz_attempts"`
	}
	must(t, json.Unmarshal(out.Bytes(), &doc))
	if len(doc.Attempts) != 1 || doc.Attempts[0].Score != 5 || !near(doc.Attempts[0].Points, partialPoints) {
		t.Fatalf("the record's attempts: %+v", doc.Attempts)
	}
	for _, ans := range doc.Attempts[0].Answers {
		if want := map[bool]float64{true: 4.0 / 6, false: 1}[ans.Question == matchID]; ans.Credit != want {
			t.Errorf("the record's answer to %s earned %v, want %v", ans.Question, ans.Credit, want)
		}
	}
}

// statementsAgreeWithTheStore: the attempt's passed statement scores
// what the store holds, and the matching question's answered statement
// its 4 pairs of 6.
func statementsAgreeWithTheStore(t *testing.T, db *store.DB, attemptID string, points float64) {
	t.Helper()
	stored, err := db.Attempt(context.Background(), attemptID)
	must(t, err)
	var passed, answered int
	err = db.EachPending(context.Background(), func(st domain.Statement) error {
		var s xapi.Statement
		if err := json.Unmarshal(st.Body, &s); err != nil || s.Result == nil || s.Result.Score == nil {
			return err
		}
		switch sc := s.Result.Score; s.Verb.ID {
		case xapi.VerbPassed:
			passed++
			if sc.Raw != stored.Points || sc.Raw != points || sc.Max != stored.Max {
				t.Errorf("the passed statement scores %v of %d, the store %v of %d", sc.Raw, sc.Max, stored.Points, stored.Max)
			}
		case xapi.VerbAnswered:
			answered++
			if ans, _ := (&progress.Attempt{Attempt: stored}).Answered("match"); sc.Raw != 4 || sc.Max != 6 || sc.Scaled != ans.Credit {
				t.Errorf("the matching answer's statement scores %v of %d (%v), the store %v", sc.Raw, sc.Max, sc.Scaled, ans.Credit)
			}
		}
		return nil
	})
	must(t, err)
	if passed != 1 || answered != 1 {
		t.Errorf("%d passed and %d scored answered statements, want one of each", passed, answered)
	}
}

// TestAMovedLearnerKeepsTheirPartialCredit: the learner's record carries
// the partial credit to another device: there the trainer's table, the
// certificate and the history show 94% as on the first.
func TestAMovedLearnerKeepsTheirPartialCredit(t *testing.T) {
	ctx := context.Background()
	a, b := openDevice(t), openDevice(t)
	c, m := sixPairs(t)
	l, err := a.Service.CreateLearner(ctx, progress.NewLearner{Name: "Akmal", Role: domain.RoleBorderGuard, Language: "ru"})
	must(t, err)
	att, err := a.Service.StartOrResume(ctx, l.ID, c, "check", "ru")
	must(t, err)
	for qu, _ := att.Next(); qu != nil; qu, _ = att.Next() {
		resp := quiz.Key(qu)
		if qu.ID == m.ID {
			resp = fourOfSix(m)
		}
		_, err := a.Service.Answer(ctx, att, qu, resp)
		must(t, err)
	}
	_, err = a.Service.Finish(ctx, att)
	must(t, err)
	file := filepath.Join(t.TempDir(), "akmal.ogohlearner")
	_, err = a.Service.MoveOut(ctx, l.ID, []*course.Course{c}, file)
	must(t, err)
	idA, _ := a.Service.Identity(ctx)
	_, err = b.Service.MoveIn(ctx, file, map[string]ed25519.PublicKey{idA.Device: idA.PublicKey})
	must(t, err)

	if rows, err := b.Service.Report(ctx); err != nil || len(rows) != 1 || rows[0].BestPercent != partialPercent {
		t.Errorf("B's trainer table %+v, %v; want a best of %d%%", rows, err, partialPercent)
	}
	if rec, err := b.Service.Certificate(ctx, l.ID, c); err != nil || rec.Score != partialPercent {
		t.Errorf("B's certificate scores %d%%, %v; want %d%%", rec.Score, err, partialPercent)
	}
	hist, err := b.Service.QuizHistory(ctx, l.ID, c, "check")
	if err != nil || len(hist) != 1 || !near(hist[0].Points, partialPoints) {
		t.Fatalf("B's history %v, %v", hist, err)
	}
	if ans, _ := hist[0].Answered(m.ID); ans.Credit != 4.0/6 {
		t.Errorf("the matching answer earned %v on B, want 2/3", ans.Credit)
	}
}
