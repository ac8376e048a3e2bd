package ui

import "fmt"

// awaitCourses loads the courses the first time a screen needs them: the
// catalogue or trainer mode. The first screen (profile picker or welcome)
// shows none, so the app's start-up reads no course file
// (docs/performance.md); the first catalogue pays for it instead, about
// 10 ms. A device opened with its courses (tests, progress.Open without
// CoursesLater) has them already, and this does nothing.
func (a *App) awaitCourses() {
	if a.courses != nil || a.lib == nil {
		return
	}
	list, problems := a.lib.Loaded()
	a.courses = list
	for _, p := range problems {
		a.logError(fmt.Errorf("installed course: %v", p))
	}
}
