package progress_test

import (
	"context"
	"crypto/ed25519"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/lrs/lrstest"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
)

// studied is a learner on d who read every lesson of c, passed its quiz
// with one miss (a review item), played its scenario and opened a new
// attempt left half-way.
func studied(t *testing.T, d *progress.Device, c *course.Course) domain.Learner {
	t.Helper()
	ctx := context.Background()
	svc := d.Service
	l, err := svc.CreateLearner(ctx, progress.NewLearner{Name: "Дилноза Каримова", Role: "border-guard", Post: "Пост 12", Language: "ru", PIN: "4815"})
	if err != nil {
		t.Fatal(err)
	}
	for _, les := range c.Lessons {
		must(t, svc.OpenLesson(ctx, l.ID, c, les.ID))
		must(t, svc.CompleteLesson(ctx, l.ID, c, les.ID))
	}
	a, _ := svc.StartOrResume(ctx, l.ID, c, "check", "ru")
	answerAllBut(t, svc, a, "child-means")
	if _, err := svc.Finish(ctx, a); err != nil {
		t.Fatal(err)
	}
	p, _ := svc.StartOrResumeScenario(ctx, l.ID, c, "minibus")
	_, _, err = svc.Choose(ctx, p, "stamp")
	must(t, err)
	open, _ := svc.StartOrResume(ctx, l.ID, c, "check", "ru")
	first, _ := open.Next()
	_, err = svc.Answer(ctx, open, first, quiz.Key(first))
	must(t, err)
	return l
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func record(t *testing.T, d *progress.Device, id string, c *course.Course) domain.LearnerRecord {
	t.Helper()
	rec, err := d.Service.LearnerRecord(context.Background(), id, []*course.Course{c})
	must(t, err)
	rec.Certificates = nil // each device signs its own
	return rec
}

// TestAMovedLearnerKeepsTheirIDAndHistoryAndTheLRSStoresEachStatementOnce:
// a learner moved from post A to post B is the same person on B (same
// ID, so the same xAPI actor), with the same lessons, attempts, answers,
// reviews, scenarios and course completion, an unfinished attempt that
// resumes, and no PIN; A lists them no more. Both devices pushed to the
// real LRS store every statement once: A sends what happened on A, B only
// what happened on B.
func TestAMovedLearnerKeepsTheirIDAndHistoryAndTheLRSStoresEachStatementOnce(t *testing.T) {
	ctx := context.Background()
	c := exampleCourse(t)
	a, b := openDevice(t), openDevice(t)
	l := studied(t, a, c)
	before := record(t, a, l.ID, c)
	if len(before.Completions) != 1 || len(before.Reviews) != 1 || len(before.Scenarios) != 1 || len(before.Attempts) != 2 {
		t.Fatalf("the learner's history on A: %+v", before)
	}
	file := filepath.Join(t.TempDir(), "dilnoza.ogohlearner")
	if _, err := a.Service.MoveOut(ctx, l.ID, []*course.Course{c}, file); err != nil {
		t.Fatal(err)
	}
	if list, _ := a.Service.Learners(ctx); len(list) != 0 {
		t.Errorf("A still lists %v after the move", list)
	}
	moveIn(t, a, b, file, l, before, c)
	finishOnB(t, b, l.ID, before.Attempts[1].ID, c)
	pushBoth(t, a, b, l.ID)
}

// moveIn takes the file in on b and checks that b holds what a did, and
// queued nothing, however often the file is taken in.
func moveIn(t *testing.T, a, b *progress.Device, file string, l domain.Learner, before domain.LearnerRecord, c *course.Course) {
	t.Helper()
	ctx := context.Background()
	queuedOnB, _ := b.Service.SyncStatus(ctx)
	idA, _ := a.Service.Identity(ctx)
	in, err := b.Service.MoveIn(ctx, file, map[string]ed25519.PublicKey{idA.Device: idA.PublicKey})
	if err != nil || !in.Known || in.Fingerprint != idA.Fingerprint {
		t.Fatalf("move in: %+v, %v", in, err)
	}
	moved, err := b.Service.Learner(ctx, l.ID)
	if err != nil || moved.Name != l.Name || moved.PINHash != "" {
		t.Fatalf("on B: %+v, %v", moved, err)
	}
	if after := record(t, b, l.ID, c); !reflect.DeepEqual(after, before) {
		t.Errorf("the history changed on the way:\nA %+v\nB %+v", before, after)
	}
	if st, _ := b.Service.SyncStatus(ctx); st.Outbox != queuedOnB.Outbox {
		t.Errorf("importing queued statements on B: %+v, was %+v", st.Outbox, queuedOnB.Outbox)
	}
	if _, err := b.Service.MoveIn(ctx, file, nil); err != nil || !reflect.DeepEqual(record(t, b, l.ID, c), before) {
		t.Errorf("importing the same file twice: %v", err)
	}
	if _, err := b.Service.Certificate(ctx, l.ID, c); err != nil {
		t.Errorf("B cannot certify the course passed on A: %v", err)
	}
}

// finishOnB resumes the attempt left half-way on A and finishes it on B.
func finishOnB(t *testing.T, b *progress.Device, learnerID, openAttempt string, c *course.Course) {
	t.Helper()
	ctx := context.Background()
	resumed, _ := b.Service.StartOrResume(ctx, learnerID, c, "check", "ru")
	if resumed.ID != openAttempt || len(resumed.Answers) != 1 {
		t.Errorf("the half-done attempt does not resume on B: %s with %d answers", resumed.ID, len(resumed.Answers))
	}
	for qu, _ := resumed.Next(); qu != nil; qu, _ = resumed.Next() {
		_, err := b.Service.Answer(ctx, resumed, qu, quiz.Key(qu))
		must(t, err)
	}
	_, err := b.Service.Finish(ctx, resumed)
	must(t, err)
}

// pushBoth pushes both devices, twice each, to the real LRS, which must
// then hold each statement once, all of them for the one learner.
func pushBoth(t *testing.T, a, b *progress.Device, learnerID string) {
	t.Helper()
	ctx := context.Background()
	server := lrstest.Start(t)
	sent := map[*progress.Device]int{}
	for _, d := range []*progress.Device{a, b, a, b} {
		rep, err := d.Service.Push(ctx, lrs.NewSender(domain.LRS{Endpoint: server.Endpoint(), User: "test", Password: "test"}))
		if err != nil {
			t.Fatal(err)
		}
		sent[d] += rep.Sent
	}
	if sent[a] == 0 || sent[b] == 0 {
		t.Fatalf("A sent %d statements, B %d: each should send what happened on it", sent[a], sent[b])
	}
	ids := server.IDs()
	for id, n := range ids {
		if n != 1 {
			t.Errorf("the LRS holds statement %s %d times", id, n)
		}
	}
	if len(ids) != sent[a]+sent[b] {
		t.Errorf("the devices sent %d+%d statements, the LRS holds %d", sent[a], sent[b], len(ids))
	}
	actors := map[string]bool{}
	for _, st := range server.Statements() {
		if acc, ok := st["actor"].(map[string]any)["account"].(map[string]any); ok {
			actors[acc["name"].(string)] = true
		}
	}
	if len(actors) != 1 || !actors[learnerID] {
		t.Errorf("the LRS sees actors %v, want the one learner %s", actors, learnerID)
	}
}

func TestAMoveFileChangedOrFromAnUnknownDeviceIsRefused(t *testing.T) {
	ctx := context.Background()
	c := exampleCourse(t)
	a, b := openDevice(t), openDevice(t)
	l := studied(t, a, c)
	file := filepath.Join(t.TempDir(), "record")
	if _, err := a.Service.MoveOut(ctx, l.ID, []*course.Course{c}, file); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(file)
	changed := filepath.Join(t.TempDir(), "changed")
	i := len(data) - 40
	os.WriteFile(changed, append(append(append([]byte{}, data[:i]...), data[i]^1), data[i+1:]...), 0o600)
	if _, err := b.Service.MoveIn(ctx, changed, nil); !errors.Is(err, progress.ErrRecordForged) {
		t.Errorf("one byte changed: %v", err)
	}
	idB, _ := b.Service.Identity(ctx)
	if _, err := b.Service.MoveIn(ctx, file, map[string]ed25519.PublicKey{idB.Device: idB.PublicKey}); !errors.Is(err, progress.ErrRecordUnknown) {
		t.Errorf("from a device not known: %v", err)
	}
	if _, err := b.Service.Learner(ctx, l.ID); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("a refused file imported the learner: %v", err)
	}
}

// TestALearnersOwnExportIsTheDocumentedJSON: what the learner asks for
// holds their whole record, without the PIN's hash, in the schema
// docs/learner-record.md documents.
func TestALearnersOwnExportIsTheDocumentedJSON(t *testing.T) {
	ctx := context.Background()
	c := exampleCourse(t)
	a := openDevice(t)
	l := studied(t, a, c)
	file := filepath.Join(t.TempDir(), "me.json")
	must(t, a.Service.ExportRecordJSON(ctx, l.ID, []*course.Course{c}, file))
	data, _ := os.ReadFile(file)
	var doc map[string]any
	must(t, json.Unmarshal(data, &doc))
	if doc["format"] != "ogoh-learner-record" || doc["version"] != 1.0 {
		t.Errorf("format %v version %v", doc["format"], doc["version"])
	}
	for _, key := range []string{"exported", "device", "learner", "lessons", "course_completions", "quiz_attempts", "review_items", "scenario_runs", "certificates"} {
		if _, ok := doc[key]; !ok {
			t.Errorf("the export has no %q", key)
		}
	}
	learner := doc["learner"].(map[string]any)
	if learner["id"] != l.ID || learner["name"] != l.Name {
		t.Errorf("learner %v", learner)
	}
	if _, ok := learner["pin_hash"]; ok || l.PINHash == "" || strings.Contains(string(data), l.PINHash) {
		t.Error("the export holds the PIN's hash")
	}
	attempts := doc["quiz_attempts"].([]any)
	answers := attempts[0].(map[string]any)["answers"].([]any)
	if len(attempts) != 2 || len(answers) == 0 || len(doc["certificates"].([]any)) != 1 {
		t.Errorf("%d attempts, %d answers in the first, certificates %v", len(attempts), len(answers), doc["certificates"])
	}
}
