package report

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Units recognised after a number, as written in reports. Longer units are
// tried first, so 万亩 wins over 万 and 亿元 over 亿.
var units = []string{
	"万亿元", "万亿美元", "万亿", "亿美元", "万美元", "亿元", "万元", "元",
	"万亿斤", "亿斤", "万斤", "斤", "千克", "公斤", "万吨标准煤", "吨标准煤", "亿吨", "万吨", "吨",
	"亿千瓦时", "万千瓦时", "千瓦时", "亿千瓦", "万千瓦", "千瓦", "万千伏安", "千伏安", "千伏", "兆瓦", "吉瓦", "MW", "GW", "kV", "KV",
	"亿亩", "万亩", "亩", "万公顷", "公顷", "万平方公里", "平方公里", "平方千米", "万平方米", "平方米",
	"亿立方米", "万立方米", "立方米", "万公里", "公里", "千米", "米",
	"万标准箱", "标准箱", "TEU",
	"微克/立方米", "微克每立方米", "个百分点", "百分点", "%", "％", "‰", "倍",
	"亿人次", "万人次", "人次", "万户", "户", "亿人", "万人", "人", "万名", "名", "位",
	"万家", "家", "万个", "个", "项", "万所", "所", "万座", "座", "万套", "套", "万台", "台", "万辆", "辆",
	"万场", "场", "部", "万条", "条", "处", "间", "万张", "张", "万件", "件", "次", "万批次", "批次",
	"批", "例", "床", "种", "款", "万列", "列", "艘", "架次", "架", "班次", "趟", "支", "篇", "块", "棵", "株", "万头", "头", "万只", "只", "羽",
	"颗", "枚", "万册", "册", "本", "万份", "份", "栋", "幢", "眼", "口", "对", "门", "周年",
	"个月", "小时", "分钟", "天", "岁", "万", "亿",
}

// latinUnit is a unit in Latin letters, per another perhaps (GWh, Mbps,
// t/h).
const latinUnit = `[A-Za-z]{2,8}(?:/[A-Za-z]{1,4})?|[A-Z]\b`

var (
	unitAlt = func() string {
		u := append([]string(nil), units...)
		sort.SliceStable(u, func(i, j int) bool { return len(u[i]) > len(u[j]) })
		for i := range u {
			u[i] = regexp.QuoteMeta(u[i])
		}
		return strings.Join(u, "|")
	}()
	// reFigure: a number, an optional 多/余, a unit, an optional qualifier.
	// A unit in two or more Latin letters (190Eflops, 55GWh) is a unit
	// too, whole; one letter is a unit after a number of three digits or
	// more (算力规模突破4000P) and names a thing after a shorter one (5G,
	// 4K, 3D).
	reFigure = regexp.MustCompile(`(\d+(?:\.\d+)?)(多|余)?(` + latinUnit + `|` + unitAlt + `)(左右|以上|以内|以下|多)?`)
	// Words that say a plan was carried out: 完成年计划的118.2%.
	doneWords = []string{"完成", "实现", "超额", "达成"}
	// Words that make a figure a target rather than a result.
	targetWords = []string{"目标", "力争", "预期", "计划", "确保", "争取", "控制在", "不低于", "达到", "稳定在", "保持在", "以上", "以内"}
	// Words after a number that make it a name or an ordinal, not a figure:
	// "2号机组", "3号线", "2型糖尿病", the sessions of a party committee
	// ("省委十二届十一次全会").
	notFigureAfter = []string{"号", "月", "型", "周年", "届", "期", "全会", "党代会"}
)

// figureMatches returns the submatch indexes of reFigure in s, but for
// one Latin letter that is no unit: after a number of one or two digits
// (5G, 4K) or before anything but the end of a clause (“555X”格局).
func figureMatches(s string) [][]int {
	ms := reFigure.FindAllStringSubmatchIndex(s, -1)
	return slices.DeleteFunc(ms, func(m []int) bool {
		if m[7]-m[6] != 1 || !isASCIIAlnum(s[m[6]]) {
			return false
		}
		next, _ := utf8.DecodeRuneInString(s[m[7]:])
		return m[3]-m[2] < 3 || m[7] < len(s) && !strings.ContainsRune(clauseEnds, next)
	})
}

// clauseEnds are the marks that end a clause.
const clauseEnds = "，,；;。！？!?、"

// hasFigure reports whether s says a figure.
func hasFigure(s string) bool { return len(figureMatches(s)) > 0 }

// extractFigures finds every number with a unit in sentence s. part and the
// report's years decide whether a figure is a result or a target. Years,
// dates, ordinals and names with numbers (G6, 5G, 2号机组) are not figures.
func extractFigures(s string, part Part, reviewYear, planYear int) []Figure {
	var out []Figure
	for _, m := range figureMatches(s) {
		start, end := m[0], m[1]
		if !isFigureAt(s, start, m[7]) {
			continue
		}
		value, err := strconv.ParseFloat(s[m[2]:m[3]], 64)
		if err != nil {
			continue
		}
		clause := clauseBefore(s, start)
		f := Figure{
			Text:    s[start:end],
			Value:   value,
			Unit:    normaliseUnit(s[m[6]:m[7]]),
			Measure: measureOf(clause),
			Start:   start,
			End:     end,
		}
		if utf8.RuneCountInString(f.Measure) <= 2 { // "积极争取4万亩高标准农田建设"
			if after := nounAfter(s[end:]); after != "" {
				f.Measure = after
			}
		}
		if f.Measure == "" && len(out) > 0 && (clause != "" || strings.HasSuffix(s[:start], "、")) {
			// "增长4.6%、6%左右": the measure of the figure before
			prev := out[len(out)-1].Measure
			f.Measure = prev + verbOf(clause)
			if strings.HasSuffix(prev, verbOf(clause)) {
				f.Measure = prev
			}
		}
		f.Period, f.Year = periodOf(clause, part, reviewYear, planYear)
		out = append(out, f)
	}
	out = append(out, chineseCounts(s, part, reviewYear, planYear)...)
	out = append(out, durations(s, part, reviewYear, planYear)...)
	out = append(out, doublings(s, part, reviewYear, planYear)...)
	out = append(out, flats(s, part, reviewYear, planYear)...)
	out = append(out, ratios(s, part, reviewYear, planYear)...)
	out = append(out, classes(s, part, reviewYear, planYear)...)
	out = append(out, wordFigures(s, part, reviewYear, planYear)...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// reDuration: a number of years something lasted, 连续9年, 历时12年 (a
// bare 2025年 is a date, not a figure).
var reDuration = regexp.MustCompile(`(?:连续|历时|用时|持续|经过|用了)(\d+)年`)

// durations finds the numbers of years something lasted.
func durations(s string, part Part, reviewYear, planYear int) []Figure {
	var out []Figure
	for _, m := range reDuration.FindAllStringSubmatchIndex(s, -1) {
		start, end := m[2], m[1]
		n, err := strconv.Atoi(s[m[2]:m[3]])
		if err != nil || n > 200 {
			continue
		}
		clause := clauseBefore(s, m[0])
		f := Figure{Text: s[start:end], Value: float64(n), Unit: "年", Measure: measureOf(clause), Start: start, End: end}
		f.Period, f.Year = periodOf(clause, part, reviewYear, planYear)
		out = append(out, f)
	}
	return out
}

// reDoubling: a figure said in words, 翻一番 (twice), 翻两番 (four times).
var reDoubling = regexp.MustCompile(`翻一番|翻两番|翻番|倍增`)

// doublings finds the figures said as doubling.
func doublings(s string, part Part, reviewYear, planYear int) []Figure {
	var out []Figure
	for _, m := range reDoubling.FindAllStringIndex(s, -1) {
		value := 2.0
		if s[m[0]:m[1]] == "翻两番" {
			value = 4
		}
		clause := clauseBefore(s, m[0])
		f := Figure{Text: s[m[0]:m[1]], Value: value, Unit: "倍", Measure: measureOf(clause), Start: m[0], End: m[1]}
		f.Period, f.Year = periodOf(clause, part, reviewYear, planYear)
		out = append(out, f)
	}
	return out
}

// reFlat: no change said in words, 持平 (0%).
var reFlat = regexp.MustCompile(`(?:基本|总体)?持平`)

// flats finds the figures said as no change: 居民消费价格指数持平.
func flats(s string, part Part, reviewYear, planYear int) []Figure {
	var out []Figure
	for _, m := range reFlat.FindAllStringIndex(s, -1) {
		clause := clauseBefore(s, m[0])
		f := Figure{Text: s[m[0]:m[1]], Value: 0, Unit: "%", Measure: measureOf(clause), Start: m[0], End: m[1]}
		f.Period, f.Year = periodOf(clause, part, reviewYear, planYear)
		out = append(out, f)
	}
	return out
}

// reRatio: a ratio of numbers, 城乡居民收入比缩小至2.21∶1, 三次产业结构
// 7.4∶39.6∶53.
var reRatio = regexp.MustCompile(`\d+(?:\.\d+)?(?:[∶:]\d+(?:\.\d+)?)+`)

// ratios finds the ratios of numbers one of which is 1 or has a decimal
// point (2.21∶1, 1∶3, 4.0∶37.7∶58.3); a time of day (09:45:30) is none.
func ratios(s string, part Part, reviewYear, planYear int) []Figure {
	var out []Figure
	for _, m := range reRatio.FindAllStringIndex(s, -1) {
		terms := strings.FieldsFunc(s[m[0]:m[1]], func(r rune) bool { return r == '∶' || r == ':' })
		if m[0] > 0 && isASCIIAlnum(s[m[0]-1]) || !slices.Contains(terms, "1") && !strings.Contains(s[m[0]:m[1]], ".") {
			continue
		}
		value, err := strconv.ParseFloat(terms[0], 64)
		if err != nil {
			continue
		}
		clause := clauseBefore(s, m[0])
		f := Figure{Text: s[m[0]:m[1]], Value: value, Unit: "∶", Measure: measureOf(clause), Start: m[0], End: m[1]}
		f.Period, f.Year = periodOf(clause, part, reviewYear, planYear)
		out = append(out, f)
	}
	return out
}

// reClass: a class in Roman numerals, 地表水Ⅲ类, Ⅱ类以上.
var reClass = regexp.MustCompile(`([ⅠⅡⅢⅣⅤ]|I{1,3}|IV|V)类(以上|以下)?`)

// classValues are the values of the Roman numerals of reClass.
var classValues = map[string]float64{"Ⅰ": 1, "Ⅱ": 2, "Ⅲ": 3, "Ⅳ": 4, "Ⅴ": 5, "I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}

// classes finds the classes said in Roman numerals (water quality: 水质
// 稳定保持在地表水Ⅲ类, Ⅱ类及以上, Ⅱ类水质): a figure in the unit 类.
func classes(s string, part Part, reviewYear, planYear int) []Figure {
	var out []Figure
	for _, m := range reClass.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > 0 && isASCIIAlnum(s[m[0]-1]) {
			continue // a Latin word ending in I or V
		}
		if next, _ := utf8.DecodeRuneInString(s[m[1]:]); unicode.Is(unicode.Han, next) && !strings.ContainsRune("水及以进优", next) {
			continue // Ⅰ类新药: the name of a kind, not a class reached
		}
		clause := clauseBefore(s, m[0])
		f := Figure{Text: s[m[0]:m[1]], Value: classValues[s[m[2]:m[3]]], Unit: "类", Measure: measureOf(clause), Start: m[0], End: m[1]}
		f.Period, f.Year = periodOf(clause, part, reviewYear, planYear)
		out = append(out, f)
	}
	return out
}

// wordFigures are shares and magnitudes said in words, with the value
// and unit they stand for: 超过全球一半, 惠及上千万家庭.
var wordFigures = func() func(s string, part Part, reviewYear, planYear int) []Figure {
	type said struct {
		value float64
		unit  string
	}
	words := map[string]said{
		"一半": {50, "%"}, "过半": {50, "%"}, "半数": {50, "%"}, "三分之一": {100.0 / 3, "%"},
		"三分之二": {200.0 / 3, "%"}, "四分之一": {25, "%"}, "四分之三": {75, "%"},
		"上亿": {1, "亿"}, "上千万": {1000, "万"}, "上百万": {100, "万"}, "数百万": {100, "万"},
		"数千万": {1000, "万"}, "上万": {1, "万"}, "数万": {1, "万"},
	}
	keys := make([]string, 0, len(words))
	for k := range words {
		keys = append(keys, regexp.QuoteMeta(k))
	}
	sort.Slice(keys, func(i, j int) bool { return len(keys[i]) > len(keys[j]) })
	re := regexp.MustCompile(strings.Join(keys, "|"))
	return func(s string, part Part, reviewYear, planYear int) []Figure {
		var out []Figure
		add := func(start, end int, w said) {
			clause := clauseBefore(s, start)
			f := Figure{Text: s[start:end], Value: w.value, Unit: w.unit, Measure: measureOf(clause), Start: start, End: end}
			if after := nounAfter(s[end:]); utf8.RuneCountInString(f.Measure) <= 2 && after != "" {
				f.Measure = after
			}
			f.Period, f.Year = periodOf(clause, part, reviewYear, planYear)
			out = append(out, f)
		}
		for _, m := range re.FindAllStringIndex(s, -1) {
			if next, _ := utf8.DecodeRuneInString(s[m[1]:]); strings.ContainsRune("亿万元级", next) {
				continue // 上万亿元台阶, 上亿元级项目: a unit of money follows
			}
			add(m[0], m[1], words[s[m[0]:m[1]]])
		}
		for _, m := range reReachedMagnitude.FindAllStringSubmatchIndex(s, -1) {
			if next, _ := utf8.DecodeRuneInString(s[m[1]:]); strings.ContainsRune("级的县亿万", next) {
				continue // 突破千亿级, 超千亿元的县域: a class of size, no amount; 千万亿次: a larger one
			}
			w := magnitudes[s[m[2]:m[3]]]
			if m[4] >= 0 {
				w.unit += s[m[4]:m[5]] // 万亿元
			}
			add(m[2], m[1], said{w.value, w.unit})
		}
		return out
	}
}()

// reReachedMagnitude is an amount said as a bare magnitude that was
// reached: 旅游综合收入突破万亿元 (1万亿元), 投资超千亿元 (1000亿元),
// 出生人口超百万 (100万).
var reReachedMagnitude = regexp.MustCompile(`(?:突破|超过|超|达到|达|迈上|跨上|站上|跃上)(万亿|千亿|百亿|千万|百万)(元|美元|人次|人|户|吨|辆|亩|斤|千瓦时|千瓦|次|标箱)?`)

// magnitudes are the value and unit a bare magnitude stands for.
var magnitudes = map[string]struct {
	value float64
	unit  string
}{"万亿": {1, "万亿"}, "千亿": {1000, "亿"}, "百亿": {100, "亿"}, "千万": {1000, "万"}, "百万": {100, "万"}}

// chineseCounts finds the counts written in Chinese numerals: 两次, 十件.
func chineseCounts(s string, part Part, reviewYear, planYear int) []Figure {
	var out []Figure
	for _, m := range reCNCount.FindAllStringSubmatchIndex(s, -1) {
		start, end := m[0], m[1]
		before, _ := utf8.DecodeLastRuneInString(s[:start])
		if _, numeral := cnDigit[before]; numeral || before == '第' || before == '十' || before == '百' || !isFigureAt(s, start, end) {
			continue // 一百个 is read from its start; 第三次 is an ordinal
		}
		if len(FivePlansIn(s[m[2]:m[3]])) > 0 || s[m[4]:m[5]] == "天" && (strings.HasPrefix(s[end:], "然") || strings.HasSuffix(s[:start], "“")) {
			continue // 十四五天然气管网, “九天”无人机: names, no counts
		}
		n, ok := ParseChineseNumber(s[m[2]:m[3]])
		if !ok || n < 2 {
			continue
		}
		clause := clauseBefore(s, start)
		f := Figure{Text: s[start:end], Value: float64(n), Unit: s[m[4]:m[5]], Measure: measureOf(clause), Start: start, End: end}
		if after := nounAfter(s[end:]); utf8.RuneCountInString(f.Measure) <= 2 && after != "" {
			f.Measure = after
		}
		f.Period, f.Year = periodOf(clause, part, reviewYear, planYear)
		out = append(out, f)
	}
	return out
}

// isFigureAt reports whether the match at start (its unit ending at
// unitEnd) is a figure: not part of a code (G6, 5G, PM2.5), not an ordinal
// (第3), not a name (2号机组).
func isFigureAt(s string, start, unitEnd int) bool {
	if start > 0 && isASCIIAlnum(s[start-1]) {
		return false
	}
	if strings.HasSuffix(s[:start], "第") {
		return false
	}
	for _, w := range notFigureAfter {
		if strings.HasPrefix(s[unitEnd:], w) {
			return false
		}
	}
	return true
}

func isASCIIAlnum(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '.'
}

func normaliseUnit(u string) string {
	switch u {
	case "％":
		return "%"
	case "KV":
		return "kV"
	}
	return u
}

// clauseBefore returns the text of the clause that ends at byte offset i:
// from the last comma, stop, colon, enumeration comma or opening bracket
// before it. After a figure earlier in the same clause, the clause is the
// words between the two; when those are only a verb ("从11.37万亿元提高到")
// it is the words before the first, so both figures share them.
func clauseBefore(s string, i int) string {
	c := s[:i]
	if j := strings.LastIndexAny(c, "，,；;：:。、（(）)！？!?"); j >= 0 {
		_, size := utf8.DecodeRuneInString(c[j:])
		c = c[j+size:]
	}
	locs := figureMatches(c)
	if len(locs) == 0 {
		return c
	}
	if between := c[locs[len(locs)-1][1]:]; measureOf(between) != "" {
		if endsWithAny(between, conjunctions) {
			return "" // "4万亩高标准农田建设和2000亩…": the words after tell
		}
		return between // "203个地表水国考断面水质优良率达"
	}
	return c[:locs[0][0]] // "从11.37万亿元提高到"
}

var reYear = regexp.MustCompile(`(20\d\d|19\d\d)年`)

// Verbs and adverbs that join a measure to its figure, stripped from the
// end of a clause: "地区生产总值完成" → "地区生产总值".
var measureVerbs = []string{
	"提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "下降到", "降低到", "降至", "增至", "减少到",
	"控制在", "稳定在", "保持在", "达到", "超过", "突破", "完成", "实现", "增长", "增加", "提高", "提升",
	"下降", "降低", "减少", "新增", "累计", "分别", "同比", "年均", "平均", "总计", "合计", "共计",
	"拟按", "拟安排", "安排", "预计", "力争", "确保", "争取", "超", "达", "为", "约", "共", "近", "逾", "从", "由", "是", "有",
}

// Words ending in a verb of measureVerbs that are not that verb: "签约" is
// not "签" plus "约" (about).
var keptEnds = []string{"签约", "节约", "制约", "合约", "公约", "预约", "发达", "下达", "送达", "通达", "作为", "成为", "行为", "较为", "更为", "因为"}

// Conjunctions that end the words of one figure before the next.
var conjunctions = []string{"和", "及", "与", "或", "以及"}

func endsWithAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// Words that open a clause without being part of its measure.
var leadWords = []string{"其中", "全年", "今年", "预计", "力争", "确保", "争取", "到"}

// measureOf strips the verbs that join a measure to its figure, the years
// and the leading punctuation (——, quotes) from a clause.
func measureOf(clause string) string {
	c := reYear.ReplaceAllString(clause, "")
	c = strings.TrimLeft(c, "—-－ “”\"'‘’《》")
	for _, w := range leadWords {
		c = strings.TrimPrefix(c, w)
	}
	for changed := true; changed; {
		changed = false
		c = strings.TrimSpace(c)
		if endsWithAny(c, keptEnds) {
			break
		}
		for _, verb := range measureVerbs {
			if strings.HasSuffix(c, verb) {
				c = strings.TrimSuffix(c, verb)
				changed = true
				break
			}
		}
	}
	return strings.TrimSpace(c)
}

// nounAfter returns the words right after a figure up to the end of their
// clause, for a figure that comes before what it counts: "4万亩" of
// "4万亩高标准农田建设". It returns "" when a clause or a number follows
// ("5万亿两个台阶").
func nounAfter(rest string) string {
	end := strings.IndexAny(rest, "，,；;：:。、（(！？!?和及与")
	if end < 0 {
		end = len(rest)
	}
	w := rest[:end]
	r, _ := utf8.DecodeRuneInString(w)
	if w == "" || !unicode.Is(unicode.Han, r) || strings.ContainsRune("一二两三四五六七八九十几", r) ||
		strings.ContainsAny(w, "0123456789") || utf8.RuneCountInString(w) > 16 {
		return ""
	}
	return w
}

// verbOf returns the verb of a clause that names no measure: "增长" of
// "增长4.6%".
func verbOf(clause string) string {
	c := strings.TrimSpace(reYear.ReplaceAllString(clause, ""))
	for _, v := range []string{"增长", "下降", "提高", "降低", "增加", "减少"} {
		if strings.Contains(c, v) {
			return v
		}
	}
	return ""
}

// periodOf decides whether a figure in clause is a result or a target: a
// year in the clause decides first, then the part of the report.
func periodOf(clause string, part Part, reviewYear, planYear int) (Period, int) {
	if m := reYear.FindStringSubmatch(clause); m != nil {
		y, _ := strconv.Atoi(m[1])
		switch {
		case y == reviewYear && !containsAny(clause, targetWords[:5]):
			return PeriodResult, y
		case y == planYear:
			return PeriodTarget, y
		case y > planYear && part != PartTable:
			return PeriodTarget, y // 到2030年…
		}
	}
	switch part {
	case PartPlan:
		return PeriodTarget, planYear
	case PartReview, PartFront:
		if containsAny(clause, targetWords[:5]) && !containsAny(clause, doneWords) {
			return PeriodTarget, reviewYear // 年内计划投资 in the review is a plan
		}
		return PeriodResult, reviewYear // 完成年计划的118.2% is a result
	}
	return "", 0
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
