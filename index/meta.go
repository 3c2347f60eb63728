package index

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var (
	reDate     = regexp.MustCompile(`(20\d\d|19\d\d)年(\d{1,2})月(\d{1,2})日`)
	reTitleYr  = regexp.MustCompile(`(20\d\d|19\d\d)年`)
	reRegion   = regexp.MustCompile(`([\p{Han}]{1,10}?(?:自治区|特别行政区|省|市|自治州|地区|州|盟|区|县|旗))`)
	reCongress = regexp.MustCompile(`在(.{2,12}?)第[\p{Han}]+届`)
)

// deriveMeta fills in what the front lines of a report state: its title,
// date, region and years. front holds the lines before the body, furniture
// already removed; dateLine is the line with the delivery date, if any.
func deriveMeta(m *Meta, title, dateLine string) {
	if m.Title == "" {
		m.Title = title
	}
	if m.Date == "" {
		if d := reDate.FindStringSubmatch(dateLine); d != nil {
			y, _ := strconv.Atoi(d[1])
			mo, _ := strconv.Atoi(d[2])
			day, _ := strconv.Atoi(d[3])
			m.Date = fmt.Sprintf("%04d-%02d-%02d", y, mo, day)
		}
	}
	if m.Region == "" {
		m.Region = regionOf(m.Title, dateLine)
	}
	if m.ReviewYear == 0 || m.PlanYear == 0 {
		review, plan := yearsOf(m.Title, m.Date)
		if m.ReviewYear == 0 {
			m.ReviewYear = review
		}
		if m.PlanYear == 0 {
			m.PlanYear = plan
		}
	}
}

// regionOf names the place a report is about, from its title or from the
// congress it was delivered to.
func regionOf(title, dateLine string) string {
	if strings.Contains(dateLine, "全国人民代表大会") || strings.HasPrefix(title, "政府工作报告") && strings.Contains(title, "全国") {
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
