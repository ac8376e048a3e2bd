package hub_test

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/demo"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/hub"
	"github.com/ogoh/ogoh/internal/lrs"
	"github.com/ogoh/ogoh/internal/lrs/lrstest"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/syncfile"
	"github.com/ogoh/ogoh/internal/xapi"
)

// BenchmarkHub measures a trainer's hub with 100 posts' sync files, each
// post's demo learners studying over 30 days: x1 is one learner a post,
// x10 ten. In statements per second:
//   - lrs-intake: every file's statements posted straight to a fresh LRS
//     in batches of 250, no checks: the LRS's own ceiling;
//   - import: `hub import` of the 100 files into a fresh hub (each read,
//     its signature and device checked, every statement vetted, kept);
//   - forward: `hub forward` of the hub to another fresh LRS, a file per
//     device, with the stored/already-there read-back and a receipt per
//     device.
//
// Run with -benchtime 1x.
func BenchmarkHub(b *testing.B) {
	for _, size := range []struct {
		name     string
		learners int
	}{{"x1", 1}, {"x10", 10}} {
		b.Run(size.name, func(b *testing.B) { benchHub(b, 100, size.learners) })
	}
}

func benchHub(b *testing.B, devices, learners int) {
	ctx := context.Background()
	files, statements := postFiles(b, devices, learners)
	b.Logf("%d devices, %d statements", devices, len(statements))

	b.Run("lrs-intake", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			server := lrstest.Start(b)
			start := time.Now()
			for from := 0; from < len(statements); from += 250 {
				if err := postBatch(server.Endpoint(), statements[from:min(from+250, len(statements))]); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(statements))/time.Since(start).Seconds(), "stmt/s")
			server.Stop()
		}
	})

	var h *hub.Hub
	hubs := b.TempDir() // the forward below uses the hub the import made
	b.Run("import", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			var err error
			if h, err = hub.Open(filepath.Join(hubs, fmt.Sprint(i)), hub.Options{}); err != nil {
				b.Fatal(err)
			}
			start := time.Now()
			got, err := h.Import(ctx, files...)
			if err != nil || len(got) != devices {
				b.Fatalf("imported %d of %d: %v", len(got), devices, err)
			}
			b.ReportMetric(float64(len(statements))/time.Since(start).Seconds(), "stmt/s")
			b.ReportMetric(float64(devices)/time.Since(start).Seconds(), "files/s")
		}
	})

	_, key, _ := ed25519.GenerateKey(nil)
	b.Run("forward", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			server := lrstest.Start(b)
			start := time.Now()
			got, err := h.Forward(ctx, lrs.NewSender(domain.LRS{Endpoint: server.Endpoint()}), hub.Trainer{Name: "bench", Key: key})
			if err != nil {
				b.Fatal(err)
			}
			done := 0
			for _, d := range got {
				if d.Err != nil || d.Receipt == "" {
					b.Fatalf("device %s: %v (receipt %q)", d.Device, d.Err, d.Receipt)
				}
				done += d.Stored + d.AlreadyThere
			}
			if done != len(statements) {
				b.Fatalf("forwarded %d of %d", done, len(statements))
			}
			b.ReportMetric(float64(done)/time.Since(start).Seconds(), "stmt/s")
			server.Stop()
		}
	})
}

// postFiles seeds devices posts of learners each and exports each to a
// sync file; it returns the files and all their statements.
func postFiles(b *testing.B, devices, learners int) ([]string, []json.RawMessage) {
	b.Helper()
	ctx := context.Background()
	bundled, problems := course.LoadAll(courses.FS)
	if len(problems) > 0 {
		b.Fatal(problems)
	}
	out := b.TempDir()
	var files []string
	var all []json.RawMessage
	end := time.Now().UTC()
	for i := range devices {
		clock := end.AddDate(0, 0, -30)
		dev, err := progress.Open(ctx, filepath.Join(b.TempDir(), "post"), bundled,
			progress.WithClock(func() time.Time { return clock }), progress.Unsynced())
		if err != nil {
			b.Fatal(err)
		}
		if err := demo.Seed(ctx, dev.Service, &clock, dev.Courses, learners, 30, uint64(i+1), end); err != nil {
			b.Fatal(err)
		}
		file := filepath.Join(out, fmt.Sprintf("post-%03d.ogohsync", i))
		if _, err := dev.Service.ExportSync(ctx, file); err != nil {
			b.Fatal(err)
		}
		dev.Close()
		f, err := syncfile.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		files, all = append(files, file), append(all, f.Statements...)
	}
	return files, all
}

// postBatch is the least a client can do: one POST of a JSON array.
func postBatch(endpoint string, batch []json.RawMessage) error {
	body := bytes.NewBufferString("[")
	for i, st := range batch {
		if i > 0 {
			body.WriteByte(',')
		}
		body.Write(st)
	}
	body.WriteByte(']')
	req, err := http.NewRequest(http.MethodPost, endpoint+"statements", body)
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
