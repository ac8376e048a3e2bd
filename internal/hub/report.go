package hub

import (
	"encoding/csv"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/sanitize"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// DeviceRow is one device as the Posts screen and `hub report` show it.
type DeviceRow struct {
	Device      string // printable
	Post        string // as its learners gave it
	Fingerprint string
	Learners    int
	LastExport  time.Time // by the device's clock
	LastImport  time.Time // by the hub's
	Waiting     int       // imported, not yet confirmed by the LRS
	Forwarded   int       // confirmed by the LRS through this hub
	Refused     int       // by the LRS at the last forward
	ClockOffset time.Duration
	ClockKnown  bool
	ClockFlag   bool // its clock is over a day off, as it knows or as its export's date shows
}

// Devices lists every device imported, by post then ID. Waiting reads the
// files not yet forwarded.
func (h *Hub) Devices() ([]DeviceRow, error) {
	waiting, err := h.waiting()
	if err != nil {
		return nil, err
	}
	var out []DeviceRow
	for id, d := range h.idx.Devices {
		row := DeviceRow{Device: sanitize.Printable(id), Post: d.Post, Fingerprint: d.Fingerprint, Learners: d.Learners,
			LastImport: d.LastImport, Waiting: waiting[id], Forwarded: d.Confirmed, Refused: d.Refused}
		row.LastExport, _ = time.Parse(time.RFC3339Nano, d.LastExport)
		if d.ClockOffsetMS != nil {
			row.ClockOffset, row.ClockKnown = time.Duration(*d.ClockOffsetMS)*time.Millisecond, true
		}
		row.ClockFlag = d.ClockAhead || (row.ClockKnown && domain.ClockOff(row.ClockOffset))
		if row.Learners == 0 {
			row.Learners = h.learnersOf(id)
		}
		out = append(out, row)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Post != out[j].Post {
			return out[i].Post < out[j].Post
		}
		return out[i].Device < out[j].Device
	})
	return out, nil
}

// waiting counts, per device, the statements of its unforwarded files
// that the LRS has not confirmed.
func (h *Hub) waiting() (map[string]int, error) {
	byDevice := map[string][]*fileEntry{}
	for _, f := range h.unforwarded() {
		byDevice[f.Device] = append(byDevice[f.Device], f)
	}
	out := map[string]int{}
	for device, files := range byDevice {
		confirmed, err := h.confirmed(device)
		if err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		for _, f := range files {
			file, err := syncfile.ReadFile(filepath.Join(h.dir, FilesDir, f.Name))
			if err != nil {
				return nil, fmt.Errorf("hub: a kept file no longer reads: %w", err)
			}
			for _, id := range file.Source().IDs() {
				if !confirmed[id] && !seen[id] {
					seen[id] = true
				}
			}
		}
		out[device] = len(seen)
	}
	return out, nil
}

func (h *Hub) learnersOf(device string) int {
	n := 0
	for _, l := range h.idx.Learners {
		if i := sort.SearchStrings(l.Devices, device); i < len(l.Devices) && l.Devices[i] == device {
			n++
		}
	}
	return n
}

// LearnerRow is one learner across posts.
type LearnerRow struct {
	Learner      string   // the account name statements carry
	Name         string   // when the device sends names
	Posts        []string // of the devices the learner's records came from
	Courses      []string // completed, by course ID
	QuizzesTaken int
	QuizzesPass  int
	BestPercent  int // mean of the best scaled score of each quiz taken, rounded down; -1 with none
	LastActivity time.Time
}

// Learners lists every learner seen, by name then account.
func (h *Hub) Learners() []LearnerRow {
	var out []LearnerRow
	for account, l := range h.idx.Learners {
		row := LearnerRow{Learner: sanitize.Printable(account), Name: l.Name, LastActivity: l.Last, BestPercent: -1}
		for _, dev := range l.Devices {
			post := dev
			if d, ok := h.idx.Devices[dev]; ok && d.Post != "" {
				post = d.Post
			}
			row.Posts = addOnce(row.Posts, sanitize.Printable(post))
		}
		for _, c := range l.Completed {
			row.Courses = append(row.Courses, courseName(c))
		}
		sum := 0.0
		for _, q := range l.Quizzes {
			row.QuizzesTaken++
			sum += q.Best
			if q.Passed {
				row.QuizzesPass++
			}
		}
		if row.QuizzesTaken > 0 { // rounded down as the device rounds a quiz's percent
			row.BestPercent = domain.Percent(sum, row.QuizzesTaken)
		}
		out = append(out, row)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].Learner < out[j].Learner
	})
	return out
}

// WriteDevicesCSV writes the devices table as CSV.
func WriteDevicesCSV(w io.Writer, rows []DeviceRow) error {
	c := csv.NewWriter(w)
	c.Write([]string{"device", "post", "fingerprint", "learners", "last_export", "last_import", "waiting", "forwarded", "refused", "clock_offset_hours", "clock_flag"})
	for _, r := range rows {
		offset := ""
		if r.ClockKnown {
			offset = strconv.FormatFloat(r.ClockOffset.Hours(), 'f', 1, 64)
		}
		c.Write(cells(r.Device, r.Post, r.Fingerprint, strconv.Itoa(r.Learners), stamp(r.LastExport), stamp(r.LastImport),
			strconv.Itoa(r.Waiting), strconv.Itoa(r.Forwarded), strconv.Itoa(r.Refused), offset, strconv.FormatBool(r.ClockFlag)))
	}
	c.Flush()
	return c.Error()
}

// WriteLearnersCSV writes the learners table as CSV.
func WriteLearnersCSV(w io.Writer, rows []LearnerRow) error {
	c := csv.NewWriter(w)
	c.Write([]string{"learner", "name", "posts", "courses_completed", "quizzes_taken", "quizzes_passed", "best_percent", "last_activity"})
	for _, r := range rows {
		best := ""
		if r.BestPercent >= 0 {
			best = strconv.Itoa(r.BestPercent)
		}
		c.Write(cells(r.Learner, r.Name, strings.Join(r.Posts, "; "), strings.Join(r.Courses, "; "), strconv.Itoa(r.QuizzesTaken),
			strconv.Itoa(r.QuizzesPass), best, stamp(r.LastActivity)))
	}
	c.Flush()
	return c.Error()
}

// cells guards against a spreadsheet running a cell from a post as a
// formula: text from outside that starts like one is quoted.
func cells(values ...string) []string {
	for i, v := range values {
		if _, err := strconv.ParseFloat(v, 64); err == nil {
			continue
		}
		if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
			values[i] = "'" + v
		}
	}
	return values
}

func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339)
}
