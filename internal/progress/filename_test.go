package progress_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
)

// TestSyncFilesAreNamedAfterTheirPost: a trainer with twenty sticks tells
// the files apart by post and device; a post typed with slashes or in
// Cyrillic still makes a name every file system takes.
func TestSyncFilesAreNamedAfterTheirPost(t *testing.T) {
	ctx := context.Background()
	svc, _ := service(t)
	at := time.Date(2026, 12, 1, 21, 50, 0, 0, time.UTC)
	for _, post := range []string{"Пост 12 / Ойбек", "Post 12 / Oybek", "Post 12 / Oybek"} {
		if _, err := svc.CreateLearner(ctx, progress.NewLearner{Name: "A", Role: domain.RoleBorderGuard, Post: post, Language: "ru"}); err != nil {
			t.Fatal(err)
		}
	}
	name, err := svc.SyncFileName(ctx, at)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(name, "post-12-oybek-") || !strings.HasSuffix(name, "-2026-12-01-2150.ogohsync") {
		t.Errorf("sync file name %q: want the post most learners gave, then the device, then the time", name)
	}
	if device := strings.TrimSuffix(strings.TrimPrefix(name, "post-12-oybek-"), "-2026-12-01-2150.ogohsync"); len(device) != 8 {
		t.Errorf("sync file name %q: the device's part is %q, want its ID's first 8 characters", name, device)
	}
	if strings.ContainsAny(name, `/\:*?"<>| `) {
		t.Errorf("%q holds a character a file system may refuse", name)
	}
}
