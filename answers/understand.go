package answers

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"planbot/index"
	"planbot/index/report"
)

// Intent says what a question asks for.
type Intent int

// Intents.
const (
	anyPeriod  Intent = iota
	wantTarget        // a plan or target of the planned year
	wantResult        // what was achieved in the reviewed year
)

// question is a question understood.
type question struct {
	raw        string
	text       string     // normalised, Latin aliases in Chinese
	groups     [][]string // alternatives from the vocabulary
	intent     Intent
	years      []int  // years named explicitly
	rel        string // "this" (今年/明年), "last" (去年) or ""
	figure     bool   // asks for a number: 多少, 几, 多大…
	figureSoft bool   // prefers a number: …目标
	how        bool   // asks what/which/how: 哪些, 什么, 怎么, 措施…
	now        bool   // asks what is so now: 现在, 目前, 最近…
	problems   bool   // asks of shortcomings: 困难, 问题, 偏低…
	units      []string
	across     bool        // across years: 历年, 这几年…
	strict     bool        // the period is asked for plainly: a year, 今年/去年, 目标…
	growth     bool        // asks for a rate: 增长, 增速, 比例, 率…
	versusPlan bool        // sets a result against its plan: 比计划差多少, 完成计划了吗
	define     bool        // asks what a term means: 两新指的是什么, 什么意思
	costAsked  bool        // what the asker pays is asked (自己要掏多少钱, 能报多少)
	when       bool        // asks when: 什么时候, 哪一年, by when
	share      bool        // asks for a share (比重, 研发投入强度): asksShare, once the vocabulary's groups are known
	ordinal    bool        // asks a rank or an ordinal: 排第几, 第几届
	stock      bool        // asks how many there are (总数, 一共有), not how many were added
	each       bool        // asks money for each person or month (每个娃一个月多少钱): asksEach, once typos are fixed
	span       report.Span // the span asked: one year (今年, 去年), five (十四五, 这五年), "" either
	place      string
	// elsewhere is a place the question names that no report is about
	// but the report asked mentions (北京 in a 天津 report): the answer must
	// say it.
	elsewhere string
}

var (
	reYear4 = regexp.MustCompile(`(19|20)\d\d`)
	// reYear2 matches a year of two digits: 25年 for 2025.
	reYear2    = regexp.MustCompile(`\d\d年`)
	targetCues = words.list("cue.target")
	resultCues = words.list("cue.result")
	figureCues = words.list("cue.figure")
	howCues    = words.list("cue.how")
	countCues  = words.list("cue.count")
	defineCues = words.list("cue.define")
	whenCues   = words.list("cue.when")
	// The sentence of the guiding principles, and questions asking for it.
	guidingCues, guidingAsked = words.list("cue.guiding"), words.list("cue.guiding_asked")
	acrossCues                = words.list("cue.across")
	// A quantity: 销量, 用电量, 吞吐量 (not 质量, 力量, 能量).
	reQuantity = regexp.MustCompile(`[^质力能考商度胆分数]量`)
	// An English unit asked for (how many kilometers, tons of grain) and
	// the figure units that answer it.
	englishUnits  = words.mapOf("english_unit")
	reEnglishUnit = regexp.MustCompile(`\b(` + alternatives(englishUnits) + `)\b`)

	thisYearCues, lastYearCues   = words.list("cue.this_year"), words.list("cue.last_year")
	strictTargetCues, growthCues = words.list("cue.strict_target"), words.list("cue.growth")
	stockCues                    = words.list("cue.stock")
	// Terms with a cue of the period inside that say no period: 预期寿命.
	inertTerms = words.list("cue.inert")

	// Five years said in words: 五年, 十四五, 十五五期间.
	reFiveYear = regexp.MustCompile(`五年|十[一二三四五六七八九]五`)
	// reNotFiveYears matches a 五年 that is no five years: of a longer
	// number (冰箱用了十五年, 二〇二五年) or a grade (五年级).
	reNotFiveYears = regexp.MustCompile(`[0-9〇零一二三四五六七八九十百两几多]五年|五年级`)

	// A number of years asked for (the character before tells 这几年 apart).
	reYearsAsked = regexp.MustCompile(`(^|.)(?:多少|几)年([^轻级代度]|$)`) // 多少年轻人, 几年级 ask no years
	// An English question answered yes or no, at its start or at the start
	// of a later sentence: "Will China scrap …?", "I heard of breaks - is
	// that in the plan?" (a polite tail, "can you tell me", is no such
	// question: rePoliteTail).
	reYesNo      = regexp.MustCompile(`(^|[-–—.?!;:,] +)(will|is|are|does|do|did|has|have|can|could|should|was|were|any)\b`)
	rePoliteTail = regexp.MustCompile(`\b(do|can|could|would) you (know|tell)\b.*$`)
	// An English question asking a rank: where does X rank nationally.
	reRankEn = regexp.MustCompile(`\b(rank|ranks|ranked|ranking)\b`)
	// reWhatFigure asks for a figure in English (what is the target, what
	// share); any other what or which asks for one only with a figure cue
	// (rate, how many): what role, what does the government plan, which
	// city hosts.
	reWhatFigure = regexp.MustCompile(`\bwhat (is|was|are|were|percentage|share|proportion|number|amount|level|rate|value|total|size)\b`)
	reWhatWhich  = regexp.MustCompile(`^(what|which)\b`)
	// reGoalsEn names aims, which words state as often as figures;
	// reMeasureEn a measure, which a figure states.
	reGoalsEn   = regexp.MustCompile(`\b(goals?|objectives?|aims?|vision|tasks?|priorit(y|ies))\b`)
	reMeasureEn = regexp.MustCompile(`\b(how (much|many|big|large|fast|high)|rate|percentage|per cent|percent|share|proportion|number|amount|level|total|size|value|gdp|output|income|revenue|investment|growth)\b`)
	// reWhatPlan asks what is planned or done, not a figure: what are the
	// plans for the port, what is planned for the railway, what is Hubei
	// doing about debt, what are its main AI initiatives.
	reWhatPlan = regexp.MustCompile(`\bplans for\b|\bplanned\b|\bplanning\b|\bmeasures\b|\bsteps\b|\bdoing\b|\binitiatives\b|\bpolicies\b|\bactions\b|\bthe plans?\b`)
	// An English question asking when: a year or a date answers it, as it
	// answers 什么时候.
	reWhen = regexp.MustCompile(`^(by |until |since )?when\b`)
	// reYesNoZh matches a Chinese question asking yes or no: 高吗, 变好了没, 有没有.
	reYesNoZh = regexp.MustCompile(`(吗|没|没有|不)[？?！!。.~～\s]*$|有没有|是不是|是否`)
	// A result set against its plan.
	reVersusPlan = regexp.MustCompile(`(比|与|和|跟|同)(计划|目标)|完成(了)?(计划|目标)|(计划|目标)完成(情况|得|了)|完成情况`)
	// A verb of result used for the future: 要完成, 计划实现, 力争达到.
	reWillDo = regexp.MustCompile(`(要|将|计划|力争|争取|预计|准备|打算)(完成|实现|达到|新增|取得)`)
	// A verb with 了 says it is done (获评了, 建了); 了解 and 为了 do not.
	rePerfective = regexp.MustCompile(`[\p{Han}](了)([^解]|$)`)
	// A clause that asks whether a thing can or will be (能涨点不, 能不能修,
	// 会不会涨), not 能源, 会议, 社会 or 产能; 还能打鱼吗 and 能用上吗 ask what
	// is so now.
	reWillItAsk = regexp.MustCompile(`(?:^|[^社机两博大年协学商工省都体理产风储核智节功动性技效职才可本赋潜热电光势])(?:能不能|会不会|(?:能|会)[^源力效耗级量手议展计员\P{Han}]\p{Han}{0,5}不[啊呀呢吧嘛？?！!。~～ ]*$)`)
	nowCues     = words.list("cue.now")
	reDoneYet   = regexp.MustCompile(`了(吗|么|没|没有)[？?！!。]*$`)
	// Words that say a thing is done.
	pastCues = words.list("cue.past")
	// Nouns that ask for a kind of figure rather than name a topic, and
	// the units that answer them (面积 asks for 亩 or 公顷).
	measureNouns = words.byKey("measure")
	// A unit asked for: 多少亩, 几家, 多少亿元, 多少万吨.
	// Figure units that satisfy a unit asked for.
	unitFamilies = words.mapOf("unit")
	// reUnitAsked: 多少 or 几, perhaps 万 or 亿, and a unit of words.txt.
	reUnitAsked = regexp.MustCompile(`(?:多少|几|多)(万|亿)?(` + unitsAskable() + `)`)
	// rePointsAsked asks for points of a rate: 增长几个点, 多少个百分点.
	rePointsAsked = regexp.MustCompile(`(?:多少|几)个(?:百分)?点`)
	reRateAsked   = regexp.MustCompile(`增速|增幅|增长多少|增长了多少|百分之|百分比|%|比例|比率|占比|(?:^|[^产])率`) // 劳动生产率 is no rate
	// reCountedPeople asks how many people: 多少小孩, 多少学生 at the end of
	// a clause, not 多少农民工工资 or 多少游客中心 (几个学生 is counted in 个).
	reCountedPeople = regexp.MustCompile(`(?:多少|几)(?:` + quoteAll(words.list("people.counted")) + `)(?:$|[^\p{Han}]|[吗呢啊呀了啦？])`)
)

// reWhichFew points at some things (这几个, 哪几项) or asks when (几时): a
// 几 that asks no count.
var reWhichFew = regexp.MustCompile(`([这那哪])几|几时`)

// reAFewMore matches 几 of a few more or fewer, 多 or 少 with at most a
// verb between (多建几所高中, 少跑几趟, 多几个车位), which asks whether, not
// how many; 最多能贷几万, 减少几个百分点, 多了几个 still ask.
var reAFewMore = regexp.MustCompile(`(^|[^最至减缺增差不许很])([多少][^了的\P{Han}]?)几`)

// reCompared matches the year a figure is compared with.
var reCompared = regexp.MustCompile(`(比|较|同比|相比|对比)(上年|去年|上一年)(多|少|增加|减少|提高|下降|增长)?了?`)

// yearsNamed returns the years text names: 2025, 2025年, 25年 (for
// 2025); a number that is a quantity (2000万吨, 1955.6) or a span of
// years (25年来, 近25年) is no year.
func yearsNamed(text string) []int {
	var years []int
	for _, m := range reYear4.FindAllStringIndex(text, -1) {
		before, _ := utf8.DecodeLastRuneInString(text[:m[0]])
		after, _ := utf8.DecodeRuneInString(text[m[1]:])
		if isDigitOrPoint(before) || isDigitOrPoint(after) || strings.ContainsRune(quantityMarks, after) {
			continue
		}
		y, _ := strconv.Atoi(text[m[0]:m[1]])
		years = append(years, y)
	}
	for _, m := range reYear2.FindAllStringIndex(text, -1) {
		before, _ := utf8.DecodeLastRuneInString(text[:m[0]])
		after, _ := utf8.DecodeRuneInString(text[m[1]:])
		y, _ := strconv.Atoi(text[m[0] : m[0]+2])
		if isDigitOrPoint(before) || strings.ContainsRune(spanMarks, before) || strings.ContainsRune("来间内", after) || y < 10 || y > 49 {
			continue
		}
		years = append(years, 2000+y)
	}
	return years
}

// reYearRange is a range of years: 2021-2025, 2021—2025年, 2021至2025年.
var reYearRange = regexp.MustCompile(`(?:^|\D)((?:19|20)\d\d)\s*年?\s*(?:-|—|–|―|~|～|至|到|to)+\s*((?:19|20)?\d\d)(年?)`)

// withoutYearRanges writes each range of years that is a five-year plan's
// (2021-2025年, 2016—2020, 2021-25年) as its last year (the report that
// reviews 2025 reviews the five years to it) and reports whether there
// was one.
func withoutYearRanges(text string) (string, bool) {
	five := false
	text = reYearRange.ReplaceAllStringFunc(text, func(m string) string {
		sub := reYearRange.FindStringSubmatch(m)
		from, _ := strconv.Atoi(sub[1])
		to, _ := strconv.Atoi(sub[2])
		if to < 100 {
			to += from / 100 * 100 // 2021-25
		}
		if to-from != 4 || from%5 != 1 {
			return m
		}
		five = true
		lead, _, _ := strings.Cut(m, sub[1]) // the character before the range
		return lead + strconv.Itoa(to) + "年"
	})
	return text, five
}

// quantityMarks follow a number that counts (2000万吨, 1200多个), so it is
// no year.
const quantityMarks = "万亿千百多余个元吨亩人家户件项米里斤%％"

// spanMarks come before a number of years that is a span (近25年, 第25年).
const spanMarks = "近第多几这那前后去过每满"

func isDigitOrPoint(r rune) bool { return '0' <= r && r <= '9' || r == '.' || r == '．' }

// onlyAsking returns the one clause of text that asks, or text whole
// when none or more than one does.
func onlyAsking(text string) string { return askingBy(text, asks) }

// askingBy returns the one clause of text that asks by asks, or text
// whole when none or more than one does.
func askingBy(text string, asks func(string) bool) string {
	asking, prev := "", ""
	for _, c := range reClause.Split(text, -1) {
		if asks(c) {
			if asking != "" {
				return text // 今年进博会是第几届，要做哪些工作: both ask
			}
			asking = c
			if reConfirm.MatchString(c) && prev != "" {
				asking = prev // 听说去年开始不收保教费了，是真的吗: what is confirmed asks
			}
		}
		if strings.TrimSpace(c) != "" {
			prev = c
		}
	}
	if asking == "" {
		return text
	}
	return asking
}

// askingClause returns the clause of text that asks, when it says a period
// of its own: 我家娃明年上幼儿园，这几年学位加了多少 asks of the years done;
// 明年 is the asker's. Otherwise (no clause asks, or more than one) text
// whole.
func askingClause(text string) string {
	asking := onlyAsking(text)
	if asking == text {
		return text
	}
	period := containsAny(asking, thisYearCues) || containsAny(asking, lastYearCues) || reYearWord.MatchString(asking)
	done := containsAny(asking, pastCues) || containsAny(asking, resultCues) || rePerfective.MatchString(asking)
	if !period && done && containsAny(text, lastYearCues) && !containsAny(text, thisYearCues) {
		return text // 说去年人均收入涨了，具体涨了百分之几: the year done is the scene's
	}
	if period || done || containsAny(asking, targetCues) {
		return asking
	}
	return text
}

// reConfirm matches a clause that only asks whether what was said before
// is so (是真的吗, 对吗, 有这回事吗).
var reConfirm = regexp.MustCompile(`^\s*(这|那|这个|那个)?(是不是|是)?(真的|对的|对|这样|真事|有这事|有这回事|真有这事|真有这回事)(吗|嘛|么|吧|不|没|假的)\s*$`)

// reClause splits a question into its clauses.
var reClause = regexp.MustCompile(`[，,；;。！!？?]+`)

// askingCues are the words that make a clause ask.
var askingCues = words.list("clause.asks")

// reFew matches a count denied, which says "few" (没涨几个钱), and 好几
// (several): they ask nothing (挣不了几个钱, 没几个人, 瘫在床上好几年了).
var reFew = regexp.MustCompile(`(?:没有|没|不了|不到|没个)[涨挣赚剩拿给发领]?(?:几|多少)|好几`)

// roughNumbers writes a number said roughly (十几年, 几十万) the way that
// counts without asking (十余年, 数十万). Said alone it may be what is asked
// (能补贴几万元): withoutRoughScene rewrites it only where another clause
// asks.
var roughNumbers = strings.NewReplacer("十几", "十余", "几十", "数十", "几百", "数百", "几千", "数千", "几万", "数万")

// withoutRoughScene rewrites the numbers said roughly in the clauses of
// text that do not ask, when another clause does (家里冰箱用了十几年了，今年还有
// 补贴吗); a question whose only asking word is such a number keeps it.
func withoutRoughScene(text string) string {
	if onlyAsking(text) == text {
		return text
	}
	var b strings.Builder
	last := 0
	for _, loc := range append(reClause.FindAllStringIndex(text, -1), []int{len(text), len(text)}) {
		c := text[last:loc[0]]
		if !asks(c) {
			c = roughNumbers.Replace(c)
		}
		b.WriteString(c)
		b.WriteString(text[loc[0]:loc[1]])
		last = loc[1]
	}
	return b.String()
}

// asks reports whether clause c asks: it says an asking word other than
// in a count denied (一年到头挣不了几个钱 only sets the scene).
func asks(c string) bool { return asksAsTyped(roughNumbers.Replace(c)) }

// asksAsTyped is asks with a number said roughly (十几年) taken as asking;
// a decade said roughly (九几年) is not.
func asksAsTyped(c string) bool {
	if strings.Contains(c, "几年") {
		c = reDecade.ReplaceAllString(c, "$1十年代")
	}
	return containsAny(reFew.ReplaceAllString(c, "少"), askingCues) || reHowMuch.MatchString(c) || aNotA(c) || endsAskingTag(c)
}

// reHowMuch asks how high or how fast (失业率到底多高), not 很多高中生 or
// 许多快递.
var reHowMuch = regexp.MustCompile(`(?:^|[^很许好太更最])多(?:高|快)`)

// reDecade is a decade said roughly (九几年的老楼, 八几年): it asks nothing.
var reDecade = regexp.MustCompile(`([五六七八九])几年`)

// notANotA are idioms shaped like a word said and denied that ask nothing.
var notANotA = []string{"动不动", "时不时", "理不理", "不得不"}

// endsAskingTag reports whether c ends with 不 or 没 (or bu, mei, ma after
// a Chinese word), which ask yes or no after a verb (今年能修修不啊, 房价涨了
// 没, 能通车bu); 都没, 也没 end a statement.
func endsAskingTag(c string) bool {
	c = strings.TrimRight(strings.TrimSpace(c), "啊呀呢吧嘛~～ ")
	if strings.HasSuffix(c, "都没") || strings.HasSuffix(c, "也没") {
		return false
	}
	for _, tag := range tagWords {
		if isASCII(tag) && strings.HasSuffix(c, tag) {
			return afterHan(c, tag) // 能通车bu: 不 typed in pinyin
		}
	}
	r, _ := utf8.DecodeLastRuneInString(c)
	return utf8.RuneCountInString(c) > 2 && (r == '不' || r == '没')
}

// aNotA reports whether c asks by a word said and denied (管不管, 让摆不让摆,
// 允许不允许, 修没修): the way a clause asks yes or no. Idioms of the same
// shape (动不动, 时不时) ask nothing.
func aNotA(c string) bool {
	for _, w := range notANotA {
		c = strings.ReplaceAll(c, w, "")
	}
	rs := []rune(c)
	for i, r := range rs {
		if r != '不' && r != '没' || i == 0 || rs[i-1] == '不' || rs[i-1] == '没' {
			continue
		}
		for n := 1; n <= 2 && i-n >= 0 && i+n < len(rs); n++ {
			if string(rs[i-n:i]) == string(rs[i+1:i+1+n]) && isHan(rs[i-1]) {
				return true
			}
		}
	}
	return false
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// understand reads intent, years and the kind of answer wanted from q.
func understand(raw, text string, groups [][]string) question {
	q := question{raw: raw, text: text, groups: groups}
	text = strings.ReplaceAll(text, "哪几", "哪些") // 哪几所 asks which, not how many
	text = reFew.ReplaceAllString(text, "少")    // 挣不了几个钱 asks no count
	text = withoutRoughScene(text)              // 冰箱用了十几年，…还有补贴吗 asks no number of years
	text, fiveYears := withoutYearRanges(text)
	q.years = yearsNamed(text)
	lowRaw := strings.ToLower(strings.TrimSpace(raw)) // as typed: English cues before the vocabulary replaced them
	// 比上年增加多少 compares with last year; it does not ask about it
	asking := askingClause(text)
	for _, w := range inertTerms {
		asking = strings.ReplaceAll(asking, w, " ") // 人均预期寿命提高了多少 asks no target
	}
	when := reCompared.ReplaceAllString(asking, "")
	switch {
	case containsAny(when, thisYearCues):
		q.rel = "this"
	case containsAny(when, lastYearCues):
		q.rel = "last"
	}
	// "要完成多少" plans; "完成了吗" looks back
	planned := reWillDo.ReplaceAllString(onlyAsking(asking), "目标")
	// 比去年多了多少 compares; its 了 says nothing of the time
	t, r := containsAny(planned, targetCues), containsAny(planned, resultCues)
	// a bare 了 (第几次了) does not outweigh 要/打算; 完成了 does
	// a bare 了 asking yes or no (涨了吗, 通了没) asks whether it is so, of
	// the year done or the one planned
	// a 了 of the scene (下岗了想摆个地摊，政府让摆不让摆) tells what happened to
	// the asker, not that the answer is of the year done: a bare 了 counts
	// only in the clause that asks (the words of the past, 已经, 完成了, count
	// anywhere)
	perfective := onlyAsking(when)
	done := containsAny(when, pastCues) || rePerfective.MatchString(perfective) && !t && !reDoneYet.MatchString(perfective)
	switch {
	case done:
		q.intent = wantResult
	case t && !r:
		q.intent = wantTarget
	case r && !t:
		q.intent = wantResult
	case t && r:
		q.intent = wantTarget
	case reWillItAsk.MatchString(perfective) && !containsAny(perfective, nowCues):
		q.intent = wantTarget // 每月领的养老钱能涨点不: whether it will be, so the plan
	}
	q.strict = q.rel != "" || containsAny(text, strictTargetCues) && q.intent == wantTarget
	switch q.rel {
	case "this":
		if !containsAny(when, pastCues) {
			// this year's figures are still plans; a bare 了 (今年办第几届了)
			// says what it comes to, not that it is done
			q.intent = wantTarget
		}
	case "last":
		q.intent = wantResult
	}
	counted := reWhichFew.ReplaceAllString(text, "$1") // 这几个产业 points, it asks no count
	counted = reAFewMore.ReplaceAllString(counted, "$1$2")
	whatFigure := reWhatFigure.MatchString(lowRaw) && !reWhatPlan.MatchString(lowRaw)
	q.figure = containsAny(counted, figureCues) || reQuantity.MatchString(counted) || whatFigure
	q.ordinal = strings.Contains(text, "第几") || strings.Contains(text, "排名") || reRankEn.MatchString(lowRaw)
	q.how = containsAny(text, howCues) && !containsAny(counted, countCues)
	q.now = containsAny(perfective, nowCues) // 我现在失业了，创业补贴怎么申请 asks what will be
	// "…目标" prefers the figure of the target, but a target may be
	// stated without one (居民收入增长和经济增长同步)
	q.figureSoft = !q.figure && strings.Contains(text, "目标") && !q.how
	q.units = unitsAsked(counted, q.figure)
	if q.ordinal {
		q.units = nil // 第几次 is answered by 第四次, not by a count
	}
	if m := reEnglishUnit.FindStringSubmatch(text); m != nil && q.units == nil && !countsOther(lowRaw, m[1]) {
		q.units = englishUnits[m[1]]
	}
	if q.units == nil && !containsAny(text, growthCues) { // 占总人口多少 asks a share, not people
		for _, m := range measureNouns {
			if strings.Contains(text, m.key) {
				q.units, q.figure = m.words, true // 面积 asks for 亩 or 公顷
				break
			}
		}
	}
	q.costAsked = reCostAsked.MatchString(text)
	q.define = containsAny(text, defineCues)
	q.problems = containsAny(text, shortcomingsAsked)
	q.when = containsAny(text, whenCues) || reWhen.MatchString(lowRaw)
	if q.define && !containsAny(text, []string{"多少", "几"}) {
		q.figure, q.units = false, nil // "what does 两新 mean" asks for words ("what" is also a figure cue)
	}
	if reYesNoZh.MatchString(text) && !containsAny(text, []string{"多少", "几"}) {
		q.figure, q.figureSoft = false, q.figure // 增速比全国高吗 asks yes or no: a figure helps, words answer too
	}
	if isEnglish(raw) && !q.how && !q.define && !reYesNo.MatchString(rePoliteTail.ReplaceAllString(lowRaw, "")) && !reWhen.MatchString(lowRaw) && !(reWhatWhich.MatchString(lowRaw) && !whatFigure) {
		q.figure = true // "rural per capita disposable income 2024" asks for the figure
	}
	if isEnglish(raw) && q.figure && reGoalsEn.MatchString(lowRaw) && !reMeasureEn.MatchString(lowRaw) && !q.growth {
		q.figure, q.figureSoft, q.units = false, true, nil // "what are the main goals of the plan" asks for words; a figure may be among them
	}
	q.across = containsAny(text, acrossCues)
	switch {
	case fiveYears || saysFiveYears(text):
		q.span = report.SpanFive // 十四五期间, 这五年, 累计, 到2030年 (a year after the planned one: resolveYears)
	case q.rel != "":
		q.span = report.SpanYear
	}
	q.versusPlan = reVersusPlan.MatchString(text)
	q.stock = containsAny(text+" "+lowRaw, stockCues) && !containsAny(text, additionCues)
	// English cue words may have been replaced by a vocabulary term (gdp
	// growth → 地区生产总值): the words as typed count too
	q.growth = containsAny(text+" "+lowRaw, growthCues)
	if q.figureSoft && q.growth && reGrowthTarget.MatchString(text) {
		q.figure, q.figureSoft = true, false
	}
	if reFromTo.MatchString(text) {
		q.growth, q.figure = false, true // 从多少增长到多少 asks for the two amounts
		if len(q.units) == 1 && q.units[0] == "%" {
			q.units = nil
		}
	}
	return q
}

// reFromTo asks what a figure went from and to: 从多少增长到多少.
var reFromTo = regexp.MustCompile(`从多少\p{Han}{0,3}(到|至)多少`)

var reGrowthTarget = regexp.MustCompile(`(增长|增速|增幅)目标`)

// unitsAskable returns the units of words.txt that a question may ask
// for after 多少 (亩, 公里…), longest first, as a regular expression's
// alternatives; 万 and 亿 are its multipliers.
func unitsAskable() string {
	var us []string
	for u := range unitFamilies {
		if u != "万" && u != "亿" && u != "万亿" {
			us = append(us, regexp.QuoteMeta(u))
		}
	}
	sort.Slice(us, func(i, j int) bool { return len(us[i]) > len(us[j]) || len(us[i]) == len(us[j]) && us[i] < us[j] })
	return strings.Join(us, "|")
}

// alternatives writes the keys of m as a regular expression's
// alternatives, the longest first.
func alternatives(m map[string][]string) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, regexp.QuoteMeta(k))
	}
	sort.Slice(keys, func(i, j int) bool {
		return len(keys[i]) > len(keys[j]) || len(keys[i]) == len(keys[j]) && keys[i] < keys[j]
	})
	return strings.Join(keys, "|")
}

// resolveYears reads 今年/去年 and years named against the report's years:
// a year the report plans asks for targets, one it reviews for results.
func resolveYears(q *question, reports []index.Entry) {
	r := reports[len(reports)-1].Meta
	explicitTarget := containsAny(q.text, targetCues)
	explicitResult := containsAny(q.text, resultCues)
	// A five-year plan named: the one the reviewed year ends looks back,
	// the one the planned year begins looks ahead.
	oldPlan, newPlan := report.FiveYearPlan(r.ReviewYear), report.FiveYearPlan(r.PlanYear)
	for _, n := range report.FivePlansIn(q.text) {
		switch {
		case n == oldPlan && n != newPlan && !explicitTarget:
			q.intent, q.strict, q.span = wantResult, true, report.SpanFive
		case n == newPlan && n != oldPlan && !explicitResult:
			q.intent, q.strict, q.span = wantTarget, true, report.SpanFive
		}
	}
	for _, y := range q.years {
		switch {
		case y > r.PlanYear && r.PlanYear > 0:
			q.span = report.SpanFive // 到2030年: the new five-year plan
		case (y == r.PlanYear || y == r.ReviewYear) && q.span == "":
			q.span = report.SpanYear
		}
		switch {
		case y == r.PlanYear && !explicitResult:
			q.intent, q.strict = wantTarget, true
		case y == r.ReviewYear && !explicitTarget:
			q.intent, q.strict = wantResult, true
		}
	}
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// containsAll reports whether s contains every one of words, and there are some.
func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return len(words) > 0
}

// unitsAsked returns the figure units that answer the unit a question asks
// for, or nil.
func unitsAsked(text string, figure bool) []string {
	if rePointsAsked.MatchString(text) {
		return []string{"%"} // 增长几个点: a rate, not a count
	}
	if loc := unitAsked(text); loc != nil {
		if strings.HasPrefix(text[loc[1]:], "额") {
			return nil // 多少名额 asks for places, counted in 个 as often as in 名
		}
		big, unit := "", text[loc[4]:loc[5]]
		if loc[2] >= 0 {
			big = text[loc[2]:loc[3]]
		}
		if unit == "元" && big != "" {
			return unitFamilies[big] // 多少亿元
		}
		return unitFamilies[unit]
	}
	if strings.Contains(text, "多少万亿") || strings.Contains(text, "几万亿") {
		return unitFamilies["万亿"]
	}
	if strings.Contains(text, "多少亿") || strings.Contains(text, "几亿") {
		return unitFamilies["亿"]
	}
	if m := reYearsAsked.FindStringSubmatch(text); m != nil && !strings.ContainsAny(m[1], "这近前后") {
		return []string{"年"} // 连续几年, 花了多少年: a duration
	}
	if strings.Contains(text, "多少钱") {
		return unitFamilies["元"]
	}
	if reCountedPeople.MatchString(text) {
		return unitFamilies["人"] // 能发给多少小孩: people counted, in 人 or 名
	}
	if figure && reRateAsked.MatchString(text) {
		return []string{"%"}
	}
	return nil
}

// unitAsked returns the submatch offsets of the first unit text asks for
// (reUnitAsked), or nil. A bare 多 or 几 after a number, or 好几, says
// about how many (四十多岁, 二十几岁, 好几年): the asker tells, it asks
// nothing.
func unitAsked(text string) []int {
	for _, loc := range reUnitAsked.FindAllStringSubmatchIndex(text, -1) {
		rough := strings.HasPrefix(text[loc[0]:], "几") || strings.HasPrefix(text[loc[0]:], "多") && !strings.HasPrefix(text[loc[0]:], "多少")
		if r, _ := utf8.DecodeLastRuneInString(text[:loc[0]]); rough && strings.ContainsRune(numeralChars+"好", r) {
			continue
		}
		return loc
	}
	return nil
}

// numeralChars are the characters of a number said in words or digits.
const numeralChars = "0123456789〇零一二两三四五六七八九十百千万亿"

// isEnglish reports whether most letters of s are Latin.
func isEnglish(s string) bool {
	latin, other := 0, 0
	for _, r := range s {
		switch {
		case r < 0x80 && (r|0x20 >= 'a' && r|0x20 <= 'z'):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	return latin > 3*other && latin > 0
}

// describe writes how q was understood, for a trace.
func (q question) describe() string {
	intent := [...]string{"any period", "target", "result"}[q.intent]
	var b strings.Builder
	fmt.Fprintf(&b, "intent %s", intent)
	for _, f := range []struct {
		on   bool
		name string
	}{{q.strict, "strict"}, {q.figure, "figure"}, {q.figureSoft, "figure preferred"}, {q.how, "how"}, {q.growth, "rate"},
		{q.define, "definition"}, {q.when, "when"}, {q.ordinal, "rank"}, {q.across, "across years"}, {q.versusPlan, "versus plan"}} {
		if f.on {
			b.WriteString(", " + f.name)
		}
	}
	if len(q.years) > 0 {
		fmt.Fprintf(&b, ", years %v", q.years)
	}
	if q.rel != "" {
		b.WriteString(", " + q.rel + " year")
	}
	if q.span != "" {
		b.WriteString(", span " + string(q.span))
	}
	if len(q.units) > 0 {
		b.WriteString(", units " + strings.Join(q.units, "/"))
	}
	return b.String()
}

// quoteAll joins words as alternatives of a regexp, each taken literally.
func quoteAll(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = regexp.QuoteMeta(w)
	}
	return strings.Join(q, "|")
}

// saysFiveYears reports whether text says a span of five years (十四五期间,
// 这五年, 累计), the 五年 that say none aside (冰箱用了十五年, 五年级).
func saysFiveYears(text string) bool {
	text = notFiveYears(text)
	return containsAny(text, spanCues) || reFiveYear.MatchString(text)
}

// notFiveYears returns text without the 五年 that say no five years:
// those of a longer number (十五年, 二〇二五年) or a grade (五年级), but
// not the 十四五 of 十四五年均.
func notFiveYears(text string) string {
	if !strings.Contains(text, "五年") {
		return text
	}
	var b strings.Builder
	at := 0
	for _, m := range reNotFiveYears.FindAllStringIndex(text, -1) {
		if r, _ := utf8.DecodeLastRuneInString(text[:m[0]]); r == '十' && !strings.HasPrefix(text[m[0]:], "十") {
			continue // 十四五年均: the plan's name and 年均
		}
		b.WriteString(text[at:m[0]])
		b.WriteString(" ")
		at = m[1]
	}
	b.WriteString(text[at:])
	return b.String()
}

// countsOther reports whether English raw counts something that unit
// only qualifies, in brackets or by a figure: how many projects (100
// million yuan and above), how many projects of 100 million yuan; not how
// many billion yuan or how many more km.
func countsOther(raw, unit string) bool {
	i := strings.Index(raw, "how many")
	j := strings.Index(raw, strings.ReplaceAll(unit, "_", " "))
	if i < 0 || j < i {
		return false
	}
	between := raw[i:j]
	return strings.ContainsAny(between, "(0123456789")
}
