package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/progress"
)

// scenarioPlay is one play-through on screen: the play as recorded (its
// seed orders the choices), the step shown, and the choice whose feedback
// is showing.
type scenarioScreen struct {
	a      *App
	c      *course.Course
	sc     *course.Scenario
	play   *progress.ScenarioPlay
	step   *course.Step
	chosen *course.Choice
	next   *course.Step // where the chosen choice leads
}

// playScenario resumes the learner's unfinished play of a scenario at the
// step reached, or starts one from its introduction.
func playScenario(a *App, c *course.Course, sc *course.Scenario) {
	play, err := a.svc.StartOrResumeScenario(a.ctx, a.learner.ID, c, sc.ID)
	if err != nil {
		a.fail("error.load", err)
		return
	}
	a.nav.open(&scenarioScreen{a: a, c: c, sc: sc, play: play, step: play.Step()})
}

// draw shows the current step: its situation and choices, in the play's
// order, then the chosen option's feedback; at an ending, the outcome. The
// choice is recorded when it is made, so the feedback shown is on disk and
// a restart resumes at the next step.
func (p *scenarioScreen) draw() (string, fyne.CanvasObject) {
	a := p.a
	lang := a.courseLang(p.c)
	t := func(x course.Text) string { return x.In(lang, p.c.DefaultLanguage) }
	body := container.NewVBox()
	if p.step.ID == p.sc.Start {
		body.Add(note(t(p.sc.Intro)))
	}
	body.Add(wrapped(t(p.step.Text))) // a passage runs to paragraphs: plain text, not all bold
	var buttons fyne.CanvasObject
	switch {
	case p.step.End:
		body.Add(p.outcomeLabel(p.step.Outcome))
		again := a.nav.button(a.T("scenario.again"), theme.ViewRefreshIcon(), func() { playScenario(a, p.c, p.sc) })
		done := a.nav.button(a.T("result.back"), theme.NavigateBackIcon(), a.nav.to(newCourseScreen(a, p.c)))
		done.Importance = widget.HighImportance
		a.nav.bindEnter(done)
		buttons = container.NewHBox(again, done)
	case p.chosen != nil:
		body.Add(note("› " + t(p.chosen.Text)))
		body.Add(p.qualityLabel(p.chosen.Quality))
		body.Add(wrapped(t(p.chosen.Feedback)))
		next := a.nav.button(a.T("scenario.continue"), theme.NavigateNextIcon(), func() {
			p.step, p.chosen, p.next = p.next, nil, nil
			a.redraw()
		})
		next.Importance = widget.HighImportance
		a.nav.bindEnter(next)
		buttons = next
	default:
		choose := a.nav.button(a.T("scenario.choose"), theme.ConfirmIcon(), nil)
		choose.Importance = widget.HighImportance
		choose.Disable()
		choices := p.play.Choices(p.step)
		var rows []*optionRow
		for i, ch := range choices {
			i := i
			row := newOptionRow(t(ch.Text), false, func() {
				for j, r := range rows {
					r.setSelected(j == i)
				}
				choose.Enable()
			})
			row.keys = a.nav.typedKey
			rows = append(rows, row)
			body.Add(row)
			if i < len(numberKeys) {
				a.nav.bind(numberKeys[i], func() { row.Tapped(nil) })
			}
		}
		a.nav.bindEnter(choose)
		choose.OnTapped = func() {
			for i, r := range rows {
				if !r.selected {
					continue
				}
				ch, next, err := a.svc.Choose(a.ctx, p.play, choices[i].ID)
				if err != nil {
					a.fail("error.save", err)
					return
				}
				p.chosen, p.next = ch, next
			}
			a.redraw()
		}
		buttons = choose
	}
	title := t(p.sc.Title)
	content := container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, buttons)),
		nil, nil, container.NewVScroll(container.NewPadded(body)))
	return title, a.screen(title, a.nav.to(newCourseScreen(a, p.c)), content)
}

func (p *scenarioScreen) qualityLabel(q string) *paragraph {
	return p.verdict("scenario.quality."+q, q == "best", q == "poor")
}

func (p *scenarioScreen) outcomeLabel(o string) *paragraph {
	return p.verdict("scenario.outcome."+o, o == "good", o == "poor")
}

// verdict is a bold message coloured as good, bad, or in between.
func (p *scenarioScreen) verdict(id string, good, bad bool) *paragraph {
	l := strong(p.a.T(id))
	switch {
	case good:
		l.Importance = widget.SuccessImportance
	case bad:
		l.Importance = widget.DangerImportance
	default:
		l.Importance = widget.WarningImportance
	}
	return l
}

// scenarioRow is a scenario on the course page, with its best ending.
func (s *courseScreen) scenarioRow(sc *course.Scenario, runs int, best string) fyne.CanvasObject {
	a, c := s.a, s.c
	info := a.T("scenario.never")
	if runs > 0 {
		info = a.loc.N("scenario.summary", runs, "Runs", runs, "Best", a.T("scenario.outcome."+best))
	}
	play := a.nav.button(a.T("scenario.play"), theme.MediaPlayIcon(), func() { playScenario(a, c, sc) })
	return container.NewBorder(nil, nil, nil, container.NewVBox(play),
		container.NewVBox(wrapped(sc.Title.In(a.courseLang(c), c.DefaultLanguage)), note(info)))
}
