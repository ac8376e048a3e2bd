package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testBank is a Moodle XML export with a question of each of two kinds
// Ogoh asks, one with an embedded image, and an essay, which it refuses.
const testBank = `<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="multichoice">
    <name><text>Stamp</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>Which stamp is forged?</p><p><img src="@@PLUGINFILE@@/stamp.png" alt="An entry stamp"></p>]]></text>
      <file name="stamp.png" path="/" encoding="base64">iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==</file>
    </questiontext>
    <single>true</single>
    <answer fraction="100"><text>The second</text></answer>
    <answer fraction="0"><text>The first</text></answer>
  </question>
  <question type="truefalse">
    <name><text>Debt</text></name>
    <questiontext format="html"><text>A debt that grows is an indicator of forced labour.</text></questiontext>
    <answer fraction="100"><text>true</text></answer>
    <answer fraction="0"><text>false</text></answer>
  </question>
  <question type="essay">
    <name><text>Describe</text></name>
    <questiontext format="html"><text>Describe a case.</text></questiontext>
  </question>
</quiz>
`

// TestATrainerImportsAQuestionBankWithAPreview: trainer mode reads a
// Moodle XML bank, shows what it will import by kind and what it refuses
// by type and line, and on Import writes the quiz and its image into the
// course's draft folder in the data folder, saying where; a file that is
// no bank is refused and writes nothing.
func TestATrainerImportsAQuestionBankWithAPreview(t *testing.T) {
	dir := t.TempDir()
	d := start(t, dir, "en")
	defer d.close()
	d.async() // the bank is read off the UI thread, as in the app
	c := trafficking(t)
	files := t.TempDir()
	bankFile := filepath.Join(files, "border-bank.xml")
	notBank := filepath.Join(files, "notes.xml")
	os.WriteFile(bankFile, []byte(testBank), 0o644)
	os.WriteFile(notBank, []byte("<quiz><question"), 0o644)

	d.createProfile("Trainer", "other", "", "")
	d.tap(d.T("settings.title"))
	d.unlockTrainer(trainerPIN)
	d.tap(d.T("bank.title"))
	d.see(d.T("bank.none"))
	s := d.app.nav.current.(*bankImportScreen)
	s.pick(notBank) // what the open dialog does with the chosen file
	d.see(d.T("bank.unreadable"))
	d.see(d.T("error.code.unreadable"))
	if d.has(d.T("bank.import")) {
		t.Fatal("a file that is no bank can be imported")
	}

	s.pick(bankFile)
	for i, title := range d.selects()[0].Options {
		if title == c.Title.In("en", c.DefaultLanguage) {
			d.selects()[0].SetSelectedIndex(i)
		}
	}
	d.see("border-bank.xml (Moodle XML)")
	d.see(d.T("bank.will", "Count", 2, "Kinds", d.T("bank.kind.single")+" 1, "+d.T("bank.kind.truefalse")+" 1"))
	d.see(d.T("bank.refused", "Count", 1))
	d.see(d.T("bank.refused.line", "Line", 19, "Type", "essay"))
	if _, err := os.Stat(filepath.Join(dir, DraftsDir)); err == nil {
		t.Fatal("the preview wrote something")
	}

	d.tap(d.T("bank.import"))
	draft := filepath.Join(dir, DraftsDir, c.ID)
	quiz := filepath.Join(draft, "border-bank.toml")
	d.see(d.T("bank.done", "Count", 2, "File", quiz, "Folder", draft, "Course", c.Title.In("en", c.DefaultLanguage)))
	data, err := os.ReadFile(quiz)
	if err != nil || !strings.Contains(string(data), "Which stamp is forged?") || strings.Contains(string(data), "Describe a case") {
		t.Fatalf("the quiz written: %v\n%s", err, data)
	}
	images, _ := filepath.Glob(filepath.Join(draft, "media", "stamp-*.png"))
	if len(images) != 1 {
		t.Fatalf("the bank's image in the draft: %v", images)
	}
	if list, _ := d.app.lib.Courses(); len(list) != len(d.app.courses) {
		t.Fatal("the draft changed the courses the laptop lists")
	}
}
