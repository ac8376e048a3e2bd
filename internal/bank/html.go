package bank

import (
	"html"
	"regexp"
	"strings"
)

// htmlText turns the HTML of a Moodle text into the plain text Ogoh
// shows: tags go and their text stays, paragraphs, line breaks and list
// items become lines, entities are decoded, script and style lose their
// content, comments go. img asks for each <img> what stands in its place.
// keepNewlines is for moodle_auto_format, where a new line in the source
// is a line break.
func htmlText(s string, keepNewlines bool, img func(src, alt string) string) string {
	h := htmlScanner{src: s, keepNewlines: keepNewlines, img: img}
	h.run()
	return tidyLines(h.out.String())
}

type htmlScanner struct {
	src          string
	i            int
	out          strings.Builder
	keepNewlines bool
	pre          int // inside <pre>: white space is kept
	img          func(src, alt string) string
}

func (h *htmlScanner) run() {
	for h.i < len(h.src) {
		lt := strings.IndexByte(h.src[h.i:], '<')
		if lt < 0 {
			h.text(h.src[h.i:])
			return
		}
		h.text(h.src[h.i : h.i+lt])
		h.i += lt
		if !h.markup() {
			h.text("<")
			h.i++
		}
	}
}

// markup reads the comment, declaration or tag at h.i; false if what
// stands there is a "<" of the text.
func (h *htmlScanner) markup() bool {
	rest := h.src[h.i:]
	switch {
	case strings.HasPrefix(rest, "<!--"):
		h.skipPast("-->")
	case strings.HasPrefix(rest, "<![CDATA["):
		end := strings.Index(rest, "]]>")
		if end < 0 {
			end = len(rest)
		}
		h.raw(rest[len("<![CDATA["):end])
		h.i += min(end+3, len(rest))
	case strings.HasPrefix(rest, "<!"), strings.HasPrefix(rest, "<?"):
		h.skipPast(">")
	default:
		return h.tag()
	}
	return true
}

func (h *htmlScanner) skipPast(end string) {
	if j := strings.Index(h.src[h.i:], end); j >= 0 {
		h.i += j + len(end)
		return
	}
	h.i = len(h.src)
}

// tag reads a start or end tag and acts on it.
func (h *htmlScanner) tag() bool {
	t, n, ok := parseTag(h.src[h.i:])
	if !ok {
		return false
	}
	h.i += n
	switch {
	case rawTextTags[t.name] && !t.end:
		h.skipElement(t.name)
	case t.name == "img" && !t.end:
		h.out.WriteString("\n\n" + h.img(t.attr["src"], t.attr["alt"]) + "\n\n")
	case t.name == "br":
		h.out.WriteString("\n")
	case t.name == "li" && !t.end:
		h.out.WriteString("\n- ")
	case t.name == "pre":
		h.pre++
		if t.end {
			h.pre -= 2
		}
		h.out.WriteString("\n\n")
	case blockTags[t.name]:
		h.out.WriteString("\n\n")
	case t.name == "tr":
		h.out.WriteString("\n")
	case t.name == "td" || t.name == "th":
		h.out.WriteString(" ")
	}
	return true
}

// skipElement drops everything up to the element's end tag: what a script
// or style holds is not text.
func (h *htmlScanner) skipElement(name string) {
	lower := strings.ToLower(h.src[h.i:])
	if j := strings.Index(lower, "</"+name); j >= 0 {
		h.i += j
		h.skipPast(">")
		return
	}
	h.i = len(h.src)
}

var htmlSpace = regexp.MustCompile(`[ \t\n\r\f]+`)

// text writes a run of text between tags: entities decoded, white space
// collapsed as a browser would (but in <pre>, and at new lines in
// moodle_auto_format).
func (h *htmlScanner) text(s string) {
	if s == "" {
		return
	}
	s = html.UnescapeString(s)
	h.raw(s)
}

func (h *htmlScanner) raw(s string) {
	switch {
	case h.pre > 0:
	case h.keepNewlines:
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = htmlSpace.ReplaceAllString(l, " ")
		}
		s = strings.Join(lines, "\n")
	default:
		s = htmlSpace.ReplaceAllString(s, " ")
	}
	h.out.WriteString(s)
}

var (
	rawTextTags = map[string]bool{"script": true, "style": true, "template": true, "textarea": true, "iframe": true, "object": true, "noscript": true, "title": true}
	blockTags   = map[string]bool{
		"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
		"ul": true, "ol": true, "table": true, "blockquote": true, "hr": true, "section": true, "article": true,
		"header": true, "footer": true, "figure": true, "figcaption": true, "dl": true, "dt": true, "dd": true,
	}
)

type htmlTag struct {
	name string
	end  bool
	attr map[string]string
}

// parseTag reads "<name attr=value …>" or "</name>" at the start of s,
// and how many bytes it takes; false if s does not start with a tag.
func parseTag(s string) (htmlTag, int, bool) {
	t := htmlTag{attr: map[string]string{}}
	i := 1
	if i < len(s) && s[i] == '/' {
		t.end = true
		i++
	}
	start := i
	for i < len(s) && isNameByte(s[i]) {
		i++
	}
	if i == start || !isLetter(s[start]) {
		return t, 0, false
	}
	t.name = strings.ToLower(s[start:i])
	for i < len(s) {
		switch c := s[i]; {
		case c == '>':
			return t, i + 1, true
		case isSpace(c) || c == '/':
			i++
		default:
			var name, value string
			name, value, i = parseAttr(s, i)
			if name != "" {
				t.attr[name] = value
			}
		}
	}
	return t, 0, false
}

// parseAttr reads name, name=value, name="value" or name='value' at s[i:].
func parseAttr(s string, i int) (name, value string, next int) {
	start := i
	for i < len(s) && !isSpace(s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/' {
		i++
	}
	name = strings.ToLower(s[start:i])
	switch {
	case i == start:
		return "", "", i + 1
	case i >= len(s) || s[i] != '=':
		return name, "", i
	}
	value, next = attrValue(s, i+1)
	return name, html.UnescapeString(value), next
}

// attrValue reads a quoted or bare attribute value at s[i:].
func attrValue(s string, i int) (string, int) {
	if i < len(s) && (s[i] == '"' || s[i] == '\'') {
		end := strings.IndexByte(s[i+1:], s[i])
		if end < 0 {
			return "", len(s)
		}
		return s[i+1 : i+1+end], i + end + 2
	}
	start := i
	for i < len(s) && !isSpace(s[i]) && s[i] != '>' {
		i++
	}
	return s[start:i], i
}

func isLetter(c byte) bool   { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isNameByte(c byte) bool { return isLetter(c) || c >= '0' && c <= '9' || c == '-' || c == ':' }
func isSpace(c byte) bool    { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// tidyLines trims every line and leaves at most one blank line between
// paragraphs, none at either end.
func tidyLines(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\u00a0", " "), "\n")
	var out []string
	blank := false
	for _, l := range lines {
		l = strings.Trim(l, " \t")
		if l == "" {
			blank = len(out) > 0
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
