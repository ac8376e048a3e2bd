package progress

import (
	"encoding/json"
	"testing"
)

// TestARecordFromBeforePartialCreditReadsAsItWas: a learner record
// written before partial credit has no points and no credits; it is read
// as the count of questions fully right, a right answer earning 1 and a
// wrong one 0 (docs/learner-record.md).
func TestARecordFromBeforePartialCreditReadsAsItWas(t *testing.T) {
	var in attemptJSON
	err := json.Unmarshal([]byte(`{"id": "a", "course": "c", "quiz": "q", "questions": ["q1", "q2"], "pass_mark": 80,
		"started": "2026-11-01T08:00:00Z", "finished": "2026-11-01T08:05:00Z", "score": 1, "max": 2, "passed": false,
		"answers": [{"position": 0, "question": "q1", "response": ["a"], "correct": true, "answered": "2026-11-01T08:01:00Z"},
			{"position": 1, "question": "q2", "response": ["a=b", "b=a"], "correct": false, "answered": "2026-11-01T08:02:00Z"}]}`), &in)
	if err != nil {
		t.Fatal(err)
	}
	a := attemptFromJSON(in)
	if a.Score != 1 || a.Points != 1 || a.Percent() != 50 {
		t.Errorf("an old record's attempt reads %d right, %v points (%d%%); want 1, 1 (50%%)", a.Score, a.Points, a.Percent())
	}
	if len(a.Answers) != 2 || a.Answers[0].Credit != 1 || a.Answers[1].Credit != 0 {
		t.Errorf("an old record's answers %+v, want credits 1 and 0", a.Answers)
	}
	back := attemptFromJSON(attemptToJSON(a))
	if back.Points != 1 || back.Answers[0].Credit != 1 {
		t.Errorf("written and read again: %+v", back)
	}
}
