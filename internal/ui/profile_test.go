package ui

import (
	"context"
	"testing"
)

func TestProfileFormExplainsWhatIsWrong(t *testing.T) {
	d := start(t, t.TempDir(), "en")
	defer d.close()
	d.tap(d.T("profiles.new"))
	d.tap(d.T("profile.create"))
	d.see(d.T("profile.name.required"))
	d.typeInto(d.T("profile.name.placeholder"), "Aziza")
	d.typeInto(d.T("profile.pin.placeholder"), "12")
	d.tap(d.T("profile.create"))
	d.see(d.T("profile.pin.mismatch"))
	if ls, _ := d.db.Learners(context.Background()); len(ls) != 0 {
		t.Errorf("a profile was stored from a form with problems: %v", ls)
	}
}

func TestPINGuardsAProfile(t *testing.T) {
	dir := t.TempDir()
	d := start(t, dir, "ru")
	d.createProfile("Азиз", "labour-inspector", "", "2468")
	d.close()

	d = start(t, dir, "ru")
	defer d.close()
	d.tap("Азиз — " + d.T("role.labour-inspector"))
	d.see(d.T("pin.title", "Name", "Азиз"))
	d.typeInto(d.T("pin.placeholder"), "1111")
	d.tap(d.T("pin.open"))
	d.see(d.T("pin.wrong"))
	if ls := d.app.learner; ls != nil {
		t.Fatal("a wrong PIN opened the profile")
	}
	d.typeInto(d.T("pin.placeholder"), "2468")
	d.tap(d.T("pin.open"))
	d.see(d.T("catalogue.greeting", "Name", "Азиз"))
}

// TestSwitchingLanguageKeepsProgress: a learner reads a lesson in Uzbek,
// switches to Russian in settings; the screen is Russian and the lesson is
// still marked read.
func TestSwitchingLanguageKeepsProgress(t *testing.T) {
	dir := t.TempDir()
	d := start(t, dir, "uz")
	defer d.close()
	c := trafficking(t)
	d.createProfile("Dilnoza", "border-guard", "", "")
	d.openCourse(c)
	d.tap(d.T("lesson.read"))
	d.tap(d.T("lesson.next"))
	d.tap(d.T("nav.back"))
	d.see(d.T("lesson.done"))

	d.tap(d.T("settings.title"))
	d.selects()[0].SetSelected("Русский")
	d.speak("ru")
	d.see(d.T("settings.language"))
	d.tap(d.T("nav.back"))
	d.see(c.Title.In("ru", "en"))
	d.see(d.T("lesson.done"))

	l, _ := d.db.Learners(context.Background())
	if l[0].Language != "ru" {
		t.Errorf("learner language = %q, want ru", l[0].Language)
	}
	p, _ := d.app.svc.CourseProgress(context.Background(), l[0].ID, c)
	if p.Done != 1 {
		t.Errorf("progress after switching language = %d done, want 1", p.Done)
	}
}

// TestQuizResumesAfterRestart: three answers, the app closes, and the
// quiz continues at question 4 with the same questions.
func TestQuizResumesAfterRestart(t *testing.T) {
	dir := t.TempDir()
	c := trafficking(t)
	q := c.Quiz("final")
	d := start(t, dir, "en")
	d.createProfile("Rustam", "other", "", "")
	d.openCourse(c)
	d.tap(d.T("quiz.start"))
	var asked []string
	for i := 0; i < 3; i++ {
		qu := d.shownQuestion(c, q)
		asked = append(asked, qu.ID)
		d.answer(c, qu, keyOf(qu))
		d.tap(d.T("quiz.check"))
		d.tap(d.T("quiz.next"))
	}
	fourth := d.shownQuestion(c, q)
	d.close()

	d = start(t, dir, "en")
	defer d.close()
	d.tap("Rustam — " + d.T("role.other") + " · " + d.T("profiles.unfinished")) // the quiz left half-way is marked
	d.openCourse(c)
	d.tap(d.T("quiz.resume"))
	d.see(d.T("quiz.position", "N", 4, "Total", q.Draw))
	if got := d.shownQuestion(c, q); got.ID != fourth.ID {
		t.Errorf("resumed at %s, want %s", got.ID, fourth.ID)
	}
	ctx := context.Background()
	ls, _ := d.db.Learners(ctx)
	att, err := d.db.OpenAttempt(ctx, ls[0].ID, c.ID, q.ID)
	if err != nil || len(att.Answers) != 3 {
		t.Fatalf("open attempt = %+v, %v", att, err)
	}
	for i, a := range att.Answers {
		if a.QuestionID != asked[i] || !a.Correct {
			t.Errorf("answer %d = %+v, want %s right", i, a, asked[i])
		}
	}
}

func TestThemeSettingIsKept(t *testing.T) {
	dir := t.TempDir()
	d := start(t, dir, "en")
	d.tap(d.T("settings.title"))
	d.radioWith(d.T("settings.theme.dark")).SetSelected(d.T("settings.theme.dark"))
	d.close()
	d = start(t, dir, "en")
	defer d.close()
	d.tap(d.T("settings.title"))
	if r := d.radioWith(d.T("settings.theme.dark")); r.Selected != d.T("settings.theme.dark") {
		t.Errorf("theme after restart = %q", r.Selected)
	}
	if d.app.fy.Settings().Theme().Color("background", 0) != darkBackground() {
		t.Error("the dark theme is not applied")
	}
}
