package ui

import (
	"testing"

	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/quiz"
)

// TestFourOfSixPairsShowAsTwoThirds (issue 17 item 3): a learner who
// matches 4 of 6 pairs right and answers the other 5 questions right reads
// 5.67 points of 6 (94%) on the result, the course page's best, the
// history's line and the attempt it opens, with the language's decimal
// sign; counting questions fully right said 5 of 6 (83%).
func TestFourOfSixPairsShowAsTwoThirds(t *testing.T) {
	for _, tc := range []struct{ lang, points string }{{"en", "5.67"}, {"ru", "5,67"}} {
		t.Run(tc.lang, func(t *testing.T) {
			d := start(t, t.TempDir(), tc.lang)
			defer d.close()
			c, err := course.LoadDir("../../docs/example-course")
			if err != nil {
				t.Fatal(err)
			}
			m := c.Quiz("check").Question("match")
			for _, id := range []string{"coercion", "transport", "exploitation"} {
				m.Pairs = append(m.Pairs, course.Pair{ID: id, Left: course.Text{"en": id}, Right: course.Text{"en": "element of " + id}})
			}
			d.createProfile("Dilnoza", "border-guard", "Post 12", "")
			att, err := d.app.svc.StartOrResume(d.app.ctx, d.app.learner.ID, c, "check", tc.lang)
			if err != nil {
				t.Fatal(err)
			}
			for qu, _ := att.Next(); qu != nil; qu, _ = att.Next() {
				resp := quiz.Key(qu)
				if qu.ID == m.ID { // the first two pairs the wrong way round
					resp[0], resp[1] = quiz.Match(m.Pairs[0].ID, m.Pairs[1].ID), quiz.Match(m.Pairs[1].ID, m.Pairs[0].ID)
				}
				if _, err := d.app.svc.Answer(d.app.ctx, att, qu, resp); err != nil {
					t.Fatal(err)
				}
			}
			finishQuiz(d.app, c, att)
			partial := d.T("result.partial", "Points", tc.points, "Max", 6)
			d.see(d.T("result.score", "Score", 5, "Max", 6, "Percent", 94))
			d.see(partial)
			d.shot(t, "credit-result")

			d.app.nav.open(newCourseScreen(d.app, c))
			d.see(d.T("quiz.summary", "Best", tc.points, "Max", 6, "Percent", 94, "Attempts", 1) + " · " + d.T("quiz.passed"))
			d.shot(t, "credit-course")
			d.app.nav.open(newHistoryScreen(d.app, c))
			when := att.FinishedAt.Local().Format("2006-01-02 15:04")
			d.see(d.T("history.attempt", "When", when, "Score", tc.points, "Max", 6, "Percent", 94, "Verdict", d.T("history.passed")))
			d.shot(t, "credit-history")
			d.tap(d.T("history.answers"))
			d.see(d.T("result.score", "Score", 5, "Max", 6, "Percent", 94))
			d.see(partial)
			d.shot(t, "credit-attempt")
		})
	}
}
