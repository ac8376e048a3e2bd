package ui

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/ogoh/ogoh/internal/drives"
)

// Ogoh's own file chooser (issue 17): Fyne's file dialogs speak English
// whatever the language and know nothing of USB sticks, and a border
// guard's files come and go on a stick. This one is translated, lists the
// removable drives first and starts on the first of them, and is worked
// by keyboard: Tab through the places, the folder's list (arrows, Space)
// and the buttons; Escape closes it.

// chooseKind is what the chooser asks for.
type chooseKind int

const (
	chooseOpen   chooseKind = iota // an existing file
	chooseSave                     // a name to save under, in a folder
	chooseFolder                   // a folder
)

// fileChooser is one open chooser.
type fileChooser struct {
	a       *App
	kind    chooseKind
	exts    []string       // the files shown, by extension (".ogoh"); none: all
	found   []drives.Place // the places, read once as the chooser opens
	dir     string         // the folder shown
	rows    []chooserRow
	chosen  string // the file picked (open)
	done    func(path string)
	places  *fyne.Container
	list    *keyList
	here    *widget.Label
	empty   *widget.Label
	pick    *widget.Label // what the main button will give
	name    *keyEntry     // save: the file's name
	ok      *keyButton
	problem *widget.Label
	dlg     dialog.Dialog
}

// chooserRow is a line of the folder's list.
type chooserRow struct {
	name string
	path string
	dir  bool
	up   bool
}

// askOpen asks for a file to open, of one of exts when given.
func (a *App) askOpen(exts []string, open func(path string)) {
	a.choose(chooseOpen, exts, "", open)
}

// askSave asks where to save a file, proposing name, and hands the
// chosen path to save.
func (a *App) askSave(name string, save func(path string)) {
	var exts []string
	if ext := filepath.Ext(name); ext != "" {
		exts = []string{ext}
	}
	a.choose(chooseSave, exts, name, save)
}

// askFolder asks for a folder.
func (a *App) askFolder(open func(dir string)) {
	a.choose(chooseFolder, nil, "", open)
}

func (a *App) choose(kind chooseKind, exts []string, name string, done func(string)) {
	c := &fileChooser{a: a, kind: kind, exts: exts, done: done, found: a.places()}
	c.build(name)
	c.show()
	c.enter(c.startFolder())
}

// startFolder is the stick when one is plugged in, else the folder last
// chosen, else the home folder.
func (c *fileChooser) startFolder() string {
	places := c.found
	for _, p := range places {
		if p.Kind == drives.KindRemovable {
			return p.Path
		}
	}
	if c.a.lastFolder != "" {
		if info, err := os.Stat(c.a.lastFolder); err == nil && info.IsDir() {
			return c.a.lastFolder
		}
	}
	if len(places) > 0 {
		return places[0].Path
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return string(filepath.Separator)
}

func (c *fileChooser) build(name string) {
	a := c.a
	c.here = widget.NewLabel("")
	c.here.Wrapping = fyne.TextWrapBreak
	c.empty = widget.NewLabel("")
	c.empty.Wrapping = fyne.TextWrapWord
	c.problem = widget.NewLabel("")
	c.problem.Wrapping = fyne.TextWrapWord
	c.problem.Importance = widget.DangerImportance
	c.places = container.NewVBox()
	c.list = chooserList(a.nav, func() int { return len(c.rows) }, c.rowLabel)
	c.list.OnSelected = c.selected
	c.ok = a.nav.button(c.okLabel(), c.okIcon(), c.confirm)
	c.ok.Importance = widget.HighImportance
	if c.kind == chooseOpen {
		c.ok.Disable()
	}
	if c.kind == chooseSave {
		c.name = a.nav.entry()
		c.name.SetText(name)
		c.name.OnSubmitted = func(string) { c.confirm() }
	}
	c.pick = widget.NewLabel("")
	c.pick.Wrapping = fyne.TextWrapWord
}

// chooserLooks are, for each kind, the chooser's title and its main
// button.
var chooserLooks = map[chooseKind]struct {
	title, ok string
	icon      func() fyne.Resource
}{
	chooseOpen:   {"chooser.open.title", "chooser.open", theme.FolderOpenIcon},
	chooseSave:   {"chooser.save.title", "chooser.save", theme.DocumentSaveIcon},
	chooseFolder: {"chooser.folder.title", "chooser.folder.choose", theme.FolderIcon},
}

func (c *fileChooser) okLabel() string       { return c.a.T(chooserLooks[c.kind].ok) }
func (c *fileChooser) okIcon() fyne.Resource { return chooserLooks[c.kind].icon() }
func (c *fileChooser) title() string         { return c.a.T(chooserLooks[c.kind].title) }

func (c *fileChooser) show() {
	a := c.a
	cancel := a.nav.button(a.T("dialog.cancel"), theme.CancelIcon(), c.close)
	bottom := container.NewBorder(nil, nil, nil, container.NewHBox(cancel, c.ok), c.pick)
	if c.kind == chooseSave {
		bottom = container.NewBorder(nil, nil, widget.NewLabel(a.T("chooser.name")), container.NewHBox(cancel, c.ok), c.name)
	}
	left := container.NewVScroll(c.places)
	left.SetMinSize(fyne.NewSize(220, 0))
	centre := container.NewBorder(c.empty, nil, nil, nil, c.list)
	body := container.NewBorder(c.here, container.NewVBox(c.problem, bottom), left, nil, centre)
	c.dlg = dialog.NewCustomWithoutButtons(c.title(), body, a.win)
	size := a.win.Canvas().Size()
	c.dlg.Resize(fyne.NewSize(size.Width*0.92, size.Height*0.9))
	a.nav.modal, a.chooser = c.key, c
	c.dlg.SetOnClosed(func() { a.nav.modal, a.chooser = nil, nil })
	c.dlg.Show()
	if c.name != nil {
		a.win.Canvas().Focus(c.name)
	} else {
		a.win.Canvas().Focus(c.list)
	}
}

// key is the keyboard while the chooser is open: Escape closes it and
// Enter does what its main button does; the screen behind gets nothing.
func (c *fileChooser) key(ev *fyne.KeyEvent) {
	switch {
	case ev.Name == fyne.KeyEscape:
		c.close()
	case isEnter(ev.Name) && !c.ok.Disabled():
		c.confirm()
	}
}

func (c *fileChooser) close() { c.dlg.Hide() }

// enter shows dir: its folders, then its files of the kinds asked for.
func (c *fileChooser) enter(dir string) {
	c.dir = dir
	c.here.SetText(c.a.T("chooser.here", "Folder", dir))
	c.problem.SetText("")
	c.drawPlaces()
	rows, err := c.readFolder(dir)
	c.rows = rows
	c.list.UnselectAll()
	c.list.Refresh()
	c.list.ScrollToTop()
	c.empty.Show()
	switch {
	case err != nil:
		c.a.logError(err)
		c.empty.SetText(c.a.T("chooser.unreadable"))
	case c.kind != chooseSave && (len(rows) == 0 || (len(rows) == 1 && rows[0].up)):
		c.empty.SetText(c.a.T(c.emptyKey())) // saving into an empty folder needs no word
	default:
		c.empty.SetText("")
		c.empty.Hide()
	}
	c.setChosen("")
}

func (c *fileChooser) emptyKey() string {
	if c.kind == chooseFolder || len(c.exts) == 0 {
		return "chooser.empty"
	}
	return "chooser.empty.kind"
}

// readFolder lists dir for the chooser: the way up first, then folders
// and files by name, hidden ones left out.
func (c *fileChooser) readFolder(dir string) ([]chooserRow, error) {
	var rows []chooserRow
	if parent := filepath.Dir(dir); parent != dir {
		rows = append(rows, chooserRow{name: c.a.T("chooser.up"), path: parent, dir: true, up: true})
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return rows, err
	}
	var folders, files []chooserRow
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		row := chooserRow{name: e.Name(), path: filepath.Join(dir, e.Name()), dir: isFolder(dir, e)}
		switch {
		case row.dir:
			folders = append(folders, row)
		case c.kind != chooseFolder && c.shows(e.Name()):
			files = append(files, row)
		}
	}
	byName := func(x, y chooserRow) int { return strings.Compare(strings.ToLower(x.name), strings.ToLower(y.name)) }
	slices.SortFunc(folders, byName)
	slices.SortFunc(files, byName)
	return append(append(rows, folders...), files...), nil
}

// isFolder follows a link to see whether it names a folder.
func isFolder(dir string, e os.DirEntry) bool {
	if e.IsDir() {
		return true
	}
	if e.Type()&os.ModeSymlink == 0 {
		return false
	}
	info, err := os.Stat(filepath.Join(dir, e.Name()))
	return err == nil && info.IsDir()
}

func (c *fileChooser) shows(name string) bool {
	if len(c.exts) == 0 {
		return true
	}
	ext := strings.ToLower(filepath.Ext(name))
	return slices.ContainsFunc(c.exts, func(e string) bool { return strings.ToLower(e) == ext })
}

func (c *fileChooser) rowLabel(i int) (string, fyne.Resource) {
	r := c.rows[i]
	switch {
	case r.up:
		return r.name, theme.MoveUpIcon()
	case r.dir:
		return r.name, theme.FolderIcon()
	}
	return r.name, theme.FileIcon()
}

// selected goes into a folder, or takes a file: to open, or its name to
// save over.
func (c *fileChooser) selected(i int) {
	if i < 0 || i >= len(c.rows) {
		return
	}
	r := c.rows[i]
	if r.dir {
		c.enter(r.path)
		return
	}
	if c.kind == chooseSave {
		c.name.SetText(r.name)
		return
	}
	c.setChosen(r.path)
}

func (c *fileChooser) setChosen(path string) {
	c.chosen = path
	switch c.kind {
	case chooseOpen:
		if path == "" {
			c.pick.SetText(c.a.T("chooser.open.none"))
			c.ok.Disable()
			return
		}
		c.pick.SetText(c.a.T("chooser.open.chosen", "File", filepath.Base(path)))
		c.ok.Enable()
	case chooseFolder:
		c.pick.SetText(c.a.T("chooser.folder.this", "Folder", filepath.Base(c.dir)))
	}
}

// drawPlaces lists the places, removable drives first, the one shown
// marked.
func (c *fileChooser) drawPlaces() {
	c.places.RemoveAll()
	c.places.Add(widget.NewLabelWithStyle(c.a.T("chooser.places"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, p := range c.found {
		b := c.a.nav.button(c.placeName(p), placeIcon(p), func() { c.enter(p.Path) })
		b.Alignment = widget.ButtonAlignLeading
		if c.dir == p.Path {
			b.Importance = widget.HighImportance
		}
		c.places.Add(b)
	}
}

func (c *fileChooser) placeName(p drives.Place) string {
	switch p.Kind {
	case drives.KindRemovable:
		return c.a.T("chooser.stick", "Name", p.Label)
	case drives.KindHome:
		return c.a.T("chooser.home")
	case drives.KindDocuments:
		return c.a.T("chooser.documents")
	case drives.KindDesktop:
		return c.a.T("chooser.desktop")
	}
	return p.Label
}

func placeIcon(p drives.Place) fyne.Resource {
	switch p.Kind {
	case drives.KindRemovable:
		return theme.StorageIcon()
	case drives.KindHome:
		return theme.HomeIcon()
	}
	return theme.FolderIcon()
}

// confirm hands over what was chosen; a name to save over an existing
// file asks first.
func (c *fileChooser) confirm() {
	switch c.kind {
	case chooseOpen:
		if c.chosen != "" {
			c.finish(c.chosen)
		}
	case chooseFolder:
		c.finish(c.dir)
	case chooseSave:
		c.confirmSave()
	}
}

func (c *fileChooser) confirmSave() {
	a := c.a
	name := strings.TrimSpace(c.name.Text)
	switch {
	case name == "" || name == "." || name == "..":
		c.problem.SetText(a.T("chooser.name.empty"))
		return
	case strings.ContainsAny(name, `/\`):
		c.problem.SetText(a.T("chooser.name.folder"))
		return
	}
	if filepath.Ext(name) == "" && len(c.exts) > 0 {
		name += c.exts[0]
	}
	path := filepath.Join(c.dir, name)
	if _, err := os.Stat(path); err == nil {
		ask := dialog.NewCustomConfirm(a.T("chooser.replace.title"), a.T("chooser.replace"), a.T("dialog.cancel"),
			wrapped(a.T("chooser.replace.text", "File", name)), func(yes bool) {
				a.nav.modal = c.key
				if yes {
					c.finish(path)
				}
			}, a.win)
		a.nav.modal = func(ev *fyne.KeyEvent) { // Escape answers the question, not the chooser
			if ev.Name == fyne.KeyEscape {
				ask.Hide()
			}
		}
		ask.Show()
		return
	}
	c.finish(path)
}

func (c *fileChooser) finish(path string) {
	if c.kind == chooseFolder {
		c.a.lastFolder = path
	} else {
		c.a.lastFolder = filepath.Dir(path)
	}
	c.close()
	c.done(path)
}

// chooserList is the folder list: an icon and a name a line.
func chooserList(nav *router, length func() int, row func(int) (string, fyne.Resource)) *keyList {
	return nav.list(length, func() fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewIcon(theme.FileIcon()), nil, widget.NewLabel(""))
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		text, icon := row(i)
		box := o.(*fyne.Container)
		box.Objects[0].(*widget.Label).SetText(text)
		box.Objects[1].(*widget.Icon).SetResource(icon)
	})
}

// readKeyFile is the text of a .pub file, its first 4 KB: a key is a
// line, and a large file chosen by mistake is not read whole. A file that
// cannot be read gives no text, which the key's parser refuses.
func readKeyFile(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	data, _ := io.ReadAll(io.LimitReader(f, 4096))
	return string(data)
}
