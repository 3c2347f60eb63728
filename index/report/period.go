package report

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Span says how far a passage looks back or ahead: one year (the reviewed
// or the planned one), or a five-year plan (the one ending, the one
// beginning).
type Span string

// Spans of a passage.
const (
	SpanYear Span = "year"
	SpanFive Span = "five-year"
)

// Words that name one year or five, besides the years themselves.
var (
	yearWords = []string{"过去一年", "过去的一年", "一年来", "这一年", "去年", "今年", "全年", "本年", "上年", "明年"}
	fiveWords = []string{"五年", "年均增", "年均下降", "年均减少", "年均提高"}
)

// periods keeps the part and span of the paragraphs being read.
type periods struct {
	part     Part
	mixed    bool // the part alternates review and plan (a new five-year plan)
	partSpan Span // the span the part heading names, "" for both or none
	lastSpan Span // of the paragraph before, for one that says nothing
	// severalYears: the report looks back on several years (五年来,
	// “十四五”时期); in one that reviews a single year, 累计 sums within it.
	severalYears bool
}

// reSeveralYears matches the words of a review of several years.
var reSeveralYears = regexp.MustCompile(`五年来|过去五年|这五年|五年间|十[三四五]五.?(时期|以来|期间)`)

// reviewsSeveralYears reports whether a report's body looks back on
// several years.
func reviewsSeveralYears(body []string) bool {
	for _, l := range body {
		if reSeveralYears.MatchString(l) {
			return true
		}
	}
	return false
}

// openPart starts a part with the heading text.
func (ps *periods) openPart(text string, m Meta) {
	ps.part, ps.mixed = partOf(text, ps.part, m)
	// A part named by a five-year plan alone (全力推动“十五五”开好局) may be
	// about its first year: its paragraphs tell.
	ps.partSpan = spanNamed(text, m)
	if ps.partSpan == SpanFive && len(reTitleYr.FindAllString(text, -1)) == 0 {
		ps.partSpan = ""
	}
	ps.lastSpan = ps.partSpan
}

// startClosingPart starts the closing of the speech and its appendices.
func (ps *periods) startClosingPart() {
	ps.part, ps.mixed, ps.partSpan, ps.lastSpan = PartClosing, false, "", ""
}

// periodOf returns the part and span of a paragraph: the part of the
// heading above it (or, in a part about a new five-year plan, the cue of
// its own words), and the span that the headings below the part name, else
// its first clause, else the part heading, else the paragraph before.
func (p *parser) periodOf(text string) (Part, Span) {
	m := p.r.Meta
	if p.mixed {
		if c := paragraphCue(text, m); c != "" {
			p.part = c
		}
	}
	var span Span
	for i := len(p.path) - 1; i >= 0 && span == "" && p.path[i].rank > rankPart; i-- {
		span = spanNamed(p.path[i].text, m)
	}
	for _, s := range []Span{openingSpan(text, m), p.partSpan, p.lastSpan, SpanYear} {
		if span == "" {
			span = s
		}
	}
	p.lastSpan = span
	return p.part, span
}

// spanNamed returns the span a heading names: one year, five, or "" when
// it names both (2025年和“十四五”时期工作回顾) or neither.
func spanNamed(text string, m Meta) Span {
	year, five := cueAt(text, m)
	switch {
	case year >= 0 && five < 0:
		return SpanYear
	case five >= 0 && year < 0:
		return SpanFive
	}
	return ""
}

// openingSpan returns the span a paragraph's first clause names, or when
// its first sentence names both a year and a five-year plan (2025年是“十四
// 五”收官之年。五年来，… / 2025年主要目标任务的完成，标志着“十四五”规划顺
// 利收官。回望过去五年，…) the one its next sentence opens with.
func openingSpan(text string, m Meta) Span {
	text = withoutAddress(text)
	first := firstClause(text)
	sents := splitSentences(text)
	if len(sents) > 1 {
		if year, five := cueAt(sents[0], m); year >= 0 && five >= 0 {
			if s := spanNamed(firstClause(sents[1]), m); s != "" {
				return s
			}
		}
	}
	return textSpan(first, m)
}

// textSpan returns the span of a passage by the cue it says first.
func textSpan(text string, m Meta) Span {
	year, five := cueAt(text, m)
	switch {
	case year < 0 && five < 0:
		return ""
	case five < 0 || year >= 0 && year < five:
		return SpanYear
	}
	return SpanFive
}

// cueAt returns where text first names one year and where five, -1 for
// never: 过去一年, 今年, the reviewed or planned year; 这五年, 年均, a
// five-year plan (“十四五”), a year after the planned one (到2030年).
func cueAt(text string, m Meta) (year, five int) {
	year, five = -1, -1
	see := func(at *int, i int) {
		if i >= 0 && (*at < 0 || i < *at) {
			*at = i
		}
	}
	for _, w := range yearWords {
		see(&year, strings.Index(text, w))
	}
	for _, w := range fiveWords {
		see(&five, indexNotName(text, w))
	}
	if loc := reFivePlan.FindStringIndex(text); loc != nil {
		see(&five, loc[0])
	}
	for _, loc := range reTitleYr.FindAllStringSubmatchIndex(text, -1) {
		y, _ := strconv.Atoi(text[loc[2]:loc[3]])
		switch {
		case y > m.PlanYear && m.PlanYear > 0:
			see(&five, loc[0])
		case y == m.PlanYear || y == m.ReviewYear:
			see(&year, loc[0])
		}
	}
	return year, five
}

// indexNotName returns where text first says w other than in the name of
// a campaign (五年行动计划, 提升五年行动: a programme, not the five years
// the passage is about), or -1.
func indexNotName(text, w string) int {
	for at := 0; ; {
		i := strings.Index(text[at:], w)
		if i < 0 {
			return -1
		}
		if !strings.HasPrefix(text[at+i+len(w):], "行动") {
			return at + i
		}
		at += i + len(w)
	}
}

// spanOfSentence returns the span of a sentence: its paragraph's, unless
// its first clause says plainly otherwise (到2030年 in the plan of a year;
// 2025年 in the review of five).
func spanOfSentence(s string, para Span, m Meta) Span {
	if t := spanNamed(firstClause(s), m); t != "" {
		return t
	}
	return para
}

// firstClause returns text up to its first comma, colon or stop: what a
// passage is about is said first; a later clause's "十五五" does not make a
// list of this year's targets one of five years.
func firstClause(text string) string {
	if i := strings.IndexAny(text, "，,；;：:。"); i > 0 {
		return text[:i]
	}
	return text
}

// completePeriods gives every figure of a sentence a period and a span: a
// figure of the closing or an appendix takes the year its heading names,
// else the cue of its clause; a figure of a year after the planned one, or
// said as a sum or an average over years (累计, 年均), spans five.
func (p *parser) completePeriods(figs []Figure, s string, span Span) {
	m := p.r.Meta
	headPeriod, headYear := p.headingPeriod()
	for i := range figs {
		f := &figs[i]
		clause := clauseBefore(s, f.Start)
		if f.Period == "" {
			switch {
			case headPeriod != "":
				f.Period, f.Year = headPeriod, headYear
			case containsAny(clause, targetWords[:5]):
				f.Period, f.Year = PeriodTarget, m.PlanYear
			default:
				f.Period, f.Year = PeriodResult, m.ReviewYear
			}
		}
		f.Span = span
		switch own := ownClause(s, f.Start); {
		case f.Year > m.PlanYear && m.PlanYear > 0 || p.sumsYears(clause, span):
			f.Span = SpanFive
		case spanNamed(own, m) == SpanYear:
			f.Span = SpanYear // 2025年人均生产总值提升至7.6万元, in the review of five years
		}
		if f.Span == SpanFive && f.Period == PeriodTarget && f.Year == m.PlanYear {
			f.Year = PlanEnd(m.PlanYear) // a target of the new five-year plan is for its last year
		}
	}
}

// ownClause returns the clause of s that ends at byte i.
func ownClause(s string, i int) string {
	c := s[:i]
	if j := strings.LastIndexAny(c, "，,；;。：:"); j >= 0 {
		_, size := utf8.DecodeRuneInString(c[j:])
		c = c[j+size:]
	}
	return c
}

// PlanEnd returns the last year of the five-year plan that year falls in:
// 2030 for 2026.
func PlanEnd(year int) int {
	if n := FiveYearPlan(year); n > 0 {
		return 1966 + 5*(n-3) + 4
	}
	return year
}

// sumsYears reports whether the clause before a figure makes it a sum or
// an average over several years: 年均, 五年; 累计 only in a report that
// looks back on several years, and not for the whole year (全年累计).
func (p *parser) sumsYears(clause string, span Span) bool {
	if strings.Contains(clause, "全年") {
		return false
	}
	for _, w := range figureSpanWords {
		if strings.Contains(clause, w) && (w != "累计" || p.severalYears && span != SpanYear) { // 累计 in the review of one year sums within it
			return true
		}
	}
	return false
}

// figureSpanWords make a figure a sum or an average over several years.
// 年均浓度 is one year's average: only growth averaged over years spans
// them.
var figureSpanWords = []string{"累计", "年均增", "年均下降", "年均减少", "年均提高", "五年", "十四五", "十五五", "十三五"}

// headingPeriod returns the period of the year an open heading names
// ("2026年省十件民生实事"), or "".
func (p *parser) headingPeriod() (Period, int) {
	m := p.r.Meta
	for i := len(p.path) - 1; i >= 0; i-- {
		for _, y := range reTitleYr.FindAllStringSubmatch(p.path[i].text, -1) {
			switch y[1] {
			case strconv.Itoa(m.PlanYear):
				return PeriodTarget, m.PlanYear
			case strconv.Itoa(m.ReviewYear):
				return PeriodResult, m.ReviewYear
			}
		}
	}
	return "", 0
}

// partOf tells from a part heading whether it reviews or plans, and
// whether it is about a new five-year plan: such a part also looks back on
// the last five years, so its paragraphs are judged one by one. current is
// the part before.
func partOf(text string, current Part, m Meta) (Part, bool) {
	oldPlan, newPlan := FiveYearPlan(m.ReviewYear), FiveYearPlan(m.PlanYear)
	mixed := false
	for _, n := range FivePlansIn(text) {
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
	if current == PartFront {
		return PartReview, false
	}
	// A heading that names no year nor what it does (一张蓝图绘到底，奋力
	// 谱写…篇章): its paragraphs tell.
	return current, true
}

// namesPart reports whether an unnumbered title names a part of a report:
// a review, a plan, a year or a five-year plan.
func namesPart(text string) bool {
	return cueOf(text) != "" || reTitleYr.MatchString(text) || len(FivePlansIn(text)) > 0
}

var (
	reviewCues = []string{"过去五年", "这五年", "五年来", "回顾"}
	planCues   = []string{"今后五年", "未来五年", "展望"}
)

// paragraphCue tells, in a part about a five-year plan, whether a paragraph
// looks back (the last plan, 过去五年) or ahead (the new plan, 今后五年, a
// year after the planned one), by whichever cue comes first; "" for none.
func paragraphCue(text string, m Meta) Part {
	oldPlan, newPlan := FiveYearPlan(m.ReviewYear), FiveYearPlan(m.PlanYear)
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
		switch FivePlansIn(text[loc[0]:loc[1]])[0] {
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
