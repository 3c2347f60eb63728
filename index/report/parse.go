package report

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrNotReport is returned for text in which no report body is found.
var ErrNotReport = errors.New("没有找到报告正文")

var reClosing = regexp.MustCompile(`^以上报告[,，]?请予审议`)

// Parse builds a report from its text, one paragraph per line. meta holds
// what is already known of the report (at least its ID); the rest is
// derived from the text: the title and delivery-date lines before the
// body, and the years of the part headings.
//
// The body is read line by line. Numbered headings (一、 (一) 一是 ——…。 1.),
// short unnumbered lead lines and appendix labels open sections; every
// other line is a paragraph of the innermost open section, so no text is
// dropped. Page furniture is removed first and lines broken inside a
// sentence are joined again.
func Parse(meta Meta, text string) (*Report, error) {
	lines := contentLines(text)
	frontEnd, start := findBody(lines)
	if start < 0 {
		return nil, ErrNotReport
	}
	body := joinBroken(lines[start:])
	f := frontMatter(lines[:frontEnd])
	if len(body) > 0 {
		f.opening = body[0]
	}
	heads := partHeadings(body)
	deriveMeta(&meta, f, heads)

	p := parser{r: &Report{Meta: meta}, part: PartFront, inline: -1, numbered: len(heads) > 0}
	closeAt := closingLine(body)
	for i := 0; i < len(body); i++ {
		if i == closeAt {
			p.startClosing()
		}
		if n := tableLen(body[i:]); n > 0 {
			p.table(body[i : i+n])
			i += n - 1
			continue
		}
		next := ""
		if i+1 < len(body) {
			next = body[i+1]
		}
		p.line(body[i], next)
	}
	if len(p.r.Sentences) == 0 {
		return nil, ErrNotReport
	}
	return p.r, nil
}

// findBody returns where the front matter ends and the body starts: at the
// opening address 各位代表 (the body starts after it, or with the rest of
// its line), else at the first part heading, else at the first line. The
// address line itself belongs to neither. start is -1 for no lines.
func findBody(lines []string) (frontEnd, start int) {
	for i, l := range lines {
		if m := reAddress.FindStringIndex(l); m != nil {
			if rest := strings.TrimSpace(l[m[1]:]); rest != "" {
				lines[i] = rest // "各位代表：现在，我代表…" on one line
				return i, i
			}
			return i, i + 1
		}
		if h, ok := parseHeading(l); ok && h.rank == rankPart {
			return i, i
		}
	}
	if len(lines) > 0 {
		return 0, 0
	}
	return 0, -1
}

// partHeadings returns the texts of the numbered part headings of the body
// before any appendix.
func partHeadings(body []string) []string {
	var out []string
	for _, l := range body {
		if _, ok := appendixHeading(l); ok {
			break
		}
		if h, ok := parseHeading(l); ok && h.rank == rankPart {
			out = append(out, h.text)
		}
	}
	return out
}

// closingLine returns the index of the closing of the speech: 以上报告，请予
// 审议, or the last paragraph before the appendices when it is addressed
// to the deputies (各位代表！…让我们…), together with a bare address line
// just before it. It returns -1 when there is none.
func closingLine(body []string) int {
	last := len(body)
	for i, l := range body {
		if _, ok := appendixHeading(l); ok {
			last = i
			break
		}
	}
	for i := 0; i < last; i++ {
		if reClosing.MatchString(body[i]) {
			return i
		}
	}
	i := last - 1
	if i < 1 || isTableLine(body[i]) {
		return -1
	}
	switch {
	case isBareAddress(body[i-1]):
		return i - 1
	case isAddress(body[i]) && !isBareAddress(body[i]):
		return i
	}
	return -1
}

// parser walks the body lines, keeping the heading path.
type parser struct {
	r        *Report
	path     []heading // open headings, outermost first
	part     Part
	mixed    bool // the part alternates between review and plan (a five-year plan)
	inline   int  // rank of a heading whose body was on its own line, -1 for none
	closing  bool // past the closing of the speech
	title    bool // an appendix label without a title was just read
	numbered bool // the body has numbered part headings
}

// line reads one body line; next is the line after it, "" at the end.
func (p *parser) line(l, next string) {
	if reClosing.MatchString(l) && !p.closing {
		p.startClosing()
	}
	if p.inline >= 0 {
		p.pop(p.inline) // an inline item covers its own paragraph only
		p.inline = -1
	}
	if p.appendixLine(l) {
		return
	}
	if isAddress(l) && !p.closing {
		p.pop(rankSub) // the speaker turns to the deputies: back to the part
	}
	if isBareAddress(l) {
		return
	}
	h, ok := parseHeading(l)
	if !ok && isLeadLine(l, next) {
		h, ok = p.leadHeading(l), true
	}
	if !ok {
		p.paragraph(l)
		return
	}
	p.open(h)
	if h.body != "" {
		if h.rank >= rankItem {
			p.inline = h.rank
		}
		p.paragraph(h.body)
	}
}

// appendixLine reads l if it labels an appendix (附件1, 名词解释) or is the
// title line after a label that has none, and reports whether it did.
func (p *parser) appendixLine(l string) bool {
	wantTitle := p.title
	p.title = false
	if wantTitle && isTitleLine(l) && !isTableLine(l) {
		p.open(heading{rank: rankTitle, text: l})
		return true
	}
	h, ok := appendixHeading(l)
	if !ok {
		return false
	}
	p.startClosing()
	p.open(h)
	m := reAppendix.FindStringSubmatch(l)
	p.title = m != nil && m[2] == ""
	return true
}

// leadHeading makes a heading of an unnumbered lead line: a part title in a
// report without numbered parts when it names a part (工作回顾, 主要任务),
// else a heading below the numbered ones.
func (p *parser) leadHeading(l string) heading {
	text := strings.TrimSuffix(l, "。")
	if !p.numbered && !p.closing && (cueOf(text) != "" || reTitleYr.MatchString(text)) {
		return heading{rank: rankPart, text: text}
	}
	return heading{rank: rankLead, text: text}
}

// open closes the headings of h's rank and deeper and opens h.
func (p *parser) open(h heading) {
	p.pop(h.rank)
	p.path = append(p.path, h)
	p.r.Headings = append(p.r.Headings, h.text)
	if h.rank == rankPart && !p.closing {
		p.part, p.mixed = p.partOf(h.text)
	}
}

// startClosing marks the rest of the text as the closing.
func (p *parser) startClosing() {
	if p.closing {
		return
	}
	p.closing = true
	p.part = PartClosing
	p.mixed = false
	p.path = nil
	p.inline = -1
}

// pop closes the headings at rank and deeper.
func (p *parser) pop(rank int) {
	for len(p.path) > 0 && p.path[len(p.path)-1].rank >= rank {
		p.path = p.path[:len(p.path)-1]
	}
}

func (p *parser) sectionPath() []string {
	out := make([]string, len(p.path))
	for i, h := range p.path {
		out[i] = h.text
	}
	return out
}

// paragraph adds a paragraph of body text and its sentences. A sentence
// that is only an address (各位代表！) is not kept as a sentence.
func (p *parser) paragraph(text string) {
	if p.mixed {
		if c := p.paragraphCue(text); c != "" {
			p.part = c
		}
	}
	r := p.r
	para := Paragraph{ID: len(r.Paragraphs), Section: p.sectionPath(), Part: p.part, Text: text}
	r.Paragraphs = append(r.Paragraphs, para)
	for _, s := range splitSentences(text) {
		if isBareAddress(s) {
			continue
		}
		figs := extractFigures(s, p.part, r.Meta.ReviewYear, r.Meta.PlanYear)
		p.appendixPeriod(figs)
		r.Sentences = append(r.Sentences, Sentence{
			ID:      len(r.Sentences),
			Para:    para.ID,
			Row:     -1,
			Section: para.Section,
			Part:    p.part,
			Text:    s,
			Figures: figs,
		})
	}
}

// appendixPeriod gives the figures of an appendix that names the planned
// or the reviewed year ("2026年省十件民生实事") that year's period, when
// the sentence itself does not tell.
func (p *parser) appendixPeriod(figs []Figure) {
	if p.part != PartClosing {
		return
	}
	m := p.r.Meta
	period, year := Period(""), 0
	for _, h := range p.path {
		if y := reTitleYr.FindStringSubmatch(h.text); y != nil {
			switch y[1] {
			case strconv.Itoa(m.PlanYear):
				period, year = PeriodTarget, m.PlanYear
			case strconv.Itoa(m.ReviewYear):
				period, year = PeriodResult, m.ReviewYear
			}
		}
	}
	for i := range figs {
		if figs[i].Period == "" {
			figs[i].Period, figs[i].Year = period, year
		}
	}
}

// partOf tells from a part heading whether it reviews or plans, and
// whether it is about a new five-year plan: such a part also looks back on
// the last five years, so its paragraphs are judged one by one.
func (p *parser) partOf(text string) (Part, bool) {
	m := p.r.Meta
	oldPlan, newPlan := fiveYearPlan(m.ReviewYear), fiveYearPlan(m.PlanYear)
	mixed := false
	for _, n := range fivePlansIn(text) {
		mixed = mixed || n == newPlan && newPlan != oldPlan
	}
	for _, y := range reTitleYr.FindAllStringSubmatch(text, -1) {
		switch y[1] {
		case strconv.Itoa(m.PlanYear):
			return PartPlan, mixed
		case strconv.Itoa(m.ReviewYear):
			return PartReview, mixed
		}
	}
	if c := cueOf(text); c != "" {
		return c, mixed
	}
	if mixed {
		return PartPlan, mixed
	}
	if p.part == PartFront {
		return PartReview, false
	}
	return p.part, false
}

var (
	reviewCues = []string{"过去五年", "这五年", "五年来", "回顾"}
	planCues   = []string{"今后五年", "未来五年", "展望"}
)

// paragraphCue tells, in a part about a five-year plan, whether a paragraph
// looks back (the last plan, 过去五年) or ahead (the new plan, 今后五年, a
// year after the planned one), by whichever cue comes first; "" for none.
func (p *parser) paragraphCue(text string) Part {
	m := p.r.Meta
	oldPlan, newPlan := fiveYearPlan(m.ReviewYear), fiveYearPlan(m.PlanYear)
	at, part := len(text), Part("")
	see := func(i int, c Part) {
		if i >= 0 && i < at {
			at, part = i, c
		}
	}
	for _, w := range reviewCues {
		see(strings.Index(text, w), PartReview)
	}
	for _, w := range planCues {
		see(strings.Index(text, w), PartPlan)
	}
	for _, loc := range reFivePlan.FindAllStringIndex(text, -1) {
		switch fivePlansIn(text[loc[0]:loc[1]])[0] {
		case newPlan:
			see(loc[0], PartPlan)
		case oldPlan:
			see(loc[0], PartReview)
		}
	}
	for _, loc := range reTitleYr.FindAllStringSubmatchIndex(text, -1) {
		if y, _ := strconv.Atoi(text[loc[2]:loc[3]]); y > m.PlanYear {
			see(loc[0], PartPlan)
		}
	}
	return part
}

// joinBroken joins lines that were broken inside a sentence ("以PM" /
// "2.5" / "浓度持续下降…") back into one. It is conservative: a line is only
// joined to the one before when that one does not end a sentence and the
// break is plainly not a paragraph break.
func joinBroken(lines []string) []string {
	var out []string
	for _, l := range lines {
		if n := len(out); n > 0 && continues(out[n-1], l) {
			out[n-1] += l
			continue
		}
		out = append(out, l)
	}
	return out
}

const (
	lineStarts = "，。；：！？、）)”’》」』,;:!?" // no line starts with these
	lineEnds   = "。！？；：!?;:…”’）)》」』】|" // a line ending with these is whole
	openEnds   = "的、，,“《（("            // no heading or paragraph ends with these
)

// continues reports whether next continues the sentence that prev breaks off.
func continues(prev, next string) bool {
	if isTableLine(prev) || isTableLine(next) || isStructure(next) {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	if strings.ContainsRune(lineStarts, first) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(prev)
	if strings.ContainsRune(lineEnds, last) || isStructure(prev) && !hasBody(prev) {
		return false
	}
	long := utf8.RuneCountInString(prev) >= 20
	switch {
	case strings.HasPrefix(next, "是：") || strings.HasPrefix(next, "是:"):
		return true // "…主要目标" / "是：地区生产总值…"
	case strings.ContainsRune(openEnds, last), unclosed(prev):
		return true
	case last < utf8.RuneSelf && isASCIIAlnum(byte(last)):
		// "…以PM" / "2.5"; then "…以PM2.5" / "年平均浓度". A short line ending
		// in a digit ("表1") may be a caption.
		letter := unicode.IsLetter(last)
		return letter && isASCIIAlnum(next[0]) || utf8.RuneCountInString(prev) >= 8
	case long && utf8.RuneCountInString(next) <= 4 && !rePunct.MatchString(next):
		return true // a word cut out of a long line: "…带技术" / "揭榜"
	}
	return false
}

// isStructure reports whether l is a heading or an appendix label.
func isStructure(l string) bool {
	if _, ok := appendixHeading(l); ok {
		return true
	}
	_, ok := parseHeading(l)
	return ok || isAddress(l)
}

// hasBody reports whether heading line l carries body text after it.
func hasBody(l string) bool {
	h, ok := parseHeading(l)
	return ok && h.body != ""
}

// unclosed reports whether s opens a quotation or title it does not close.
func unclosed(s string) bool {
	depth, _ := quoteDepth(s)
	return depth > 0
}
