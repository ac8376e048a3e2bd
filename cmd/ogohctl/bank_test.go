package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// xmlBank is a Moodle XML export with every type Ogoh asks, an image, and
// an essay it refuses.
const xmlBank = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Checkpoint</text></category></question>
  <question type="multichoice">
    <name><text>Held documents</text></name>
    <questiontext format="html"><text><![CDATA[<p>Which is a sign of <b>control</b>?</p><p><img src="@@PLUGINFILE@@/passport.png" alt="A passport"></p>]]></text>
      <file name="passport.png" path="/" encoding="base64">iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==</file></questiontext>
    <generalfeedback format="html"><text>A person without their passport is not free to leave.</text></generalfeedback>
    <single>true</single>
    <answer fraction="100"><text>Someone else holds the passport</text><feedback><text>Yes.</text></feedback></answer>
    <answer fraction="0"><text>A return ticket</text><feedback><text>Most travellers have one.</text></feedback></answer>
  </question>
  <question type="multichoice">
    <name><text>Signs</text></name>
    <questiontext format="html"><text>Which are signs of control?</text></questiontext>
    <generalfeedback format="html"><text>Control shows in documents and in speech.</text></generalfeedback>
    <single>false</single>
    <answer fraction="50"><text>Someone else answers for them</text></answer>
    <answer fraction="50"><text>A scripted story</text></answer>
    <answer fraction="-100"><text>Tiredness</text></answer>
  </question>
  <question type="truefalse">
    <name><text>Tourist visa</text></name>
    <questiontext format="html"><text>A tourist visa allows work.</text></questiontext>
    <generalfeedback format="html"><text>Work needs a work permit.</text></generalfeedback>
    <answer fraction="0"><text>true</text><feedback><text>It does not.</text></feedback></answer>
    <answer fraction="100"><text>false</text><feedback><text>Right.</text></feedback></answer>
  </question>
  <question type="matching">
    <name><text>Elements</text></name>
    <questiontext format="html"><text>Match each word to its element.</text></questiontext>
    <generalfeedback format="html"><text>Act, means, purpose.</text></generalfeedback>
    <subquestion><text>Recruitment</text><answer><text>Act</text></answer></subquestion>
    <subquestion><text>Deception</text><answer><text>Means</text></answer></subquestion>
  </question>
  <question type="ordering">
    <name><text>Referral</text></name>
    <questiontext format="html"><text>Put the steps in order.</text></questiontext>
    <generalfeedback format="html"><text>Safety first.</text></generalfeedback>
    <answer fraction="1"><text>Move the person to a safe room</text></answer>
    <answer fraction="2"><text>Call the shelter</text></answer>
    <answer fraction="3"><text>Write the report</text></answer>
  </question>
  <question type="essay">
    <name><text>Essay</text></name>
    <questiontext format="html"><text>Describe the checkpoint.</text></questiontext>
  </question>
</quiz>
`

// aikenBank has two questions and one Moodle refuses.
const aikenBank = "Which document proves identity at the border?\r\n" +
	"A) A passport\r\nB) A bus ticket\r\nANSWER: A\r\n\r\n" +
	"Who may be a victim of trafficking?\r\nA. Only foreigners\r\nB. Anyone\r\nANSWER: B\r\n\r\n" +
	"A question with one choice\r\nA) Only\r\nANSWER: A\r\n"

// bankCourse writes a course in English with one lesson and the two
// imported quiz files listed.
func bankCourse(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"course.toml": `format = 1
id = "imported"
version = "1.0.0"
languages = ["en"]
default_language = "en"
estimated_minutes = 5
title.en = "Imported"
description.en = "Questions from Moodle banks."
audience.en = "Testers"

[[lessons]]
id = "intro"
file = "intro.md"
minutes = 5
title.en = "Intro"

[[quizzes]]
id = "moodle"
file = "moodle-export.toml"
pass_mark = 80
draw = 5
title.en = "From Moodle XML"

[[quizzes]]
id = "aiken"
file = "aiken-export.toml"
pass_mark = 80
draw = 2
title.en = "From Aiken"

[[sources]]
id = "src"
title = "A source"
description.en = "What the course takes from it."
`,
		"lessons/en/intro.md": "# Intro\n",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func bankCtl(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut strings.Builder
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// A trainer imports a Moodle XML export and an Aiken file into a course,
// writes the explanations Aiken has no place for, and the course validates.
func TestBankImportIntoACourseValidates(t *testing.T) {
	dir := bankCourse(t)
	code, out, errOut := bankCtl(t, "bank", "import", writeBank(t, "moodle-export.xml", xmlBank), "--course", dir, "--json")
	if code != 0 {
		t.Fatalf("xml: exit %d\n%s", code, errOut)
	}
	var rep map[string]any
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, out)
	}
	want := map[string]any{
		"format":   "moodlexml",
		"imported": 5.0,
		"by_type":  map[string]any{"single": 1.0, "multiple": 1.0, "truefalse": 1.0, "matching": 1.0, "ordering": 1.0},
		"skipped":  []any{map[string]any{"line": 44.0, "type": "essay", "reason": "not supported: an essay needs a person to mark it"}},
		"media":    []any{"media/passport-c414cd0e20.png"},
		"notes":    []any{},
	}
	if !reflect.DeepEqual(rep, want) {
		t.Errorf("report\n%v\nwant\n%v", rep, want)
	}
	if _, err := os.Stat(filepath.Join(dir, "media", "passport-c414cd0e20.png")); err != nil {
		t.Errorf("the image is not in the course's media/: %v", err)
	}

	code, _, errOut = bankCtl(t, "bank", "import", writeBank(t, "aiken-export.txt", aikenBank), "--course", dir)
	if code != 0 || !strings.Contains(errOut, "imported 2: single 2; skipped 1:\nline 11: multichoice — a question needs at least 2 choices before its ANSWER: line (line 13)") {
		t.Fatalf("aiken: exit %d\n%s", code, errOut)
	}

	// Aiken has no feedback: the validator asks for the explanations.
	code, out, _ = bankCtl(t, "course", "validate", dir)
	if code != 1 || strings.Count(out, "explanation") != 2 || !strings.Contains(out, "aiken-export.toml") {
		t.Fatalf("validate before the explanations: exit %d\n%s", code, out)
	}
	quiz := filepath.Join(dir, "aiken-export.toml")
	data, _ := os.ReadFile(quiz)
	written := strings.ReplaceAll(string(data), `explanation.en = ""`, `explanation.en = "Written by the trainer."`)
	os.WriteFile(quiz, []byte(written), 0o644)

	code, out, _ = bankCtl(t, "course", "validate", dir)
	if code != 0 || !strings.Contains(out, "ok (imported 1.0.0, 1 lessons, 2 quizzes)") {
		t.Fatalf("validate: exit %d\n%s", code, out)
	}
}

// bank import of a GIFT file writes the very quiz gift import writes.
func TestBankImportOfGIFTIsGiftImport(t *testing.T) {
	file := writeBank(t, "b.gift", testBank)
	dir := t.TempDir()
	viaGift, viaBank := filepath.Join(dir, "gift.toml"), filepath.Join(dir, "bank.toml")
	if code, _, e := bankCtl(t, "gift", "import", file, "-o", viaGift, "--lesson", "intro"); code != 0 {
		t.Fatal(e)
	}
	code, _, errOut := bankCtl(t, "bank", "import", file, "-o", viaBank, "--lesson", "intro")
	if code != 0 {
		t.Fatal(errOut)
	}
	a, _ := os.ReadFile(viaGift)
	b, _ := os.ReadFile(viaBank)
	if string(a) != string(b) || len(a) == 0 {
		t.Errorf("gift import wrote\n%s\nbank import wrote\n%s", a, b)
	}
	if !strings.Contains(errOut, "imported 3: single 1, multiple 1, truefalse 1; skipped 2:") {
		t.Errorf("summary:\n%s", errOut)
	}
}

// A bank's format is told by its name and content, or by --format; a
// file that is not what its name says is refused with a reason.
func TestBankImportFormats(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "q.toml")
	// A GIFT export saved as .txt, as Moodle's often are.
	if code, _, e := bankCtl(t, "bank", "import", writeBank(t, "gift.txt", testBank), "-o", out, "--lesson", "intro", "--force"); code != 0 || !strings.Contains(e, "imported 3") {
		t.Errorf("GIFT as .txt: exit %d\n%s", code, e)
	}
	// Aiken without the .txt its tools write, named by --format.
	if code, _, e := bankCtl(t, "bank", "import", writeBank(t, "aiken.bank", aikenBank), "--format", "aiken", "-o", out, "--lesson", "intro"); code != 0 || !strings.Contains(e, "imported 2") {
		t.Errorf("--format aiken: exit %d\n%s", code, e)
	}
	if code, _, e := bankCtl(t, "bank", "import", writeBank(t, "bank.xml", testBank), "-o", out); code != 1 || !strings.Contains(e, "not XML") {
		t.Errorf("GIFT named .xml: exit %d\n%s", code, e)
	}
	if code, _, e := bankCtl(t, "bank", "import", writeBank(t, "bank.xml", "<questions/>"), "-o", out); code != 1 || !strings.Contains(e, "<quiz>") {
		t.Errorf("XML that is no bank: exit %d\n%s", code, e)
	}
	// The one question never closes: it is reported, and no quiz is written.
	if code, _, e := bankCtl(t, "bank", "import", writeBank(t, "open.txt", "Question?\nA) a\n"), "-o", filepath.Join(dir, "open.toml")); code != 0 ||
		!strings.Contains(e, "no question could be imported; no quiz written") || !strings.Contains(e, "line 1: multichoice — not completed: the file ends before its ANSWER: line") {
		t.Errorf("an unclosed question: exit %d\n%s", code, e)
	}
	if _, err := os.Stat(filepath.Join(dir, "open.toml")); err == nil {
		t.Error("a quiz was written with no question in it")
	}
	if code, _, e := bankCtl(t, "bank", "import", writeBank(t, "bank.txt", aikenBank), "--format", "xml"); code != 2 || !strings.Contains(e, "moodlexml") {
		t.Errorf("--format xml: exit %d\n%s", code, e)
	}
}

// Images go beside the quiz: into -o's folder when there is no course,
// nowhere when the quiz goes to stdout (said in a note). Importing again
// writes the same files, not new ones.
func TestBankImportImagesBesideTheQuiz(t *testing.T) {
	file := writeBank(t, "moodle-export.xml", xmlBank)
	code, out, errOut := bankCtl(t, "bank", "import", file, "--lesson", "intro")
	if code != 0 || !strings.Contains(out, "[[questions]]") || !strings.Contains(errOut, "note: 1 images not written") {
		t.Errorf("stdout: exit %d\n%s", code, errOut)
	}
	dir := t.TempDir()
	for range 2 {
		code, _, errOut = bankCtl(t, "bank", "import", file, "-o", filepath.Join(dir, "quiz.toml"), "--lesson", "intro")
		if code != 0 || !strings.Contains(errOut, "image media/passport-c414cd0e20.png") {
			t.Fatalf("-o: exit %d\n%s", code, errOut)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "media"))
	if len(entries) != 1 {
		t.Errorf("media/ holds %d files, want the one image", len(entries))
	}
}
