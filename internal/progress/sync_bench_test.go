package progress_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/demo"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/lrs/lrstest"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
	"github.com/ogoh/ogoh/internal/syncfile"
	"github.com/ogoh/ogoh/internal/xapi"
)

// BenchmarkSync measures how fast a device's statements leave it, at x1,
// x10 and x100 (25, 250 and 2,500 learners over a year; x100 is about
// 107,000 statements), in statements per second:
//   - lrs-intake: the same statements posted straight to a fresh local LRS
//     in batches of 250 with no database at all: the LRS's own ceiling;
//   - push: Ogoh's sender from the outbox to another fresh LRS, marking
//     each batch sent as it is confirmed;
//   - export: the sync file written for a USB stick;
//   - forward: that file checked (signature, device, every statement) and
//     sent by `ogohctl sync forward`'s code to another fresh LRS.
//
// Run with -benchtime 1x: each part handles every statement once.
func BenchmarkSync(b *testing.B) {
	for _, size := range []struct {
		name     string
		learners int
	}{{"x1", 25}, {"x10", 250}, {"x100", 2500}} {
		b.Run(size.name, func(b *testing.B) { benchSync(b, size.learners) })
	}
}

func benchSync(b *testing.B, learners int) {
	ctx := context.Background()
	dir := b.TempDir()
	svc, _ := seededService(b, dir, learners)

	var n int
	b.Run("export", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			start := time.Now()
			var err error
			if n, err = svc.ExportSync(ctx, filepath.Join(dir, "out.ogohsync")); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(n)/time.Since(start).Seconds(), "stmt/s")
		}
	})
	file, err := syncfile.ReadFile(filepath.Join(dir, "out.ogohsync"))
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d statements", len(file.Statements))

	b.Run("lrs-intake", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			server := lrstest.Start(b)
			start := time.Now()
			for from := 0; from < len(file.Statements); from += 250 {
				batch := file.Statements[from:min(from+250, len(file.Statements))]
				if err := postBatch(server.Endpoint(), batch); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(file.Statements))/time.Since(start).Seconds(), "stmt/s")
			server.Stop()
		}
	})

	b.Run("push", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			server := lrstest.Start(b)
			start := time.Now()
			rep, err := svc.Push(ctx, lrs.NewSender(domain.LRS{Endpoint: server.Endpoint()}))
			if err != nil {
				b.Fatal(err)
			}
			if rep.Sent != len(file.Statements) {
				b.Fatalf("sent %d of %d", rep.Sent, len(file.Statements))
			}
			b.ReportMetric(float64(rep.Sent)/time.Since(start).Seconds(), "stmt/s")
			server.Stop()
		}
	})

	b.Run("forward", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			server := lrstest.Start(b)
			reg, err := syncfile.OpenRegistry(filepath.Join(b.TempDir(), "devices.json"))
			if err != nil {
				b.Fatal(err)
			}
			fw := &syncfile.Forwarder{Sender: lrs.NewSender(domain.LRS{Endpoint: server.Endpoint()}), Registry: reg,
				HomePage: xapi.DefaultConfig.HomePage}
			start := time.Now()
			r := fw.Forward(ctx, filepath.Join(dir, "out.ogohsync"))
			// Stored and already there together: every one is confirmed. (The
			// test LRS's memory store pages by a version-1 UUID, whose text
			// order wraps every 7 minutes; the forward's read-back sample
			// catches the listing that ends early and counts by reading back.)
			if done := r.Stored + r.AlreadyThere; r.Err != nil || done != len(file.Statements) {
				b.Fatalf("forwarded %d of %d: %v (refused %d)", done, len(file.Statements), r.Err, len(r.Refused))
			}
			b.ReportMetric(float64(r.Stored+r.AlreadyThere)/time.Since(start).Seconds(), "stmt/s")
			server.Stop()
		}
	})
}

// postBatch is the least a client can do: one POST of a JSON array.
func postBatch(endpoint string, batch []json.RawMessage) error {
	var body bytes.Buffer
	body.WriteByte('[')
	for i, st := range batch {
		if i > 0 {
			body.WriteByte(',')
		}
		body.Write(st)
	}
	body.WriteByte(']')
	req, err := http.NewRequest(http.MethodPost, endpoint+"statements", &body)
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Experience-API-Version", xapi.Version)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("LRS answered %s", res.Status)
	}
	return nil
}

// seededService opens a data folder seeded like `ogohctl demo seed` with
// learners over a year, and gives the bundled courses.
func seededService(b *testing.B, dir string, learners int) (*progress.Service, []*course.Course) {
	b.Helper()
	ctx := context.Background()
	list, problems := course.LoadAll(courses.FS)
	if len(problems) > 0 {
		b.Fatal(problems)
	}
	end := time.Now().UTC()
	clock := end
	file := filepath.Join(dir, store.FileName)
	db := storetest.MustOpen(b, file, func() time.Time { return clock }, store.Unsynced())
	svc, _ := progress.New(ctx, db, progress.Options{Seed: func() int64 { return 1 }, Now: func() time.Time { return clock }})
	if err := demo.Seed(ctx, svc, &clock, list, learners, 365, 1, end); err != nil {
		b.Fatal(err)
	}
	db.Close()
	if info, err := os.Stat(file); err == nil {
		b.Logf("%d learners over a year: database %.1f MB", learners, float64(info.Size())/(1<<20))
	}
	db = storetest.MustOpen(b, file, time.Now)
	key, err := syncfile.LoadOrCreateDeviceKey(filepath.Join(dir, syncfile.DeviceKeyFile))
	if err != nil {
		b.Fatal(err)
	}
	seed := int64(0)
	svc, _ = progress.New(ctx, db, progress.Options{Seed: func() int64 { seed++; return seed }, Now: time.Now, DeviceKey: key})
	return svc, list
}
