package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/quiz"
)

// answerInput is the part of the quiz screen where the learner answers;
// one kind per question type.
type answerInput interface {
	object() fyne.CanvasObject
	response() quiz.Response
	set(quiz.Response)
	disable()
}

// answerKind is how the quiz screen asks one kind of question and shows
// an answer to it.
type answerKind struct {
	// input builds the input for qu, its choices in order.
	input func(a *App, qu *course.Question, order []string, lang, fallback string, changed func()) answerInput
	// describe puts a response in words.
	describe func(a *App, qu *course.Question, r quiz.Response, lang, fallback string) string
	// feedback is what the question says about the answer the learner gave.
	feedback func(qu *course.Question, r quiz.Response, lang, fallback string) []string
}

// answerKinds has one entry per domain.Kind.
var answerKinds = map[domain.Kind]answerKind{
	domain.KindSingle:    {input: singleInput, describe: describeOptions, feedback: optionFeedback},
	domain.KindMultiple:  {input: multipleInput, describe: describeOptions, feedback: optionFeedback},
	domain.KindTrueFalse: {input: trueFalseInput, describe: describeTrueFalse, feedback: trueFalseFeedback},
	domain.KindOrdering:  {input: orderingInput, describe: describeOrder, feedback: noFeedback},
	domain.KindMatching:  {input: matchingInput, describe: describeMatches, feedback: noFeedback},
}

// answerKindOf is the kind's entry; a question no check let through is
// asked as a single choice among its options.
func answerKindOf(qu *course.Question) answerKind {
	if k, ok := answerKinds[qu.Type]; ok {
		return k
	}
	return answerKind{input: singleInput, describe: describeOptions, feedback: optionFeedback}
}

// newAnswerInput builds the input for qu; changed is called whenever the
// answer changes, so the screen can enable "Check answer".
func (a *App) newAnswerInput(qu *course.Question, order []string, lang, fallback string, changed func()) answerInput {
	return answerKindOf(qu).input(a, qu, order, lang, fallback, changed)
}

func singleInput(a *App, qu *course.Question, order []string, lang, fallback string, changed func()) answerInput {
	return newChoiceInput(a.nav, order, optionTexts(qu, order, lang, fallback), false, changed)
}

func multipleInput(a *App, qu *course.Question, order []string, lang, fallback string, changed func()) answerInput {
	return newChoiceInput(a.nav, order, optionTexts(qu, order, lang, fallback), true, changed)
}

func trueFalseInput(a *App, _ *course.Question, _ []string, _, _ string, changed func()) answerInput {
	return newChoiceInput(a.nav, []string{"true", "false"}, []string{a.T("quiz.true"), a.T("quiz.false")}, false, changed)
}

func orderingInput(a *App, qu *course.Question, order []string, lang, fallback string, _ func()) answerInput {
	return newOrderInput(a.nav, order, optionTexts(qu, order, lang, fallback))
}

func matchingInput(a *App, qu *course.Question, order []string, lang, fallback string, changed func()) answerInput {
	return newMatchInput(a, qu, order, lang, fallback, changed)
}

// hintKey is the message that tells the learner how to answer a kind.
func hintKey(k domain.Kind) string { return "quiz.hint." + string(k) }

func optionTexts(qu *course.Question, ids []string, lang, fallback string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		if o := qu.Option(id); o != nil {
			out[i] = o.Text.In(lang, fallback)
		}
	}
	return out
}

// choiceInput: one of several (single choice, true/false), or several of
// several (multiple response).
type choiceInput struct {
	ids  []string
	rows []*optionRow
	box  *fyne.Container
}

func newChoiceInput(nav *router, ids, texts []string, multi bool, changed func()) *choiceInput {
	in := &choiceInput{ids: ids, box: container.NewVBox()}
	for i, t := range texts {
		i := i
		row := newOptionRow(t, multi, func() {
			if multi {
				in.rows[i].setSelected(!in.rows[i].selected)
			} else {
				for j, r := range in.rows {
					r.setSelected(j == i)
				}
			}
			changed()
		})
		row.keys = nav.typedKey
		in.rows = append(in.rows, row)
		in.box.Add(row)
	}
	return in
}

func (in *choiceInput) object() fyne.CanvasObject { return in.box }

// pick chooses the i-th option, as a tap would.
func (in *choiceInput) pick(i int) {
	if i < len(in.rows) {
		in.rows[i].Tapped(nil)
	}
}
func (in *choiceInput) disable() {
	for _, r := range in.rows {
		r.disable()
	}
}
func (in *choiceInput) response() quiz.Response {
	var resp quiz.Response
	for i, r := range in.rows {
		if r.selected {
			resp = append(resp, in.ids[i])
		}
	}
	return resp
}
func (in *choiceInput) set(resp quiz.Response) {
	for i, id := range in.ids {
		in.rows[i].setSelected(slices.Contains(resp, id))
	}
}

// orderInput: put every option in order with up and down buttons. The
// rows stay as built and only their texts move, so the arrow pressed by
// keyboard keeps the focus; it then moves with the item to its new row.
type orderInput struct {
	nav      *router
	order    []string
	text     map[string]string
	box      *fyne.Container
	labels   []*paragraph
	ups      []*keyButton
	downs    []*keyButton
	disabled bool
}

func newOrderInput(nav *router, ids, texts []string) *orderInput {
	in := &orderInput{nav: nav, order: append([]string(nil), ids...), text: map[string]string{}, box: container.NewVBox()}
	for i, id := range ids {
		in.text[id] = texts[i]
		i := i
		up := nav.button("", theme.MoveUpIcon(), func() { in.move(i, i-1) })
		down := nav.button("", theme.MoveDownIcon(), func() { in.move(i, i+1) })
		up.ofInput, down.ofInput = true, true
		label := wrapped("")
		in.ups, in.downs, in.labels = append(in.ups, up), append(in.downs, down), append(in.labels, label)
		in.box.Add(container.NewBorder(nil, nil, nil, container.NewHBox(up, down), label))
	}
	in.render()
	return in
}

// render writes each row's text and enables the arrows that can move it.
func (in *orderInput) render() {
	for i, id := range in.order {
		in.labels[i].SetText(fmt.Sprintf("%d. %s", i+1, in.text[id]))
		setEnabled(&in.ups[i].Button, i > 0 && !in.disabled)
		setEnabled(&in.downs[i].Button, i < len(in.order)-1 && !in.disabled)
	}
}

// move swaps rows i and j, and puts the focus, if it was on row i's
// arrows, on row j's, so the item moved can be moved on.
func (in *orderInput) move(i, j int) {
	if j < 0 || j >= len(in.order) {
		return
	}
	in.order[i], in.order[j] = in.order[j], in.order[i]
	in.render()
	c := in.nav.win.Canvas()
	focused := c.Focused()
	if focused != in.ups[i] && focused != in.downs[i] {
		return
	}
	same, other := in.ups[j], in.downs[j]
	if focused == in.downs[i] {
		same, other = other, same
	}
	if same.Disabled() {
		same = other
	}
	c.Focus(same)
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

func (in *orderInput) object() fyne.CanvasObject { return in.box }
func (in *orderInput) disable()                  { in.disabled = true; in.render() }
func (in *orderInput) response() quiz.Response   { return append(quiz.Response(nil), in.order...) }
func (in *orderInput) set(r quiz.Response) {
	if len(r) == len(in.order) {
		in.order = append([]string(nil), r...)
		in.render()
	}
}

// matchInput: for each left item, pick its right item. A pick too long
// for its drop-down is also shown whole, wrapped, under it. Once checked,
// each row shows the pick in plain text and whether it was right.
type matchInput struct {
	a        *App
	qu       *course.Question
	rightIDs []string
	rights   []string // the right items' texts, in rightIDs' order
	selects  []*widget.Select
	box      *fyne.Container
	lang     string
	fallback string
}

func newMatchInput(a *App, qu *course.Question, rightOrder []string, lang, fallback string, changed func()) *matchInput {
	in := &matchInput{a: a, qu: qu, rightIDs: rightOrder, box: container.NewVBox(), lang: lang, fallback: fallback}
	in.rights = make([]string, len(rightOrder))
	for i, id := range rightOrder {
		in.rights[i] = pairByID(qu, id).Right.In(lang, fallback)
	}
	room := a.win.Canvas().Size().Width/2 - theme.IconInlineSize() - 8*theme.Padding()
	for _, p := range qu.Pairs {
		whole := wrapped("")
		whole.Hide()
		// The router's drop-down: keys it does not use (F1, Esc, Enter)
		// still reach the screen while it has focus.
		sel := a.nav.newSelect(in.rights, func(text string) {
			long := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width > room
			whole.SetText("› " + text)
			whole.Hidden = !long
			whole.Refresh()
			changed()
		})
		sel.PlaceHolder = a.T("quiz.match.placeholder")
		in.selects = append(in.selects, &sel.Select)
		left := wrapped(p.Left.In(lang, fallback))
		in.box.Add(container.NewVBox(container.NewGridWithColumns(2, left, sel), whole))
	}
	return in
}

func (in *matchInput) object() fyne.CanvasObject { return in.box }

// disable puts the answer given in place of the drop-downs: each row's
// pick in plain text (a disabled drop-down greys it out) and its verdict.
func (in *matchInput) disable() {
	in.box.Objects = []fyne.CanvasObject{in.a.matchVerdicts(in.qu, in.response(), in.lang, in.fallback)}
	in.box.Refresh()
}

func (in *matchInput) response() quiz.Response {
	r := make(quiz.Response, len(in.qu.Pairs))
	for i, p := range in.qu.Pairs {
		right := ""
		if k := in.selects[i].SelectedIndex(); k >= 0 {
			right = in.rightIDs[k]
		}
		r[i] = quiz.Match(p.ID, right)
	}
	return r
}
func (in *matchInput) set(r quiz.Response) {
	for _, item := range r {
		left, right := quiz.SplitMatch(item)
		for i, p := range in.qu.Pairs {
			if p.ID == left {
				if k := indexOf(in.rightIDs, right); in.rightIDs[k] == right {
					in.selects[i].SetSelectedIndex(k)
				}
			}
		}
	}
}

// matchVerdicts is a matching answer row by row: the left item, the
// learner's pick, and whether it was right (in words and a mark, not
// colour alone) or what was right; then how many pairs were right.
func (a *App) matchVerdicts(qu *course.Question, r quiz.Response, lang, fallback string) fyne.CanvasObject {
	picked := map[string]string{}
	for _, item := range r {
		left, right := quiz.SplitMatch(item)
		picked[left] = right
	}
	box := container.NewVBox()
	for _, p := range qu.Pairs {
		pick := a.T("result.unanswered")
		if id := picked[p.ID]; id != "" {
			pick = pairByID(qu, id).Right.In(lang, fallback)
		}
		verdict := wrapped("+ " + a.T("quiz.match.row.right"))
		verdict.Importance = widget.SuccessImportance
		if picked[p.ID] != p.ID {
			verdict = wrapped("× " + a.T("quiz.match.row.wrong", "Right", p.Right.In(lang, fallback)))
			verdict.Importance = widget.DangerImportance
		}
		box.Add(container.NewGridWithColumns(2, strong(p.Left.In(lang, fallback)), container.NewVBox(wrapped(pick), verdict)))
		box.Add(widget.NewSeparator())
	}
	box.Add(strong(a.loc.N("quiz.match.count", len(qu.Pairs), "Right", quiz.RightPairs(qu, r))))
	return box
}

func pairByID(qu *course.Question, id string) course.Pair {
	for _, p := range qu.Pairs {
		if p.ID == id {
			return p
		}
	}
	return course.Pair{}
}

// describe writes a response in words, for feedback and the result screen.
func (a *App) describe(qu *course.Question, r quiz.Response, lang, fallback string) string {
	return answerKindOf(qu).describe(a, qu, r, lang, fallback)
}

func describeOptions(_ *App, qu *course.Question, r quiz.Response, lang, fallback string) string {
	return strings.Join(optionTexts(qu, r, lang, fallback), "\n")
}

func describeTrueFalse(a *App, _ *course.Question, r quiz.Response, _, _ string) string {
	if len(r) == 1 && r[0] == "true" {
		return a.T("quiz.true")
	}
	return a.T("quiz.false")
}

func describeMatches(_ *App, qu *course.Question, r quiz.Response, lang, fallback string) string {
	var parts []string
	for _, item := range r {
		left, right := quiz.SplitMatch(item)
		parts = append(parts, pairByID(qu, left).Left.In(lang, fallback)+" › "+pairByID(qu, right).Right.In(lang, fallback))
	}
	return strings.Join(parts, "\n")
}

func describeOrder(_ *App, qu *course.Question, r quiz.Response, lang, fallback string) string {
	var parts []string
	for i, t := range optionTexts(qu, r, lang, fallback) {
		parts = append(parts, fmt.Sprintf("%d. %s", i+1, t))
	}
	return strings.Join(parts, "\n")
}

// answerFeedback is what qu says about the answer resp: the feedback of
// each option chosen, or of the true or false answer given.
func answerFeedback(qu *course.Question, resp quiz.Response, lang, fallback string) []string {
	return answerKindOf(qu).feedback(qu, resp, lang, fallback)
}

func optionFeedback(qu *course.Question, resp quiz.Response, lang, fallback string) []string {
	var out []string
	for _, id := range resp {
		if o := qu.Option(id); o != nil && len(o.Feedback) > 0 {
			out = append(out, "• "+o.Text.In(lang, fallback)+": "+o.Feedback.In(lang, fallback))
		}
	}
	return out
}

func trueFalseFeedback(qu *course.Question, resp quiz.Response, lang, fallback string) []string {
	if len(resp) != 1 {
		return nil
	}
	fb := qu.FeedbackFalse
	if resp[0] == "true" {
		fb = qu.FeedbackTrue
	}
	if len(fb) == 0 {
		return nil
	}
	return []string{fb.In(lang, fallback)}
}

// noFeedback: an order or a set of matches is right or wrong as a whole;
// the question's explanation says why.
func noFeedback(*course.Question, quiz.Response, string, string) []string { return nil }

// bindChoiceKeys lets number keys pick the options of a choice question.
func (a *App) bindChoiceKeys(in answerInput) {
	ch, ok := in.(*choiceInput)
	if !ok {
		return
	}
	for i := range ch.rows {
		if i < len(numberKeys) {
			i := i
			a.nav.bind(numberKeys[i], func() { ch.pick(i) })
		}
	}
}
