package progress

import (
	"context"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/quiz"
)

// reviewChange schedules a question after an answer: a miss puts it in
// review; right answers move it on and, twice in a row, take it out.
func (s *Service) reviewChange(ctx context.Context, learnerID, courseID, quizID, questionID string, correct bool) (*domain.ReviewChange, error) {
	it, inReview, err := s.db.ReviewItem(ctx, learnerID, courseID, quizID, questionID)
	if err != nil {
		return nil, err
	}
	next, done := quiz.NextReview(quiz.ReviewState{Due: it.Due, Step: it.Step, Streak: it.Streak}, inReview, correct, s.now())
	if done && !inReview {
		return nil, nil
	}
	it.Due, it.Step, it.Streak = next.Due, next.Step, next.Streak
	return &domain.ReviewChange{Item: it, Done: done}, nil
}

// ReviewQuestion is a question due for review, with its course and quiz.
type ReviewQuestion struct {
	Course   *course.Course
	Quiz     *course.Quiz
	Question *course.Question
}

// DueReviews lists the questions due for the learner now, among the
// courses installed; questions a course update removed are skipped.
func (s *Service) DueReviews(ctx context.Context, learnerID string, courses []*course.Course) ([]ReviewQuestion, error) {
	var out []ReviewQuestion
	err := s.eachDue(ctx, learnerID, courses, func(c *course.Course, it domain.ReviewItem) {
		if q := c.Quiz(it.QuizID); q != nil {
			if qu := q.Question(it.QuestionID); qu != nil {
				out = append(out, ReviewQuestion{Course: c, Quiz: q, Question: qu})
			}
		}
	})
	return out, err
}

// DueReviewCount is how many questions DueReviews would list, found
// without decoding the quizzes' questions, which the home screen does
// not show.
func (s *Service) DueReviewCount(ctx context.Context, learnerID string, courses []*course.Course) (int, error) {
	n := 0
	err := s.eachDue(ctx, learnerID, courses, func(c *course.Course, it domain.ReviewItem) {
		if c.HasQuestion(it.QuizID, it.QuestionID) {
			n++
		}
	})
	return n, err
}

// eachDue calls do with each item due for review now whose course is
// installed.
func (s *Service) eachDue(ctx context.Context, learnerID string, courses []*course.Course, do func(*course.Course, domain.ReviewItem)) error {
	items, err := s.db.DueReviews(ctx, learnerID, s.now())
	if err != nil {
		return err
	}
	byID := map[string]*course.Course{}
	for _, c := range courses {
		byID[c.ID] = c
	}
	for _, it := range items {
		if c := byID[it.CourseID]; c != nil {
			do(c, it)
		}
	}
	return nil
}

// AnswerReview scores and records an answer given in a review session,
// with its statement, and reschedules the question.
func (s *Service) AnswerReview(ctx context.Context, learnerID string, rq ReviewQuestion, resp quiz.Response) (bool, error) {
	sub, err := s.subject(ctx, learnerID, rq.Course)
	if err != nil {
		return false, err
	}
	correct := quiz.Correct(rq.Question, resp)
	change, err := s.reviewChange(ctx, learnerID, rq.Course.ID, rq.Quiz.ID, rq.Question.ID, correct)
	if err != nil || change == nil {
		return correct, err
	}
	st := s.xapi.QuestionAnswered(sub, rq.Quiz, rq.Question, "", resp, correct)
	return correct, s.db.SaveReviewAnswer(ctx, learnerID, *change, st)
}
