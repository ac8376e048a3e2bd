// Package demo fills a data folder with simulated learners studying the
// courses, through the same domain code as the app: for demos, reports
// and benchmarks.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
)

// Seed makes n learners who study courses over the days before end, with
// svc, whose clock must read *clock (the simulation moves it).
func Seed(ctx context.Context, svc *progress.Service, clock *time.Time, courses []*course.Course, n, days int, seed uint64, end time.Time) error {
	s := &simulation{rng: rand.New(rand.NewPCG(seed, seed^0x0601)), courses: courses, svc: svc, clock: clock, end: end}
	s.start = end.AddDate(0, 0, -days)
	for i := 0; i < n; i++ {
		if err := s.learner(ctx, i); err != nil {
			return err
		}
	}
	return nil
}

type simulation struct {
	rng        *rand.Rand
	svc        *progress.Service
	courses    []*course.Course
	start, end time.Time
	clock      *time.Time
}

var (
	firstNames = []string{"Dilnoza", "Akmal", "Shahnoza", "Rustam", "Gulnora", "Bobur", "Madina", "Jasur", "Nilufar", "Sardor", "Zarina", "Otabek", "Malika", "Timur", "Kamola", "Aziz"}
	lastNames  = []string{"Karimova", "Yusupov", "Rashidova", "Tursunov", "Abdullayeva", "Ismoilov", "Nazarova", "Qodirov", "Saidova", "Ergashev"}
	languages  = []string{"uz", "uz", "ru", "ru", "en"}
)

func (s *simulation) pick(list []string) string { return list[s.rng.IntN(len(list))] }

// advance moves the clock on by up to max, never past the end.
func (s *simulation) advance(max time.Duration) {
	*s.clock = s.clock.Add(time.Duration(s.rng.Int64N(int64(max))) + time.Minute)
	if s.clock.After(s.end) {
		*s.clock = s.end
	}
}

// learner creates one learner who starts on a random day and studies one
// to three courses: lessons in order, then the quiz until passed (at most
// three tries); some leave a quiz unfinished, as after a power cut.
func (s *simulation) learner(ctx context.Context, i int) error {
	*s.clock = s.start.Add(time.Duration(s.rng.Int64N(int64(s.end.Sub(s.start)))))
	l, err := s.svc.CreateLearner(ctx, progress.NewLearner{
		Name: s.pick(firstNames) + " " + s.pick(lastNames), Role: domain.Roles[s.rng.IntN(len(domain.Roles))],
		Post: fmt.Sprintf("Post %d", 1+i%40), Language: s.pick(languages),
	})
	if err != nil {
		return err
	}
	skill := 0.6 + 0.35*s.rng.Float64()
	for _, k := range s.rng.Perm(len(s.courses))[:1+s.rng.IntN(3)] {
		if err := s.study(ctx, l, s.courses[k], skill); err != nil {
			return err
		}
	}
	return nil
}

func (s *simulation) study(ctx context.Context, l domain.Learner, c *course.Course, skill float64) error {
	for _, les := range c.Lessons {
		s.advance(36 * time.Hour)
		if err := s.svc.OpenLesson(ctx, l.ID, c, les.ID); err != nil {
			return err
		}
		s.advance(15 * time.Minute)
		if s.rng.Float64() < 0.1 {
			return nil // stopped reading; may never come back
		}
		if err := s.svc.CompleteLesson(ctx, l.ID, c, les.ID); err != nil {
			return err
		}
	}
	for _, q := range c.Quizzes {
		for try := 0; try < 3; try++ {
			s.advance(48 * time.Hour)
			a, err := s.svc.StartOrResume(ctx, l.ID, c, q.ID, c.Lang(l.Language))
			if err != nil {
				return err
			}
			for qu, _ := a.Next(); qu != nil; qu, _ = a.Next() {
				if s.rng.Float64() < 0.01 {
					return nil // the attempt stays open, to be resumed
				}
				s.advance(90 * time.Second)
				if _, err := s.svc.Answer(ctx, a, qu, s.respond(qu, skill)); err != nil {
					return err
				}
			}
			r, err := s.svc.Finish(ctx, a)
			if err != nil || r.Passed {
				return err
			}
		}
	}
	return nil
}

// respond answers rightly with probability skill, else with a complete
// but wrong answer.
func (s *simulation) respond(qu *course.Question, skill float64) quiz.Response {
	key := quiz.Key(qu)
	if s.rng.Float64() < skill {
		return key
	}
	if wrong, ok := wrongAnswers[qu.Type]; ok {
		return wrong(qu, key)
	}
	return swapTwo(qu, key)
}

// wrongAnswers make a complete but wrong answer of each kind from its key:
// another option, the other truth value, part of a multiple answer, two
// items out of place.
var wrongAnswers = map[domain.Kind]func(qu *course.Question, key quiz.Response) quiz.Response{
	domain.KindSingle:    otherOption,
	domain.KindMultiple:  func(_ *course.Question, key quiz.Response) quiz.Response { return key[:1:1] },
	domain.KindTrueFalse: func(qu *course.Question, _ quiz.Response) quiz.Response { return quiz.Bool(!qu.CorrectBool) },
	domain.KindOrdering:  swapTwo,
	domain.KindMatching:  crossTwoMatches,
}

func otherOption(qu *course.Question, key quiz.Response) quiz.Response {
	for _, o := range qu.Options {
		if o.ID != key[0] {
			return quiz.Response{o.ID}
		}
	}
	return key
}

func swapTwo(_ *course.Question, key quiz.Response) quiz.Response {
	if len(key) > 1 {
		key[0], key[1] = key[1], key[0]
	}
	return key
}

// crossTwoMatches matches the first two left items each with the other's
// right item.
func crossTwoMatches(_ *course.Question, key quiz.Response) quiz.Response {
	if len(key) > 1 {
		a, _ := quiz.SplitMatch(key[0])
		b, _ := quiz.SplitMatch(key[1])
		key[0], key[1] = quiz.Match(a, b), quiz.Match(b, a)
	}
	return key
}
