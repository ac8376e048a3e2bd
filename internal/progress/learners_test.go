package progress_test

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
)

// 20 wrong PINs at a profile: the first LearnerTries are counted down,
// then the profile is locked for every PIN, the right one too, after a
// restart and with the clock a year on; a trainer clearing the PIN opens
// it again.
func TestTwentyWrongLearnerPINsLockTheProfileUntilATrainerClearsIt(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	file := filepath.Join(t.TempDir(), store.FileName)
	db := storetest.MustOpen(t, file, clock)
	svc, _ := progress.New(ctx, db, progress.Options{Now: clock})
	l, err := svc.CreateLearner(ctx, progress.NewLearner{Name: "Aziz", Role: "other", Language: "en", PIN: "2468"})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 20; i++ {
		left, err := svc.UnlockLearner(ctx, l.ID, "1111")
		switch {
		case i < progress.LearnerTries && (!errors.Is(err, progress.ErrWrongPIN) || left != progress.LearnerTries-i):
			t.Fatalf("wrong PIN %d: %v, %d tries left, want %d", i, err, left, progress.LearnerTries-i)
		case i >= progress.LearnerTries && !errors.Is(err, progress.ErrProfileLocked):
			t.Fatalf("wrong PIN %d: %v, want the profile locked", i, err)
		}
	}
	if _, err := svc.UnlockLearner(ctx, l.ID, "2468"); !errors.Is(err, progress.ErrProfileLocked) {
		t.Fatalf("the right PIN after 20 wrong ones: %v, want locked", err)
	}
	db.Close()
	now = now.AddDate(1, 0, 0) // neither a restart nor the clock opens it
	db = storetest.MustOpen(t, file, clock)
	svc, _ = progress.New(ctx, db, progress.Options{Now: clock})
	if _, err := svc.UnlockLearner(ctx, l.ID, "2468"); !errors.Is(err, progress.ErrProfileLocked) {
		t.Fatalf("the right PIN after a restart a year later: %v, want locked", err)
	}
	if err := svc.ClearPIN(ctx, l.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.UnlockLearner(ctx, l.ID, ""); err != nil {
		t.Errorf("after a trainer cleared the PIN: %v", err)
	}
}

// A right PIN before the limit starts the count again.
func TestARightLearnerPINResetsTheCount(t *testing.T) {
	ctx := context.Background()
	svc, _ := service(t)
	l, _ := svc.CreateLearner(ctx, progress.NewLearner{Name: "Madina", Role: "other", Language: "en", PIN: "135790"})
	for i := 1; i < progress.LearnerTries; i++ {
		svc.UnlockLearner(ctx, l.ID, "000000")
	}
	if _, err := svc.UnlockLearner(ctx, l.ID, "135790"); err != nil {
		t.Fatalf("the right PIN on the last try: %v", err)
	}
	if left, err := svc.UnlockLearner(ctx, l.ID, "000000"); !errors.Is(err, progress.ErrWrongPIN) || left != progress.LearnerTries-1 {
		t.Errorf("after a right PIN: %v, %d left, want %d", err, left, progress.LearnerTries-1)
	}
}

// Names and posts are trimmed, at most MaxNameRunes long, on one line and
// free of characters that show nothing or reorder text, so no profile can
// pass for another in the picker or a report.
func TestLearnerNamesAreOneVisibleLineOfLimitedLength(t *testing.T) {
	ctx := context.Background()
	svc, _ := service(t)
	long := strings.Repeat("Ш", progress.MaxNameRunes+1)
	for _, c := range []struct {
		name, post string
		field      string
		want       error
	}{
		{name: long, field: "name", want: progress.ErrTooLong},
		{name: "Aziza\nKarimova", field: "name", want: progress.ErrLineBreak},
		{name: "Aziza\u2028Karimova", field: "name", want: progress.ErrLineBreak},
		{name: "Azi\u200bza", field: "name", want: progress.ErrInvisible},
		{name: "Aziza \u202eavomiraK", field: "name", want: progress.ErrInvisible},
		{name: "Aziza\u200d", field: "name", want: progress.ErrInvisible},
		{name: "Aziza\x1b[31m", field: "name", want: progress.ErrInvisible},
		{name: "Aziza\tK", field: "name", want: progress.ErrInvisible},
		{name: "Aziza\u2066K", field: "name", want: progress.ErrInvisible},
		{name: "Aziza\xffK", field: "name", want: progress.ErrInvisible},
		{name: "Aziza", post: "Post\r1", field: "post", want: progress.ErrLineBreak},
		{name: "Aziza", post: long, field: "post", want: progress.ErrTooLong},
		{name: "Aziza", post: "Post\ufeff1", field: "post", want: progress.ErrInvisible},
	} {
		_, err := svc.CreateLearner(ctx, progress.NewLearner{Name: c.name, Post: c.post, Role: "other", Language: "en"})
		var fe *progress.FieldError
		if !errors.As(err, &fe) || fe.Field != c.field || !errors.Is(err, c.want) {
			t.Errorf("name %q, post %q: %v, want %s: %v", c.name, c.post, err, c.field, c.want)
		}
	}
	if ls, _ := svc.Learners(ctx); len(ls) != 0 {
		t.Errorf("refused profiles were stored: %+v", ls)
	}
	fine := "  " + strings.Repeat("Ғ", progress.MaxNameRunes) + "  "
	l, err := svc.CreateLearner(ctx, progress.NewLearner{Name: fine, Post: " Oʻzbekiston — Post 3 ", Role: "other", Language: "uz"})
	if err != nil || l.Name != strings.TrimSpace(fine) || l.Post != "Oʻzbekiston — Post 3" {
		t.Errorf("an 80-letter name and a post: %+v, %v", l, err)
	}
}
