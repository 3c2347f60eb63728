package answers

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"planbot/index"
	"planbot/index/report"
)

// features are what a candidate sentence is ranked by. Each has the
// weight of the same name in Weights; score is their weighted sum.
type features struct {
	Coverage     float64
	InOrder      float64
	Compound     float64
	Literal      float64
	Heading      float64
	Relevance    float64
	PartMatch    float64
	PartMismatch float64
	TableRow     float64
	PlanTable    float64
	PeriodMatch  float64
	LatestFact   float64
	HasFigure    float64
	NoFigure     float64
	HasAmount    float64
	OnlyRates    float64
	UnitMatch    float64
	UnitMismatch float64
	YearNamed    float64
	SpanMatch    float64
	SpanMismatch float64
	SpanUsual    float64
	HowTable     float64
	HowDetail    float64
	Definition   float64
	Short        float64
	Listed       float64
	Guiding      float64
	SubScope     float64
	DateSaid     float64
	FigureApart  float64
}

// score is the weighted sum of f.
func (w *Weights) score(f features) float64 {
	return w.Coverage*f.Coverage + w.InOrder*f.InOrder + w.Compound*f.Compound + w.Literal*f.Literal + w.Heading*f.Heading +
		w.Relevance*f.Relevance + w.PartMatch*f.PartMatch + w.PartMismatch*f.PartMismatch + w.TableRow*f.TableRow +
		w.PlanTable*f.PlanTable + w.PeriodMatch*f.PeriodMatch + w.LatestFact*f.LatestFact + w.HasFigure*f.HasFigure +
		w.NoFigure*f.NoFigure + w.HasAmount*f.HasAmount + w.OnlyRates*f.OnlyRates + w.UnitMatch*f.UnitMatch +
		w.UnitMismatch*f.UnitMismatch + w.YearNamed*f.YearNamed + w.SpanMatch*f.SpanMatch + w.SpanMismatch*f.SpanMismatch + w.SpanUsual*f.SpanUsual +
		w.HowTable*f.HowTable + w.HowDetail*f.HowDetail + w.Definition*f.Definition + w.Short*f.Short + w.Listed*f.Listed +
		w.Guiding*f.Guiding + w.SubScope*f.SubScope + w.DateSaid*f.DateSaid + w.FigureApart*f.FigureApart
}

// explain writes the terms of f's score, largest first: "coverage
// 0.83×1=0.83".
func (w *Weights) explain(f features) string {
	fv, wv := reflect.ValueOf(f), reflect.ValueOf(*w)
	type term struct {
		name      string
		v, weight float64
	}
	var terms []term
	for i := range fv.NumField() {
		name := fv.Type().Field(i).Name
		if v := fv.Field(i).Float(); v != 0 {
			terms = append(terms, term{name, v, wv.FieldByName(name).Float()})
		}
	}
	sort.Slice(terms, func(i, j int) bool { return abs(terms[i].v*terms[i].weight) > abs(terms[j].v*terms[j].weight) })
	var b strings.Builder
	for i, t := range terms {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%s=%.2g×%.2g", t.name, t.v, t.weight)
	}
	return b.String()
}

func abs[T int | float64](x T) T {
	if x < 0 {
		return -x
	}
	return x
}

// featuresOf measures candidate h of report rc, sentence s, for q.
func featuresOf(q question, kws []keyword, rc *reportCache, s *report.Sentence, h index.Hit, maxRel float64, w *Weights) features {
	i := h.Sentence
	total := 0.0
	for _, k := range kws {
		total += k.weight
	}
	total = max(total, 1e-9)
	sum, inOrder, literal := coverage(kws, passageOf(q, rc, i, w), w)
	if w.PlanPeriod > 0 && s.Span == report.SpanFive && slices.ContainsFunc(kws, func(k keyword) bool { return k.plan }) {
		sum = planCoverage(kws, rc, s, sum, w) // 十四五期间城镇新增就业多少: 城镇新增就业124.27万人 of the five years
	}
	f := features{
		Coverage: sum / total,
		InOrder:  float64(inOrder),
		Literal:  float64(literal),
		Heading:  headingCover(kws, rc.section(i)) / total,
	}
	f.Compound = float64(compounds(kws, rc.lowered(i)))
	if maxRel > 0 {
		// rounded: bleve's scores differ in their last bits with how the
		// index was built (the order its sums are taken in), and two
		// sentences alike would rank in either order
		f.Relevance = math.Round(h.Score/maxRel*1e9) / 1e9
	}
	figs, nearFigures := s.Figures, false
	if near, ok := topicFigures(s, rc.lowered(i), kws, 0); ok {
		figs, nearFigures = near, len(near) > 0
		if q.figure && !q.how && len(near) > 0 && !figureInTopicClause(rc.lowered(i), near, kws) {
			f.FigureApart = 1 // 加快推进算力基础设施项目建设，新建5G基站1万个: the figure is the next clause's
		}
	}
	fitOf(&f, q, s, figs, w)
	if f.Definition > 0 && len(s.Section) > 0 && namesAll(s.Section[len(s.Section)-1], kws) {
		f.Coverage = 1 // the body of the entry of the term asked: ［20］五网合一： › 将水、电、光、气网融入路网。
	}
	// the guiding preamble may close with the year's headline figures
	// (…坚定推进高质量发展，地区生产总值增长3.7%): the one asked is not said
	// in passing
	if guiding(s.Text, q.text) && !(q.figure && nearFigures) || !q.problems && shortcomings(rc, s) {
		f.Guiding = 1
	}
	if subScope(s.Section, q.text) {
		f.SubScope = 1 // 白沟新城预算执行情况, when the city is asked
	}
	if q.when && reDate.MatchString(s.Text) {
		f.DateSaid = 1 // 2030年前实现碳达峰, when "by when" is asked
	}
	if q.how && onlyListed(kws, rc.lowered(i)) {
		f.Listed = 1 // 拓展医疗健康、养老托育、居住服务等: 养老 in passing
	}
	return f
}

// planCoverage returns sum, the coverage of sentence s, with the name of
// the five-year plan the question says counted as said (times
// PlanPeriod) when it is the plan of the sentence's five years (十四五 of
// a 2026 report's review, 十五五 of its plan) and the sentence names no
// five-year plan itself.
func planCoverage(kws []keyword, rc *reportCache, s *report.Sentence, sum float64, w *Weights) float64 {
	year := 0
	switch s.Part {
	case report.PartReview:
		year = rc.r.Meta.ReviewYear
	case report.PartPlan:
		year = rc.r.Meta.PlanYear
	}
	name := report.FivePlanName(report.FiveYearPlan(year))
	if name == "" || containsAny(rc.lowered(s.ID)+rc.section(s.ID), planNames) {
		return sum // of no plan known, or one it names: coverage found it said or not
	}
	for _, k := range kws {
		if k.plan && slices.Contains(k.said, name) {
			sum += w.PlanPeriod * k.weight
		}
	}
	return sum
}

// reDate matches a date a sentence names: a year, a month, a year's end.
var reDate = regexp.MustCompile(`(?:19|20)\d\d年|年底|年内|年末|\d{1,2}月`)

// passageOf returns the passage of sentence i.
func passageOf(q question, rc *reportCache, i int, w *Weights) passage {
	p := passage{text: rc.lowered(i), section: rc.section(i), lead: rc.lead(i), prev: rc.prev(i), leadCredit: w.LeadCredit}
	p.text = withoutShareBases(p.text, !q.share) // 相当于全市生产总值的比例 says no 生产总值
	if q.how {
		p.leadCredit = w.HowLeadCredit
	}
	return p
}

// passage is the text a sentence is judged by: its own words first, then
// the headings above it and the sentence before it, which count for less.
type passage struct {
	text, section, lead, prev string
	leadCredit                float64 // of a topic found in the phrase heading the passage
}

// perUnit are the words that make what follows them the base of another
// thing's figure when one of intensities follows that (单位地区生产总值能耗,
// 规上工业单位增加值能耗); 限上单位网上零售额 names an organisation, 2万元补贴
// a sum. 人均 is none: income is said per head whether asked so or not.
var perUnit, intensities = words.list("per_unit"), words.list("intensity")

// indexNotPerUnit returns the first place where text says a, one of
// alts, not as a base per unit (nor inside another of alts that is:
// 生产总值 of 单位地区生产总值), or -1.
func indexNotPerUnit(text string, alts []string, a string) int {
	for _, at := range occurrences(text, a) {
		start := at
		for _, b := range alts {
			if len(b) > len(a) && strings.HasSuffix(b, a) && strings.HasSuffix(text[:at+len(a)], b) {
				start = min(start, at+len(a)-len(b))
			}
		}
		if !hasAnySuffix(text[:start], perUnit) || !hasAnyPrefix(text[at+len(a):], intensities) {
			return at
		}
	}
	return -1
}

// perUnitAsked reports whether the question says a word of perUnit or a
// ratio (人均): the base it names is then asked.
func perUnitAsked(kws []keyword) bool {
	return slices.ContainsFunc(kws, func(k keyword) bool {
		return k.ratio() || slices.ContainsFunc(k.said, func(w string) bool { return containsAny(w, perUnit) })
	})
}

// coverage sums the weights of the topics a sentence talks about. Two
// topics next to each other in the question but far apart in the sentence
// (人均 … 地区生产总值) count as only loosely said.
func coverage(kws []keyword, p passage, w *Weights) (sum float64, inOrder, literal int) {
	at := make([]int, len(kws))      // where each topic was found in the text, -1 if not
	said := make([]string, len(kws)) // the words it was found as
	credits := make([]float64, len(kws))
	bare := withoutInsertions(p.text)
	perText := containsAny(p.text, perUnit) && !perUnitAsked(kws) // 单位地区生产总值二氧化碳排放 says no 地区生产总值
	for i, k := range kws {
		credit, pos, perOnly := 0.0, -1, false
		for _, a := range k.alts {
			j := strings.Index(p.text, a)
			if j > 0 && perText {
				if j = indexNotPerUnit(p.text, k.alts, a); j < 0 {
					perOnly = true
					continue
				}
			}
			if j < 0 && bare != "" {
				if j = strings.Index(bare, a); j >= 0 {
					j = min(j, len(p.text)-1) // near where it is said: 新（改）建 says 新建
				}
			}
			if j >= 0 {
				credit, pos, said[i] = 1, j, a
				if a != k.alts[0] && strings.Contains(k.alts[0], a) && !isOneOf(a, k.said) && !strings.Contains(p.text, k.alts[0]) && !containsAll(p.text, k.parts) {
					credit = w.PartCredit // 就业 of 城镇新增就业, when the asker said neither and the sentence not all its words (政府隐性债务)
				}
				if isOneOf(a, k.said) {
					literal++ // 停车位 as asked, not only 停车设施
				}
				break
			}
			switch {
			case strings.Contains(p.lead, a):
				credit = max(credit, p.leadCredit)
			case strings.Contains(p.section, a):
				credit = max(credit, w.SectionCredit)
			case strings.Contains(p.prev, a):
				credit = max(credit, w.PrevCredit)
			}
		}
		if perOnly && credit == 0 {
			at[i], credits[i] = -1, 0
			continue // said only as a base per unit: its words apart say no more
		}
		if credit == 0 && len(k.parts) == 2 && k.parts[0]+k.parts[1] == k.alts[0] {
			if j := elided(p.text, k.parts[0], k.parts[1]); j >= 0 {
				credit, pos = 1, j // 刑事、治安案件 says 刑事案件
			}
		}
		if credit == 0 && len(k.parts) > 0 {
			found, share, total := 0, 0.0, 0.0
			for j, part := range k.parts {
				total += k.partWeights[j]
				if strings.Contains(p.text, part) || j < len(k.partAlts) && containsAny(p.text, k.partAlts[j]) {
					found++
					share += k.partWeights[j]
				}
			}
			// a topic the report never names counts in full only when all its
			// words are there, and for less by the share found (科技型中小企业
			// by 科技型企业)
			switch {
			case k.known && total > 0:
				credit = w.PartCredit * share / total
			case k.known:
				// its words are all question words (总量, 指标): none says it
			case found == len(k.parts):
				credit = w.UnknownPartCredit
			case found > 0 && total > 0 && w.UnknownShareCredit > 0:
				credit = w.UnknownShareCredit * share / total
			}
		}
		if credit < w.CharCredit && containsAny(p.text, k.chars) {
			credit = w.CharCredit // 盐碱地 for 地碱大
		}
		at[i], credits[i] = pos, credit
	}
	abbreviatedPlaces(kws, p.text, credits, at)
	far := int(w.FarApart)
	for i := 1; i < len(kws); i++ {
		if at[i-1] < 0 || at[i] < 0 {
			continue
		}
		gap, ordered := at[i]-at[i-1], at[i] > at[i-1]
		if said[i-1] != "" && said[i] != "" {
			gap, ordered = nearest(p.text, said[i-1], said[i])
		}
		if ordered && gap <= far {
			inOrder++ // said in the question's order, close together
		}
		if gap > far {
			lo := i
			if kws[i-1].weight < kws[i].weight {
				lo = i - 1
			}
			credits[lo] *= w.FarCredit
		}
	}
	for i, k := range kws {
		sum += credits[i] * k.weight
	}
	return sum, inOrder, literal
}

// compounds counts the topics said together with the topic they modify in
// the question, as one word: 规上工业增加值 asked, 规模以上工业增加值 said
// (not 非烟非能工业增加值 beside 规模以上工业).
func compounds(kws []keyword, text string) int {
	n := 0
	for _, m := range kws {
		for _, h := range m.heads {
			if saidTogether(m, kws[h], text) {
				n++
			}
		}
	}
	return n
}

// saidTogether reports whether text says an alternative of m right before
// one of h, or an alternative of either that holds one of the other.
func saidTogether(m, h keyword, text string) bool {
	for _, a := range m.alts {
		for _, b := range h.alts {
			if strings.Contains(text, a+b) ||
				strings.Contains(b, a) && strings.Contains(text, b) ||
				strings.Contains(a, b) && strings.Contains(text, a) {
				return true
			}
		}
	}
	return false
}

// nearest returns how far apart, in bytes, the closest occurrences of a
// and b in text stand, and whether b follows a there: 消费转型 … 提振消费
// says 提振消费 although the first 消费 is far from 提振.
func nearest(text, a, b string) (gap int, ordered bool) {
	gap = len(text)
	bs := occurrences(text, b)
	for _, i := range occurrences(text, a) {
		for _, j := range bs {
			switch d := j - i; {
			case d > 0 && d <= gap:
				gap, ordered = d, true
			case d <= 0 && -d < gap:
				gap, ordered = -d, false
			}
		}
	}
	return gap, ordered
}

// maxElided is how far, in runes, the head of a list may stand from its
// first item: 刑事、治安案件, 规上工业、服务业增加值.
const maxElided = 10

// elided returns where text says first+second with second shared by a
// list (刑事、治安案件 for 刑事案件), or -1: first followed by 、, then, in
// the same clause and at most maxElided runes on, second.
func elided(text, first, second string) int {
	for from := 0; ; {
		i := strings.Index(text[from:], first+"、")
		if i < 0 {
			return -1
		}
		i += from
		rest := text[i+len(first)+len("、"):]
		if end := strings.IndexAny(rest, clauseEnds); end >= 0 {
			rest = rest[:end]
		}
		if j := strings.Index(rest, second); j >= 0 && utf8.RuneCountInString(rest[:j]) <= maxElided {
			return i
		}
		from = i + len(first)
	}
}

// headingCover sums the weights of the topics a heading (or a section
// path) names.
func headingCover(kws []keyword, section string) float64 {
	sum := 0.0
	for _, k := range kws {
		for _, a := range k.alts {
			if strings.Contains(section, a) {
				sum += k.weight
				break
			}
		}
	}
	return sum
}

// fitOf measures how well a sentence suits what the question asks for:
// the part of the report, the period and span of its figures (figs: those
// said with the question's topics), the unit, the year.
func fitOf(f *features, q question, s *report.Sentence, figs []report.Figure, w *Weights) {
	// The period of a figure says more than the part it stands in: 年内计划投资
	// in the review is a plan.
	askedPeriod := q.intent == wantTarget && hasPeriod(s, report.PeriodTarget) || q.intent == wantResult && hasPeriod(s, report.PeriodResult)
	switch {
	case s.Part == report.PartTable:
		if q.figure || q.intent != anyPeriod {
			f.TableRow = 1
		}
		if q.versusPlan {
			f.PlanTable = 1 // the table sets each result beside its plan
		}
	case q.intent == wantTarget && s.Part == report.PartPlan, q.intent == wantResult && (s.Part == report.PartReview || s.Part == report.PartFront):
		f.PartMatch = 1
	case asksWhatWillBe(q) && s.Part == report.PartPlan:
		f.PartMatch = 1 // 债务风险怎么化解 asks what will be done; 现在是什么定位, what is
	case askedPeriod:
	case q.intent == wantTarget && s.Part == report.PartReview, q.intent == wantResult && s.Part == report.PartPlan, asksWhatWillBe(q) && s.Part == report.PartReview:
		f.PartMismatch = 1
	}
	if q.intent == anyPeriod && q.figure && hasPeriod(s, report.PeriodResult) {
		f.LatestFact = 1 // "X是多少" with no time asks for the latest fact
	}
	if !q.how && (q.intent == wantTarget && hasPeriod(s, report.PeriodTarget) || q.intent == wantResult && hasPeriod(s, report.PeriodResult)) {
		f.PeriodMatch = 1
	}
	if (q.figure || q.figureSoft) && !q.how {
		if len(s.Figures) > 0 {
			f.HasFigure = 1
		} else {
			f.NoFigure = 1
		}
	}
	if q.figure && !q.growth && !q.how {
		// "是多少" without 增长/增速 asks for an amount rather than a rate
		if hasAmount(s) {
			f.HasAmount = 1
		} else if len(s.Figures) > 0 {
			f.OnlyRates = 1
		}
	}
	if len(q.units) > 0 {
		if hasUnit(s.Text, s.Figures, q.units) {
			f.UnitMatch = 1
		} else {
			f.UnitMismatch = 1
		}
	}
	for _, y := range q.years {
		if strings.Contains(s.Text, itoa(y)+"年") {
			f.YearNamed++
		}
	}
	if span := spanOf(s, figs); q.span != "" && span != "" && s.Part != report.PartTable {
		if span == q.span {
			f.SpanMatch = 1
		} else {
			f.SpanMismatch = 1
		}
	}
	if q.span == "" && (q.intent == wantTarget || asksWhatWillBe(q)) && s.Part != report.PartTable && spanOf(s, figs) == report.SpanYear {
		f.SpanUsual = 1 // 粮食产量目标 asks this year's, not the five-year plan's; so does 怎么防止返贫
	}
	if q.how {
		// "what/how" is answered by a sentence that says what is done, not
		// by a row of figures or a slogan
		if s.Part == report.PartTable || float64(len(s.Figures)) >= w.ManyFigures {
			f.HowTable = 1 // a list of targets says how much, not what is done
		}
		f.HowDetail = min(1, float64(utf8.RuneCountInString(s.Text))/60)
	}
	if q.define && isDefinition(s) {
		f.Definition = 1 // 名词解释 › “两新”：是指…
	}
	if n := utf8.RuneCountInString(s.Text); (n < 12 || q.how && n < howShort && !strings.Contains(q.text, "目标")) && len(s.Figures) == 0 {
		f.Short = 1 // a sub-heading such as 全方位夯实粮食安全。; asked how, 支持民营经济高质量发展。 says only what (a target may be that short)
	}
}

// howShort is the length in runes under which a sentence without a figure
// says what is to be done but not how.
const howShort = 20

// spanOf returns the span of what a sentence says: of the figures given,
// when one of them is of the sentence's span or all are of one other;
// else the sentence's.
func spanOf(s *report.Sentence, figs []report.Figure) report.Span {
	if len(figs) == 0 {
		return s.Span
	}
	span := figs[0].Span
	for _, f := range figs {
		if f.Span == s.Span {
			return s.Span
		}
		if f.Span != span {
			return s.Span
		}
	}
	return span
}

// namesAll reports whether heading names every topic that says what
// (verbs aside).
func namesAll(heading string, kws []keyword) bool {
	named := false
	for _, k := range kws {
		if k.verb {
			continue
		}
		if !containsAny(heading, k.alts) {
			return false
		}
		named = true
	}
	return named
}

// isDefinition reports whether s reads as the definition of a term: it
// says 指…, or stands under an entry of a list of terms (名词解释 › “两新”,
// 注释 › ［15］两新).
func isDefinition(s *report.Sentence) bool {
	if strings.HasPrefix(s.Text, "指") || strings.HasPrefix(s.Text, "是指") {
		return true
	}
	for _, h := range s.Section {
		if strings.Contains(h, "名词解释") || strings.Contains(h, "名词注释") || h == "注释" || h == "注" {
			return true
		}
	}
	return false
}

// hasUnit reports whether s has a figure in one of units, or in a larger
// measure of one (万套 for 套, 亿元 for 元).
func hasUnit(text string, figs []report.Figure, units []string) bool {
	for _, f := range figs {
		for _, u := range units {
			if (f.Unit == u && !((u == "万" || u == "亿") && countsNoun(text[f.End:]))) ||
				u != "%" && f.Unit != u && strings.HasSuffix(f.Unit, u) && (strings.HasPrefix(f.Unit, "万") || strings.HasPrefix(f.Unit, "亿")) {
				return true
			}
			// 6600多万纳税人: a bare 万 counts the noun after it
			if (f.Unit == "万" || f.Unit == "亿") && utf8.RuneCountInString(u) == 1 && strings.Contains(firstRunes(text[f.End:], 4), u) {
				return true
			}
			// 旅居人数超550万: the count named before a bare figure
			if (f.Unit == "" || f.Unit == "万" || f.Unit == "亿") && utf8.RuneCountInString(u) == 1 && strings.Contains(lastRunes(text[:f.Start], 5), u+"数") {
				return true
			}
			// 3000多万皖北地区群众: people, said by a noun a few words on
			if (f.Unit == "万" || f.Unit == "亿") && u == "人" && containsAny(clauseFrom(text[f.End:], 12), peopleNouns) {
				return true
			}

		}
	}
	return false
}

// countsNoun reports whether the text after a bare 万 or 亿 names what it
// counts (120余万婴幼儿), which makes it no sum of money.
func countsNoun(after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	return unicode.Is(unicode.Han, r) && r != '元'
}

// hasAmount reports whether s has a figure that is not a rate, nor a
// number of years (连续37年 says how long, not how much).
func hasAmount(s *report.Sentence) bool {
	for _, f := range s.Figures {
		if f.Unit != "%" && f.Unit != "个百分点" && f.Unit != "年" {
			return true
		}
	}
	return false
}

// peopleNouns are nouns that a bare 万 or 亿 counts as people.
var peopleNouns = words.list("people")

// clauseFrom returns at most n characters of s, up to the end of its clause.
func clauseFrom(s string, n int) string {
	s = firstRunes(s, n)
	if e := strings.IndexAny(s, clauseEnds); e >= 0 {
		s = s[:e]
	}
	return s
}

// lastRunes returns the last n characters of s.
func lastRunes(s string, n int) string {
	for i := len(s); i > 0; {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if n--; n == 0 {
			return s[i:]
		}
	}
	return s
}

// firstRunes returns the first n characters of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// guiding reports whether sentence sets out the year's guiding
// principles (以习近平新时代中国特色社会主义思想为指导，…着力稳就业、稳企业…)
// or speaks of the report itself (编制了《纲要（草案）》，提请大会审查), and
// question does not ask for them.
func guiding(sentence, question string) bool {
	return containsAny(sentence, guidingCues) && !containsAny(question, guidingAsked)
}

// shortcomings reports whether s stands in a paragraph that owns the
// report's shortcomings (我们也清醒认识到，…部分企业经营困难): it says what is
// lacking, not what is done (unless the question asks for that:
// question.problems).
func shortcomings(rc *reportCache, s *report.Sentence) bool {
	ps := rc.r.Paragraphs
	if s.Para < 0 || s.Para >= ps.Len() {
		return false
	}
	text := ps.Text(s.Para)
	if end := strings.Index(text, "。"); end >= 0 {
		text = text[:end]
	}
	return containsAny(text, shortcomingsCues)
}

// shortcomingsCues open a paragraph of shortcomings; shortcomingsAsked ask
// for them.
var shortcomingsCues, shortcomingsAsked = words.list("cue.shortcomings"), words.list("cue.shortcomings_asked")

// onlyListed reports whether every topic the text names stands in a list
// (a clause with two or more 、): said in passing, not the subject.
func onlyListed(kws []keyword, text string) bool {
	found := false
	for _, k := range kws {
		if k.verb {
			continue
		}
		for _, a := range k.alts {
			for _, at := range occurrences(text, a) {
				lo := strings.LastIndexAny(text[:at], clauseEnds) + 1
				hi := len(text)
				if e := strings.IndexAny(text[at:], clauseEnds); e >= 0 {
					hi = at + e
				}
				if strings.Count(text[lo:hi], "、") < 2 || !isListItem(text[lo:hi], at-lo, a) {
					return false
				}
				found = true
			}
		}
	}
	return found
}

// isListItem reports whether the word a at offset at of clause is one short
// item of its list (养老 in 医疗健康、养老托育、居住服务), not the words the
// list is about.
func isListItem(clause string, at int, a string) bool {
	lo := strings.LastIndex(clause[:at], "、") + 1
	hi := len(clause)
	if e := strings.Index(clause[at:], "、"); e >= 0 {
		hi = at + e
	}
	if lo == 0 && hi == len(clause) {
		return false
	}
	item := clause[lo:hi]
	if e := strings.Index(item, "等"); e >= 0 && e >= at-lo+len(a) {
		item = item[:e] // 养老床位等资源: the item ends at 等
	}
	return utf8.RuneCountInString(item) <= utf8.RuneCountInString(a)+4
}

// subScopeWords name a part of the whole a report covers: a district
// (高新区, 白沟新城), or the city's own level (市本级) beside the whole city.
var subScopeWords = words.list("scope.sub")

// subScope reports whether a heading of section names a part of the whole
// (（六）白沟新城预算执行情况) that the question does not: the question
// asks about the whole.
func subScope(section []string, question string) bool {
	for _, h := range section {
		for _, w := range subScopeWords {
			i := strings.Index(h, w)
			if i < 0 || strings.Contains(question, w) {
				continue
			}
			// the name before the word (白沟 of 白沟新城), when there is one
			name := []rune(strings.TrimLeft(h[:i], "（）()一二三四五六七八九十0123456789.、 "))
			if len(name) > 4 {
				name = name[len(name)-4:]
			}
			if len(name) >= 2 && strings.Contains(question, string(name[len(name)-2:])) {
				continue
			}
			return true
		}
	}
	return false
}

// figureInTopicClause reports whether one of figs is in a clause of text
// that names a topic of kws (verbs aside).
func figureInTopicClause(text string, figs []report.Figure, kws []keyword) bool {
	return len(inTopicClauses(text, figs, kws)) > 0
}

// inTopicClauses returns those of figs said in a clause of text that
// names one of the question's topics: 播种面积稳定在1255万亩 is no figure
// of 高标准农田 in 建设高标准农田，粮食播种面积稳定在1255万亩以上.
func inTopicClauses(text string, figs []report.Figure, kws []keyword) []report.Figure {
	var out []report.Figure
	for _, f := range figs {
		clause := text[strings.LastIndexAny(text[:f.Start], clauseEnds)+1 : clauseEnd(text, f.End)]
		for _, k := range kws {
			if !k.verb && containsAny(clause, k.alts) {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// reInsertion matches a word's alternative put in brackets inside it: the
// （改） of 新（改）建, the （更新） of 加装（更新）电梯.
var reInsertion = regexp.MustCompile(`(\p{Han})（\p{Han}{1,4}）(\p{Han})`)

// withoutInsertions returns text without the alternatives put in brackets
// inside its words (新（改）建 → 新建), or "" when it has none.
func withoutInsertions(text string) string {
	if !strings.Contains(text, "（") || !reInsertion.MatchString(text) {
		return ""
	}
	return reInsertion.ReplaceAllString(text, "$1$2")
}

// asksWhatWillBe reports whether q asks how, with no time said and not
// what is so now: what will be done (债务风险怎么化解), which the plan part
// says for its year.
func asksWhatWillBe(q question) bool {
	return q.how && q.intent == anyPeriod && !q.now
}
