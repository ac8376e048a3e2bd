package bank

import (
	"bytes"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// Detect tells the format of a bank file from its name and its content.
// The extension says what the file should be, the content confirms it:
//   - .gift is GIFT;
//   - .xml must be XML (Moodle XML: the reader checks its <quiz> root);
//   - .txt is Aiken, unless it holds GIFT's answer braces and no Aiken
//     "ANSWER:" line (Moodle's GIFT exports are often saved as .txt);
//   - any other name goes by the content alone.
//
// A .txt file with both is refused: only the author can say which it is
// (with --format).
func Detect(name string, data []byte) (Format, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	switch strings.ToLower(filepath.Ext(name)) {
	case ".gift":
		return GIFT, nil
	case ".xml":
		if !looksLikeXML(data) {
			return "", fmt.Errorf("%s is named .xml but is not XML: a Moodle XML bank starts with <?xml or <quiz>", filepath.Base(name))
		}
		return MoodleXML, nil
	case ".txt":
		return textFormat(name, data)
	}
	if looksLikeXML(data) {
		return MoodleXML, nil
	}
	return textFormat(name, data)
}

func looksLikeXML(data []byte) bool {
	return bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("<"))
}

var (
	aikenAnswerRe = regexp.MustCompile(`(?m)^[ \t]*ANSWER:`)
	giftBlockRe   = regexp.MustCompile(`\{[^{}]*\}`)
)

// textFormat tells Aiken from GIFT: Aiken marks answers with "ANSWER:"
// lines, GIFT with braces.
func textFormat(name string, data []byte) (Format, error) {
	aiken, gift := aikenAnswerRe.Match(data), giftBlockRe.Match(data)
	switch {
	case aiken && gift:
		return "", fmt.Errorf("%s has both Aiken ANSWER: lines and GIFT answer braces { }: say which it is with --format aiken or --format gift", filepath.Base(name))
	case gift:
		return GIFT, nil
	}
	return Aiken, nil
}

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if s == string(f) {
			return f, nil
		}
	}
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = string(f)
	}
	return "", fmt.Errorf("unknown bank format %q (known: %s)", s, strings.Join(names, ", "))
}
