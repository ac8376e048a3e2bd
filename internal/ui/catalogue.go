package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
)

// catalogueScreen is the learner's home: the courses with their progress
// in each, and the questions due for review.
type catalogueScreen struct{ a *App }

func newCatalogueScreen(a *App) *catalogueScreen { return &catalogueScreen{a: a} }

func (s *catalogueScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	a.awaitCourses()
	list := container.NewVBox()
	for _, c := range a.courses {
		list.Add(s.courseCard(c))
	}
	if len(a.courses) == 0 {
		empty := wrapped(a.T("catalogue.empty"))
		list.Add(empty)
	}
	who := widget.NewLabel(a.T("catalogue.greeting", "Name", a.learner.Name))
	switchUser := a.nav.button(a.T("nav.switch"), theme.AccountIcon(), a.switchLearner)
	guide := a.nav.button(a.T("guide.title"), theme.InfoIcon(), s.onGuide)
	search := a.nav.button(a.T("lessons.search"), theme.SearchIcon(), func() { a.nav.open(newLessonSearchScreen(a)) })
	// The buttons on a line of their own: beside the greeting, three were too
	// wide for 1024 px at the largest text in Russian.
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(search, guide, switchUser)), who, s.reviewCard())
	title := a.T("catalogue.title")
	body := container.NewBorder(top, nil, nil, nil, culledScroll(list))
	return title, a.screen(title, nil, container.NewPadded(body))
}

// onGuide opens the quick-reference, to come back here.
func (s *catalogueScreen) onGuide() { s.a.nav.open(newGuideScreen(s.a, s.a.nav.to(s))) }

// reviewCard is the home screen's line about review: how many questions
// are due today, or that none are and why.
func (s *catalogueScreen) reviewCard() fyne.CanvasObject {
	a := s.a
	n, err := a.svc.DueReviewCount(a.ctx, a.learner.ID, a.courses)
	if err != nil {
		a.fail("error.load", err)
	}
	if n == 0 {
		return note(a.T("review.none"))
	}
	start := a.nav.button(a.T("review.start"), theme.HistoryIcon(), s.startReview)
	start.Importance = widget.HighImportance
	return panel(container.NewBorder(nil, nil, nil, start, strong(a.loc.N("review.due", n))))
}

// startReview reads the questions due, which the count above did not
// decode, and opens the review; should none be left (a quiz file that
// could not be read), the home screen is drawn again to say so.
func (s *catalogueScreen) startReview() {
	a := s.a
	due, err := a.svc.DueReviews(a.ctx, a.learner.ID, a.courses)
	if err != nil {
		a.fail("error.load", err)
		return
	}
	if len(due) == 0 {
		a.redraw()
		return
	}
	a.nav.open(newReviewScreen(a, due))
}

func (s *catalogueScreen) courseCard(c *course.Course) fyne.CanvasObject {
	a := s.a
	lang := a.courseLang(c)
	p := a.progressIn(c)
	// The count in words beside a thin bar: "0 of 5 done" written inside a
	// full-height bar looked like a button.
	bar := widget.NewProgressBar()
	bar.SetValue(float64(p.Percent()) / 100)
	bar.TextFormatter = func() string { return "" }
	done := container.NewVBox(note(a.T("catalogue.progress", "Done", p.Done, "Total", p.Total)), container.New(thinLayout{}, bar))
	open := a.nav.button(a.T("catalogue.open"), theme.NavigateNextIcon(), a.nav.to(newCourseScreen(a, c)))
	open.Importance = widget.HighImportance
	// The card's own title does not wrap; a long Uzbek title would widen the window.
	title := newParagraph(c.Title.In(lang, c.DefaultLanguage), fyne.TextStyle{Bold: true})
	title.size = theme.SizeNameSubHeadingText
	card := container.NewVBox(title, a.courseIntro(c), container.NewBorder(nil, nil, nil, open, done))
	if mark := a.unfinishedMark(c, p); mark != nil {
		card.Add(mark)
	}
	return panel(card)
}

// thinLayout lays a progress bar out as a thin line across its width.
type thinLayout struct{}

func (thinLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Resize(fyne.NewSize(size.Width, size.Height))
		o.Move(fyne.NewPos(0, 0))
	}
}

func (thinLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(0, 2*theme.Padding()) }

// panel sets content apart on a plain rounded background. Fyne's Card
// draws a shadow of eight gradients and refreshes all of its content when
// made; six course cards cost 20 ms of start-up.
func panel(content fyne.CanvasObject) fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	return container.NewPadded(container.NewStack(bg, container.NewPadded(content)))
}
