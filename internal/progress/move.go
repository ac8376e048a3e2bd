package progress

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ogoh/ogoh/internal/cert"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// A move file is one header line and the record's JSON:
//
//	ogoh-learner-move 1 DEVICE-ID KEY SIGNATURE
//	{ …the record, as docs/learner-record.md documents it… }
//
// signed by the source device's key over a prefix, the device ID and the
// JSON's exact bytes. The statements of what the learner did stay in the
// source's outbox: the device an event happened on sends its statement,
// and the device the learner moves to makes none for what it imports, so
// an LRS that both devices push to stores each statement once.
const (
	moveMagic  = "ogoh-learner-move"
	movePrefix = "ogoh learner move\x00"
)

// Refusals of a move file.
var (
	ErrNotRecord     = &domain.Error{Code: domain.CodeUnreadable, Err: errors.New("this is not an Ogoh learner record, or one from a newer Ogoh")}
	ErrRecordForged  = &domain.Error{Code: domain.CodeUntrusted, Err: errors.New("the learner record's signature does not match: the file was changed after it was written")}
	ErrRecordUnknown = &domain.Error{Code: domain.CodeUntrusted, Err: errors.New("the learner record is signed by a device that is not among the known devices")}
)

// LearnerRecord is a learner's whole record on this device, with the
// certificates it signs for the courses among courses they passed.
func (s *Service) LearnerRecord(ctx context.Context, learnerID string, courses []*course.Course) (domain.LearnerRecord, error) {
	rec, err := s.db.LearnerRecord(ctx, learnerID)
	if err != nil {
		return rec, err
	}
	for _, c := range courses {
		crt, err := s.Certificate(ctx, learnerID, c)
		switch {
		case err == nil:
			rec.Certificates = append(rec.Certificates, cert.Text(crt))
		case errors.Is(err, domain.ErrNotPassed), errors.Is(err, domain.ErrNoQuiz):
		default:
			return rec, err
		}
	}
	return rec, nil
}

// ExportRecordJSON writes a learner's own record to path as the
// documented JSON: their right to what the device holds about them.
func (s *Service) ExportRecordJSON(ctx context.Context, learnerID string, courses []*course.Course, path string) error {
	rec, err := s.LearnerRecord(ctx, learnerID, courses)
	if err != nil {
		return err
	}
	device, err := s.db.DeviceID(ctx)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := WriteRecordJSON(&buf, rec, device, s.now()); err != nil {
		return err
	}
	return writeDurably(path, buf.Bytes())
}

// MoveOut writes the learner's record to path, signed by this device, and
// only once the file is on disk marks the learner as moved: they leave
// the lists, and their records and unsent statements stay here.
func (s *Service) MoveOut(ctx context.Context, learnerID string, courses []*course.Course, path string) (domain.LearnerRecord, error) {
	if s.key == nil {
		return domain.LearnerRecord{}, ErrNoDeviceKey
	}
	rec, err := s.LearnerRecord(ctx, learnerID, courses)
	if err != nil {
		return rec, err
	}
	device, err := s.db.DeviceID(ctx)
	if err != nil {
		return rec, err
	}
	body, err := json.Marshal(toJSON(rec, device, s.now()))
	if err != nil {
		return rec, err
	}
	sig := ed25519.Sign(s.key, moveSigned(device, body))
	header := fmt.Sprintf("%s %d %s %s %s\n", moveMagic, RecordVersion, device,
		base64.StdEncoding.EncodeToString(s.key.Public().(ed25519.PublicKey)), base64.StdEncoding.EncodeToString(sig))
	if err := writeDurably(path, append([]byte(header), body...)); err != nil {
		return rec, err
	}
	return rec, s.db.MarkLearnerMoved(ctx, learnerID)
}

func moveSigned(device string, body []byte) []byte {
	return append([]byte(movePrefix+device+"\n"), body...)
}

// MovedIn is what a move file brought: the learner, and the device that
// signed it, for the trainer to compare with what they know.
type MovedIn struct {
	Record      domain.LearnerRecord
	Device      string
	Fingerprint string
	Known       bool // the device is among those the caller knows
}

// MoveIn imports a move file, keeping the learner's ID, so the xAPI actor
// stays the same. A file whose signature does not match is refused; so is
// one from a device not in known, when known is given (nil: any device,
// whose fingerprint the caller shows).
func (s *Service) MoveIn(ctx context.Context, path string, known map[string]ed25519.PublicKey) (MovedIn, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return MovedIn{}, fmt.Errorf("learner record: %w", err)
	}
	in, err := readMoveFile(data)
	if err != nil {
		return in.MovedIn, fmt.Errorf("%s: %w", path, err)
	}
	if known != nil {
		pub, ok := known[in.Device]
		if !ok || !bytes.Equal(pub, in.key) {
			return in.MovedIn, fmt.Errorf("%s: %w (device %s, key fingerprint %s)", path, ErrRecordUnknown, in.Device, in.Fingerprint)
		}
		in.Known = true
	}
	return in.MovedIn, s.db.ImportLearnerRecord(ctx, in.Record)
}

type moveFile struct {
	MovedIn
	key ed25519.PublicKey
}

func readMoveFile(data []byte) (moveFile, error) {
	header, body, ok := bytes.Cut(data, []byte("\n"))
	f := strings.Fields(string(header))
	if !ok || len(f) != 5 || f[0] != moveMagic || f[1] != fmt.Sprint(RecordVersion) {
		return moveFile{}, ErrNotRecord
	}
	pub, err1 := base64.StdEncoding.DecodeString(f[3])
	sig, err2 := base64.StdEncoding.DecodeString(f[4])
	if err1 != nil || err2 != nil || len(pub) != ed25519.PublicKeySize {
		return moveFile{}, ErrNotRecord
	}
	m := moveFile{MovedIn: MovedIn{Device: f[2], Fingerprint: syncfile.Fingerprint(pub)}, key: pub}
	if !ed25519.Verify(pub, moveSigned(f[2], body), sig) {
		return m, ErrRecordForged
	}
	var rj recordJSON
	if err := json.Unmarshal(body, &rj); err != nil {
		return m, fmt.Errorf("%w: %v", ErrNotRecord, err)
	}
	rec, err := fromJSON(rj)
	if err != nil {
		return m, err
	}
	if rj.Device != f[2] || rec.Learner.ID == "" {
		return m, ErrNotRecord
	}
	m.Record = rec
	return m, nil
}

// writeDurably writes data to path through a temporary file renamed into
// place after it is synced: a half-written record is never left there.
func writeDurably(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".ogoh-record-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return domain.Wrap(domain.CodeUnsaved, fmt.Errorf("write %s: %w", path, err))
	}
	return nil
}
