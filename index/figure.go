package index

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Units recognised after a number, as written in reports. Longer units are
// tried first, so 万亩 wins over 万 and 亿元 over 亿.
var units = []string{
	"万亿元", "亿美元", "万美元", "亿元", "万元", "元",
	"万亿斤", "亿斤", "万斤", "斤", "千克", "公斤", "万吨标准煤", "吨标准煤", "万吨", "吨",
	"亿千瓦时", "万千瓦时", "千瓦时", "万千瓦", "千瓦", "万千伏安", "千伏安", "千伏", "兆瓦", "吉瓦", "MW", "GW", "kV", "KV",
	"万亩", "亩", "公顷", "平方公里", "万平方米", "平方米", "亿立方米", "万立方米", "立方米", "公里", "千米", "米",
	"微克/立方米", "个百分点", "百分点", "%", "％", "‰", "倍",
	"万人次", "人次", "万户", "户", "万人", "人", "名", "位",
	"万家", "家", "个", "项", "所", "座", "套", "台", "辆", "场", "部", "条", "处", "间", "张", "件", "次",
	"批", "例", "床", "支", "篇", "块", "棵", "株", "头", "只", "羽", "万头", "万只",
	"个月", "小时", "天", "万", "亿",
}

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
	reFigure = regexp.MustCompile(`(\d+(?:\.\d+)?)(多|余)?(` + unitAlt + `)(左右|以上|以内|以下|多)?`)
	// Words that make a figure a target rather than a result.
	targetWords = []string{"目标", "力争", "预期", "计划", "确保", "争取", "控制在", "不低于", "达到", "稳定在", "保持在", "以上", "以内"}
)

// extractFigures finds every number with a unit in sentence s. part and the
// report's years decide whether a figure is a result or a target.
func extractFigures(s string, part Part, reviewYear, planYear int) []Figure {
	var out []Figure
	for _, m := range reFigure.FindAllStringSubmatchIndex(s, -1) {
		start, end := m[0], m[1]
		if start > 0 && isASCIIAlnum(s[start-1]) {
			continue // part of a code such as G6 or 5G
		}
		num, unit := s[m[2]:m[3]], s[m[6]:m[7]]
		if end < len(s) && (strings.HasPrefix(s[end:], "号") || strings.HasPrefix(s[end:], "月")) {
			continue
		}
		value, err := strconv.ParseFloat(num, 64)
		if err != nil {
			continue
		}
		clause := clauseBefore(s, start)
		f := Figure{
			Text:    s[start:end],
			Value:   value,
			Unit:    normaliseUnit(unit),
			Measure: measureOf(clause),
			Start:   start,
			End:     end,
		}
		f.Period, f.Year = periodOf(clause, part, reviewYear, planYear)
		out = append(out, f)
	}
	return out
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

// clauseBefore returns the text of the clause that ends at byte offset i.
func clauseBefore(s string, i int) string {
	j := strings.LastIndexAny(s[:i], "，,；;：:。、（(")
	if j < 0 {
		return s[:i]
	}
	_, size := decodeLastRune(s[j:])
	return s[j+size : i]
}

func decodeLastRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

var reYear = regexp.MustCompile(`(20\d\d|19\d\d)年`)

// measureOf strips the verb that joins a measure to its figure:
// "地区生产总值完成" → "地区生产总值".
func measureOf(clause string) string {
	c := reYear.ReplaceAllString(clause, "")
	for _, verb := range []string{"完成", "实现", "达到", "达", "增长", "提高到", "突破", "超过", "控制在", "稳定在", "保持在", "为", "约", "共", "累计", "新增", "减少", "下降"} {
		if k := strings.LastIndex(c, verb); k > 0 && k+len(verb) == len(c) {
			c = c[:k]
			break
		}
	}
	return strings.TrimSpace(c)
}

// periodOf decides whether a figure in clause is a result or a target.
func periodOf(clause string, part Part, reviewYear, planYear int) (Period, int) {
	if m := reYear.FindStringSubmatch(clause); m != nil {
		y, _ := strconv.Atoi(m[1])
		switch {
		case y == reviewYear && !containsAny(clause, targetWords[:5]):
			return PeriodResult, y
		case y == planYear:
			return PeriodTarget, y
		}
	}
	switch part {
	case PartPlan:
		return PeriodTarget, planYear
	case PartReview, PartFront:
		if containsAny(clause, targetWords[:5]) {
			return PeriodTarget, reviewYear
		}
		return PeriodResult, reviewYear
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
