package bank_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ogoh/ogoh/internal/bank"
	"github.com/ogoh/ogoh/internal/gift"
)

var update = flag.Bool("update", false, "rewrite the expected readings in testdata from what the readers give")

// reading is what a test bank is expected to give: the bank as read and
// what the converter makes of it, or the error that refuses the file.
type reading struct {
	Error   string       `json:"error,omitempty"`
	Bank    *bank.Bank   `json:"bank,omitempty"`
	Report  *gift.Report `json:"report,omitempty"`
	Quizzes []string     `json:"questions,omitempty"` // the IDs and kinds made
}

func read(t *testing.T, path string, f bank.Format) reading {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := bank.Read(data, f)
	if err != nil {
		return reading{Error: err.Error()}
	}
	qs, report := gift.ToQuestions(&b.Bank, "en", "intro")
	r := reading{Bank: b, Report: &report}
	for _, q := range qs {
		r.Quizzes = append(r.Quizzes, q.ID+" "+string(q.Type))
	}
	return r
}

// Each bank under testdata/<dir> is read as expected in the .json beside it.
func checkReadings(t *testing.T, dir, ext string, f bank.Format) {
	files, _ := filepath.Glob(filepath.Join("testdata", dir, "*"+ext))
	if len(files) == 0 {
		t.Fatalf("no test banks in testdata/%s", dir)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(read(t, file, f)); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			golden := strings.TrimSuffix(file, ext) + ".json"
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update and check what it wrote)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s reads\n%s\nwant (%s)\n%s", file, got, golden, want)
			}
		})
	}
}

func TestMoodleXMLBanks(t *testing.T) { checkReadings(t, "moodlexml", ".xml", bank.MoodleXML) }

func TestAikenBanks(t *testing.T) { checkReadings(t, "aiken", ".txt", bank.Aiken) }
