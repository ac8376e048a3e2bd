package ui

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/bank"
	"github.com/ogoh/ogoh/internal/course"
	"github.com/ogoh/ogoh/internal/domain"
	"github.com/ogoh/ogoh/internal/gift"
)

// DraftsDir is where imported question banks are written, inside the
// data folder: one folder per course, laid out as the course's source
// (the quiz file at its top, images in media/). The courses on a laptop
// are bundled with the app or installed from signed packs, and cannot
// be changed there; a folder under courses/ that no pack sealed would be
// refused at every start. The trainer copies a draft into the course's
// source, completes it and signs it into a pack, as for ogohctl bank
// import.
const DraftsDir = "course-drafts"

// kindNames name each question kind in the import's preview.
var kindNames = map[domain.Kind]string{
	domain.KindSingle: "bank.kind.single", domain.KindMultiple: "bank.kind.multiple",
	domain.KindTrueFalse: "bank.kind.truefalse", domain.KindOrdering: "bank.kind.ordering",
	domain.KindMatching: "bank.kind.matching",
}

// bankImportScreen imports a question bank (GIFT, Moodle XML, Aiken)
// into a course's quiz: pick the file, the course and the bank's
// language, see what will be imported and what is refused, confirm.
type bankImportScreen struct {
	a       *App
	path    string
	bank    *bank.Bank
	problem string // why the file picked is not a bank
	course  int    // index in a.courses
	lang    string
	result  string
	level   widget.Importance
}

func newBankImportScreen(a *App) *bankImportScreen {
	return &bankImportScreen{a: a, lang: a.loc.Lang}
}

func (s *bankImportScreen) draw() (string, fyne.CanvasObject) {
	a := s.a
	a.awaitCourses()
	pick := a.nav.button(a.T("bank.file"), theme.FolderOpenIcon(), func() {
		a.askOpen([]string{".gift", ".xml", ".txt"}, s.pick)
	})
	courses := make([]string, len(a.courses))
	for i, c := range a.courses {
		courses[i] = c.Title.In(a.courseLang(c), c.DefaultLanguage)
	}
	which := a.nav.newSelect(courses, nil)
	if s.course < len(courses) {
		which.SetSelectedIndex(s.course)
	}
	which.OnChanged = func(string) { s.course = which.SelectedIndex(); s.result = ""; a.redraw() }
	lang := a.nav.newSelect(languageNames(), nil)
	lang.SetSelected(languageName(s.lang))
	lang.OnChanged = func(name string) { s.lang = languageCode(name); s.result = ""; a.redraw() }
	form := widget.NewForm(widget.NewFormItem(a.T("bank.course"), which), widget.NewFormItem(a.T("bank.lang"), lang))
	body := container.NewVBox(note(a.T("bank.intro", "Folder", filepath.Join(a.dataDir, DraftsDir))), container.NewHBox(pick), form,
		widget.NewSeparator(), s.preview())
	title := strings.TrimSuffix(a.T("bank.title"), "…")
	return title, a.screen(title, a.nav.to(newTrainerScreen(a)), container.NewVScroll(container.NewPadded(body)))
}

// pick reads the bank file at path, its format told from its name and
// content, off the UI thread: a bank may be tens of megabytes.
func (s *bankImportScreen) pick(path string) {
	a := s.a
	a.background(func() {
		b, err := readBank(path)
		a.do(func() {
			s.path, s.bank, s.problem, s.result = path, b, "", ""
			if err != nil {
				s.problem = a.T("bank.unreadable") + "\n\n" + a.errorText(err)
			} else if len(b.Questions) == 0 {
				s.problem = a.T("bank.empty")
			}
			a.redraw()
		})
	})
}

func readBank(path string) (*bank.Bank, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, domain.Wrap(domain.CodeUnreadable, err)
	}
	data, err := bank.ReadAll(f)
	f.Close()
	if err != nil {
		return nil, err // too large, as its code says
	}
	format, err := bank.Detect(path, data)
	var b *bank.Bank
	if err == nil {
		b, err = bank.Read(data, format)
	}
	if err != nil && domain.ErrorCode(err) == domain.CodeInternal {
		// A bank that does not read is a file that is not what it claims.
		err = domain.Wrap(domain.CodeUnreadable, err)
	}
	return b, err
}

// questions are the bank's questions as the chosen course's quiz would
// have them, and the report of what was refused.
func (s *bankImportScreen) questions() (*course.Course, []course.Question, gift.Report) {
	c := s.a.courses[s.course]
	lesson := ""
	if len(c.Lessons) > 0 {
		lesson = c.Lessons[0].ID
	}
	qs, r := gift.ToQuestions(&s.bank.Bank, s.lang, lesson)
	return c, qs, r
}

// preview says what the file holds: the questions by kind that will be
// imported, each one refused by type and line, the notes; and the
// import's button.
func (s *bankImportScreen) preview() fyne.CanvasObject {
	a := s.a
	box := container.NewVBox()
	switch {
	case s.path == "":
		return note(a.T("bank.none"))
	case s.problem != "":
		bad := wrapped(s.problem)
		bad.Importance = widget.DangerImportance
		return container.NewVBox(wrapped(s.path), bad)
	case len(a.courses) == 0:
		return wrapped(a.T("bank.nocourse"))
	}
	_, qs, r := s.questions()
	box.Add(strong(a.T("bank.read", "File", filepath.Base(s.path), "Format", s.bank.Format.Source().Format)))
	box.Add(wrapped(a.T("bank.will", "Count", r.Imported, "Kinds", s.kindCounts(r))))
	if len(r.Skipped) > 0 {
		refused := strong(a.T("bank.refused", "Count", len(r.Skipped)))
		refused.Importance = widget.WarningImportance
		box.Add(refused)
		for _, k := range r.Skipped {
			box.Add(wrapped(a.T("bank.refused.line", "Line", k.Line, "Type", k.Type)))
			box.Add(note(k.Reason))
		}
	}
	for _, n := range s.bank.Notes {
		box.Add(note(a.T("bank.note.line", "Line", n.Line) + " " + n.Msg))
	}
	do := a.nav.button(a.T("bank.import"), theme.ConfirmIcon(), s.confirm)
	do.Importance = widget.HighImportance
	if len(qs) == 0 {
		do.Disable()
	}
	result := wrapped(s.result)
	result.Importance = s.level
	box.Add(container.NewHBox(do))
	box.Add(result)
	return box
}

// kindCounts is "single 3, true/false 2" in the language on screen.
func (s *bankImportScreen) kindCounts(r gift.Report) string {
	var parts []string
	for _, k := range domain.Kinds {
		if n := r.ByType[k]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", s.a.T(kindNames[k]), n))
		}
	}
	if len(parts) == 0 {
		return "—"
	}
	return strings.Join(parts, ", ")
}

// confirm writes the quiz, and the images its questions show, into the
// course's draft folder, as ogohctl bank import writes them into a
// course folder, and says where.
func (s *bankImportScreen) confirm() {
	a := s.a
	c, qs, _ := s.questions()
	dir := filepath.Join(a.dataDir, DraftsDir, c.ID)
	base := filepath.Base(s.path)
	dest := filepath.Join(dir, strings.TrimSuffix(base, filepath.Ext(base))+".toml")
	err := writeDraft(dir, dest, qs, s.lang, s.bank)
	switch {
	case errors.Is(err, errEditedQuiz):
		s.result, s.level = a.T("bank.kept", "File", dest), widget.DangerImportance
	case err != nil:
		s.result, s.level = a.T("bank.failed")+"\n\n"+a.errorText(err), widget.DangerImportance
	default:
		s.result, s.level = a.T("bank.done", "Count", len(qs), "File", dest, "Folder", dir,
			"Course", c.Title.In(a.courseLang(c), c.DefaultLanguage)), widget.SuccessImportance
	}
	a.redraw()
}

// errEditedQuiz is a quiz file that someone wrote or edited since an
// import wrote it: it is kept.
var errEditedQuiz = &domain.Error{Code: domain.CodeConflict, Err: errors.New("the quiz file exists and was edited since an import wrote it: it is kept")}

// writeDraft writes the quiz to dest, never over a file someone has
// worked on, and the images the questions show under dir.
func writeDraft(dir, dest string, qs []course.Question, lang string, b *bank.Bank) error {
	var quiz bytes.Buffer
	if err := gift.WriteQuiz(&quiz, qs, lang, b.Format.Source()); err != nil {
		return err
	}
	if old, err := os.ReadFile(dest); err == nil && (!gift.Imported(old) || !gift.Unedited(old)) {
		return errEditedQuiz
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return domain.Wrap(domain.CodeUnsaved, err)
	}
	if err := os.WriteFile(dest, quiz.Bytes(), 0o644); err != nil {
		return domain.Wrap(domain.CodeUnsaved, err)
	}
	for _, m := range bank.UsedIn(b.Media, quiz.String()) {
		if err := bank.WriteImage(dir, m); err != nil {
			return err
		}
	}
	return nil
}
