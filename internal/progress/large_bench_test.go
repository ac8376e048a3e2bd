package progress_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/demo"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/store"
)

// BenchmarkLargeDevice measures the queries behind the catalogue, a course
// page and the trainer's report on a device with 500 learners over a year
// (seeded once, through the same code as `ogohctl demo seed`). Each
// reports its 95th percentile; the budget is 20 ms.
func BenchmarkLargeDevice(b *testing.B) {
	ctx := context.Background()
	dir, err := os.MkdirTemp("", "ogoh-large-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	list, problems := course.LoadAll(courses.FS)
	if len(problems) > 0 {
		b.Fatal(problems)
	}
	end := time.Now().UTC()
	clock := end
	file := filepath.Join(dir, store.FileName)
	db, err := store.Open(ctx, file, func() time.Time { return clock }, store.Unsynced())
	if err != nil {
		b.Fatal(err)
	}
	svc, _ := progress.New(ctx, db, progress.Options{Seed: func() int64 { return 1 }, Now: func() time.Time { return clock }})
	if err := demo.Seed(ctx, svc, &clock, list, 500, 365, 1, end); err != nil {
		b.Fatal(err)
	}
	db.Close()
	if info, err := os.Stat(file); err == nil {
		b.Logf("database: %.1f MB", float64(info.Size())/(1<<20))
	}
	db, err = store.Open(ctx, file, time.Now)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	svc, _ = progress.New(ctx, db, progress.Options{Seed: func() int64 { return 1 }, Now: time.Now})
	learners, _ := svc.Learners(ctx)

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
}
