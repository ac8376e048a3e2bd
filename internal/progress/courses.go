package progress

import (
	"context"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/store"
)

// CourseProgress is a learner's standing in one course.
type CourseProgress struct {
	Lessons map[string]store.LessonState
	Quizzes map[string]store.QuizSummary
	Done    int // lessons read and quizzes passed
	Total   int // lessons and quizzes
}

// Percent is how much of the course is done, for the catalogue.
func (p CourseProgress) Percent() int {
	if p.Total == 0 {
		return 0
	}
	return p.Done * 100 / p.Total
}

// CourseProgress reads a learner's progress in c. Progress is keyed by the
// course's stable IDs, so an updated course keeps it; IDs no longer in the
// course are ignored.
func (s *Service) CourseProgress(ctx context.Context, learnerID string, c *course.Course) (CourseProgress, error) {
	lessons, err := s.db.Lessons(ctx, learnerID, c.ID)
	if err != nil {
		return CourseProgress{}, err
	}
	quizzes, err := s.db.QuizSummaries(ctx, learnerID, c.ID)
	if err != nil {
		return CourseProgress{}, err
	}
	p := CourseProgress{Lessons: lessons, Quizzes: quizzes, Total: len(c.Lessons) + len(c.Quizzes)}
	for _, l := range c.Lessons {
		if lessons[l.ID].Done() {
			p.Done++
		}
	}
	for _, q := range c.Quizzes {
		if quizzes[q.ID].Passed {
			p.Done++
		}
	}
	return p, nil
}

// OpenLesson records that the learner opened a lesson.
func (s *Service) OpenLesson(ctx context.Context, learnerID string, c *course.Course, lessonID string) error {
	return s.db.OpenLesson(ctx, learnerID, c.ID, lessonID)
}

// CompleteLesson records that the learner read a lesson to the end.
func (s *Service) CompleteLesson(ctx context.Context, learnerID string, c *course.Course, lessonID string) error {
	return s.db.CompleteLesson(ctx, learnerID, c.ID, lessonID)
}
