// Package handout prints what posts still use on paper, with the same
// PDF code as the certificates (internal/paper): a lesson or a whole
// course as an A4 handout for a classroom, and the quick reference as a
// pocket card of A6 pages with the post's referral contacts. A PDF is
// also the accessible route while Fyne has no screen-reader support.
package handout

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/i18n"
	"github.com/ogoh/ogoh/internal/paper"
	"github.com/ogoh/ogoh/internal/reference"
)

// ErrNoLesson is a lesson ID the course does not have.
var ErrNoLesson = &domain.Error{Code: domain.CodeNotFound, Err: errors.New("the course has no such lesson")}

// Course writes c's lessons in lang as an A4 handout, each lesson from a
// new page; with lessonID, that lesson alone. The date is the handout's
// own, for its metadata.
func Course(w io.Writer, c *course.Course, lessonID, lang string, t *i18n.Localizer, date time.Time) error {
	lang = c.Lang(lang)
	lessons := c.Lessons
	if lessonID != "" {
		l := c.Lesson(lessonID)
		if l == nil {
			return fmt.Errorf("course %s, lesson %q: %w", c.ID, lessonID, ErrNoLesson)
		}
		lessons = []course.Lesson{*l}
	}
	title := c.Title.In(lang, c.DefaultLanguage)
	d, err := paper.New(paper.A4, paper.Info{Title: title, Created: date})
	if err != nil {
		return err
	}
	if lessonID == "" {
		if err := courseTitle(d, c, lang, t); err != nil {
			return err
		}
	}
	for i := range lessons {
		if i > 0 || lessonID == "" {
			d.NewPage()
		}
		if err := lessonPages(d, c, &lessons[i], lang, t); err != nil {
			return err
		}
	}
	_, err = d.WriteTo(w)
	return err
}

func courseTitle(d *paper.Doc, c *course.Course, lang string, t *i18n.Localizer) error {
	d.Space(120)
	center := func(size float64) paper.Para { return paper.Para{Size: size, Align: paper.AlignCenter} }
	if err := d.Plain(center(24), paper.Bold, c.Title.In(lang, c.DefaultLanguage)); err != nil {
		return err
	}
	d.Space(6)
	if err := d.Plain(center(12), paper.Regular, t.T("handout.course.version", "Version", c.Version)); err != nil {
		return err
	}
	d.Space(30)
	for _, txt := range []course.Text{c.Description, c.Audience} {
		if s := txt.In(lang, c.DefaultLanguage); s != "" {
			if err := d.Plain(paper.Para{Size: 11}, paper.Regular, s); err != nil {
				return err
			}
			d.Space(8)
		}
	}
	return nil
}

func lessonPages(d *paper.Doc, c *course.Course, l *course.Lesson, lang string, t *i18n.Localizer) error {
	md, err := c.LessonMarkdown(l, lang)
	if err != nil {
		return fmt.Errorf("lesson %s: %w", l.ID, err)
	}
	gray := paper.Para{Size: 8.5, Gray: 0.4}
	head := c.Title.In(lang, c.DefaultLanguage) + " · " + l.Title.In(lang, c.DefaultLanguage)
	if l.Minutes > 0 {
		head += " · " + t.T("handout.lesson.minutes", "Minutes", strconv.Itoa(l.Minutes))
	}
	if err := d.Plain(gray, paper.Regular, head); err != nil {
		return err
	}
	d.Space(4)
	d.Rule(0.7)
	d.Space(6)
	return writeMarkdown(d, c, md)
}

// Card writes the quick reference in lang as a pocket card: A6 pages,
// every card from a page of its own, then the post's referral contacts.
func Card(w io.Writer, g *reference.Guide, contacts []domain.Contact, lang string, t *i18n.Localizer, date time.Time) error {
	lang = g.Lang(lang)
	d, err := paper.New(paper.A6, paper.Info{Title: t.T("guide.title"), Created: date})
	if err != nil {
		return err
	}
	for i, c := range g.Cards {
		if i > 0 {
			d.NewPage()
		}
		if err := card(d, c, lang, t); err != nil {
			return err
		}
	}
	d.NewPage()
	if err := contactPage(d, contacts, t); err != nil {
		return err
	}
	_, err = d.WriteTo(w)
	return err
}

func card(d *paper.Doc, c reference.Card, lang string, t *i18n.Localizer) error {
	label := t.T("guide.title") + " · " + t.T("guide.setting."+c.Setting) + " · " + t.T("guide.kind."+c.Kind)
	if err := d.Plain(paper.Para{Size: 6.5, Gray: 0.4}, paper.Regular, label); err != nil {
		return err
	}
	d.Space(3)
	if err := d.Plain(paper.Para{Size: 11}, paper.Bold, c.Title[lang]); err != nil {
		return err
	}
	d.Space(3)
	for i, item := range c.Items[lang] {
		marker := "•"
		if c.Kind == reference.Action {
			marker = strconv.Itoa(i+1) + "."
		}
		if err := d.Plain(paper.Para{Size: 8, Indent: 11, Marker: marker}, paper.Regular, item); err != nil {
			return err
		}
		d.Space(1.5)
	}
	if c.Source != "" {
		d.Space(3)
		return d.Plain(paper.Para{Size: 6, Gray: 0.4}, paper.Italic, t.T("guide.source", "Source", c.Source))
	}
	return nil
}

func contactPage(d *paper.Doc, contacts []domain.Contact, t *i18n.Localizer) error {
	if err := d.Plain(paper.Para{Size: 11}, paper.Bold, t.T("handout.card.contacts")); err != nil {
		return err
	}
	d.Space(4)
	if len(contacts) == 0 {
		return d.Plain(paper.Para{Size: 8}, paper.Regular, t.T("handout.card.none"))
	}
	for _, c := range contacts {
		if err := contact(d, c, t); err != nil {
			return err
		}
		d.Space(5)
	}
	return nil
}

func contact(d *paper.Doc, c domain.Contact, t *i18n.Localizer) error {
	d.Ensure(40)
	p := paper.Para{Size: 8}
	lines := []struct {
		style paper.Style
		text  string
	}{
		{paper.Bold, c.Organisation},
		{paper.Regular, c.Role},
		{paper.Bold, labelled(t, "handout.contact.phone", "Phone", c.Phone)},
		{paper.Regular, c.Address},
		{paper.Regular, labelled(t, "handout.contact.hours", "Hours", c.Hours)},
	}
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		if err := d.Plain(p, l.style, l.text); err != nil {
			return err
		}
	}
	return nil
}

func labelled(t *i18n.Localizer, id, key, value string) string {
	if value == "" {
		return ""
	}
	return t.T(id, key, value)
}
