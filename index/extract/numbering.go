package extract

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// Automatic numbering of docx paragraphs. Word writes the numbers of
// numbered paragraphs ("一、", "（一）", "1.") not as text but as a
// reference to a list definition in word/numbering.xml, directly or through
// the paragraph style (word/styles.xml). Reports number their headings that
// way, and the headings are what report.Parse finds the structure by, so the
// labels are computed here as Word would show them.

// maxPartSize caps numbering.xml and styles.xml.
const maxPartSize = 10 << 20

// maxLabelText caps the length of a level's label template (w:lvlText), so
// that a hostile one cannot be repeated on every paragraph.
const maxLabelText = 64

// maxLevels is the number of list levels Word has.
const maxLevels = 9

// numLevel is one level of a list definition.
type numLevel struct {
	start  int
	format string // w:numFmt: decimal, chineseCounting, bullet…
	text   string // w:lvlText: "%1、", "（%1）", "%1.%2"
	suff   string // w:suff: tab (default), space or nothing
	legal  bool   // w:isLgl: show every level as a decimal number
	style  string // w:pStyle: the paragraph style linked to the level
}

// numInstance is a w:num: a use of an abstract list definition.
type numInstance struct {
	abstract string
	levels   [maxLevels]*numLevel
	counter  string // key of the counters it advances
}

// numbering holds a document's list definitions and style numbering, and
// the counters of the lists while the document is read.
type numbering struct {
	nums     map[string]*numInstance
	styles   map[string]docxStyle
	counters map[string]*[maxLevels]int // 0 = level not started
}

// docxStyle is the numbering-related part of a paragraph style.
type docxStyle struct {
	basedOn string
	numID   string
	ilvl    string
}

type xVal struct {
	Val string `xml:"val,attr"`
}

type xLvl struct {
	Ilvl    string `xml:"ilvl,attr"`
	Start   *xVal  `xml:"start"`
	NumFmt  *xVal  `xml:"numFmt"`
	AltFmt  *xVal  `xml:"AlternateContent>Fallback>numFmt"`
	LvlText *xVal  `xml:"lvlText"`
	Suff    *xVal  `xml:"suff"`
	IsLgl   *xVal  `xml:"isLgl"`
	PStyle  *xVal  `xml:"pStyle"`
}

type xNumbering struct {
	Abstract []struct {
		ID  string `xml:"abstractNumId,attr"`
		Lvl []xLvl `xml:"lvl"`
	} `xml:"abstractNum"`
	Num []struct {
		ID       string `xml:"numId,attr"`
		Abstract xVal   `xml:"abstractNumId"`
		Override []struct {
			Ilvl  string `xml:"ilvl,attr"`
			Start *xVal  `xml:"startOverride"`
			Lvl   *xLvl  `xml:"lvl"`
		} `xml:"lvlOverride"`
	} `xml:"num"`
}

type xStyles struct {
	Style []struct {
		ID      string `xml:"styleId,attr"`
		BasedOn xVal   `xml:"basedOn"`
		NumPr   *struct {
			Ilvl  *xVal `xml:"ilvl"`
			NumID *xVal `xml:"numId"`
		} `xml:"pPr>numPr"`
	} `xml:"style"`
}

// loadNumbering reads numbering.xml and styles.xml next to the main part.
// It returns nil (no numbering) when the document has no list definitions
// or they cannot be read: numbers are worth having, not worth failing for.
func loadNumbering(files map[string]*zip.File, dir string) *numbering {
	var xn xNumbering
	if readPart(files, dir+"numbering.xml", &xn) != nil || len(xn.Num) == 0 {
		return nil
	}
	var xs xStyles
	_ = readPart(files, dir+"styles.xml", &xs) // numbering works without styles
	return buildNumbering(&xn, &xs)
}

// buildNumbering resolves the list definitions read from numbering.xml and
// styles.xml.
func buildNumbering(xn *xNumbering, xs *xStyles) *numbering {
	n := &numbering{
		nums:     make(map[string]*numInstance),
		styles:   make(map[string]docxStyle),
		counters: make(map[string]*[maxLevels]int),
	}
	abstract := make(map[string][maxLevels]*numLevel)
	for _, a := range xn.Abstract {
		var levels [maxLevels]*numLevel
		for _, l := range a.Lvl {
			if i, ok := levelIndex(l.Ilvl); ok {
				levels[i] = l.level()
			}
		}
		abstract[a.ID] = levels
	}
	for _, x := range xn.Num {
		inst := &numInstance{abstract: x.Abstract.Val, levels: abstract[x.Abstract.Val], counter: "a" + x.Abstract.Val}
		for _, o := range x.Override {
			i, ok := levelIndex(o.Ilvl)
			if !ok {
				continue
			}
			if o.Lvl != nil {
				inst.levels[i] = o.Lvl.level()
			}
			if o.Start != nil && inst.levels[i] != nil {
				l := *inst.levels[i]
				l.start = atoiDefault(o.Start.Val, l.start)
				inst.levels[i] = &l
			}
			inst.counter = "n" + x.ID // restarted: counts on its own
		}
		n.nums[x.ID] = inst
	}
	for _, s := range xs.Style {
		st := docxStyle{basedOn: s.BasedOn.Val}
		if s.NumPr != nil {
			if s.NumPr.NumID != nil {
				st.numID = s.NumPr.NumID.Val
			}
			if s.NumPr.Ilvl != nil {
				st.ilvl = s.NumPr.Ilvl.Val
			}
		}
		n.styles[s.ID] = st
	}
	return n
}

// readPart decodes the XML part name (if present) into v, reading at most
// maxPartSize bytes.
func readPart(files map[string]*zip.File, name string, v any) error {
	f := files[name]
	if f == nil {
		return fmt.Errorf("no %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(&capReader{r: rc, n: maxPartSize + 1})
	d.CharsetReader = charset.NewReaderLabel
	return d.Decode(v)
}

func (l *xLvl) level() *numLevel {
	lv := &numLevel{start: 1, format: "decimal", suff: "tab"}
	if l.Start != nil {
		lv.start = atoiDefault(l.Start.Val, 1)
	}
	switch {
	case l.NumFmt != nil:
		lv.format = l.NumFmt.Val
	case l.AltFmt != nil:
		lv.format = l.AltFmt.Val
	}
	if l.LvlText != nil && len(l.LvlText.Val) <= maxLabelText {
		lv.text = l.LvlText.Val // longer ones are not labels: ignored
	}
	if l.Suff != nil {
		lv.suff = l.Suff.Val
	}
	lv.legal = l.IsLgl != nil && l.IsLgl.Val != "0" && l.IsLgl.Val != "false"
	if l.PStyle != nil {
		lv.style = l.PStyle.Val
	}
	return lv
}

func levelIndex(s string) (int, bool) {
	i, err := strconv.Atoi(s)
	return i, err == nil && i >= 0 && i < maxLevels
}

func atoiDefault(s string, def int) int {
	if i, err := strconv.Atoi(s); err == nil && i >= 0 && i < 1e6 {
		return i
	}
	return def
}

// label advances the counters for a paragraph with the given style and
// direct numbering (numID, ilvl: "" when absent) and returns the number to
// put before its text, or "".
func (n *numbering) label(style, numID, ilvl string) string {
	if n == nil {
		return ""
	}
	// Fill what the paragraph does not say from its style chain.
	styleID := ""
	for s, depth := style, 0; s != "" && depth < 20 && (numID == "" || ilvl == ""); depth++ {
		st, ok := n.styles[s]
		if !ok {
			break
		}
		if numID == "" && st.numID != "" {
			numID, styleID = st.numID, s
		}
		if ilvl == "" && st.ilvl != "" {
			ilvl = st.ilvl
		}
		s = st.basedOn
	}
	inst := n.nums[numID]
	if inst == nil { // includes numId 0: numbering removed
		return ""
	}
	lvl, ok := levelIndex(ilvl)
	if ilvl == "" {
		lvl, ok = 0, true
		for i, l := range inst.levels { // a level linked to the style
			if l != nil && styleID != "" && l.style == styleID {
				lvl = i
			}
		}
	}
	if !ok || inst.levels[lvl] == nil {
		return ""
	}
	c := n.counters[inst.counter]
	if c == nil {
		c = new([maxLevels]int)
		n.counters[inst.counter] = c
	}
	if c[lvl] == 0 {
		c[lvl] = inst.levels[lvl].start
	} else {
		c[lvl]++
	}
	for i := lvl + 1; i < maxLevels; i++ {
		c[i] = 0
	}

	l := inst.levels[lvl]
	if l.format == "bullet" || l.format == "none" || l.text == "" {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(l.text); i++ {
		ch := l.text[i]
		if ch == '%' && i+1 < len(l.text) && l.text[i+1] >= '1' && l.text[i+1] <= '9' {
			k := int(l.text[i+1] - '1')
			i++
			ref := inst.levels[k]
			if ref == nil {
				continue
			}
			v := c[k]
			if v == 0 {
				v = ref.start
			}
			format := ref.format
			if l.legal {
				format = "decimal"
			}
			b.WriteString(formatNumber(v, format))
			continue
		}
		b.WriteByte(ch)
	}
	label := b.String()
	if label == "" {
		return ""
	}
	switch last, _ := utf8.DecodeLastRuneInString(label); {
	case l.suff == "nothing", isCJK(last), last >= '\u2460' && last <= '\u24FF': // ① ⑴ ⒈
	default:
		label += " "
	}
	return label
}

// formatNumber writes v in a Word number format.
func formatNumber(v int, format string) string {
	switch format {
	case "chineseCounting", "chineseCountingThousand", "japaneseCounting", "taiwaneseCounting", "koreanCounting":
		if s := chineseNumber(v); s != "" {
			return s
		}
	case "chineseLegalSimplified":
		if s := chineseNumber(v); s != "" {
			return strings.NewReplacer("一", "壹", "二", "贰", "三", "叁", "四", "肆", "五", "伍",
				"六", "陆", "七", "柒", "八", "捌", "九", "玖", "十", "拾", "百", "佰", "千", "仟").Replace(s)
		}
	case "ideographDigital", "taiwaneseDigital", "japaneseDigitalTenThousand":
		const d = "〇一二三四五六七八九"
		var b strings.Builder
		for _, c := range strconv.Itoa(v) {
			b.WriteString(string([]rune(d)[c-'0']))
		}
		return b.String()
	case "ideographTraditional":
		if v >= 1 && v <= 10 {
			return string([]rune("甲乙丙丁戊己庚辛壬癸")[v-1])
		}
	case "ideographZodiac":
		if v >= 1 && v <= 12 {
			return string([]rune("子丑寅卯辰巳午未申酉戌亥")[v-1])
		}
	case "decimalEnclosedCircle", "decimalEnclosedCircleChinese", "ideographEnclosedCircle":
		if v >= 1 && v <= 20 {
			return string(rune('①' + v - 1))
		}
	case "decimalEnclosedParen":
		if v >= 1 && v <= 20 {
			return string(rune('⑴' + v - 1))
		}
	case "decimalEnclosedFullstop":
		if v >= 1 && v <= 20 {
			return string(rune('⒈' + v - 1))
		}
	case "decimalFullWidth", "decimalFullWidth2":
		var b strings.Builder
		for _, c := range strconv.Itoa(v) {
			b.WriteRune('０' + c - '0')
		}
		return b.String()
	case "decimalZero":
		return fmt.Sprintf("%02d", v)
	case "upperLetter", "lowerLetter":
		if v >= 1 && v <= 780 {
			base := 'A'
			if format == "lowerLetter" {
				base = 'a'
			}
			return strings.Repeat(string(base+rune((v-1)%26)), (v-1)/26+1)
		}
	case "upperRoman", "lowerRoman":
		if v >= 1 && v < 4000 {
			s := roman(v)
			if format == "lowerRoman" {
				s = strings.ToLower(s)
			}
			return s
		}
	}
	return strconv.Itoa(v)
}

// chineseNumber writes 1 ≤ v ≤ 9999 in Chinese numerals, as Word's
// chineseCounting does (十, 十一, 二十, 一百零一); "" outside that range.
func chineseNumber(v int) string {
	if v < 1 || v > 9999 {
		return ""
	}
	digits := []rune("零一二三四五六七八九")
	units := []string{"千", "百", "十", ""}
	var b strings.Builder
	zero := false
	for i, p := range []int{1000, 100, 10, 1} {
		d := v / p % 10
		if d == 0 {
			zero = b.Len() > 0
			continue
		}
		if zero {
			b.WriteRune('零')
			zero = false
		}
		if !(d == 1 && p == 10 && b.Len() == 0) { // 十一, not 一十一
			b.WriteRune(digits[d])
		}
		b.WriteString(units[i])
	}
	return b.String()
}

// roman writes 1 ≤ v < 4000 in Roman numerals.
func roman(v int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, n := range vals {
		for v >= n {
			b.WriteString(syms[i])
			v -= n
		}
	}
	return b.String()
}
