package bank

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/ogoh/ogoh/internal/gift"
)

// text reads a Moodle text in its format (def when it names none, as
// Moodle takes the question text's format for its feedback and answers).
// An unknown format is read as html, as Moodle reads it.
func (x *xmlReader) text(t xmlText, def string, line int) gift.Text {
	format := strings.TrimSpace(t.Format)
	if format == "" {
		format = def
	}
	img := func(src, alt string) string { return x.imageRef(t.Files, src, alt, line) }
	switch format {
	case "plain_text", "wiki_like":
		return gift.Text{Text: phpTrim(clean(t.Text)), Format: gift.FormatPlain}
	case "markdown":
		return gift.Text{Text: phpTrim(clean(markdownImages(t.Text, img))), Format: gift.FormatMarkdown}
	case "moodle_auto_format":
		return gift.Text{Text: clean(htmlText(t.Text, true, img)), Format: gift.FormatMoodle}
	}
	return gift.Text{Text: clean(htmlText(t.Text, false, img)), Format: gift.FormatHTML}
}

// imageRef is what stands in a text for an image: a Markdown image of
// media/ when the bank embeds it, else its alt text in brackets (as a
// lesson shows an image it cannot draw), with a note.
func (x *xmlReader) imageRef(files []xmlFile, src, alt string, line int) string {
	alt = strings.NewReplacer("[", "", "]", "", "\n", " ").Replace(strings.TrimSpace(alt))
	if strings.HasPrefix(strings.TrimSpace(src), pluginFile) {
		name, problem := x.media.image(files, src, line)
		if problem == "" {
			return "![" + alt + "](" + name + ")"
		}
		x.note(line, problem+": left out")
	} else {
		x.note(line, fmt.Sprintf("image %q is not in the bank (Ogoh shows no image from elsewhere): left out", shortRef(src)))
	}
	if alt == "" {
		return ""
	}
	return "[" + alt + "]"
}

func (x *xmlReader) note(line int, msg string) {
	x.bank.Notes = append(x.bank.Notes, Note{Line: line, Msg: msg})
}

var markdownImageRe = regexp.MustCompile(`!\[([^\]\n]*)\]\(\s*(@@PLUGINFILE@@/[^)\s]+)[^)\n]*\)`)

// markdownImages resolves the embedded images of a markdown text.
func markdownImages(s string, img func(src, alt string) string) string {
	return markdownImageRe.ReplaceAllStringFunc(s, func(m string) string {
		sub := markdownImageRe.FindStringSubmatch(m)
		return img(sub[2], sub[1])
	})
}

// multiChoice reads a multichoice question: one answer (<single>true,
// Moodle's default) or several. Blank answers are dropped, as Moodle drops
// them. A one-answer question marks right the answers worth 100%; a
// several-answer one keeps every weight, and the converter makes the
// answers of positive weight the right set.
func (x *xmlReader) multiChoice(q *xmlQuestion, gq *gift.Question, format string) {
	gq.Type = gift.MultiChoice
	single := q.Single == nil || transSingle(*q.Single)
	for i, a := range q.Answers {
		frac, err := fraction(a.Fraction)
		if err != nil {
			gq.Problem = fmt.Sprintf("answer %d: %v", i+1, err)
			return
		}
		text := x.text(a.xmlText, format, gq.Line)
		if text.Text == "" {
			continue
		}
		weight := frac * 100
		ans := gift.Answer{Text: text, Feedback: x.text(a.Feedback, format, gq.Line), Weight: &weight}
		ans.Correct = single && frac > 0.9999999
		gq.Answers = append(gq.Answers, ans)
	}
	gq.Problem = multiChoiceProblem(gq.Answers, single)
}

// multiChoiceProblem is Moodle's refusal of a multichoice question: fewer
// than 2 answers, one-answer without an answer worth 100%, several-answer
// whose right answers do not add up to 100% (Ogoh asks all of them, so
// their weights only have to be positive, but a file Moodle refuses is not
// one to guess about).
func multiChoiceProblem(answers []gift.Answer, single bool) string {
	if len(answers) < 2 {
		return "a multiple-choice question needs at least 2 answers"
	}
	total := 0.0
	for _, a := range answers {
		if a.Correct {
			return ""
		}
		if f := a.Fraction(gift.MultiChoice); f > 0 {
			total += f
		}
	}
	switch {
	case single:
		return `a one-answer question needs an answer worth 100% (fraction="100")`
	case math.Abs(total-1) > 0.005:
		return fmt.Sprintf("the right answers' fractions add up to %.4g%%, not 100%%", total*100)
	}
	return ""
}

// transSingle reads <single> as Moodle does: "false", "0" and "" are
// false, anything else true.
func transSingle(s string) bool {
	s = strings.TrimSpace(s)
	return s != "false" && s != "0" && s != ""
}

// fraction reads an answer's fraction="…" (a percentage) as a share of
// the mark; none is 0.
func fraction(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	switch {
	case err != nil || math.IsNaN(f) || math.IsInf(f, 0):
		return 0, fmt.Errorf("fraction %q is not a number", shortRef(s))
	case f < -100 || f > 100:
		return 0, fmt.Errorf("fraction %q is outside -100 to 100", s)
	}
	return f / 100, nil
}

// trueFalse reads a truefalse question as Moodle does: the answer whose
// text is "true" (worth 100% if true is right) and the one whose text is
// "false"; in a file of old, whose answers are localised, the first is
// true and the second false. Each answer's feedback is for a learner who
// gives it.
func (x *xmlReader) trueFalse(q *xmlQuestion, gq *gift.Question, format string) {
	gq.Type = gift.TrueFalse
	var isTrue *bool
	none := x.text(xmlText{}, format, gq.Line)
	feedback := map[string]gift.Text{"true": none, "false": none}
	for i, a := range q.Answers {
		frac, err := fraction(a.Fraction)
		if err != nil {
			gq.Problem = fmt.Sprintf("answer %d: %v", i+1, err)
			return
		}
		which := phpTrim(a.Text)
		if which != "true" && which != "false" {
			which = map[bool]string{true: "true", false: "false"}[i == 0]
		}
		right := frac > 0.9999999
		v := right == (which == "true")
		isTrue = &v
		feedback[which] = x.text(a.Feedback, format, gq.Line)
	}
	if isTrue == nil {
		gq.Problem = "a true/false question needs its answers true and false"
		return
	}
	gq.IsTrue = *isTrue
	right, wrong := feedback["false"], feedback["true"]
	if gq.IsTrue {
		right, wrong = wrong, right
	}
	gq.RightFeedback, gq.WrongFeedback = right, wrong
}

// matching reads the subquestions of a matching question: a subquestion
// with no text is a distractor (an answer that matches none); one with
// neither text nor answer is a blank Moodle drops.
func (x *xmlReader) matching(q *xmlQuestion, gq *gift.Question, format string) {
	gq.Type = gift.Matching
	for i, sq := range q.Subquestions {
		left := x.text(sq.xmlText, format, gq.Line)
		right := phpTrim(clean(sq.Answer.Text))
		switch {
		case left.Text == "" && right == "":
			continue
		case right == "" && gq.Problem == "":
			gq.Problem = fmt.Sprintf("subquestion %d has no answer", i+1)
		}
		gq.Pairs = append(gq.Pairs, gift.Pair{Left: left, Right: right})
	}
}

// ordering reads an ordering question (the qtype_ordering plugin): its
// answers, in the right order, blank ones dropped as the plugin drops
// them. Which subset a learner sees and how it is graded are the plugin's
// settings; Ogoh asks every item.
func (x *xmlReader) ordering(q *xmlQuestion, gq *gift.Question, format string) {
	gq.Type = gift.Ordering
	for _, a := range q.Answers {
		if text := x.text(a.xmlText, format, gq.Line); text.Text != "" {
			gq.Answers = append(gq.Answers, gift.Answer{Text: text})
		}
	}
	if len(gq.Answers) < 2 {
		gq.Problem = "an ordering question needs at least 2 items"
	}
}
