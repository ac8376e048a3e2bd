package progress

import "testing"

// FuzzReadMoveFile: a move file off a stick, whatever it holds, is read
// or refused without a panic, and a refused one brings no record.
func FuzzReadMoveFile(f *testing.F) {
	f.Add([]byte("ogoh-learner-move 1 d AAAA AAAA\n{}"))
	f.Add([]byte("ogoh-learner-move 1 d 3q2+7w== 3q2+7w==\n{\"format\":\"ogoh-learner-record\",\"version\":1}"))
	f.Add([]byte("\n\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := readMoveFile(data)
		if err != nil && m.Record.Learner.ID != "" {
			t.Fatalf("a refused file brought learner %q", m.Record.Learner.ID)
		}
	})
}
