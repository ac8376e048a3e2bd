package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/domain"
)

// profileList lists the learners on the profile picker, a button each.
// It makes buttons only for the rows in view, which it reuses as the list
// scrolls: the picker is a returning learner's first screen, and a post's
// device may hold hundreds of profiles (2,500 at the benchmark's x100),
// where a button each took the first frame from 0.2 s to seconds.
func (a *App) profileList(learners []domain.Learner, pick func(domain.Learner)) fyne.CanvasObject {
	// One look-up for every row: the first screen reads no course file,
	// and asking each course about each row in view took the picker's
	// first frame 15 ms longer.
	unfinished, err := a.svc.LearnersWithUnfinishedQuiz(a.ctx)
	if err != nil {
		a.logError(err)
	}
	list := a.nav.list(
		func() int { return len(learners) },
		func() fyne.CanvasObject {
			b := a.nav.button("", nil, nil)
			b.Alignment = widget.ButtonAlignLeading
			// Only a PIN profile has an icon, its lock, after the name, so
			// that names line up: a person's icon on every row was an SVG
			// to read and an image to draw each, 7 ms of the first frame.
			b.IconPlacement = widget.ButtonIconTrailingText
			// A row shows a background only under the pointer or the
			// focus: a panel behind each of the rows in view was a
			// rectangle each to draw, 7 ms of the picker's first frame.
			b.Importance = widget.LowImportance
			return b
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			l := learners[i]
			b := o.(*keyButton)
			text := a.profileLabel(l)
			if unfinished[l.ID] {
				text += " · " + a.T("profiles.unfinished")
			}
			var icon fyne.Resource
			if l.PINHash != "" {
				icon = lockIcon
			}
			b.OnTapped = func() { pick(l) }
			// One refresh, and none when the row shows what it showed: each
			// re-reads the icon's SVG, and SetText and SetIcon made two.
			if b.Text != text || b.icon != icon {
				b.Text, b.icon = text, icon
				b.Refresh()
			}
		})
	list.HideSeparators = true
	return list
}

// profileLabel names a learner as the picker shows them: name, role, post.
func (a *App) profileLabel(l domain.Learner) string {
	label := l.Name + " — " + a.T("role."+string(l.Role))
	if l.Post != "" {
		label += ", " + l.Post
	}
	return label
}
