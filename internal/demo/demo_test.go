package demo

import (
	"math/rand/v2"
	"testing"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/quiz"
)

// A simulated learner who gets a question wrong gives a full answer that
// does not score, for every kind, so demo reports show real misses and no
// half-finished answers.
func TestEveryKindHasACompleteWrongAnswer(t *testing.T) {
	for _, k := range domain.Kinds {
		if wrongAnswers[k] == nil {
			t.Errorf("kind %q has no wrong answer in wrongAnswers", k)
		}
	}
	c, err := course.LoadDir("../../docs/example-course")
	if err != nil {
		t.Fatal(err)
	}
	s := &simulation{rng: rand.New(rand.NewPCG(1, 2))}
	for i := range c.Quizzes[0].Questions {
		qu := &c.Quizzes[0].Questions[i]
		resp := s.respond(qu, 0)
		if !quiz.Complete(qu, resp) || quiz.Correct(qu, resp) {
			t.Errorf("%s (%s): wrong answer %v is complete %v, correct %v", qu.ID, qu.Type, resp, quiz.Complete(qu, resp), quiz.Correct(qu, resp))
		}
	}
}
