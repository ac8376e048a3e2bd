package progress_test

import (
	"context"
	"sort"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
)

// BenchmarkLargeDevice measures the queries behind the catalogue, a course
// page and the trainer's report, and recording an answer, on devices
// seeded through the same code as `ogohctl demo seed`: 500 learners over a
// year (the budget: p95 under 20 ms), and 25, 250 and 2,500 learners over a
// year (x1, x10, x100: how each cost grows with the data). Each reports
// its 95th percentile; the answer also its median and 99th.
func BenchmarkLargeDevice(b *testing.B) {
	for _, size := range []struct {
		name     string
		learners int
	}{{"500-learners", 500}, {"x1", 25}, {"x10", 250}, {"x100", 2500}} {
		b.Run(size.name, func(b *testing.B) { benchDevice(b, size.learners) })
	}
}

func benchDevice(b *testing.B, learnerCount int) {
	ctx := context.Background()
	svc, list := seededService(b, b.TempDir(), learnerCount)
	learners, _ := svc.Learners(ctx)
	if st, err := svc.SyncStatus(ctx); err == nil {
		b.Logf("%d statements waiting", st.Outbox.Pending)
	}
	measure := func(b *testing.B, op func(i int) error) {
		times := make([]time.Duration, 0, b.N)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			start := time.Now()
			if err := op(i); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(start))
		}
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		b.ReportMetric(float64(times[len(times)*95/100].Microseconds())/1000, "p95-ms")
	}
	b.Run("catalogue", func(b *testing.B) {
		measure(b, func(i int) error {
			l := learners[i%len(learners)]
			for _, c := range list {
				if _, err := svc.CourseProgress(ctx, l.ID, c); err != nil {
					return err
				}
			}
			_, err := svc.DueReviews(ctx, l.ID, list)
			return err
		})
	})
	b.Run("course-page", func(b *testing.B) {
		measure(b, func(i int) error {
			_, err := svc.CourseProgress(ctx, learners[i%len(learners)].ID, list[i%len(list)])
			return err
		})
	})
	b.Run("report", func(b *testing.B) {
		measure(b, func(int) error {
			_, err := svc.Report(ctx)
			return err
		})
	})
	b.Run("answer", func(b *testing.B) {
		l := learners[0]
		var a *progress.Attempt
		measure(b, func(i int) error {
			if a != nil {
				if next, _ := a.Next(); next == nil {
					svc.Finish(ctx, a)
					a = nil
				}
			}
			if a == nil {
				var err error
				if a, err = svc.StartOrResume(ctx, l.ID, list[0], list[0].Quizzes[0].ID, "en"); err != nil {
					return err
				}
			}
			q, _ := a.Next()
			_, err := svc.Answer(ctx, a, q, quiz.Key(q))
			return err
		})
	})
}
