package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/course"
)

// showCatalogue lists the courses with the learner's progress in each.
func (a *App) showCatalogue() {
	a.show(func() (string, fyne.CanvasObject) {
		list := container.NewVBox()
		for _, c := range a.courses {
			list.Add(a.courseCard(c))
		}
		if len(a.courses) == 0 {
			empty := widget.NewLabel(a.T("catalogue.empty"))
			empty.Wrapping = fyne.TextWrapWord
			list.Add(empty)
		}
		who := widget.NewLabel(a.T("catalogue.greeting", "Name", a.learner.Name))
		switchUser := widget.NewButtonWithIcon(a.T("catalogue.switch"), theme.AccountIcon(), a.showProfiles)
		top := container.NewBorder(nil, nil, nil, switchUser, who)
		title := a.T("catalogue.title")
		body := container.NewBorder(top, nil, nil, nil, container.NewVScroll(list))
		return title, a.screen(title, nil, container.NewPadded(body))
	})
}

func (a *App) courseCard(c *course.Course) fyne.CanvasObject {
	lang := a.courseLang(c)
	p, err := a.svc.CourseProgress(a.ctx, a.learner.ID, c)
	if err != nil {
		a.fail("error.load", err)
	}
	desc := widget.NewLabel(c.Description.In(lang, c.DefaultLanguage))
	desc.Wrapping = fyne.TextWrapWord
	meta := widget.NewLabel(a.T("course.meta", "Minutes", c.EstimatedMinutes, "Audience", c.Audience.In(lang, c.DefaultLanguage)))
	meta.Wrapping = fyne.TextWrapWord
	meta.TextStyle.Italic = true
	bar := widget.NewProgressBar()
	bar.SetValue(float64(p.Percent()) / 100)
	bar.TextFormatter = func() string { return a.T("catalogue.progress", "Done", p.Done, "Total", p.Total) }
	open := widget.NewButtonWithIcon(a.T("catalogue.open"), theme.NavigateNextIcon(), func() { a.showCourse(c) })
	open.Importance = widget.HighImportance
	card := widget.NewCard(c.Title.In(lang, c.DefaultLanguage), "",
		container.NewVBox(desc, meta, container.NewBorder(nil, nil, nil, open, bar)))
	return card
}
