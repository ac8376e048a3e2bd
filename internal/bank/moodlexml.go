package bank

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"html"
	"io"
	"net/url"
	"strings"

	"github.com/ogoh/ogoh/internal/gift"
)

// ReadMoodleXML reads a Moodle XML bank as Moodle's importer reads it
// (question/format/xml/format.php, and the ordering plugin's
// import_from_xml): a <quiz> of <question type="…"> elements, a
// type="category" one setting the category of the questions after it.
//
// Texts are read in their format: html (Moodle's default) and
// moodle_auto_format lose their markup and keep their text, an image
// embedded as <file encoding="base64"> and shown by
// <img src="@@PLUGINFILE@@/name"> becoming a file of media/ and a Markdown
// image; markdown and plain_text are kept as written. Control characters
// and the marks that reorder text are dropped from every text.
//
// The XML is read with Go's encoding/xml, which expands no entity but the
// five of XML and the character references (no DTD, no external entity,
// no "billion laughs"); nesting deeper than maxDepth, or more than
// maxElements elements, is refused before anything is kept.
func ReadMoodleXML(data []byte) (*Bank, error) {
	data, err := utf8Text(data)
	if err != nil {
		return nil, err
	}
	if err := checkShape(data); err != nil {
		return nil, err
	}
	x := xmlReader{bank: &Bank{Format: MoodleXML}, media: newMediaSet()}
	d := newDecoder(data)
	if err := x.readRoot(d); err != nil {
		line, _ := d.InputPos()
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	x.bank.Media = x.media.files
	return x.bank, nil
}

// The shape of a bank: how deep elements nest (Moodle's deepest is five:
// quiz, question, answer, feedback, text) and how many there are (a
// bank of 10,000 questions has some 300,000).
const (
	maxDepth    = 32
	maxElements = 2_000_000
)

// checkShape reads the XML once for its shape, so that a file nested a
// million deep or made of empty elements is refused before any of it is
// kept.
func checkShape(data []byte) error {
	d := newDecoder(data)
	depth, elements := 0, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		line, _ := d.InputPos()
		if err != nil {
			return fmt.Errorf("line %d: %w", line, xmlError(err))
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
			elements++
		case xml.EndElement:
			depth--
		}
		switch {
		case depth > maxDepth:
			return fmt.Errorf("line %d: elements nest more than %d deep: not a Moodle XML bank", line, maxDepth)
		case elements > maxElements:
			return fmt.Errorf("line %d: more than %d elements: not a question bank", line, maxElements)
		}
	}
}

var errNotQuiz = errors.New("not a Moodle XML question bank (its root element must be <quiz>)")

type xmlReader struct {
	bank     *Bank
	media    *mediaSet
	category string
}

// readRoot finds <quiz> and reads the questions in it.
func (x *xmlReader) readRoot(d *xml.Decoder) error {
	for {
		tok, err := d.Token()
		switch {
		case err == io.EOF:
			return errNotQuiz
		case err != nil:
			return xmlError(err)
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Local != "quiz" {
				return errNotQuiz
			}
			return x.readQuiz(d)
		}
	}
}

// readQuiz reads the <quiz> element's children: each <question>, and
// nothing else (Moodle reads nothing else).
func (x *xmlReader) readQuiz(d *xml.Decoder) error {
	for {
		tok, err := d.Token()
		if err != nil {
			return xmlError(err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			line, _ := d.InputPos()
			if t.Name.Local != "question" {
				if err := d.Skip(); err != nil {
					return xmlError(err)
				}
				continue
			}
			var q xmlQuestion
			if err := d.DecodeElement(&q, &t); err != nil {
				return xmlError(err)
			}
			x.question(line, &q)
		}
	}
}

// newDecoder reads data, which is UTF-8: a file that declares another
// encoding is refused rather than read wrong.
func newDecoder(data []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		return nil, errors.New("only UTF-8 is read: save the bank as UTF-8")
	}
	return d
}

// xmlError says what is wrong with XML that does not read, in words for
// an author: an entity XML does not define (a DTD's, which is never
// expanded) is the likeliest.
func xmlError(err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		if strings.Contains(se.Msg, "entity") {
			return fmt.Errorf("%s (entities other than &lt; &gt; &amp; &quot; &apos; and &#…; are not read)", se.Msg)
		}
		return errors.New(se.Msg)
	}
	return err
}

// The elements of a Moodle XML bank that Ogoh reads; the rest (grades,
// penalties, hints, shuffling, combined feedback) has no use here.
type xmlQuestion struct {
	Type            string           `xml:"type,attr"`
	Name            xmlText          `xml:"name"`
	QuestionText    xmlText          `xml:"questiontext"`
	GeneralFeedback xmlText          `xml:"generalfeedback"`
	Single          *string          `xml:"single"`
	Answers         []xmlAnswer      `xml:"answer"`
	Subquestions    []xmlSubquestion `xml:"subquestion"`
	Category        xmlText          `xml:"category"`
	IDNumber        string           `xml:"idnumber"`
	Tags            []string         `xml:"tags>tag>text"`
	// Moodle 1.9's one image of a question, which Moodle still reads.
	Image       string `xml:"image"`
	ImageBase64 string `xml:"image_base64"`
}

// xmlText is a text with the files embedded in it: <questiontext
// format="html"><text>…</text><file …/></questiontext>.
type xmlText struct {
	Format string    `xml:"format,attr"`
	Text   string    `xml:"text"`
	Files  []xmlFile `xml:"file"`
}

type xmlFile struct {
	Name     string `xml:"name,attr"`
	Path     string `xml:"path,attr"`
	Encoding string `xml:"encoding,attr"`
	Data     string `xml:",chardata"`
}

type xmlAnswer struct {
	Fraction string `xml:"fraction,attr"`
	xmlText
	Feedback xmlText `xml:"feedback"`
}

type xmlSubquestion struct {
	xmlText
	Answer struct {
		Text string `xml:"text"`
	} `xml:"answer"`
}

// question reads one <question> into the bank: a category, or a question
// of some type.
func (x *xmlReader) question(line int, q *xmlQuestion) {
	if q.Type == "category" {
		name := phpTrim(clean(q.Category.Text))
		x.bank.Categories = append(x.bank.Categories, gift.Category{Name: name, Line: line})
		x.category = name
		return
	}
	gq := gift.Question{
		Line:     line,
		Type:     shortRef(q.Type),
		Category: x.category,
		Title:    strings.Join(strings.Fields(clean(q.Name.Text)), " "),
		ID:       phpTrim(clean(q.IDNumber)),
	}
	for _, t := range q.Tags {
		if t = phpTrim(clean(t)); t != "" {
			gq.Tags = append(gq.Tags, t)
		}
	}
	format := q.QuestionText.Format
	if format == "" {
		format = "html"
	}
	x.oldImage(q, format, line)
	gq.Text = x.text(q.QuestionText, format, line)
	gq.GeneralFeedback = x.text(q.GeneralFeedback, format, line)
	switch read, ok := xmlTypes[q.Type]; {
	case ok:
		read(x, q, &gq, format)
	case q.Type == "":
		gq.Type = gift.Invalid
		gq.Problem = "the <question> has no type attribute"
	default:
		gq.Problem = unsupportedType(q.Type)
	}
	x.bank.Questions = append(x.bank.Questions, gq)
}

// oldImage reads Moodle 1.9's <image> and <image_base64> as Moodle does:
// an image embedded in the question text and shown after it.
func (x *xmlReader) oldImage(q *xmlQuestion, format string, line int) {
	name := strings.ReplaceAll(phpTrim(q.Image), "/", "_")
	if name == "" || phpTrim(q.ImageBase64) == "" {
		return
	}
	q.QuestionText.Files = append(q.QuestionText.Files, xmlFile{Name: name, Path: "/", Encoding: "base64", Data: q.ImageBase64})
	ref := pluginFile + url.PathEscape(name)
	switch format {
	case "markdown":
		q.QuestionText.Text += "\n\n![](" + ref + ")"
	case "plain_text", "wiki_like":
		x.note(line, fmt.Sprintf("image %q of a plain-text question: left out", shortRef(name)))
	default:
		q.QuestionText.Text += ` <img src="` + html.EscapeString(ref) + `" />`
	}
}

// xmlTypes read the answers of each type Moodle's importer knows and Ogoh
// asks, or names the GIFT type whose reason for refusing it applies.
var xmlTypes = map[string]func(x *xmlReader, q *xmlQuestion, gq *gift.Question, format string){
	"multichoice": (*xmlReader).multiChoice,
	"truefalse":   (*xmlReader).trueFalse,
	"matching":    (*xmlReader).matching,
	"match":       (*xmlReader).matching,
	"ordering":    (*xmlReader).ordering,
	"shortanswer": typeOnly(gift.ShortAnswer),
	"numerical":   typeOnly(gift.Numerical),
	"essay":       typeOnly(gift.Essay),
	"description": typeOnly(gift.Description),
}

func typeOnly(t string) func(*xmlReader, *xmlQuestion, *gift.Question, string) {
	return func(_ *xmlReader, _ *xmlQuestion, gq *gift.Question, _ string) { gq.Type = t }
}

// unsupportedTypes say why the other types Moodle exports are refused.
var unsupportedTypes = map[string]string{
	"cloze":            "not supported: a Cloze question embeds typed answers in its text (Ogoh has no typed answers)",
	"multianswer":      "not supported: a Cloze question embeds typed answers in its text (Ogoh has no typed answers)",
	"calculated":       "not supported: a calculated question needs formulas and data sets",
	"calculatedsimple": "not supported: a calculated question needs formulas and data sets",
	"calculatedmulti":  "not supported: a calculated question needs formulas and data sets",
	"random":           "not supported: a random question is a placeholder that draws from a category",
	"randomsamatch":    "not supported: a random short-answer matching question draws its pairs from a category",
	"ddwtos":           "not supported: drag-and-drop questions",
	"ddimageortext":    "not supported: drag-and-drop questions",
	"ddmarker":         "not supported: drag-and-drop questions",
	"gapselect":        "not supported: select-missing-words questions",
}

func unsupportedType(t string) string {
	if reason, ok := unsupportedTypes[t]; ok {
		return reason
	}
	return fmt.Sprintf("not supported: Moodle question type %q", shortRef(t))
}
