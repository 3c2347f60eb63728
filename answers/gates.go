package answers

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"planbot/index/report"
)

// A gate is a rule that keeps a sentence from answering, whatever its
// score: a wrong figure is worse than no answer. The gates are tried in
// order; the first that rejects a candidate is its reason.
type gate struct {
	name string
	why  string // for whoever reads the trace
	// note tells the asker what a sentence this gate rejected lacks, when
	// it is given all the same within a section they chose (within.go);
	// empty for the gates whose sentences are never given.
	note    string
	rejects func(j *judge, c *candidate) bool
}

// judge is what the gates judge a candidate of one report by.
type judge struct {
	q   question
	kws []keyword
	rc  *reportCache
	w   *Weights

	heaviest []int // heaviestAsked, once found (nil before)
}

// heaviestTopics is heaviestAsked(j), found once for all the candidates.
func (j *judge) heaviestTopics() []int {
	if j.heaviest == nil {
		j.heaviest = heaviestAsked(j)
	}
	return j.heaviest
}

// gates are the rules, in the order they are tried.
var gates = []gate{
	{"place", "a place the report only mentions is asked and neither the sentence, the one before, nor its headings name it", "", func(j *judge, c *candidate) bool {
		w := j.q.elsewhere
		return w != "" && !strings.Contains(c.s.Text, w) && !strings.Contains(strings.Join(c.s.Section, ""), w) &&
			!strings.Contains(j.rc.prev(c.s.ID), w) // 推动中心区重点项目建设。全年计划实施重点项目10项
	}},
	{"coverage", "says too little of the question's topics", "", func(j *judge, c *candidate) bool {
		if !enoughCoverage(j, c, c.f.Coverage) {
			return true
		}
		// enough only because the colloquial words weigh little: then
		// every topic the report names is in the sentence itself
		plain, ok := coverageAsUnknown(j, c)
		return ok && !enoughCoverage(j, c, plain) && !namesKnown(j, c)
	}},
	{"period", "a result where a target is asked, or the reverse", "此句不是所问时期的情况", func(j *judge, c *candidate) bool {
		q, s, m := j.q, c.s, j.rc.r.Meta
		if !q.strict || s.Part == report.PartTable {
			return false
		}
		switch {
		case q.intent == wantTarget && (s.Part == report.PartReview || s.Part == report.PartFront):
			return !strings.Contains(s.Text, itoa(m.PlanYear)+"年") && !hasPeriod(s, report.PeriodTarget)
		case q.intent == wantResult && s.Part == report.PartPlan:
			return !strings.Contains(s.Text, itoa(m.ReviewYear)+"年")
		}
		return false
	}},
	{"ordinal", "a rank is asked and the sentence names none", "此句没有所问的排名", func(j *judge, c *candidate) bool {
		return j.q.ordinal && !reRank.MatchString(c.s.Text) // 第四次, 居全国第5位, 稳居首位
	}},
	{"figure", "a figure is asked and none is said with the topics, nor is it a target of the plan year's list", "此句没有所问的数字", func(j *judge, c *candidate) bool {
		return !j.q.ordinal && j.q.figure && !j.q.how && len(topicFigs(j, c)) == 0 &&
			!(j.q.intent == wantTarget && len(j.q.units) == 0 && inTargetList(&j.rc.r.Paragraphs, c.s)) && !saysYearsAsked(j.q, c.s.Text) && // 增长百分之几 is not answered by 实现正增长
			!saysNoCost(j.q, c.s.Text)
	}},
	{"year", "its figures are of another year", "此句的数字不是所问年份的", func(j *judge, c *candidate) bool {
		return !j.q.ordinal && len(j.q.years) > 0 && len(c.s.Figures) > 0 && !figureOfYears(c.s, j.q.years)
	}},
	{"sum", "sums or averages over years where one year is asked", "此句的数字是几年合计或平均", func(j *judge, c *candidate) bool {
		q := j.q
		figs := topicFigs(j, c)
		// 到2025年底总里程有多少: the level the five years reached is that year's
		return asksOneYearFigure(q) && onlyFiveYear(c.s.Text, figs) && !(q.stock && slices.ContainsFunc(figs, func(f report.Figure) bool { return isStockFigure(c.s.Text, f) }))
	}},
	{"change", "levels of years far apart where one year's growth is asked", "此句是几年间的变化", func(j *judge, c *candidate) bool {
		// 去年增长多少 is not answered by 从2020年的3.68万亿元增长到2025年的4.93万亿元
		return asksOneYearFigure(j.q) && j.q.growth && grewOverYears(j, c)
	}},
	{"span", "targets of the plan year where the five-year plan's are asked", "此句的数字是今年的目标，不是五年规划的", func(j *judge, c *candidate) bool {
		plan := j.rc.r.Meta.PlanYear
		return asksFiveYearTarget(j.q, plan) && onlyOfYear(topicFigs(j, c), plan) && !namesLaterPeriod(c.s.Text, plan) // 十五五末研发投入强度: not 今年提升至1.8%
	}},
	{"stock", "a total is asked and the figures said with the topics are additions (新增, 新获评)", "此句的数字是新增量，不是总量", func(j *judge, c *candidate) bool {
		if !j.q.stock {
			return false
		}
		figs := topicFigs(j, c)
		if wide, ok := clauseFigures(j, c); ok {
			figs = withoutDurations(wide) // 新增…12个，总数达到22个
		}
		for _, f := range figs {
			if !isAddition(c.s.Text, f) {
				return false
			}
		}
		return len(figs) > 0
	}},
	{"unit", "no figure in the unit asked", "此句没有所问单位的数字", func(j *judge, c *candidate) bool {
		q := j.q
		if q.ordinal || len(q.units) == 0 || q.units[0] == "%" {
			return false
		}
		if own := topicFigs(j, c); len(own) > 0 && onlyRates(own) && !saysYearsAsked(q, c.s.Text) && !coverageRate(q, c.s.Text, own) {
			return true // 最低工资标准增长近30%，…收入达到41580元: the topic's figure is its growth, the amount another's
		}
		figs, _ := clauseFigures(j, c) // a unit may follow in the clause after: 项目38个，协议金额606.99亿元
		return !hasUnit(c.s.Text, figs, q.units) && !saysYearsAsked(q, c.s.Text) && !saysNoCost(q, c.s.Text) && !coverageRate(q, c.s.Text, figs)
	}},
	{"each", "an amount for each person or month is asked and the figures are totals (育儿补贴每个娃一个月多少钱 is not answered by 发放育儿补贴49亿元)", "此句的数字是总数，不是每人或每月的", func(j *judge, c *candidate) bool {
		return j.q.figure && j.q.each && len(c.s.Figures) > 0 && !saysEach(c.s)
	}},
	{"rate", "amounts where a rate is asked (上调百分之几 is not answered by 提高20元)", "此句没有所问的比率", func(j *judge, c *candidate) bool {
		q := j.q
		if q.ordinal || len(q.units) == 0 || q.units[0] != "%" {
			return false
		}
		own := topicFigs(j, c)
		if len(own) == 0 || hasRate(own) {
			return false
		}
		figs, _ := clauseFigures(j, c)
		return !hasRate(figs) || reachedLevel(c.s.Text[:own[0].Start]) // 社零增至2.79万亿元，…占比升至48%: the rate is another's
	}},
}

// coverageRate reports whether text answers how many a thing covers (覆盖
// 多少人) by the share it covers (签约服务覆盖率达到95%): the rate is how
// reports count coverage.
func coverageRate(q question, text string, figs []report.Figure) bool {
	return strings.Contains(q.text, "覆盖") && strings.Contains(text, "覆盖") && hasRate(figs)
}

// reEach asks for each one (每个娃一个月, 每人, per child).
var reEach = regexp.MustCompile(`每(?:个|位|名)?(?:人|娃|孩子|小孩|老人|学生|月)|一个月|per (?:child|person|capita|head|month)|each (?:child|person|month)|a month\b`)

// reMoney asks an amount of money.
var reMoney = regexp.MustCompile(`钱|\d元|多少元|几元|how much`)

// asksEach reports whether a question asks an amount of money for each
// person or each month.
func asksEach(text string) bool { return reEach.MatchString(text) && reMoney.MatchString(text) }

// saysEach reports whether a sentence says a figure for each one: an
// amount in yuan, or 每, 人均, a standard (标准) or a rate per unit (元/人)
// with its figures.
func saysEach(s *report.Sentence) bool {
	text := strings.ReplaceAll(s.Text, "高标准", "") // 高标准农田 sets no amount
	if strings.Contains(text, "每") || strings.Contains(text, "人均") || strings.Contains(text, "标准") || strings.Contains(text, "/") {
		return true
	}
	return slices.ContainsFunc(s.Figures, func(f report.Figure) bool { return f.Unit == "元" })
}

// asksFiveYearTarget reports whether q asks a figure the five-year plan
// sets (十五五末, 到2030年), not one of the plan year (今年累计要达到多少).
func asksFiveYearTarget(q question, planYear int) bool {
	return planYear > 0 && !q.ordinal && q.figure && !q.how && q.span == report.SpanFive && q.intent == wantTarget &&
		q.rel != "this" && !slices.Contains(q.years, planYear)
}

// reByYear is a year a target is set for: 到2030年.
var reByYear = regexp.MustCompile(`到((?:19|20)\d\d)年`)

// namesLaterPeriod reports whether text names a five-year plan (“十五五”时期
// 新增人口100万) or a year after planYear that a target is set for (到2030
// 年): its figures are then not the plan year's, whatever the index says.
func namesLaterPeriod(text string, planYear int) bool {
	if reFiveYear.MatchString(notFiveYears(text)) {
		return true
	}
	for _, m := range reByYear.FindAllStringSubmatch(text, -1) {
		if y, _ := strconv.Atoi(m[1]); y > planYear {
			return true
		}
	}
	return false
}

// onlyOfYear reports whether figs are some and all of year.
func onlyOfYear(figs []report.Figure, year int) bool {
	return len(figs) > 0 && !slices.ContainsFunc(figs, func(f report.Figure) bool { return f.Year != year })
}

// asksOneYearFigure reports whether q asks a figure of one year, which a
// sum or average over five years does not answer; 去年采取了哪些措施 asks
// what was done, whatever the figures said with it.
func asksOneYearFigure(q question) bool {
	return !q.ordinal && !(q.how && !q.figure) && q.span == report.SpanYear && !q.across
}

// reDuration is a number of years, which the figures leave out (they would
// be taken for years): 延长30年, 十年禁渔, 连续5年.
var reDuration = regexp.MustCompile(`(?:^|[^\d])(?:\d{1,3}|[一二三四五六七八九十两]{1,3})个?年`)

// saysYearsAsked reports whether q asks for a number of years (几年, 多少年)
// and text says one.
func saysYearsAsked(q question, text string) bool {
	return len(q.units) == 1 && q.units[0] == "年" && reDuration.MatchString(text)
}

// saysNoCost reports whether q asks what the asker pays (自己要掏多少钱, 能报多少)
// and text says that it is nothing (个人“零自付”, 免费提供): zero is the figure.
func saysNoCost(q question, text string) bool {
	return q.costAsked && reNoCost.MatchString(text)
}

var (
	// reCostAsked asks what one pays: 掏多少钱, 交几块, 掏钱, 能报多少 (not 交通补贴多少,
	// 交付多少套, 申报多少项).
	reCostAsked = regexp.MustCompile(`[掏花交付缴](?:了|要|得)?(?:多少|几)(?:钱|块|元)|[掏花交付缴]钱|(?:^|[^申填上])报销?多少`)
	reNoCost    = regexp.MustCompile(`零自付|无自付|免费|免缴|全免|零收费|不收费`)
)

// amountGate rejects, among the candidates that passed the gates, those
// without an amount when an amount is asked (asksAmount) and others have
// one.
var amountGate = gate{name: "amount", why: "an amount is asked and other sentences give one"}

// amountCues name an amount: 总量 of 地区生产总值总量有多少.
var amountCues = words.list("cue.amount")

// asksAmount reports whether q asks for an amount, not a rate or a share:
// it names one (总量, 金额) or asks for a unit other than per cent. A bare
// 多少 may ask for a rate as well: the gate then keeps out of the way
// (it cost six right answers on the held-out sets and saved none).
func asksAmount(q question) bool {
	if !q.figure || q.growth || q.how || q.versusPlan {
		return false
	}
	return containsAny(q.text, amountCues) || len(q.units) > 0 && !slices.Contains(q.units, "%")
}

// clauseFigures returns the figures of c said with the question's topics
// or in the clause after theirs, and true; or all of c's figures and false
// when no topic is said in the sentence itself.
func clauseFigures(j *judge, c *candidate) ([]report.Figure, bool) {
	if wide, ok := topicFigures(c.s, j.rc.lowered(c.s.ID), j.kws, 1); ok {
		return wide, true
	}
	return c.s.Figures, false
}

// topicFigs returns the figures of c said with the question's topics (all
// of them when no topic is said in the sentence itself), durations left
// out unless years are asked for.
func topicFigs(j *judge, c *candidate) []report.Figure {
	figs := c.s.Figures
	if near, ok := topicFigures(c.s, j.rc.lowered(c.s.ID), j.kws, 0); ok {
		figs = near
	}
	if !isOneOf("年", j.q.units) {
		figs = withoutDurations(figs) // 连续9年 answers 几年, not 下降了多少
	}
	return figs
}

// unitSaid reports whether c has a figure in the unit asked for (多少岁,
// 几台) next to one of the question's topics and covers the topics the
// report has words for: evidence enough to let pass the everyday words a
// user says and the report does not (街上跑的电车). A vocabulary topic the
// report never uses (成都地铁 in a report without 地铁) is a near miss.
func unitSaid(j *judge, c *candidate) bool {
	q, kws, rc, s := j.q, j.kws, j.rc, c.s
	if len(q.units) == 0 || q.units[0] == "%" {
		return false
	}
	var known []keyword
	total, unknown := 0.0, false
	for _, k := range kws {
		switch {
		case k.known:
			known = append(known, k)
			total += k.weight
		case !k.verb && len(k.alts) > 1:
			return false
		case !k.verb:
			unknown = true
		}
	}
	figs, ok := topicFigures(s, rc.lowered(s.ID), kws, 0)
	if !ok || !hasUnit(s.Text, inTopicClauses(rc.lowered(s.ID), figs, kws), q.units) || total == 0 {
		return false
	}
	p := passageOf(q, rc, s.ID, j.w)
	var main keyword // the heaviest topic the report names must be there
	for _, k := range known {
		if !k.verb && k.weight > main.weight {
			main = k
		}
	}
	if c, _, _ := coverage([]keyword{main}, p, j.w); unknown && main.alts != nil && c == 0 {
		return false // with words the report lacks, its main one must be there
	}
	if !unknown {
		return c.f.Coverage >= j.w.MinCoverageUnit
	}
	sum, _, _ := coverage(known, p, j.w)
	return sum/total >= j.w.MinCoverageUnit
}

// grewOverYears reports whether the figures c says with the question's
// weightiest topic are levels of years far apart, and no rate.
func grewOverYears(j *judge, c *candidate) bool {
	if !reYearWord.MatchString(c.s.Text) {
		return false // no year said, no level of one
	}
	for _, i := range j.heaviestTopics() {
		only := anchoredBy(j.kws, func(m int) bool { return m == i })
		figs, ok := topicFigures(c.s, j.rc.lowered(c.s.ID), only, 0)
		if ok && len(figs) > 0 {
			return !hasRate(figs) && levelsYearsApart(c.s.Text, figs)
		}
	}
	return false
}

// anchoredBy returns a copy of kws in which only the topics anchors picks
// (and that are no verbs already) anchor figures (topicFigures): the
// others are marked as verbs, which anchor none.
func anchoredBy(kws []keyword, anchors func(i int) bool) []keyword {
	out := slices.Clone(kws)
	for i := range out {
		out[i].verb = kws[i].verb || !anchors(i)
	}
	return out
}

// reYearOwn is a year right before the figure it is the year of: 2020年的,
// 2020年底.
var reYearOwn = regexp.MustCompile(`((?:19|20)\d\d)年(?:末|底)?的?$`)

// levelsYearsApart reports whether figs of text include levels of two
// years more than one apart, each year said right before its figure (从2020
// 年的3.68万亿元增长到2025年的4.93万亿元): what grew between them grew over
// several years.
func levelsYearsApart(text string, figs []report.Figure) bool {
	first, last := 0, 0
	for _, f := range figs {
		m := reYearOwn.FindStringSubmatch(text[max(0, f.Start-16):f.Start]) // 2020年末的 is 13 bytes
		if m == nil {
			continue
		}
		y, _ := strconv.Atoi(m[1])
		if first == 0 || y < first {
			first = y
		}
		last = max(last, y)
	}
	return first > 0 && last-first > 1
}

// onlyFiveYear reports whether every one of figs, figures of text, spans
// five years: a sum or an average of them (累计, 年均), or a target of a
// later year (到2030年). The level a review of five years reached at its
// end (从27136元增长到36439元) is the reviewed year's.
func onlyFiveYear(text string, figs []report.Figure) bool {
	for _, f := range figs {
		if f.Span != report.SpanFive || f.Period == report.PeriodResult && reachedLevel(text[:f.Start]) {
			return false
		}
	}
	return len(figs) > 0
}

// levelWords, right before a figure, say the level reached (增长到36439元),
// not a sum or an average over years.
var levelWords = words.list("cue.level")

// reachedLevel reports whether the text before a figure ends with a word
// of levelWords.
func reachedLevel(before string) bool {
	for _, w := range levelWords {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// isAddition reports whether figure f of text counts what was added
// (新增企业68家) rather than what there is (突破7000公里).
func isAddition(text string, f report.Figure) bool { return figureCue(text, f) < 0 }

// isStockFigure reports whether figure f of text says what there is
// (总里程达到9000公里, 突破7000公里).
func isStockFigure(text string, f report.Figure) bool { return figureCue(text, f) > 0 }

// figureCue tells whether the clause of figure f says a stock (1), an
// addition (-1) or neither (0). A bare item of a list (新获评科技型中小企业
// 68家,高新技术企业6家) takes the verb of the clauses before it.
func figureCue(text string, f report.Figure) int {
	before := text[:f.Start]
	if i := strings.LastIndexAny(before, "；;。"); i >= 0 {
		before = before[i:]
	}
	for end := len(before); end > 0; {
		i := strings.LastIndexAny(before[:end], "，,、")
		clause := before[i+1 : end]
		if i >= 0 {
			_, size := utf8.DecodeRuneInString(before[i:])
			clause = before[i+size : end]
		}
		switch {
		case containsAny(clause, stockCuesNear):
			return 1
		case containsAny(clause, additionCues):
			return -1
		}
		end = i
	}
	return 0
}

var additionCues, stockCuesNear = words.list("cue.addition"), words.list("cue.stock_figure")

// onlyRates reports whether every one of figs is a rate or a share.
func onlyRates(figs []report.Figure) bool {
	return !slices.ContainsFunc(figs, func(f report.Figure) bool { return !isRate(f) })
}

// hasRate reports whether one of figs is a rate or a share.
func hasRate(figs []report.Figure) bool { return slices.ContainsFunc(figs, isRate) }

// isRate reports whether f is a rate or a share.
func isRate(f report.Figure) bool {
	switch f.Unit {
	case "%", "％", "个百分点", "百分点", "‰", "倍", "∶": // 8.3∶41.4∶50.3 is shares too
		return true
	}
	return false
}

func withoutDurations(figs []report.Figure) []report.Figure {
	var out []report.Figure
	for _, f := range figs {
		if f.Unit != "年" {
			out = append(out, f)
		}
	}
	return out
}

// Words that make a question, or a figure, cover several years. 年均浓度
// is one year's average; 全年累计 is one year's sum.
var spanCues, figureSpanCues = words.list("cue.span"), words.list("cue.figure_span")

// reRank matches an ordinal or a rank, 全国最多 the first, 前十强 one of
// the first ten.
var reRank = regexp.MustCompile(`第[0-9一二三四五六七八九十百]+|首位|榜首|首次|第一|(?:全国|全省|全球|世界)(?:最多|最高|最大|最快|最长|最先|领先|前列)|前[0-9一二三四五六七八九十]+(?:强|名|位)`)

// figureOfYears reports whether a figure of s, or its text, is about one
// of years.
func figureOfYears(s *report.Sentence, years []int) bool {
	for _, y := range years {
		if strings.Contains(s.Text, itoa(y)+"年") {
			return true
		}
		if s.Part == report.PartTable && slices.ContainsFunc(s.Section, func(h string) bool { return strings.Contains(h, itoa(y)+"年") }) {
			return true // a row of 2025年市本级一般公共支出预算执行情况
		}
		for _, f := range s.Figures {
			if f.Year == y || f.Year == 0 {
				return true
			}
		}
	}
	return false
}

func hasPeriod(s *report.Sentence, p report.Period) bool {
	for _, f := range s.Figures {
		if f.Period == p {
			return true
		}
	}
	return false
}

// enoughCoverage reports whether cov, a coverage of c, is enough: the
// least, or a little less with a figure in the unit asked (unitSaid).
func enoughCoverage(j *judge, c *candidate, cov float64) bool {
	return cov >= j.w.MinCoverage || cov >= j.w.MinCoverageFloor && unitSaid(j, c)
}

// coverageAsUnknown returns the coverage of c with the colloquial topics
// weighed as any other topic the report never names; ok is false when the
// question has none.
func coverageAsUnknown(j *judge, c *candidate) (cov float64, ok bool) {
	if !slices.ContainsFunc(j.kws, func(k keyword) bool { return k.colloquial && !k.context }) {
		return 0, false // most questions: no copy of the topics for each candidate
	}
	kws := slices.Clone(j.kws)
	total := 0.0
	for i := range kws {
		if kws[i].colloquial && !kws[i].context {
			kws[i].weight /= j.w.ColloquialTopic
		}
		total += kws[i].weight
	}
	if total == 0 {
		return 0, false
	}
	sum, _, _ := coverage(kws, passageOf(j.q, j.rc, c.s.ID, j.w), j.w)
	return sum / total, true
}

// namesKnown reports whether c's sentence itself says every topic of the
// question that the report names, verbs aside.
func namesKnown(j *judge, c *candidate) bool {
	text := j.rc.lowered(c.s.ID)
	for _, k := range j.kws {
		if k.known && !k.verb && !k.context && !containsAny(text, k.alts) {
			return false
		}
	}
	return true
}

// heaviestAsked returns the weightiest topics of the one clause that
// asks, when it names a thing of the vocabulary (在昆明打工，最低工资今年能涨到
// 多少 asks of 最低工资, however much the scene's 打工 weighs), else of the
// whole question: every topic of that weight, since rare words all weigh
// the most (老楼 and 装电梯 alike).
func heaviestAsked(j *judge) []int {
	asking := askingBy(j.q.text, asksAsTyped)
	named := func(k keyword) bool { return asking != j.q.text && k.vocab && containsAny(asking, k.said) }
	if !slices.ContainsFunc(j.kws, named) {
		named = func(keyword) bool { return true } // it names none: 下岗了想摆个地摊，政府让摆不让摆
	}
	heaviest := math.Inf(-1)
	for _, k := range j.kws {
		if named(k) {
			heaviest = max(heaviest, k.weight)
		}
	}
	var out []int
	for i, k := range j.kws {
		if named(k) && k.weight == heaviest {
			out = append(out, i)
		}
	}
	return out
}

// standout lets the best candidate answer though it says too little of
// the question's topics, when no other passes and it stands out: it says
// the question's weightiest topic itself, covers StandoutCoverage of the
// topics, scores StandoutMargin above every other sentence (or covers
// OnlySayerCoverage and is the one sentence saying the topic asked,
// onlySayer), and passes every gate after the coverage gate. Citizens
// tell their situation around what they ask (下岗了想晚上摆个地摊卖小吃，政府让
// 摆不让摆): the one sentence of the report on 地摊 answers, though it says
// nothing of 晚上 or 小吃. ranked is best first; it reports whether
// ranked[0] now answers.
func standout(j *judge, ranked []candidate) bool {
	if len(ranked) == 0 || ranked[0].rejected == nil || ranked[0].rejected.name != "coverage" {
		return false
	}
	for i := range ranked {
		if ranked[i].rejected == nil {
			return false // another answers
		}
	}
	c, w := &ranked[0], j.w
	if c.f.Coverage < w.StandoutCoverage {
		return false
	}
	heaviest := j.heaviestTopics()
	sayer := false
	if len(ranked) > 1 && c.score-ranked[1].score < w.StandoutMargin {
		if c.f.Coverage < w.OnlySayerCoverage || !onlySayer(j, heaviest, c.s.ID) {
			return false
		}
		sayer = true
	}
	text := j.rc.lowered(c.s.ID)
	if !slices.ContainsFunc(heaviest, func(i int) bool { return containsAny(text, j.kws[i].alts) }) {
		return false
	}
	if laterGate(j, c) != nil {
		return false // still rejected for its coverage, as the gates found in order
	}
	c.rejected, c.standout, c.sayer = nil, true, sayer
	return true
}

// onlySayer reports whether sentence id is the one sentence of the report
// (of the period asked) that says one of the topics heaviest (a known
// word, not a verb) that the one clause asking of a question of several
// names: 今年长护险能用上不 after the asker's story is answered by the
// report's one sentence on 长护险, however close another sentence scores
// on the story's words.
func onlySayer(j *judge, heaviest []int, id int) bool {
	asking := askingBy(j.q.text, asksAsTyped)
	if asking == j.q.text {
		return false // one clause, or several asking: no story told apart
	}
	for _, i := range heaviest {
		k := j.kws[i]
		if k.verb || !k.known || !containsAny(asking, k.said) {
			continue
		}
		var in []int
		for _, a := range k.alts {
			ids, n := j.rc.sentencesWith(a)
			if n > maxSaid {
				in = nil
				break // said too often to be said once in the period asked
			}
			for _, s := range ids {
				if !slices.Contains(in, s) {
					in = append(in, s)
				}
			}
		}
		in = slices.DeleteFunc(in, func(s int) bool { return s != id && otherPeriod(j, s) })
		if len(in) == 1 && in[0] == id {
			return true
		}
	}
	return false
}

// periodGate is the gate of the period asked.
var periodGate = &gates[slices.IndexFunc(gates, func(g gate) bool { return g.name == "period" })]

// otherPeriod reports whether sentence id is of another period than the
// one asked (the year reviewed where this year's plan is asked): it does
// not compete.
func otherPeriod(j *judge, id int) bool {
	s := j.rc.r.Sentences.At(id)
	return periodGate.rejects(j, &candidate{s: &s})
}

// standoutWhy and onlySayerWhy are what the trace says of a candidate
// standout let answer.
const (
	standoutWhy  = "standout: says the weightiest topic and scores far above every other sentence, though too little of the topics"
	onlySayerWhy = "standout: the one sentence of the period asked that says the topic the asking clause names, though too little of the topics"
)
