package progress

import (
	"context"
	"errors"
	"fmt"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/quiz"
	"github.com/ogoh/ogoh/internal/xapi"
)

// Attempt is a quiz attempt in progress or finished, with its course and
// quiz, and the learner taking it, read once as it starts or resumes: an
// answer then goes from the screen to its row and statement through
// domain types alone, reading nothing first.
type Attempt struct {
	*domain.Attempt
	Course  *course.Course
	Quiz    *course.Quiz
	subject xapi.Subject
}

// StartOrResume returns the learner's unfinished attempt at the quiz, as
// it was left, or starts a new one with a fresh draw.
func (s *Service) StartOrResume(ctx context.Context, learnerID string, c *course.Course, quizID, lang string) (*Attempt, error) {
	if err := c.LoadParts(); err != nil {
		return nil, err
	}
	q := c.Quiz(quizID)
	if q == nil {
		return nil, fmt.Errorf("course %s has no quiz %q", c.ID, quizID)
	}
	sub, err := s.subject(ctx, learnerID, c)
	if err != nil {
		return nil, err
	}
	a, err := s.db.OpenAttempt(ctx, learnerID, c.ID, quizID)
	if err == nil {
		return &Attempt{Attempt: a, Course: c, Quiz: q, subject: sub}, nil
	}
	if !errors.Is(err, domain.ErrNotFound) {
		return nil, err
	}
	seed, id := s.seed(), domain.NewUUID()
	a, err = s.db.CreateAttempt(ctx, domain.Attempt{
		ID: id, LearnerID: learnerID, CourseID: c.ID, CourseVersion: c.Version, QuizID: q.ID,
		Language: lang, Seed: seed, QuestionIDs: quiz.Draw(q, seed), PassMark: q.PassMark,
	}, s.xapi.QuizAttempted(sub, q, id))
	if err != nil {
		return nil, err
	}
	return &Attempt{Attempt: a, Course: c, Quiz: q, subject: sub}, nil
}

// Questions are the attempt's questions in the order asked. A question
// dropped by a later course version is left out rather than shown broken.
func (a *Attempt) Questions() []*course.Question {
	var out []*course.Question
	for _, id := range a.QuestionIDs {
		if qu := a.Quiz.Question(id); qu != nil {
			out = append(out, qu)
		}
	}
	return out
}

// Answered returns the recorded answer to a question, if any.
func (a *Attempt) Answered(questionID string) (domain.Answer, bool) {
	for _, ans := range a.Answers {
		if ans.QuestionID == questionID {
			return ans, true
		}
	}
	return domain.Answer{}, false
}

// Next returns the first unanswered question and its 0-based position, or
// nil when every question has an answer.
func (a *Attempt) Next() (*course.Question, int) {
	for i, qu := range a.Questions() {
		if _, ok := a.Answered(qu.ID); !ok {
			return qu, i
		}
	}
	return nil, len(a.Questions())
}

// OptionOrder is the order this attempt shows a question's choices in.
func (a *Attempt) OptionOrder(qu *course.Question) []string {
	return quiz.OptionOrder(qu, a.Seed)
}

// Answer scores resp and commits it before returning, so the next
// question is shown only once this answer is on disk, with the credit it
// earned (a matching question's share of pairs matched right): the
// attempt's result is worked out from these credits.
func (s *Service) Answer(ctx context.Context, a *Attempt, qu *course.Question, resp quiz.Response) (bool, error) {
	if !quiz.Complete(qu, resp) {
		return false, fmt.Errorf("answer to %s is incomplete", qu.ID)
	}
	ans := domain.Answer{Position: len(a.Answers), QuestionID: qu.ID, Response: resp,
		Correct: quiz.Correct(qu, resp), Credit: quiz.Credit(qu, resp)}
	st := s.xapi.QuestionAnswered(a.subject, a.Quiz, qu, a.ID, resp, ans.Correct)
	review, err := s.reviewChange(ctx, a.LearnerID, a.CourseID, a.QuizID, qu.ID, ans.Correct)
	if err != nil {
		return false, err
	}
	if err := s.db.SaveAnswer(ctx, a.ID, ans, review, st); err != nil {
		return false, err
	}
	a.Answers = append(a.Answers, ans)
	return ans.Correct, nil
}

// Finish scores the attempt and records the result, and the course's
// completion when this pass was the last thing left.
func (s *Service) Finish(ctx context.Context, a *Attempt) (quiz.Result, error) {
	r := a.Result()
	sub := a.subject
	out := s.xapi.QuizFinished(sub, a.Quiz, a.ID, r.Points, r.Max, r.Passed, s.now().Sub(a.StartedAt))
	res := domain.AttemptResult{Score: r.Score, Points: r.Points, Max: r.Max, Passed: r.Passed}
	if err := s.db.FinishAttempt(ctx, a.ID, res, out...); err != nil {
		return quiz.Result{}, err
	}
	if r.Passed {
		if err := s.completeCourseIfDone(ctx, sub); err != nil {
			return quiz.Result{}, err
		}
	}
	fin, err := s.db.Attempt(ctx, a.ID)
	if err != nil {
		return quiz.Result{}, err
	}
	a.Attempt = fin
	return r, nil
}

// Result scores the attempt from its recorded answers and the credit
// each earned as it was given, so a resumed attempt scores as the answers
// were scored then, whatever the course says now.
func (a *Attempt) Result() quiz.Result {
	var order []string
	for _, qu := range a.Questions() {
		order = append(order, qu.ID)
	}
	answers := make([]quiz.Answer, len(a.Answers))
	credit := map[string]float64{}
	for i, ans := range a.Answers {
		answers[i] = quiz.Answer{QuestionID: ans.QuestionID, Correct: ans.Correct}
		credit[ans.QuestionID] = ans.Credit
	}
	return quiz.ScoreWithCredit(order, answers, credit, a.PassMark)
}
