package course_test

import (
	"bufio"
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/ogoh/ogoh/courses"
	"github.com/ogoh/ogoh/locales"
	"github.com/ogoh/ogoh/quickref"
)

// avoidTerm is one entry of the "avoid" column of TERMS.md.
type avoidTerm struct {
	// pattern, matched case-insensitively. A leading word boundary is
	// added (a letter, ʻ or ʼ may not come before it); patterns that end
	// in a whole word say so with `\b` replaced by endWord below, and
	// stems (which may go on: путешественника, qurbonlari) end open.
	pattern string
	use     string // what TERMS.md says to write instead
	// where the term is wrong only in one kind of text.
	localesOnly bool // a UI word; in a course it can mean something else
	headingOnly bool // wrong as a heading or title, fine in a sentence
}

// endWord closes a pattern at a word end: the next rune is not a letter
// (ʻ U+02BB and ʼ U+02BC are letters, so oʻ and gʻ stay inside a word).
const endWord = `(?:$|[^\p{L}\p{N}])`

// avoid follows ../shared/content/TERMS.md, "Terms: one word for one
// thing", its "avoid" column per language, with the picks made where it
// says "pick one" (Uzbek: trener for the trainer, in the UI and the
// courses; bolaning oliy manfaatlari; ov qilish / qarmoq tashlash). Keep
// the two in step.
//
// Not checked here, because no pattern tells right from wrong (a reader
// has to):
//   - ru ты-form: the learner is addressed with вы everywhere;
//   - the National Commission's old name: a lesson may tell its history
//     ("set up in 2019 as …"); only the wrong variants of the new name are
//     checked, and "the new name" without giving it is not;
//   - English acronyms left unexplained («4 R» is checked; others are not);
//   - uz: YeXHT, XMT and UNODC spelled out on first use in each course;
//   - uz: jabrlanuvchi as the law's term in the rehabilitation centre's
//     name (qurbon is checked everywhere);
//   - uz: kuzatuvchi is right for an observer (mustaqil kuzatuvchilar);
//     it is checked because every current use means a minder;
//   - the meaning errors TERMS.md lists one by one (faqat … balki,
//     yaqinda/yaqin atrofda, and the rest): they are sentences to mend,
//     not terms.
var avoid = map[string][]avoidTerm{
	"ru": {
		{pattern: `путешественни`, use: "пассажир; лицо, пересекающее границу; выезжающий"},
		{pattern: `систематическ(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)` + endWord, use: "системный"},
		{pattern: `монитор\p{L}* третьей стороны`, use: "независимые наблюдатели, специалисты по мониторингу"},
		{pattern: `непривлечени\p{L}* к ответственности`, use: "принцип ненаказания; положение о ненаказании"},
		{pattern: `на передовой`, use: "сотрудники первой линии"},
		{pattern: `трудов(?:ой|ого|ому|ым|ом|ые|ых|ыми) инспектор`, use: "инспектор труда"},
		{pattern: `спутни(?:к|ка|ку|ком|ке|ки|ков|кам|ками|ках|ца|цы|це|цу|цей|ц|цам|цами|цах)` + endWord, use: "сопровождающий"},
		{pattern: `по версии МОМ`, use: "по данным МОМ"},
		{pattern: `в терминах УНП ООН`, use: "по классификации УНП ООН"},
		{pattern: `не име\p{L}* доступа к родителям`, use: "лишён связи с родителями"},
		{pattern: `мелки\p{L}* общинн\p{L}* работ`, use: "мелкие работы общинного характера"},
		{pattern: `148\s*\(2\)`, use: "статья 148-2"},
		{pattern: `противодействию торговле людьми и вопросам достойного труда`, use: "Национальная комиссия по вопросам противодействия торговле людьми и достойного труда"},
		{pattern: `торговле людьми и обеспечения достойного труда`, use: "Национальная комиссия по вопросам противодействия торговле людьми и достойного труда"},
		{pattern: `4\s*R` + endWord, use: "explain the English acronym, or drop it"},
	},
	"uz": {
		{pattern: `jazoga tortmaslik`, use: "javobgarlikka tortmaslik tamoyili"},
		{pattern: `jabrlanuvchini jazolamang`, use: "javobgarlikka tortmaslik tamoyili", headingOnly: true},
		{pattern: `qurbon`, use: "jabrlanuvchi"},
		{pattern: `YXHT` + endWord, use: "Yevropada Xavfsizlik va Hamkorlik Tashkiloti (YeXHT), then YeXHT"},
		{pattern: `tengdosh\p{L}* ko[ʻ'‘]mag`, use: "hamtaqdirlar (oʻxshash tajribaga ega odamlar) koʻmagi"},
		{pattern: `kuzatuvchi`, use: "hamroh; kuzatib boruvchi; hamrohsiz (a child)"},
		{pattern: `topshiril(?:di|madi)` + endWord, use: "testdan oʻtdi; testdan hali oʻtmadingiz", localesOnly: true},
		{pattern: `bolaning eng yaxshi manfaat`, use: "bolaning oliy manfaatlari"},
		{pattern: `o[ʻ'‘]qituvchi`, use: "trener"},
		{pattern: `baliq ov`, use: "ov qilish / qarmoq tashlash"},
		{pattern: `elchixona telegramma`, use: "diplomatik xabarlar"},
		{pattern: `148\s*\(2\)`, use: "148-2-modda"},
	},
}

// text is one line of text in one language, where it stands.
type text struct {
	file    string
	line    int
	lang    string
	heading bool // a Markdown heading or a title key
	text    string
}

// textsOf reads every line of text of a Markdown or TOML file in the
// language it is written in: a lesson by its folder, a locale by its name,
// a course or card file by the key (text.ru = …, items.uz = [ …).
func textsOf(t *testing.T, fsys fs.FS, name, lang string) []text {
	t.Helper()
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	keyed := regexp.MustCompile(`^\s*([A-Za-z0-9_.\-]+)\.(en|ru|uz)\s*=\s*(.*)$`)
	var out []text
	inArray, arrayLang, arrayHeading := false, "", false
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasSuffix(name, ".md"):
			out = append(out, text{name, n, lang, strings.HasPrefix(line, "#"), line})
		case lang != "": // a locale: every value is in its language
			if k, v, ok := strings.Cut(line, "="); ok && !strings.HasPrefix(strings.TrimSpace(line), "#") {
				out = append(out, text{name, n, lang, strings.Contains(k, "title"), v})
			}
		case inArray:
			if strings.TrimSpace(line) == "]" {
				inArray = false
				continue
			}
			out = append(out, text{name, n, arrayLang, arrayHeading, line})
		default:
			m := keyed.FindStringSubmatch(line)
			if m == nil {
				continue
			}
			heading := strings.HasSuffix(m[1], "title")
			out = append(out, text{name, n, m[2], heading, m[3]})
			if v := strings.TrimSpace(m[3]); strings.HasPrefix(v, "[") && !strings.HasSuffix(v, "]") {
				inArray, arrayLang, arrayHeading = true, m[2], heading
			}
		}
	}
	return out
}

// bundledTexts is every text of the bundled courses (lessons, quizzes,
// scenarios, course.toml), the quick reference and the UI.
func bundledTexts(t *testing.T) []text {
	t.Helper()
	var out []text
	err := fs.WalkDir(courses.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		lang := "" // TOML: by key
		if strings.HasSuffix(p, ".md") {
			parts := strings.Split(p, "/") // <course>/lessons/<lang>/<file>.md
			lang = parts[len(parts)-2]
		} else if !strings.HasSuffix(p, ".toml") {
			return nil
		}
		for _, x := range textsOf(t, courses.FS, p, lang) {
			x.file = "courses/" + x.file
			out = append(out, x)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range textsOf(t, quickref.FS, "cards.toml", "") {
		x.file = "quickref/" + x.file
		out = append(out, x)
	}
	names, _ := fs.Glob(locales.FS, "*.toml")
	for _, n := range names {
		for _, x := range textsOf(t, locales.FS, n, strings.TrimSuffix(path.Base(n), ".toml")) {
			x.file = "locales/" + x.file
			out = append(out, x)
		}
	}
	return out
}

// TestTextsKeepToTermsMd holds every bundled text to TERMS.md's "avoid"
// column, per language.
func TestTextsKeepToTermsMd(t *testing.T) {
	compiled := map[string][]*regexp.Regexp{}
	for lang, terms := range avoid {
		for _, a := range terms {
			compiled[lang] = append(compiled[lang], regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(`+a.pattern+`)`))
		}
	}
	texts := bundledTexts(t)
	if len(texts) < 1000 {
		t.Fatalf("read only %d lines of text; the reader has lost its way", len(texts))
	}
	found := 0
	for _, x := range texts {
		for i, re := range compiled[x.lang] {
			a := avoid[x.lang][i]
			if a.localesOnly && !strings.HasPrefix(x.file, "locales/") || a.headingOnly && !x.heading {
				continue
			}
			if m := re.FindStringSubmatch(x.text); m != nil {
				found++
				term := strings.TrimFunc(m[1], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ')' })
				t.Errorf("%s:%d [%s]: %q: TERMS.md says %s", x.file, x.line, x.lang, term, a.use)
			}
		}
	}
	if found > 0 {
		t.Logf("%d uses of terms TERMS.md says to avoid", found)
	}
}

// TestAvoidPatternsFindWhatTheyShould: boundaries keep a stem from
// matching inside another word, and case does not matter.
func TestAvoidPatternsFindWhatTheyShould(t *testing.T) {
	find := func(lang, s string) bool {
		for _, a := range avoid[lang] {
			if regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(` + a.pattern + `)`).MatchString(s) {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		lang, s string
		want    bool
	}{
		{"ru", "Путешественника попросили выйти.", true},
		{"ru", "Спутник отвечает за неё.", true},
		{"ru", "спутниковый телефон", false},
		{"ru", "систематический труд", true},
		{"ru", "систематически опаздывает", false},
		{"ru", "статья 148-2", false},
		{"ru", "ст. 148(2)", true},
		{"uz", "Qurbonlari bilan", true},
		{"uz", "jabrlanuvchi", false},
		{"uz", "Oʻqituvchingizdan soʻrang", true},
		{"uz", "treneringizdan soʻrang", false},
		{"uz", "YXHT", true},
		{"uz", "YeXHT", false},
		{"uz", "kuzatuvchisiz bola", true},
		{"uz", "hamrohsiz bola", false},
	} {
		if got := find(tc.lang, tc.s); got != tc.want {
			t.Errorf("%s %q: found = %v, want %v", tc.lang, tc.s, got, tc.want)
		}
	}
}
