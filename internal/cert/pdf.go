package cert

import (
	"bytes"
	"encoding/hex"
	"errors"
	"io"
	"strconv"
	"unicode/utf16"

	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/paper"
	"github.com/ogoh/ogoh/internal/syncfile"
)

// Page is what a certificate's page says besides the record: the course's
// title in the page's language, and the page's words.
type Page struct {
	CourseTitle string
	T           *i18n.Localizer
}

// WritePDF writes c as one A4 page: the learner's name in its own script,
// post, course, version, date, score, the ID to type and the QR code to
// scan. The record's text is also the PDF's subject, so ogohctl cert
// verify checks the file itself.
func WritePDF(w io.Writer, c domain.Certificate, p Page) error {
	text := Text(c)
	d, err := paper.New(paper.A4, paper.Info{Title: p.T.T("cert.pdf.heading") + " " + c.ID,
		Subject: text, Author: c.LearnerName, Created: c.Passed})
	if err != nil {
		return err
	}
	center := func(size float64) paper.Para { return paper.Para{Size: size, Align: paper.AlignCenter} }
	gray := paper.Para{Size: 9, Align: paper.AlignCenter, Gray: 0.35}
	steps := []func() error{
		func() error { d.Frame(); d.Space(10); return d.Plain(gray, paper.Regular, "Ogoh") },
		func() error { d.Space(30); return d.Plain(center(26), paper.Bold, p.T.T("cert.pdf.heading")) },
		func() error { d.Space(40); return d.Plain(center(13), paper.Regular, p.T.T("cert.pdf.intro")) },
		func() error { d.Space(14); return d.Plain(center(28), paper.Bold, c.LearnerName) },
		func() error { return d.Plain(center(13), paper.Regular, p.T.T("cert.pdf.post", "Post", c.Post)) },
		func() error { d.Space(30); return d.Plain(center(13), paper.Regular, p.T.T("cert.pdf.passed")) },
		func() error { d.Space(8); return d.Plain(center(19), paper.Bold, p.CourseTitle) },
		func() error {
			return d.Plain(center(12), paper.Regular, p.T.T("cert.pdf.version", "Version", c.CourseVersion, "Course", c.CourseID))
		},
		func() error {
			d.Space(24)
			return d.Plain(center(13), paper.Regular, p.T.T("cert.pdf.result", "Date", c.Passed.Format(dateLayout), "Score", strconv.Itoa(c.Score)))
		},
		func() error { d.Space(30); return d.QR(text, 210) },
		func() error { d.Space(10); return d.Plain(center(10), paper.Regular, p.T.T("cert.pdf.id")) },
		func() error { return d.Plain(center(20), paper.Bold, c.ID) },
		func() error {
			d.Space(30)
			return d.Plain(gray, paper.Regular, p.T.T("cert.pdf.check", "Device", c.DeviceID, "Fingerprint", syncfile.Fingerprint(c.DeviceKey)))
		},
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	_, err = d.WriteTo(w)
	return err
}

// ErrNoRecord is a PDF that carries no certificate record.
var ErrNoRecord = &domain.Error{Code: domain.CodeUnreadable, Err: errors.New("this PDF holds no Ogoh certificate record: verify the text of its QR code instead")}

// FromPDF reads the record's text back from a certificate's PDF, where
// WritePDF kept it as the document's subject (UTF-16, in hex).
func FromPDF(data []byte) (string, error) {
	const key = "/Subject <FEFF"
	i := bytes.Index(data, []byte(key))
	if i < 0 {
		return "", ErrNoRecord
	}
	rest := data[i+len(key):]
	end := bytes.IndexByte(rest, '>')
	if end < 0 || end%4 != 0 {
		return "", ErrNoRecord
	}
	raw, err := hex.DecodeString(string(rest[:end]))
	if err != nil {
		return "", ErrNoRecord
	}
	units := make([]uint16, len(raw)/2)
	for k := range units {
		units[k] = uint16(raw[2*k])<<8 | uint16(raw[2*k+1])
	}
	return string(utf16.Decode(units)), nil
}
