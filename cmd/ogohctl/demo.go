package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"time"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
	"github.com/ogoh/ogoh/internal/store"
)

// demoSeed fills a data folder with simulated learners who study the
// bundled courses over the given days, through the same domain code as the
// app, so demos, reports and benchmarks see realistic data.
func demoSeed(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("demo seed", flag.ContinueOnError)
	dir := fs.String("data", "", "the data folder to fill (made if missing)")
	learners := fs.Int("learners", 50, "how many learners")
	days := fs.Int("days", 30, "over how many days, ending today")
	seed := fs.Uint64("seed", 1, "random seed: the same seed makes the same data")
	if _, err := parseMixed(fs, args, stderr); err != nil {
		return 2
	}
	if *dir == "" || *learners < 1 || *days < 1 {
		fmt.Fprintln(stderr, "usage: ogohctl demo seed --data DIR --learners N --days D [--seed S]")
		return 2
	}
	list, problems := course.LoadAll(courses.FS)
	if len(problems) > 0 {
		fmt.Fprintln(stderr, "ogohctl: bundled courses:", problems)
		return 1
	}
	sim := &simulation{rng: rand.New(rand.NewPCG(*seed, *seed^0x0601)), courses: list,
		end: time.Now().UTC().Truncate(time.Minute)}
	sim.start = sim.end.AddDate(0, 0, -*days)
	sim.now = sim.start
	svc, closeDB, err := openDataWithClock(ctx, *dir, func() time.Time { return sim.now }, store.Unsynced())
	if err != nil {
		return failed(stderr, err)
	}
	defer closeDB()
	sim.svc = svc
	for i := 0; i < *learners; i++ {
		if err := sim.learner(ctx, i); err != nil {
			return failed(stderr, err)
		}
	}
	st, err := svc.SyncStatus(ctx)
	if err != nil {
		return failed(stderr, err)
	}
	fmt.Fprintf(stdout, "seeded %d learners over %d days: %d statements waiting to sync\n", *learners, *days, st.Outbox.Pending)
	return 0
}

type simulation struct {
	rng        *rand.Rand
	svc        *progress.Service
	courses    []*course.Course
	start, end time.Time
	now        time.Time
}

var (
	firstNames = []string{"Dilnoza", "Akmal", "Shahnoza", "Rustam", "Gulnora", "Bobur", "Madina", "Jasur", "Nilufar", "Sardor", "Zarina", "Otabek", "Malika", "Timur", "Kamola", "Aziz"}
	lastNames  = []string{"Karimova", "Yusupov", "Rashidova", "Tursunov", "Abdullayeva", "Ismoilov", "Nazarova", "Qodirov", "Saidova", "Ergashev"}
	languages  = []string{"uz", "uz", "ru", "ru", "en"}
)

func (s *simulation) pick(list []string) string { return list[s.rng.IntN(len(list))] }

// advance moves the clock on by up to max, never past the end.
func (s *simulation) advance(max time.Duration) {
	s.now = s.now.Add(time.Duration(s.rng.Int64N(int64(max))) + time.Minute)
	if s.now.After(s.end) {
		s.now = s.end
	}
}

// learner creates one learner who starts on a random day and studies one
// to three courses: lessons in order, then the quiz until passed (at most
// three tries); some leave a quiz unfinished, as after a power cut.
func (s *simulation) learner(ctx context.Context, i int) error {
	s.now = s.start.Add(time.Duration(s.rng.Int64N(int64(s.end.Sub(s.start)))))
	l, err := s.svc.CreateLearner(ctx, progress.NewLearner{
		Name: s.pick(firstNames) + " " + s.pick(lastNames), Role: s.pick(progress.Roles),
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

func (s *simulation) study(ctx context.Context, l progress.Learner, c *course.Course, skill float64) error {
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
	switch qu.Type {
	case course.TrueFalse:
		return quiz.Bool(!qu.CorrectBool)
	case course.Single:
		for _, o := range qu.Options {
			if o.ID != key[0] {
				return quiz.Response{o.ID}
			}
		}
	case course.Multiple:
		return key[:1:1]
	}
	if len(key) > 1 { // ordering and matching: swap two
		key[0], key[1] = key[1], key[0]
		if qu.Type == course.Matching {
			a, _ := quiz.SplitMatch(key[0])
			b, _ := quiz.SplitMatch(key[1])
			key[0], key[1] = quiz.Match(b, a), quiz.Match(a, b)
		}
	}
	return key
}
