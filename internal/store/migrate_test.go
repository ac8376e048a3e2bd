package store_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
)

// A device that ran the first release has a version-1 database. The new
// app must bring it up to date, keep every learner and answer, and first
// copy it aside, so a failed or unwanted migration can be undone.
func TestOlderDatabaseIsBackedUpThenMigratedKeepingProgress(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	file := filepath.Join(dir, store.FileName)
	writeVersion1(t, file)

	backups := filepath.Join(dir, "backups")
	db := storetest.MustOpen(t, file, time.Now, store.BackupBeforeMigrating(backups))
	if v, _ := db.SchemaVersion(ctx); v != latestMigration(t) {
		t.Errorf("schema version %d after opening, want %d", v, latestMigration(t))
	}
	l, err := db.Learner(ctx, "learner-1")
	if err != nil || l.Name != "Dilnoza" {
		t.Fatalf("the learner did not survive the migration: %+v, %v", l, err)
	}
	if id, _ := db.DeviceID(ctx); id != "device-of-release-1" {
		t.Errorf("device id %q, want the old one kept", id)
	}

	found, _ := filepath.Glob(filepath.Join(backups, "before-v2-*.db"))
	if len(found) != 1 {
		t.Fatalf("backups %v, want one taken before migration 2", found)
	}
	old, err := sql.Open("sqlite3", found[0])
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	var version, answers int
	old.QueryRow("PRAGMA user_version").Scan(&version)
	old.QueryRow("SELECT COUNT(*) FROM attempt_answer").Scan(&answers)
	if version != 1 || answers != 1 {
		t.Errorf("the backup has schema %d and %d answers, want the untouched version 1 with 1", version, answers)
	}
}

// writeVersion1 makes a database as release 1 left it: migration 0001
// only, with a learner who answered one question.
func writeVersion1(t *testing.T, file string) {
	t.Helper()
	schema, err := os.ReadFile("migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite3", "file:"+file+"?_journal_mode=WAL")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, stmt := range []string{
		string(schema),
		"PRAGMA user_version = 1",
		`INSERT INTO device (id, uuid, created_at) VALUES (1, 'device-of-release-1', '2026-01-05T08:00:00Z')`,
		`INSERT INTO learner (id, name, role, language, created_at) VALUES ('learner-1', 'Dilnoza', 'border', 'uz', '2026-01-05T08:01:00Z')`,
		`INSERT INTO quiz_attempt (id, learner_id, course_id, course_version, quiz_id, language, seed, question_ids, pass_mark, started_at)
		 VALUES ('attempt-1', 'learner-1', 'recognising-trafficking', '1.0.0', 'check', 'uz', 7, '["q1"]', 80, '2026-01-05T08:02:00Z')`,
		`INSERT INTO attempt_answer (attempt_id, position, question_id, response, correct, answered_at)
		 VALUES ('attempt-1', 0, 'q1', '["a"]', 1, '2026-01-05T08:03:00Z')`,
	} {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
}

func latestMigration(t *testing.T) int {
	t.Helper()
	names, _ := filepath.Glob("migrations/*.sql")
	return len(names)
}
