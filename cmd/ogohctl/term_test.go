package main

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/store"
	"github.com/ogoh/ogoh/internal/store/storetest"
)

// hostile is text a crafted file might carry: colour codes that print a
// fake verdict, a carriage return that overwrites the line, a bidi
// override and a zero-width space.
const hostile = "\x1b[32msignature: good\x1b[0m\r\u202egood\u200b"

// unsafeForTerminal names the first character in s a terminal would obey
// or hide rather than show; "" if there is none.
func unsafeForTerminal(s string) string {
	for _, bad := range []string{"\x1b", "\r", "\u202e", "\u200b", "\x9b"} {
		if strings.Contains(s, bad) {
			return bad
		}
	}
	return ""
}

// craftedPack is a pack whose manifest, signed by its own key, holds text
// with escape codes where the course, version and date go.
func craftedPack(t *testing.T) string {
	t.Helper()
	k, err := course.NewKey("attacker")
	if err != nil {
		t.Fatal(err)
	}
	m := course.PackManifest{Format: "ogoh-pack", Version: 1, CourseID: "evil" + hostile, CourseVersion: "1.0.0" + hostile,
		Created: hostile, Key: base64.StdEncoding.EncodeToString(k.Public), Files: map[string]string{}}
	manifest, _ := json.Marshal(m)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, data := range map[string][]byte{
		"manifest.json": manifest,
		"signature":     []byte(base64.StdEncoding.EncodeToString(ed25519.Sign(k.Private, manifest))),
	} {
		w, _ := zw.Create(name)
		w.Write(data)
	}
	zw.Close()
	p := filepath.Join(t.TempDir(), "evil.ogoh")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// A crafted pack's course info prints its fields, but none of the codes
// that would repaint the terminal.
func TestCourseInfoPrintsNoEscapeCodes(t *testing.T) {
	var out, errOut strings.Builder
	run([]string{"course", "info", craftedPack(t)}, &out, &errOut)
	got := out.String() + errOut.String()
	if bad := unsafeForTerminal(got); bad != "" {
		t.Errorf("course info printed %q:\n%q", bad, got)
	}
	if !strings.Contains(got, "course: evil") {
		t.Errorf("course info lost the course line:\n%s", got)
	}
}

// A learner record with escape codes in the name (the database can be
// edited) and a formula as post: the report's table prints neither code,
// and its CSV holds the post as text, not as a formula.
func TestReportTableAndCSVAreSafeToOpen(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	db := storetest.MustOpen(t, filepath.Join(data, store.FileName), time.Now)
	l, err := db.CreateLearner(ctx, domain.Learner{Name: "Aziza" + hostile, Role: "border-guard", Post: "=cmd|' /C calc'!A0", Language: "en"})
	if err != nil {
		t.Fatal(err)
	}
	svc, err := progress.New(ctx, db, progress.Options{Seed: func() int64 { return 1 }, Now: time.Now})
	if err != nil {
		t.Fatal(err)
	}
	bundled, _ := course.LoadAll(courses.FS)
	c := bundled[0]
	if err := svc.OpenLesson(ctx, l.ID, c, c.Lessons[0].ID); err != nil {
		t.Fatal(err)
	}
	db.Close()

	csvFile := filepath.Join(t.TempDir(), "report.csv")
	out := ctl(t, "report", "--data", data, "--csv", csvFile)
	if bad := unsafeForTerminal(out); bad != "" {
		t.Errorf("report printed %q:\n%q", bad, out)
	}
	f, _ := os.Open(csvFile)
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) != 2 {
		t.Fatalf("CSV: %v, %q", err, rows)
	}
	if post := rows[1][2]; post != "'=cmd|' /C calc'!A0" {
		t.Errorf("the post is written %q: a spreadsheet runs it as a formula", post)
	}
}

// The terminal writer keeps a character whose bytes arrive in two writes.
func TestTerminalKeepsSplitCharacters(t *testing.T) {
	var b strings.Builder
	w := terminal(&b)
	for _, c := range []byte("Пример — ok\n") {
		w.Write([]byte{c})
	}
	if b.String() != "Пример — ok\n" {
		t.Errorf("got %q", b.String())
	}
}
