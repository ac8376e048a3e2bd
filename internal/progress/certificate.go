package progress

import (
	"context"
	"fmt"
	"io"

	"github.com/ogoh/ogoh/internal/cert"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/i18n"
)

// Certificate is the learner's certificate for c, signed by this device:
// a course gives one when every quiz of it is passed (the pass mark is
// each quiz's own). It is made again from the passing attempts each time
// it is asked for, and is the same certificate each time.
func (s *Service) Certificate(ctx context.Context, learnerID string, c *course.Course) (domain.Certificate, error) {
	if len(c.Quizzes) == 0 {
		return domain.Certificate{}, fmt.Errorf("certificate for %s: %w", c.ID, domain.ErrNoQuiz)
	}
	if s.key == nil {
		return domain.Certificate{}, ErrNoDeviceKey
	}
	l, err := s.db.Learner(ctx, learnerID)
	if err != nil {
		return domain.Certificate{}, fmt.Errorf("certificate for %s: %w", c.ID, err)
	}
	passed, err := s.db.PassedAttempts(ctx, learnerID, c.ID)
	if err != nil {
		return domain.Certificate{}, err
	}
	rec, ok := fromAttempts(c, passed)
	if !ok {
		return domain.Certificate{}, fmt.Errorf("certificate for %s: %w", c.ID, domain.ErrNotPassed)
	}
	if rec.DeviceID, err = s.db.DeviceID(ctx); err != nil {
		return domain.Certificate{}, err
	}
	rec.LearnerID, rec.LearnerName, rec.Post, rec.CourseID = l.ID, l.Name, l.Post, c.ID
	return cert.Sign(rec, s.key), nil
}

// fromAttempts fills the date, score and version from one passing
// attempt per quiz of c (the score: the points earned, partial credit
// included, over the questions asked, as a quiz's percentage is); ok is false while a quiz is not passed. Quizzes
// the course no longer has do not count.
func fromAttempts(c *course.Course, passed []domain.Attempt) (rec domain.Certificate, ok bool) {
	byQuiz := map[string]domain.Attempt{}
	for _, a := range passed {
		byQuiz[a.QuizID] = a
	}
	points, max := 0.0, 0
	for _, q := range c.Quizzes {
		a, found := byQuiz[q.ID]
		if !found {
			return rec, false
		}
		points, max = points+a.Points, max+a.Max
		if a.FinishedAt.After(rec.Passed) {
			rec.Passed, rec.CourseVersion = a.FinishedAt, a.CourseVersion
		}
	}
	rec.Score = domain.Percent(points, max)
	return rec, true
}

// WriteCertificatePDF writes the certificate's one-page PDF in lang, with
// the course's title in that language.
func WriteCertificatePDF(w io.Writer, rec domain.Certificate, c *course.Course, lang string) error {
	b, err := i18n.Load()
	if err != nil {
		return err
	}
	lang = i18n.Supported(lang)
	return cert.WritePDF(w, rec, cert.Page{CourseTitle: c.Title.In(lang, c.DefaultLanguage), T: b.For(lang)})
}
