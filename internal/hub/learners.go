package hub

import (
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/ogoh/ogoh/internal/sanitize"
	"github.com/ogoh/ogoh/internal/xapi"
)

// learnerEntry is one learner across posts. Every part of it is a union
// or a maximum, so a statement seen in two files counts once.
type learnerEntry struct {
	Name      string               `json:"name,omitempty"` // when the device sends names
	Devices   []string             `json:"devices"`
	Completed []string             `json:"completed"` // course activity IDs
	Quizzes   map[string]*quizBest `json:"quizzes"`   // by quiz activity ID
	Last      time.Time            `json:"last"`
}

type quizBest struct {
	Best   float64 `json:"best"` // scaled score, 0..1
	Passed bool    `json:"passed"`
}

// The parts of a statement the summaries read.
type statementHead struct {
	Actor struct {
		Name    string        `json:"name"`
		Account *xapi.Account `json:"account"`
	} `json:"actor"`
	Verb struct {
		ID string `json:"id"`
	} `json:"verb"`
	Object struct {
		ID         string `json:"id"`
		Definition *struct {
			Type string `json:"type"`
		} `json:"definition"`
	} `json:"object"`
	Result *struct {
		Score *struct {
			Scaled float64 `json:"scaled"`
		} `json:"score"`
	} `json:"result"`
	Timestamp string `json:"timestamp"`
}

const (
	activityCourse     = "http://adlnet.gov/expapi/activities/course"
	activityAssessment = "http://adlnet.gov/expapi/activities/assessment"
)

// noteStatement adds a vetted statement to its learner's summary.
func (h *Hub) noteStatement(device string, body []byte) {
	var st statementHead
	if json.Unmarshal(body, &st) != nil || st.Actor.Account == nil {
		return
	}
	l := h.learner(st.Actor.Account.Name)
	if st.Actor.Name != "" {
		l.Name = sanitize.Printable(st.Actor.Name)
	}
	l.Devices = addOnce(l.Devices, device)
	if t, err := time.Parse(time.RFC3339Nano, st.Timestamp); err == nil && t.After(l.Last) {
		l.Last = t
	}
	kind := ""
	if st.Object.Definition != nil {
		kind = st.Object.Definition.Type
	}
	switch {
	case kind == activityCourse && st.Verb.ID == xapi.VerbCompleted:
		l.Completed = addOnce(l.Completed, st.Object.ID)
	case kind == activityAssessment && (st.Verb.ID == xapi.VerbPassed || st.Verb.ID == xapi.VerbFailed):
		l.noteQuiz(&st)
	}
}

func (h *Hub) learner(account string) *learnerEntry {
	l, ok := h.idx.Learners[account]
	if !ok {
		l = &learnerEntry{Quizzes: map[string]*quizBest{}}
		h.idx.Learners[account] = l
	}
	return l
}

// noteQuiz keeps a quiz's best score and whether it was ever passed.
func (l *learnerEntry) noteQuiz(st *statementHead) {
	q, ok := l.Quizzes[st.Object.ID]
	if !ok {
		q = &quizBest{}
		l.Quizzes[st.Object.ID] = q
	}
	if st.Result != nil && st.Result.Score != nil && st.Result.Score.Scaled > q.Best {
		q.Best = st.Result.Score.Scaled
	}
	q.Passed = q.Passed || st.Verb.ID == xapi.VerbPassed
}

func addOnce(list []string, v string) []string {
	i := sort.SearchStrings(list, v)
	if i < len(list) && list[i] == v {
		return list
	}
	return append(list[:i], append([]string{v}, list[i:]...)...)
}

// courseName is a course activity ID's last part: the course's ID.
func courseName(activity string) string {
	return sanitize.Printable(activity[strings.LastIndex(activity, "/")+1:])
}
