package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/progress"
)

// What the course page, the catalogue, the result and the profile picker
// say of where a learner stands: a quiz left half-way, a course passed,
// and what comes after it.

// unfinishedQuiz is the first quiz of c with an attempt waiting to be
// resumed; nil: none.
func unfinishedQuiz(c *course.Course, p progress.CourseProgress) *course.Quiz {
	for i := range c.Quizzes {
		if p.Quizzes[c.Quizzes[i].ID].Open {
			return &c.Quizzes[i]
		}
	}
	return nil
}

// coursePassed: every quiz of c is passed.
func coursePassed(c *course.Course, p progress.CourseProgress) bool {
	for i := range c.Quizzes {
		if !p.Quizzes[c.Quizzes[i].ID].Passed {
			return false
		}
	}
	return len(c.Quizzes) > 0
}

// unfinishedMark is the catalogue card's line for a quiz left half-way;
// nil: none.
func (a *App) unfinishedMark(c *course.Course, p progress.CourseProgress) fyne.CanvasObject {
	q := unfinishedQuiz(c, p)
	if q == nil {
		return nil
	}
	l := strong(a.T("catalogue.unfinished", "Quiz", q.Title.In(a.courseLang(c), c.DefaultLanguage)))
	l.Importance = widget.WarningImportance
	return l
}

// nextCourse is the first course after c, in the catalogue's order and
// round to the start, that the learner has not passed; nil: every one is.
func (a *App) nextCourse(c *course.Course) *course.Course {
	at := 0
	for i, x := range a.courses {
		if x == c {
			at = i
		}
	}
	for k := 1; k < len(a.courses); k++ {
		x := a.courses[(at+k)%len(a.courses)]
		if !coursePassed(x, a.progressIn(x)) {
			return x
		}
	}
	return nil
}

// passedNote says that c is passed and what comes next: a button to the
// next course not passed, or that every course is.
func (a *App) passedNote(c *course.Course) fyne.CanvasObject {
	head := strong(a.T("course.passed"))
	head.Importance = widget.SuccessImportance
	next := a.nextCourse(c)
	if next == nil {
		return container.NewVBox(head, wrapped(a.T("result.all.passed")))
	}
	title := next.Title.In(a.courseLang(next), next.DefaultLanguage)
	// The course's name wraps beside a short button: on the button it
	// could be wider than the window.
	b := a.nav.button(a.T("catalogue.open"), theme.NavigateNextIcon(), a.nav.to(newCourseScreen(a, next)))
	b.Importance = widget.HighImportance
	return container.NewVBox(head, container.NewBorder(nil, nil, nil, container.NewVBox(b),
		wrapped(a.T("result.next.course", "Course", title))))
}

// heading is a card's title as text that wraps (a Card's own title does
// not, and can widen the window at the largest text).
func heading(text string) *paragraph {
	p := strong(text)
	p.size = theme.SizeNameSubHeadingText
	return p
}
