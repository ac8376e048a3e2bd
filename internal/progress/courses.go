package progress

import (
	"context"
	"fmt"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/xapi"
)

// CourseProgress is a learner's standing in one course.
type CourseProgress struct {
	Lessons   map[string]domain.LessonState
	Quizzes   map[string]domain.QuizSummary
	Scenarios map[string]domain.ScenarioSummary
	Done      int // lessons read and quizzes passed
	Total     int // lessons and quizzes
}

// Percent is how much of the course is done, for the catalogue.
func (p CourseProgress) Percent() int {
	if p.Total == 0 {
		return 0
	}
	return p.Done * 100 / p.Total
}

// LearnersWithUnfinishedQuiz are the learners who left a quiz half-way,
// of any course (installed or not: it resumes if the course comes back).
// It reads no course, so the profile picker can mark them at start-up.
func (s *Service) LearnersWithUnfinishedQuiz(ctx context.Context) (map[string]bool, error) {
	return s.db.LearnersWithOpenAttempts(ctx)
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
	scenarios, err := s.db.ScenarioSummaries(ctx, learnerID, c.ID)
	if err != nil {
		return CourseProgress{}, err
	}
	p := CourseProgress{Lessons: lessons, Quizzes: quizzes, Scenarios: scenarios, Total: len(c.Lessons) + len(c.Quizzes)}
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

// subject is who acts in c, for statements.
func (s *Service) subject(ctx context.Context, learnerID string, c *course.Course) (xapi.Subject, error) {
	l, err := s.db.Learner(ctx, learnerID)
	if err != nil {
		return xapi.Subject{}, err
	}
	return xapi.Subject{Learner: l, Course: c, Lang: c.Lang(l.Language)}, nil
}

// OpenLesson records that the learner opened a lesson.
func (s *Service) OpenLesson(ctx context.Context, learnerID string, c *course.Course, lessonID string) error {
	sub, l, err := s.lessonSubject(ctx, learnerID, c, lessonID)
	if err != nil {
		return err
	}
	return s.db.OpenLesson(ctx, learnerID, c.ID, lessonID, s.xapi.LessonExperienced(sub, l))
}

// CompleteLesson records that the learner read a lesson to the end, and
// the course's completion when that was the last thing left.
func (s *Service) CompleteLesson(ctx context.Context, learnerID string, c *course.Course, lessonID string) error {
	sub, l, err := s.lessonSubject(ctx, learnerID, c, lessonID)
	if err != nil {
		return err
	}
	first, err := s.db.CompleteLesson(ctx, learnerID, c.ID, lessonID, s.xapi.LessonCompleted(sub, l))
	if err != nil || !first {
		return err
	}
	return s.completeCourseIfDone(ctx, sub)
}

func (s *Service) lessonSubject(ctx context.Context, learnerID string, c *course.Course, lessonID string) (xapi.Subject, *course.Lesson, error) {
	l := c.Lesson(lessonID)
	if l == nil {
		return xapi.Subject{}, nil, fmt.Errorf("course %s has no lesson %q", c.ID, lessonID)
	}
	sub, err := s.subject(ctx, learnerID, c)
	return sub, l, err
}

// completeCourseIfDone records the course as completed, once, when every
// lesson is read and every quiz passed.
func (s *Service) completeCourseIfDone(ctx context.Context, sub xapi.Subject) error {
	p, err := s.CourseProgress(ctx, sub.Learner.ID, sub.Course)
	if err != nil || p.Done < p.Total {
		return err
	}
	_, err = s.db.CompleteCourse(ctx, sub.Learner.ID, sub.Course.ID, s.xapi.CourseCompleted(sub))
	return err
}
