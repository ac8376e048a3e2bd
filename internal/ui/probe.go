package ui

import (
	"errors"
	"io"

	"fyne.io/fyne/v2"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
	"github.com/ogoh/ogoh/internal/ui/startprobe"
)

// Probe modes, from OGOH_PROBE (scripts/bench-startup.sh).
const (
	ProbeFirst     = "first"     // report when the first screen (profile picker or welcome) is drawn, then quit
	ProbeCatalogue = "catalogue" // report when the catalogue is drawn, then quit
	ProbeCourse    = "course"    // then read the first course and pass its quiz
)

// probe drives the app for the start-up and memory benchmark. With
// ProbeFirst it shows the usual first screen and reports when it is drawn.
// Otherwise it opens the first learner without a PIN on the catalogue
// before the window's first frame and reports when that is drawn. With
// ProbeCourse it then opens every lesson of the first course and answers
// its quiz, screen by screen as a learner would, reporting when the result
// is drawn. Then it quits.
func (a *App) probe(mode string, out io.Writer, learners *[]domain.Learner) error {
	if mode == ProbeFirst {
		a.probeFirst(out, learners)
		return nil
	}
	l, err := a.probeLearner()
	if err != nil {
		return err
	}
	a.enter(l)
	painted := a.markScreen()
	go func() {
		startprobe.Report(out, ProbeCatalogue, painted)
		if mode == ProbeCourse && len(a.courses) > 0 {
			a.probeCourse(a.courses[0])
			startprobe.Report(out, ProbeCourse, a.onUI(func() {}))
		}
		fyne.Do(a.fy.Quit)
	}()
	return nil
}

// probeFirst shows the screen New shows without a probe and reports when
// it is drawn: the start-up a learner waits for.
func (a *App) probeFirst(out io.Writer, learners *[]domain.Learner) {
	a.openFirstScreen(learners)
	painted := a.markScreen()
	go func() {
		startprobe.Report(out, ProbeFirst, painted)
		fyne.Do(a.fy.Quit)
	}()
}

func (a *App) probeLearner() (domain.Learner, error) {
	learners, err := a.svc.Learners(a.ctx)
	if err != nil {
		return domain.Learner{}, err
	}
	for _, l := range learners {
		if l.PINHash == "" {
			return l, nil
		}
	}
	return domain.Learner{}, errors.New("probe: the device needs a learner without a PIN (ogohctl demo seed makes some)")
}

// probeCourse walks a course as its learner would; each step waits until
// its screen has been drawn.
func (a *App) probeCourse(c *course.Course) {
	for i := range c.Lessons {
		startprobe.Wait(a.onUI(func() { a.nav.open(newLessonScreen(a, c, i)) }))
	}
	if len(c.Quizzes) == 0 {
		return
	}
	var att *progress.Attempt
	startprobe.Wait(a.onUI(func() {
		var err error
		if att, err = a.svc.StartOrResume(a.ctx, a.learner.ID, c, c.Quizzes[0].ID, a.courseLang(c)); err == nil {
			openQuestion(a, c, att)
		}
	}))
	if att == nil {
		return
	}
	for {
		qu, _ := att.Next()
		if qu == nil {
			break
		}
		// What "Check answer" does: commit, then redraw with the feedback.
		startprobe.Wait(a.onUI(func() {
			if _, err := a.svc.Answer(a.ctx, att, qu, quiz.Key(qu)); err == nil {
				a.redraw()
			}
		}))
		startprobe.Wait(a.onUI(func() { openQuestion(a, c, att) })) // "Next", or the result after the last
	}
}

// onUI runs change on the UI thread and marks the screen it leaves.
func (a *App) onUI(change func()) <-chan struct{} {
	var painted <-chan struct{}
	fyne.DoAndWait(func() {
		change()
		painted = a.markScreen()
	})
	return painted
}

// markScreen lays the probe's mark over the window as an overlay: set as
// part of the content, it would make the window lay the screen out again.
func (a *App) markScreen() <-chan struct{} {
	overlays := a.win.Canvas().Overlays()
	if a.probeMark != nil {
		overlays.Remove(a.probeMark)
	}
	mark, painted := startprobe.Mark(nil)
	a.probeMark = mark
	overlays.Add(mark)
	return painted
}
