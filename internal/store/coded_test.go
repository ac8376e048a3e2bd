package store_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/store"
)

// TestAFullDiskIsSaidAsSuch: a write that finds no room fails with the
// code a screen explains ("the disk is full"), keeps SQLite's words for
// the log, and leaves what was saved before as it was.
func TestAFullDiskIsSaidAsSuch(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, filepath.Join(t.TempDir(), store.FileName), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	before, err := db.CreateLearner(ctx, domain.Learner{Name: "Before", Role: domain.RoleOther, Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if err := store.LimitPages(db, 40); err != nil {
		t.Fatal(err)
	}
	var full error
	for i := 0; i < 400 && full == nil; i++ {
		_, full = db.CreateLearner(ctx, domain.Learner{Name: strings.Repeat("x", 2000), Role: domain.RoleOther, Language: "en"})
	}
	if full == nil {
		t.Fatal("400 large profiles fit in 40 pages")
	}
	if code := domain.ErrorCode(full); code != domain.CodeDiskFull {
		t.Errorf("a full database's error has code %q, want %q: %v", code, domain.CodeDiskFull, full)
	}
	if !strings.Contains(full.Error(), "full") {
		t.Errorf("the log loses SQLite's words: %v", full)
	}
	got, err := db.Learner(ctx, before.ID)
	if err != nil || got.Name != "Before" {
		t.Errorf("what was saved before the disk filled: %+v, %v", got, err)
	}
	var coded *domain.Error
	if !errors.As(full, &coded) {
		t.Errorf("no domain.Error in %v", full)
	}
}
