package course

import (
	"fmt"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// A pack is unpacked on Linux, Windows and macOS alike, so its names must
// mean one file on each. The rules are golang.org/x/mod/zip's (module
// zips meet the same problem), with the trailing space Windows also drops.

// windowsReserved are names Windows gives to devices, whatever follows the
// first dot: "aux.md" opens the AUX device, not a file.
var windowsReserved = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true, "conin$": true, "conout$": true,
}

func init() {
	for _, dev := range []string{"com", "lpt"} {
		for _, n := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"} {
			windowsReserved[dev+n] = true
		}
	}
}

// maxNameBytes is the longest path element the common file systems keep.
const maxNameBytes = 255

// unsafeElem says what makes one element of a pack's path unsafe on some
// system, or "" if nothing does.
func unsafeElem(elem string) string {
	switch {
	case elem == "" || strings.Trim(elem, ".") == "":
		return "an empty, \".\" or \"..\" element"
	case !utf8.ValidString(elem):
		return "a name that is not UTF-8"
	case len(elem) > maxNameBytes:
		return fmt.Sprintf("a name longer than %d bytes", maxNameBytes)
	case strings.HasSuffix(elem, "."):
		return "a name ending in a dot, which Windows drops"
	case strings.HasSuffix(elem, " "):
		return "a name ending in a space, which Windows drops"
	}
	for _, r := range elem {
		if !nameRuneOK(r) {
			return fmt.Sprintf("the character %U, which some system refuses or shows as something else", r)
		}
	}
	short, _, _ := strings.Cut(elem, ".")
	if windowsReserved[strings.ToLower(short)] {
		return fmt.Sprintf("%q, a device name on Windows", short)
	}
	return ""
}

// nameRuneOK is x/mod's fileNameOK: ASCII letters, digits and the
// punctuation no shell or file system treats specially, and letters of
// any script. Controls, bidi overrides (U+202E) and zero-width characters
// (U+200B), which make a name look like another, are not letters.
func nameRuneOK(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' ||
			strings.ContainsRune("!#$%&()+,-.=@[]^_{}~ ", r)
	}
	return unicode.IsLetter(r)
}

// nameFolder finds names that differ only in case or in Unicode
// normalisation, which Windows and macOS store as one file, so one would
// silently take the other's place.
type nameFolder struct {
	seen map[string]string // folded path → the path as written
	fold cases.Caser
}

func newNameFolder() *nameFolder {
	return &nameFolder{seen: map[string]string{}, fold: cases.Fold()}
}

// add records name and every folder on its way; it returns the name
// already seen that collides with one of them, or "".
func (f *nameFolder) add(name string) string {
	p := ""
	for _, elem := range strings.Split(strings.TrimSuffix(name, "/"), "/") {
		p = path.Join(p, elem)
		key := f.fold.String(norm.NFC.String(p))
		if old, ok := f.seen[key]; ok && old != p {
			return old
		}
		f.seen[key] = p
	}
	return ""
}
