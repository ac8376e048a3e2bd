package quiz

import "time"

// ReviewIntervals are the days after which a missed question comes back,
// one step further each time it is answered right.
var ReviewIntervals = []int{1, 3, 7, 14}

// RightToRetire is how many right answers in a row take a question out of
// review.
const RightToRetire = 2

// ReviewState is where a question stands in a learner's review.
type ReviewState struct {
	Due    time.Time
	Step   int // index into ReviewIntervals
	Streak int // right answers in a row
}

// NextReview schedules a question after an answer given at now. A wrong
// answer starts again at the first interval; a right one moves a step on,
// and the second right answer in a row retires the question (done).
func NextReview(st ReviewState, inReview, correct bool, now time.Time) (next ReviewState, done bool) {
	switch {
	case !correct:
		return ReviewState{Due: now.AddDate(0, 0, ReviewIntervals[0]), Step: 0, Streak: 0}, false
	case !inReview:
		return ReviewState{}, true // right, and never missed: nothing to review
	case st.Streak+1 >= RightToRetire:
		return ReviewState{}, true
	}
	step := min(st.Step+1, len(ReviewIntervals)-1)
	return ReviewState{Due: now.AddDate(0, 0, ReviewIntervals[step]), Step: step, Streak: st.Streak + 1}, false
}
