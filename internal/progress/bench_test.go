package progress_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
)

// BenchmarkRecordAnswer measures what the learner waits for after "Check
// answer": the answer row and its xAPI statement committed in one
// transaction, synchronous=FULL, on a real file. It reports the median
// and the 99th percentile.
func BenchmarkRecordAnswer(b *testing.B) {
	ctx := context.Background()
	db := storetest.MustOpen(b, filepath.Join(b.TempDir(), store.FileName), time.Now)
	seed := int64(0)
	svc, _ := progress.New(ctx, db, progress.Options{Seed: func() int64 { seed++; return seed }, Now: time.Now})
	c, err := course.LoadDir("../../docs/example-course")
	if err != nil {
		b.Fatal(err)
	}
	l, _ := svc.CreateLearner(ctx, progress.NewLearner{Name: "Bench", Role: "other", Language: "en"})
	times := make([]time.Duration, 0, b.N)
	var a *progress.Attempt
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		if a != nil {
			next, _ := a.Next()
			if next == nil {
				svc.Finish(ctx, a)
				a = nil
			}
		}
		if a == nil {
			a, _ = svc.StartOrResume(ctx, l.ID, c, "check", "en")
		}
		q, _ := a.Next()
		b.StartTimer()
		start := time.Now()
		if _, err := svc.Answer(ctx, a, q, quiz.Key(q)); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(times[len(times)*99/100].Microseconds())/1000, "p99-ms")
}

// BenchmarkFsyncFloor is the cost of one small write and fsync on the same
// disk: no durable commit can be faster.
func BenchmarkFsyncFloor(b *testing.B) {
	f, err := os.Create(filepath.Join(b.TempDir(), "floor"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	page := make([]byte, 4096)
	for i := 0; i < b.N; i++ {
		f.WriteAt(page, 0)
		if err := f.Sync(); err != nil {
			b.Fatal(err)
		}
	}
}
