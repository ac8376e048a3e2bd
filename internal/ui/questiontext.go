package ui

import (
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
)

// imageLine is a line that is only a Markdown image, as the Moodle XML
// importer (internal/bank) writes an embedded picture into a question.
var imageLine = regexp.MustCompile(`^\s*!\[[^\]\n]*\]\([^)\n]*\)\s*$`)

// questionText is a question's text as a screen shows it: plain, the way
// the screen drew it before (the plain object it is given), unless the
// text holds an image. Then it goes through the lesson's Markdown path
// (renderLesson), which draws the course's own media/ image and never
// shows the raw "![...]"; an image line is made a paragraph of its own,
// so one that follows the question's words directly is drawn too.
func questionText(c *course.Course, text string, plain fyne.CanvasObject) fyne.CanvasObject {
	if !strings.Contains(text, "![") || len(course.LessonImages([]byte(text))) == 0 {
		return plain
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if imageLine.MatchString(l) {
			lines[i] = "\n" + strings.TrimSpace(l) + "\n"
		}
	}
	return renderLesson(c, strings.Join(lines, "\n"))
}

// boldQuestion is a question's plain text as the quiz and its result show it.
func boldQuestion(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}
