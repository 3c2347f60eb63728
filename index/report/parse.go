package report

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Errors of Parse.
var (
	// ErrNotReport is returned for text in which no report body is found.
	ErrNotReport = errors.New("没有找到报告正文")
	// ErrTooLarge is returned for text larger than any report.
	ErrTooLarge = errors.New("文件内容超出报告的正常长度")
)

// Limits on what a report may hold: about ten times the longest real
// report, so that an absurd or hostile file is refused before it costs
// the index minutes and gigabytes.
const (
	MaxChars      = 400_000 // characters of text
	MaxParagraphs = 5_000
	MaxSentences  = 10_000
	// MinSentences is the least number of sentences of some length
	// (minSentenceHan Chinese characters) in a report.
	MinSentences   = 3
	minSentenceHan = 4
)

var reClosing = regexp.MustCompile(`^以上报告[,，]?请予审议`)

// Labels of the passages that stand under no heading of the report.
const (
	FrontLabel   = "引言"  // the opening lines before the first part
	ClosingLabel = "结束语" // the closing lines after the last part
	TableLabel   = "附表"  // a table under no heading
)

// Parse builds a report from its text, one paragraph per line. meta holds
// what is already known of the report (at least its ID); the rest is
// derived from the text: the title and delivery-date lines before the
// body, and the years of the part headings.
//
// The body is read line by line into a tree of headings:
//   - numbered headings (一、 （一） 一是 第一， 1． （1） ① ——…。) and
//     appendix labels, alone on their line or run into their text;
//   - unnumbered heading lines: short phrases on a line of their own
//     followed by a longer paragraph (产业结构持续优化。), and in a report
//     without numbered parts the part titles (“十四五”时期发展成就和2025年
//     工作回顾);
//   - a paragraph's own lead: the short phrase it opens with (扩大有效投资。
//     实施…), and a second one nested in it;
//   - items inside a paragraph (…。二是…；…) and, in a paragraph of nested
//     leads, the phrases that head its later sentences.
//
// Every other line is a paragraph of the innermost open heading, so no text
// is dropped, and every sentence has a section path. Page furniture is
// removed first and lines broken inside a sentence are joined again.
func Parse(meta Meta, text string) (*Report, error) {
	if utf8.RuneCountInString(text) > MaxChars {
		return nil, fmt.Errorf("%w: more than %d characters", ErrTooLarge, MaxChars)
	}
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

	p := parser{r: &Report{Meta: meta}, numbered: len(heads) > 0, periods: periods{part: PartFront, severalYears: reviewsSeveralYears(body)}, parallel: parallelOpenings(body), body: body}
	p.path = []heading{{rank: rankPart, text: FrontLabel}}
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
		p.at = i
		p.line(body[i], next)
		if len(p.r.Paragraphs) > MaxParagraphs || len(p.r.Sentences) > MaxSentences {
			return nil, fmt.Errorf("%w: more than %d paragraphs or %d sentences", ErrTooLarge, MaxParagraphs, MaxSentences)
		}
	}
	if wordy(p.r.Sentences) < MinSentences {
		return nil, ErrNotReport
	}
	return p.r, nil
}

// wordy counts the sentences with some Chinese text in them: a report
// has many; a column of numbers or of lone punctuation has none.
func wordy(ss []Sentence) int {
	n := 0
	for _, s := range ss {
		han := 0
		for _, r := range s.Text {
			if unicode.Is(unicode.Han, r) {
				han++
			}
		}
		if han >= minSentenceHan {
			n++
		}
	}
	return n
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

// parser walks the body lines, keeping the open headings.
type parser struct {
	r        *Report
	path     []heading // open headings, outermost first
	closing  bool      // past the closing of the speech
	title    bool      // an appendix label without a title was just read
	numbered bool      // the body has numbered part headings
	headed   bool      // the line before was an unnumbered heading line
	parallel []bool    // by body line: one of a series of paragraphs that open alike (五年来，我们…)
	body     []string  // the body lines
	at       int       // the body line being read
	periods
}

// line reads one body line; next is the line after it, "" at the end.
func (p *parser) line(l, next string) {
	if reClosing.MatchString(l) && !p.closing {
		p.startClosing()
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
	if h, ok := p.numberedHeading(l); ok {
		p.open(h)
		if h.body != "" {
			if h.rank == rankSub {
				p.paragraph(h.body, runInBody)
			} else {
				p.paragraph(h.body, plain) // an item is the most specific level
			}
		}
		return
	}
	headed := p.headed
	p.headed = false
	if hs := p.headingLine(l, next); len(hs) > 0 {
		for _, h := range hs {
			p.open(h)
		}
		p.headed = hs[len(hs)-1].rank == rankLead // a phrase heads the paragraph below; a group does not
		return
	}
	// A paragraph right under a heading line has that line for its lead.
	leads := !headed && (leadSentences(splitSentences(l)) > 0 || p.inSeries() && summaryLead(l))
	if !leads {
		p.endRunIns() // else its lead closes what it follows
	}
	p.coverRunIn(leads)
	if leads {
		p.paragraph(l, mayLead)
	} else {
		p.paragraph(l, plain)
	}
}

// numberedHeading recognises a numbered heading, and in an appendix an
// entry of a list of terms (20.2026年10件民生实事：…).
func (p *parser) numberedHeading(l string) (heading, bool) {
	if p.closing {
		if h, ok := entryHeading(l); ok {
			return h, true
		}
	}
	return parseHeading(l)
}

// headingLine recognises a line of one to three short phrases that heads
// the longer paragraph after it (产业结构持续优化。 / 这一年，我们…，封关运
// 作如期实现。): the first of two is the group the second belongs to. In a
// report without numbered parts, a lone title that names a part (工作回顾,
// 主要目标, a year) is a part.
func (p *parser) headingLine(l, next string) []heading {
	n := utf8.RuneCountInString(l)
	if next == "" || n > maxHeadingRunes || isTableLine(l) || isTableLine(next) || isAddress(l) ||
		10*utf8.RuneCountInString(next) < 13*n || isStructure(next) {
		return nil
	}
	sents := splitSentences(l)
	if len(sents) > 3 {
		return nil
	}
	hs := make([]heading, 0, len(sents))
	for _, s := range sents {
		shape := leadShape(s, true)
		if shape == 0 {
			return nil
		}
		hs = append(hs, heading{rank: shape, text: strings.TrimSuffix(s, "。")})
	}
	if len(hs) == 1 && hs[0].rank == rankGroup && strings.HasSuffix(l, "。") && !p.inSeries() &&
		leadSentences(splitSentences(next)) > 0 {
		return nil // a sentence introducing the items after it (坚持扩大内需…，以…互促支撑。 / 扩容提质多元消费。…)
	}
	if len(hs) > 1 {
		hs[0].rank = rankGroup
		for i := range hs[1:] {
			hs[i+1].rank = rankLead
		}
	}
	if len(hs) == 1 && !p.numbered && !p.closing && !strings.HasSuffix(l, "。") && namesPart(hs[0].text) {
		hs[0].rank = rankPart
	}
	return hs
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

// open closes the headings h takes the place of and opens h: every deeper
// heading, and the open heading of h's rank; an item closes only the open
// item of its own style (二是 closes 一是), and nests in an item of another
// that stands on a line of its own (1. in 一是).
func (p *parser) open(h heading) {
	if len(p.path) > 0 && p.path[0].text == FrontLabel && h.rank <= rankSub {
		p.path = nil // the opening ends at the first part or section
	}
	if prev := p.sibling(h); prev != nil && prev.runIn && h.runIn {
		h.flat = prev.flat || !prev.covered
	}
	p.pop(h.rank + 1)
	if h.rank == rankItem {
		if n := len(p.path); n > 0 && p.path[n-1].rank == rankItem && p.path[n-1].runIn {
			p.path = p.path[:n-1] // an item run into its paragraph covers no other item
		}
		for i := len(p.path) - 1; i >= 0 && p.path[i].rank == rankItem; i-- {
			if p.path[i].style == h.style {
				p.path = p.path[:i]
				break
			}
		}
	} else {
		p.pop(h.rank)
	}
	p.path = append(p.path, h)
	p.r.Headings = append(p.r.Headings, h.text)
	if h.rank == rankPart && !p.closing {
		p.openPart(h.text, p.r.Meta)
	}
}

// inSeries reports whether the line being read is one of a series of
// paragraphs that open alike.
func (p *parser) inSeries() bool {
	return p.at < len(p.parallel) && p.parallel[p.at]
}

// sibling returns the open heading h follows in its series: of its rank
// and, for an item, its style.
func (p *parser) sibling(h heading) *heading {
	for i := len(p.path) - 1; i >= 0; i-- {
		switch e := &p.path[i]; {
		case e.rank == h.rank && (h.rank != rankItem || e.style == h.style):
			return e
		case e.rank < h.rank:
			return nil
		}
	}
	return nil
}

// coverRunIn notes that a paragraph follows the innermost run-in section
// or item after its own line. A paragraph with a lead of its own (leads)
// instead closes it if its series is flat and has no more headings to
// come: it opens a passage of the parent (一年来，中国特色大国外交全面推进。).
func (p *parser) coverRunIn(leads bool) {
	for i := len(p.path) - 1; i >= 0; i-- {
		e := &p.path[i]
		if e.rank != rankSub && e.rank != rankItem {
			continue
		}
		if e.runIn && e.flat && leads && !p.seriesGoesOn(*e) {
			p.path = p.path[:i]
		} else if e.runIn {
			e.covered = true
		}
		return
	}
}

// seriesGoesOn reports whether the heading after e in its series ((三)
// after (二)) comes after the line being read, before a heading of a
// higher rank or of a new series: the paragraphs up to it belong to e,
// not to e's parent.
func (p *parser) seriesGoesOn(e heading) bool {
	for _, l := range p.body[min(p.at+1, len(p.body)):] {
		h, ok := parseHeading(l)
		switch {
		case !ok:
		case h.rank < e.rank:
			return false
		case h.rank == e.rank && (h.rank != rankItem || h.style == e.style):
			return ordinal(h.text) > ordinal(e.text)
		}
	}
	return false
}

// ordinal returns the number a heading starts with ((三)… → 3, 第二，… → 2,
// 1．… → 1), or 0 when it has none (——…).
func ordinal(text string) int {
	text = strings.TrimLeft(text, "（(第")
	end := strings.IndexFunc(text, func(r rune) bool {
		_, cn := ChineseDigit(r)
		return !cn && r != '十' && (r < '0' || r > '9')
	})
	if end < 0 {
		end = len(text)
	}
	if n, err := strconv.Atoi(text[:end]); err == nil {
		return n
	}
	n, _ := ParseChineseNumber(text[:end])
	return n
}

// endRunIns closes the items and leads that were run into the paragraphs
// before: a paragraph with no heading of its own is back under the
// section they belong to.
func (p *parser) endRunIns() {
	for n := len(p.path); n > 0 && p.path[n-1].runIn && p.path[n-1].rank >= rankItem; n-- {
		p.path = p.path[:n-1]
	}
}

// startClosing marks the rest of the text as the closing.
func (p *parser) startClosing() {
	if p.closing {
		return
	}
	p.closing = true
	p.path = []heading{{rank: rankPart, text: ClosingLabel}}
	p.startClosingPart()
}

// pop closes the headings at rank and deeper.
func (p *parser) pop(rank int) {
	for len(p.path) > 0 && p.path[len(p.path)-1].rank >= rank {
		p.path = p.path[:len(p.path)-1]
	}
}

// sectionPath returns the texts of the open headings.
func (p *parser) sectionPath() []string {
	out := make([]string, len(p.path))
	for i, h := range p.path {
		out[i] = h.text
	}
	return out
}

// How a paragraph may be headed from inside (paragraph).
const (
	plain     = iota // by items run into it (…。二是…)
	mayLead          // also by a short phrase it opens with, and sub-leads
	runInBody        // the text run in after a section heading ((一)…。): also by sub-leads, from its first sentence
)

// minBodySubLeads is how many sub-leads the body of a run-in numbered
// heading needs: its heading already says it is a part of a list, so two
// phrases of one rhythm are enough ((一)…。坚持…。全力释放消费潜能。…。
// 积极扩大有效投资。…).
const minBodySubLeads = 2

// paragraph adds a paragraph of body text and its sentences. A paragraph
// that may lead (mayLead) is headed by a short phrase it opens with (and
// sub-leads nested in it head the sentences after them); items inside the
// paragraph (…。二是…) head the sentences from theirs on. A sentence that
// is only an address (各位代表！) is not kept as a sentence.
func (p *parser) paragraph(text string, how int) {
	sents := splitSentences(text)
	for len(sents) > 0 && isBareAddress(sents[0]) {
		sents = sents[1:]
	}
	k := 0 // sentences that head the paragraph
	if how == mayLead {
		k = leadSentences(sents)
		if k == 0 && p.inSeries() && summaryLead(text) {
			k = 1
		}
	}
	if k > 0 { // the paragraph's own lead: its section
		p.open(heading{rank: rankLead, text: strings.TrimSuffix(sents[0], "。"), runIn: true})
	}
	part, span := p.periodOf(text) // under its own lead, not the one before
	r := p.r
	para := Paragraph{ID: len(r.Paragraphs), Section: p.sectionPath(), Part: part, Span: span, Text: text}
	r.Paragraphs = append(r.Paragraphs, para)
	var sub map[int]bool // sentences heading parts of a paragraph of leads
	switch {
	case k > 0:
		sub = subLeads(sents, 1, 1, minSubLeads)
	case how == runInBody:
		sub = subLeads(sents, 0, 2, minBodySubLeads)
	}
	var inline []string
	for i, s := range sents {
		section, isHead := joinPath(para.Section, inline), false
		switch {
		case i == 0 && k > 0:
			section, isHead = para.Section[:len(para.Section)-1], true
		case sub[i]:
			section, isHead = para.Section, true
			inline = []string{strings.TrimSuffix(s, "。")}
			r.Headings = append(r.Headings, inline[0])
		case isInlineItem(s):
			inline = []string{inlineLabel(s)}
			section = joinPath(para.Section, inline)
		}
		p.sentence(para, s, section, isHead, spanOfSentence(s, span, r.Meta))
	}
}

// sentence adds one sentence of para with its figures.
func (p *parser) sentence(para Paragraph, s string, section []string, isHead bool, span Span) {
	r := p.r
	figs := extractFigures(s, para.Part, r.Meta.ReviewYear, r.Meta.PlanYear)
	p.completePeriods(figs, s, span)
	r.Sentences = append(r.Sentences, Sentence{
		ID:      len(r.Sentences),
		Para:    para.ID,
		Row:     -1,
		Section: section,
		Part:    para.Part,
		Span:    span,
		Heading: isHead,
		Text:    s,
		Figures: figs,
	})
}

// joinPath returns section followed by more, sharing nothing with section.
func joinPath(section, more []string) []string {
	if len(more) == 0 {
		return section
	}
	return append(append(make([]string, 0, len(section)+len(more)), section...), more...)
}

// leadSentences returns 1 when a paragraph opens with a phrase that heads
// it (扩大有效投资。实施…), longer text following, and 0 otherwise.
func leadSentences(sents []string) int {
	if len(sents) < 2 || leadShape(sents[0], false) == 0 {
		return 0
	}
	rest := 0
	for _, s := range sents[1:] {
		rest += utf8.RuneCountInString(s)
	}
	if rest < utf8.RuneCountInString(sents[0]) {
		return 0
	}
	return 1
}

// Sub-leads: how many a paragraph needs, and how much their lengths may
// differ (parallel phrases are written to one rhythm).
const (
	minSubLeads      = 3
	maxSubLeadSpread = 4
)

// subLeads returns the sentences from sents[first] on that head parts of
// a paragraph (加快科技创新和产业创新深度融合。突出科技供给。强化…。突出企业
// 主体。深化…): short phrases of one rhythm (lengths within
// maxSubLeadSpread), each followed by a sentence at least twice as long,
// at least need of them, the first of them after at most opening sentences
// (the parts start where the paragraph's opening ends; after more than
// one, only a clear series of three with no short action of their
// rhythm). Short sentences of another length are facts among the parts
// (国家…中试平台获批。) and do not count; but where short phrases of that rhythm are followed by short
// sentences as often as not, the paragraph is a list of short actions
// (构建优质教育体系。深入推进…。推动基础教育扩优提质。增加1万个…学位。) and
// has none.
func subLeads(sents []string, first, opening, need int) map[int]bool {
	type phrase struct{ i, n int }
	var heads, short []phrase // followed by longer text; by short text
	for i := first; i+1 < len(sents); i++ {
		if leadShape(sents[i], false) != rankLead {
			continue
		}
		n := utf8.RuneCountInString(stripQuoted(sents[i]))
		if utf8.RuneCountInString(sents[i+1]) >= 2*n {
			heads = append(heads, phrase{i, n})
		} else {
			short = append(short, phrase{i, n})
		}
	}
	within := func(ps []phrase, lo int) (k int) {
		for _, p := range ps {
			if p.n >= lo && p.n <= lo+maxSubLeadSpread {
				k++
			}
		}
		return k
	}
	best, lo := 0, 0 // the rhythm most heads share
	for _, h := range heads {
		if k := within(heads, h.n); k > best {
			best, lo = k, h.n
		}
	}
	if best < need || best <= 2*within(short, lo) {
		return nil
	}
	sub := map[int]bool{}
	for _, h := range heads {
		if h.n >= lo && h.n <= lo+maxSubLeadSpread {
			sub[h.i] = true
		}
	}
	start := len(sents) // the first sub-lead
	for i := range sub {
		start = min(start, i)
	}
	switch {
	case start > first+opening:
		return nil // text before the first is headed by none: short actions among others
	case start > first+1 && (best < minSubLeads || within(short, lo) > 0):
		return nil // a longer opening needs a clearer series
	}
	return sub
}

// maxSummaryRunes is the longest opening sentence taken as the heading of
// a paragraph of a series (五年来，我们…，…，经济实力迈上新台阶。).
const maxSummaryRunes = 64

// summaryLead reports whether a paragraph of a series opens with a
// sentence that sums it up: no figure, not too long, more text after.
func summaryLead(para string) bool {
	sents := splitSentences(para)
	if len(sents) < 2 || !strings.HasSuffix(sents[0], "。") || isAddress(sents[0]) {
		return false
	}
	n := utf8.RuneCountInString(sents[0])
	return n <= maxSummaryRunes && !hasFigure(sents[0]) && utf8.RuneCountInString(para) >= 2*n
}

// parallelOpenings marks the lines of series of three or more paragraphs,
// close together, that open with the same phrase before their first comma
// (五年来，我们… / 这五年，… / 这一年，我们…): the items of a list that
// no numbering shows.
func parallelOpenings(lines []string) []bool {
	out := make([]bool, len(lines))
	opening := func(l string) string {
		l = strings.TrimLeft(withoutAddress(l), "—―")
		i := strings.IndexAny(l, "，,")
		if i <= 0 || utf8.RuneCountInString(l[:i]) > 8 || utf8.RuneCountInString(l[:i]) < 2 {
			return ""
		}
		return l[:i]
	}
	for i := 0; i < len(lines); {
		o := opening(lines[i])
		if o == "" {
			i++
			continue
		}
		run, last := []int{i}, i
		for j := i + 1; j < len(lines) && j-last <= 3; j++ {
			if opening(lines[j]) == o {
				run, last = append(run, j), j
			}
		}
		if len(run) >= 3 {
			for _, k := range run {
				out[k] = true
			}
		}
		i = last + 1
	}
	return out
}

// isInlineItem reports whether a sentence inside a paragraph opens an
// item: 一是…, 第二，…, 一方面…, （1）…, ①….
func isInlineItem(s string) bool {
	return reItem.MatchString(s) || reParenNum.MatchString(s)
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
		letter := last >= 'A' && last <= 'Z' || last >= 'a' && last <= 'z'
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
