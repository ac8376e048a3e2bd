package ui

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/progress"
	"github.com/ogoh/ogoh/internal/quiz"
	"github.com/ogoh/ogoh/quickref"
)

// countingFS is the bundled courses, noting every file and folder opened
// through them (fs.ReadFile, fs.ReadDir, fs.Stat and fs.Sub all open).
type countingFS struct {
	fs.FS
	mu     sync.Mutex
	opened []string
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opened = append(c.opened, name)
	c.mu.Unlock()
	return c.FS.Open(name)
}

func (c *countingFS) files() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return slices.Clone(c.opened)
}

// startLaunched opens dir as ui.Start does, through open and the Launch
// main gives it, with the bundled courses in fsys, and shows the first
// screen; the driver then works it as a person would.
func startLaunched(t *testing.T, dir string, fsys fs.FS) *driver {
	t.Helper()
	return startLaunchedWith(t, dir, fsys, nil)
}

// startLaunchedWith is startLaunched with the profiles read as the app
// started given (learners); nil: those open reads.
func startLaunchedWith(t *testing.T, dir string, fsys fs.FS, learners *[]domain.Learner) *driver {
	t.Helper()
	o := open(Launch{DataDir: dir, Courses: fsys, Guide: quickref.FS, Log: io.Discard})
	if o.err != nil || o.damage != nil {
		t.Fatal(o.err, o.damage)
	}
	if learners != nil {
		o.learners = learners
	}
	a := New(test.NewApp(), Options{Device: o.dev, Guide: o.guide, Bundle: o.bundle, SystemLanguage: "en", Learners: o.learners})
	a.background = func(f func()) { f() }
	a.win.Resize(fyne.NewSize(1024, 700))
	a.win.Show()
	d := &driver{t: t, app: a, dev: o.dev, db: o.dev.DB(), loc: o.bundle.For("en")}
	t.Cleanup(d.close)
	return d
}

// launchedWithProfile starts the app as Start does, on a device with one
// profile (made before, by a start of its own), counting the course files
// it opens.
func launchedWithProfile(t *testing.T, name, role string) (*driver, *countingFS) {
	t.Helper()
	dir := t.TempDir()
	before := start(t, dir, "en")
	before.createProfile(name, role, "", "")
	before.close()
	fsys := &countingFS{FS: courses.FS}
	return startLaunched(t, dir, fsys), fsys
}

// TestTheWelcomeReadsNoCourseFile: a new device's first screen shows no
// course, so its start-up opens none of the course files (issue 18).
func TestTheWelcomeReadsNoCourseFile(t *testing.T) {
	fsys := &countingFS{FS: courses.FS}
	d := startLaunched(t, t.TempDir(), fsys)
	d.see(d.T("welcome.offline"))
	if got := fsys.files(); len(got) > 0 {
		t.Errorf("the welcome's start-up opened %d course files: %v", len(got), got)
	}
}

// A returning device's picker first lists the profiles read beside the
// window as the app started, not read again on the UI thread (2,500 took
// 12 ms there); once drawn again it lists the database's as they are now.
// On a new device, the profiles read at start (none) are not what the
// picker lists after the welcome.
func TestThePickerFirstListsTheProfilesReadAsTheAppStarted(t *testing.T) {
	dir := t.TempDir()
	before := start(t, dir, "en")
	before.createProfile("Aziza Karimova", "other", "", "")
	before.close()
	o := open(Launch{DataDir: dir, Courses: courses.FS, Guide: quickref.FS, Log: io.Discard})
	if o.err != nil || o.learners == nil {
		t.Fatalf("the profiles were not read as the app opened its data: %v", o.err)
	}
	o.dev.Close()
	// Made after that read, as a second start's would be: the first draw
	// does not list it, the next does.
	d := start(t, dir, "en")
	d.createProfile("Bekzod Rahimov", "other", "", "")
	d.close()
	d = startLaunchedWith(t, dir, courses.FS, o.learners)
	d.see(d.T("profiles.title"))
	if shown := d.texts(); !strings.Contains(shown, "Aziza Karimova") || strings.Contains(shown, "Bekzod Rahimov") {
		t.Fatalf("the first draw does not list the profiles read at start; it shows %s", d.texts())
	}
	d.tap(d.T("guide.title"))
	d.tap(d.T("nav.back"))
	d.see(d.T("profiles.title"))
	if !strings.Contains(d.texts(), "Bekzod Rahimov") {
		t.Errorf("the picker drawn again does not list a profile in the database; it shows %s", d.texts())
	}

	fresh := startLaunched(t, t.TempDir(), courses.FS)
	fresh.see(fresh.T("welcome.offline"))
	fresh.tap(fresh.T("welcome.start"))
	fresh.typeInto(fresh.T("pin.placeholder"), "2580") // the trainer's lock, before the first profile
	fresh.typeRepeat("2580")
	fresh.tap(fresh.T("trainer.setup.continue"))
	fresh.typeInto(fresh.T("profile.name.placeholder"), "Dilnoza Yusupova")
	fresh.radioWith(fresh.T("role.other")).SetSelected(fresh.T("role.other"))
	fresh.tap(fresh.T("profile.create"))
	fresh.see(fresh.T("catalogue.greeting", "Name", "Dilnoza Yusupova"))
	fresh.tap(fresh.T("nav.switch"))
	fresh.see(fresh.T("profiles.title"))
	if !strings.Contains(fresh.texts(), "Dilnoza Yusupova") {
		t.Errorf("after the welcome, the picker does not list the profile made; it shows %s", fresh.texts())
	}
}

// TestThePickerReadsNoCourseFile: a returning learner's first screen, the
// profile picker, opens no course file; the catalogue then opens what it
// shows (each course's manifest, and the quiz and scenario files the
// learner's progress and reviews come from) and no lesson until one is read.
func TestThePickerReadsNoCourseFile(t *testing.T) {
	d, fsys := launchedWithProfile(t, "Aziza", "other")
	d.see(d.T("profiles.title"))
	if got := fsys.files(); len(got) > 0 {
		t.Fatalf("the profile picker's start-up opened %d course files: %v", len(got), got)
	}

	d.tap("Aziza — " + d.T("role.other"))
	d.see(d.T("catalogue.greeting", "Name", "Aziza"))
	manifests := 0
	for _, name := range fsys.files() {
		switch {
		case path.Base(name) == course.ManifestFile:
			manifests++
		case name == "." || !strings.Contains(name, "/"): // the list of course folders
		default: // no review is due: no quiz pool or scenario is shown
			t.Errorf("the catalogue opened %s, which it does not show", name)
		}
	}
	if manifests < len(d.app.courses) {
		t.Errorf("the catalogue read %d manifests for %d courses", manifests, len(d.app.courses))
	}

	c := d.app.courses[0]
	d.openCourse(c)
	d.tap(d.T("lesson.read"))
	d.see(c.Lessons[0].Title.In(c.Lang("en"), c.DefaultLanguage))
	lesson := path.Join("lessons", c.Lang("en"), c.Lessons[0].File)
	if !slices.ContainsFunc(fsys.files(), func(name string) bool { return strings.HasSuffix(name, "/"+lesson) }) {
		t.Errorf("reading the first lesson did not open %s", lesson)
	}
}

// TestThePickerMakesOnlyTheProfilesInView: a post's device with hundreds
// of profiles opens on a picker that makes buttons for the rows in view
// only (a button each made a 250-profile picker's first frame three times
// slower), and the last profile is still there to scroll to and open.
func TestThePickerMakesOnlyTheProfilesInView(t *testing.T) {
	dir := t.TempDir()
	before := start(t, dir, "en")
	const many = 300
	for i := range many {
		_, err := before.dev.Service.CreateLearner(context.Background(),
			progress.NewLearner{Name: fmt.Sprintf("Learner %03d", i), Role: domain.RoleOther, Language: "en"})
		if err != nil {
			t.Fatal(err)
		}
	}
	before.close()

	d := start(t, dir, "en")
	defer d.close()
	d.see(d.T("profiles.title"))
	profiles := 0
	var list *keyList
	for _, o := range d.visible() {
		if b, ok := asButton(o); ok && strings.HasPrefix(b.Text, "Learner ") {
			profiles++
		}
		if l, ok := o.(*keyList); ok {
			list = l
		}
	}
	if profiles == 0 || profiles >= many/4 {
		t.Errorf("the picker made %d profile buttons for %d profiles; want those in view", profiles, many)
	}
	if list == nil {
		t.Fatal("the profiles are not in a list that scrolls")
	}
	list.ScrollToBottom()
	last := fmt.Sprintf("Learner %03d — %s", many-1, d.T("role.other"))
	d.tap(last)
	d.see(d.T("catalogue.greeting", "Name", fmt.Sprintf("Learner %03d", many-1)))
}

// TestThePickerMarksAHalfDoneQuizBeforeAnyCourseIsRead: a learner who
// left a quiz half-way is marked on the profile picker at start-up, where
// no course file has been read yet (the mark once came from the courses,
// and a fresh start showed none).
func TestThePickerMarksAHalfDoneQuizBeforeAnyCourseIsRead(t *testing.T) {
	dir := t.TempDir()
	c := bundledCourse(t, "border-indicators")
	before := start(t, dir, "en")
	before.createProfile("Aziza", "other", "", "")
	before.tap(before.T("nav.switch"))
	before.createProfile("Bobur", "other", "", "")
	before.openCourse(c)
	before.tap(before.T("quiz.start"))
	qu := before.shownQuestion(c, c.Quiz(c.Quizzes[0].ID))
	before.answer(c, qu, keyOf(qu))
	before.tap(before.T("quiz.check"))
	before.close()

	fsys := &countingFS{FS: courses.FS}
	d := startLaunched(t, dir, fsys)
	d.see("Bobur — " + d.T("role.other") + " · " + d.T("profiles.unfinished"))
	d.see("Aziza — " + d.T("role.other"))
	if got := fsys.files(); len(got) > 0 {
		t.Fatalf("marking the picker opened %d course files: %v", len(got), got)
	}
}

// TestACourseReadAtStartUpOpensItsQuizAndScenarioWhenAsked: the app's
// courses come without their quiz pools and scenarios (course.LoadChecked),
// which are read the first time a learner opens one. The quiz then shows
// its questions, answers them with feedback, and the scenario its intro
// and first step, as from a course read whole.
func TestACourseReadAtStartUpOpensItsQuizAndScenarioWhenAsked(t *testing.T) {
	d, fsys := launchedWithProfile(t, "Aziza", "border-guard")
	d.tap("Aziza — " + d.T("role.border-guard"))
	var c *course.Course
	for _, bc := range d.app.courses {
		if bc.ID == "border-indicators" {
			c = bc
		}
	}
	if c == nil {
		t.Fatal("no border-indicators course")
	}
	opened := func(file string) bool {
		return slices.ContainsFunc(fsys.files(), func(name string) bool { return strings.HasSuffix(name, "border-indicators/"+file) })
	}
	d.openCourse(c)
	q, sc := &c.Quizzes[0], &c.Scenarios[0]
	if opened(q.File) || opened(sc.File) {
		t.Fatalf("the course page read %s or %s before either was opened", q.File, sc.File)
	}

	d.tap(d.T("quiz.start"))
	if !opened(q.File) {
		t.Fatalf("the quiz started without reading %s", q.File)
	}
	qu := d.shownQuestion(c, q)
	d.answer(c, qu, quiz.Key(qu))
	d.tap(d.T("quiz.check"))
	d.see(d.T("quiz.right"))

	d.tap(d.T("nav.back")) // to the course page
	d.tapNth(d.T("scenario.play"), 0)
	if !opened(sc.File) {
		t.Fatalf("the scenario started without reading %s", sc.File)
	}
	d.see(sc.Intro.In("en", c.DefaultLanguage))
	d.see(sc.Step(sc.Start).Text.In("en", c.DefaultLanguage))
}
