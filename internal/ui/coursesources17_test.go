package ui

import (
	"testing"
)

// TestCourseSourcesReadInTheCoursesLanguage: on the course page a source
// says what it is in the learner's language, then gives its title as
// published, untranslated (issue 17: sources were English-only inside the
// Russian and Uzbek courses).
func TestCourseSourcesReadInTheCoursesLanguage(t *testing.T) {
	for _, tc := range []struct{ lang, description string }{
		{"en", "CETS 197, Art. 13: the recovery and reflection period."},
		{"ru", "CETS 197, статья 13: период восстановления и размышления."},
		{"uz", "CETS 197, 13-modda: tiklanish va oʻylab koʻrish muddati."},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			d := start(t, t.TempDir(), tc.lang)
			defer d.close()
			d.createProfile("Dilnoza Karimova", "border-guard", "Post 12", "")
			d.openCourse(d.courseByID("referral-nrm"))
			scrollOf(t, d).ScrollToBottom()
			d.see("• " + tc.description + "\nCouncil of Europe Convention on Action against Trafficking in Human Beings — Council of Europe https://www.coe.int/")
			d.shot(t, "course-sources")
		})
	}
}
