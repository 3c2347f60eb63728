package report

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

var (
	reDate     = regexp.MustCompile(`(20\d\d|19\d\d)年(\d{1,2})月(\d{1,2})日`)
	reTitleYr  = regexp.MustCompile(`(20\d\d|19\d\d)年`)
	reRegion   = regexp.MustCompile(`([\p{Han}]{1,10}?(?:自治区|特别行政区|省|市|自治州|地区|州|盟|区|县|旗))`)
	reCongress = regexp.MustCompile(`在(.{2,12}?)第[\p{Han}]+届`)
	reDelegate = regexp.MustCompile(`代表([\p{Han}]{2,10}?(?:自治区|省|市|自治州|州|盟|区|县|旗))人民政府`)
)

// Words of a part heading that say it reviews the past year, or plans the
// next. Review words are tried first: "计划执行情况" reviews.
var (
	reviewWords = []string{"回顾", "执行情况", "完成情况", "工作情况", "决议", "过去", "成就", "成绩", "主要成效"}
	planWords   = []string{"任务", "目标", "重点", "总体要求", "工作安排", "计划", "建议", "政策取向", "展望", "主要考虑", "规划"}
)

// front is what the lines before the body of a report state.
type front struct {
	title    string
	dateLine string // the line with the delivery date: ——2026年1月25日在…会议上
	opening  string // the first line of the body: 现在，我代表…
}

// isDateLine reports whether l states when and where a report was delivered.
func isDateLine(l string) bool {
	return reDate.MatchString(l) && (strings.HasPrefix(l, "—") || strings.HasPrefix(l, "(") ||
		strings.HasPrefix(l, "（") || strings.Contains(l, "会议") || strings.Contains(l, "大会"))
}

// frontMatter finds the title and the delivery-date line among the lines
// before the body. The title is the lines before the date line; a date
// line broken in two ("——2026年1月26日在广东省第十四届" / "人民代表大会第五次
// 会议上") is joined again. Lines after the date line (the speaker, the
// office that drafted the report) are not part of the title.
func frontMatter(lines []string) front {
	var f front
	var titleLines []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if f.dateLine != "" {
			break
		}
		if !isDateLine(l) {
			titleLines = append(titleLines, l)
			continue
		}
		if k := strings.Index(l, "——"); k > 0 { // "政府工作报告——2024年3月5日在…"
			titleLines = append(titleLines, l[:k])
			l = l[k:]
		}
		if !strings.Contains(l, "会议") && i+1 < len(lines) && strings.HasSuffix(lines[i+1], "会议上") {
			i++
			l += lines[i]
		}
		f.dateLine = l
	}
	if f.dateLine == "" { // no date line: keep only lines that name a report
		var kept []string
		for _, l := range titleLines {
			if strings.Contains(l, "报告") {
				kept = append(kept, l)
			}
		}
		titleLines = kept
	}
	f.title = strings.Join(dropRepeats(titleLines), "")
	if utf8.RuneCountInString(f.title) > 80 {
		f.title = string([]rune(f.title)[:80])
	}
	return f
}

// deriveMeta fills in what the text states and m does not: title, date,
// region and years. heads are the part headings of the body, used for the
// years when neither title nor date gives them.
func deriveMeta(m *Meta, f front, heads []string) {
	if m.Title == "" {
		m.Title = f.title
	}
	if m.Title == "" && containsAny(f.opening, []string{"报告政府工作", "向大会报告工作"}) {
		m.Title = "政府工作报告"
	}
	if m.Date == "" {
		if d := reDate.FindStringSubmatch(f.dateLine); d != nil {
			y, _ := strconv.Atoi(d[1])
			mo, _ := strconv.Atoi(d[2])
			day, _ := strconv.Atoi(d[3])
			m.Date = fmt.Sprintf("%04d-%02d-%02d", y, mo, day)
		}
	}
	if m.Region == "" {
		m.Region = regionOf(m.Title, f.dateLine, f.opening)
	}
	if m.ReviewYear == 0 || m.PlanYear == 0 {
		review, plan := yearsOf(m.Title, m.Date)
		hr, hp := headingYears(heads)
		switch {
		case review == 0:
			review, plan = hr, hp // no title year, no date: 一、2021年工作回顾
		case hr == plan && len(reTitleYr.FindAllString(m.Title, -1)) == 1:
			review, plan = hr, hp // the one year of the title is reviewed: 关于2024年计划执行情况的报告
		}
		if m.ReviewYear == 0 {
			m.ReviewYear = review
		}
		if m.PlanYear == 0 {
			m.PlanYear = plan
		}
	}
}

// regionOf names the place a report is about: from its title, the congress
// it was delivered to, or the government its speaker speaks for.
func regionOf(title, dateLine, opening string) string {
	if strings.Contains(dateLine, "全国人民代表大会") || strings.Contains(opening, "代表国务院") {
		return "全国"
	}
	t := reTitleYr.ReplaceAllString(title, "")
	t = strings.TrimPrefix(t, "关于")
	if m := reRegion.FindString(t); m != "" && !strings.HasPrefix(m, "人民") {
		return m
	}
	if m := reCongress.FindStringSubmatch(dateLine); m != nil {
		return m[1]
	}
	if m := reDelegate.FindStringSubmatch(opening); m != nil {
		return m[1]
	}
	return ""
}

// yearsOf returns the reviewed and the planned year: two years in the title
// are those; one year in a title is the planned year (a 政府工作报告 is
// delivered early in the year it plans), as is the year of the date.
func yearsOf(title, date string) (review, plan int) {
	var years []int
	for _, m := range reTitleYr.FindAllStringSubmatch(title, -1) {
		y, _ := strconv.Atoi(m[1])
		years = append(years, y)
	}
	switch {
	case len(years) >= 2:
		review, plan = years[0], years[0]
		for _, y := range years {
			review, plan = min(review, y), max(plan, y)
		}
		if review == plan {
			review = plan - 1
		}
		return review, plan
	case len(years) == 1:
		return years[0] - 1, years[0]
	case len(date) >= 4:
		y, _ := strconv.Atoi(date[:4])
		return y - 1, y
	}
	return 0, 0
}

// headingYears reads the years from part headings: "一、2021年工作回顾"
// names the reviewed year, "三、2022年政府工作任务" the planned one. A
// missing one is the other plus or minus one.
func headingYears(heads []string) (review, plan int) {
	for _, h := range heads {
		m := reTitleYr.FindStringSubmatch(h)
		if m == nil {
			continue
		}
		y, _ := strconv.Atoi(m[1])
		switch cueOf(h) {
		case PartReview:
			if review == 0 {
				review = y
			}
		case PartPlan:
			if plan == 0 {
				plan = y
			}
		}
	}
	switch {
	case review == 0 && plan > 0:
		review = plan - 1
	case plan == 0 && review > 0:
		plan = review + 1
	}
	return review, plan
}

// cueOf tells from the words of a heading whether it reviews or plans, or
// returns "" when it says neither.
func cueOf(h string) Part {
	switch {
	case containsAny(h, reviewWords):
		return PartReview
	case containsAny(h, planWords):
		return PartPlan
	}
	return ""
}

// FiveYearPlan returns the number of the five-year plan that year falls
// in: 2021–2025 is the 14th (十四五). The plans run in fives from the 3rd
// (1966–1970); years before it have none here.
func FiveYearPlan(year int) int {
	if year < 1966 {
		return 0
	}
	return (year-1966)/5 + 3
}

// FivePlanName returns the short name of five-year plan n (十五五 for 15),
// or "" for a plan outside 11 to 19.
func FivePlanName(n int) string {
	if n < 11 || n > 19 {
		return ""
	}
	return "十" + string([]rune("一二三四五六七八九")[n-11]) + "五"
}

var reFivePlan = regexp.MustCompile(`十([一二三四五六七八九])(?:五|个五年)`)

// FivePlansIn returns the numbers of the five-year plans s names:
// "“十四五”时期" gives 14, "第十五个五年规划" 15.
func FivePlansIn(s string) []int {
	var out []int
	for _, m := range reFivePlan.FindAllStringSubmatch(s, -1) {
		d, _ := utf8.DecodeRuneInString(m[1])
		out = append(out, 10+strings.IndexRune("一二三四五六七八九", d)/3+1)
	}
	return out
}

// dropRepeats drops the lines that an earlier line contains: a page that
// shows "2026年宁夏回族自治区政府工作报告" and then "政府工作报告".
func dropRepeats(lines []string) []string {
	var out []string
	for _, l := range lines {
		if !slices.ContainsFunc(out, func(o string) bool { return strings.Contains(o, l) }) {
			out = append(out, l)
		}
	}
	return out
}

// RegionStem drops the suffix of a region: 九原区 → 九原, 北京市 → 北京,
// 广西壮族自治区 → 广西.
func RegionStem(r string) string {
	for _, s := range []string{"维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市", "区", "县", "旗"} {
		if strings.HasSuffix(r, s) && utf8.RuneCountInString(r) > utf8.RuneCountInString(s)+1 {
			return strings.TrimSuffix(r, s)
		}
	}
	return r
}
