package report

import (
	"slices"
	"testing"
)

func TestMetaFrontMatter(t *testing.T) {
	tests := []struct {
		name        string
		lines       []string
		title, date string
	}{
		{"title, date line, byline, caption", []string{
			"2026年北京市政府工作报告", "——2026年1月25日在北京市第十六届人民代表大会第四次会议上", "北京市市长 殷勇",
		}, "2026年北京市政府工作报告", "——2026年1月25日在北京市第十六届人民代表大会第四次会议上"},
		{"title over three lines", []string{
			"九原区2024年国民经济和社会发展计划", "执行情况与2025年国民经济和", "社会发展计划(草案)的报告",
			"——2025年1月20日在九原区第十八届人民代表大会第四次会议上", "区发展和改革委员会",
		}, "九原区2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划(草案)的报告",
			"——2025年1月20日在九原区第十八届人民代表大会第四次会议上"},
		{"date line broken in two", []string{
			"政府工作报告", "——2026年1月26日在广东省第十四届", "人民代表大会第五次会议上", "广东省省长 孟凡利",
		}, "政府工作报告", "——2026年1月26日在广东省第十四届人民代表大会第五次会议上"},
		{"title and date on one line", []string{
			"政府工作报告——2024年3月5日在第十四届全国人民代表大会第二次会议上",
		}, "政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上"},
		{"date line without a dash", []string{
			"2026年四川省人民政府工作报告", "2026年2月3日在四川省第十四届人民代表大会第五次会议上", "四川省人民政府省长 施小琳",
		}, "2026年四川省人民政府工作报告", "2026年2月3日在四川省第十四届人民代表大会第五次会议上"},
		{"no date line", []string{"某某网", "2023年某县政府工作报告"}, "2023年某县政府工作报告", ""},
		{"nothing", nil, "", ""},
	}
	for _, tc := range tests {
		f := frontMatter(tc.lines)
		if f.title != tc.title || f.dateLine != tc.date {
			t.Errorf("%s: title %q date %q, want %q %q", tc.name, f.title, f.dateLine, tc.title, tc.date)
		}
	}
}

func TestMetaDerive(t *testing.T) {
	tests := []struct {
		name  string
		front front
		heads []string
		given Meta
		want  Meta
	}{
		{"city report", front{title: "2026年北京市政府工作报告", dateLine: "——2026年1月25日在北京市第十六届人民代表大会第四次会议上"},
			[]string{"一、2025年工作回顾", "三、2026年重点工作"}, Meta{},
			Meta{Title: "2026年北京市政府工作报告", Region: "北京市", Date: "2026-01-25", ReviewYear: 2025, PlanYear: 2026}},
		{"province from the congress", front{title: "政府工作报告", dateLine: "——2026年1月26日在广东省第十四届人民代表大会第五次会议上"},
			nil, Meta{},
			Meta{Title: "政府工作报告", Region: "广东省", Date: "2026-01-26", ReviewYear: 2025, PlanYear: 2026}},
		{"national", front{title: "政府工作报告", dateLine: "——2024年3月5日在第十四届全国人民代表大会第二次会议上"},
			nil, Meta{},
			Meta{Title: "政府工作报告", Region: "全国", Date: "2024-03-05", ReviewYear: 2023, PlanYear: 2024}},
		{"no front lines: years from the headings", front{opening: "现在，我代表国务院，向大会报告政府工作，请予审议。"},
			[]string{"一、2021年工作回顾", "二、2022年经济社会发展总体要求和政策取向", "三、2022年政府工作任务"}, Meta{},
			Meta{Title: "政府工作报告", Region: "全国", ReviewYear: 2021, PlanYear: 2022}},
		{"region from the opening", front{opening: "现在，我代表北京市人民政府，向大会报告政府工作。"},
			[]string{"一、2025年工作回顾"}, Meta{},
			Meta{Title: "政府工作报告", Region: "北京市", ReviewYear: 2025, PlanYear: 2026}},
		{"plan report with two years", front{title: "九原区2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划(草案)的报告",
			dateLine: "——2025年1月20日在九原区第十八届人民代表大会第四次会议上"}, nil, Meta{},
			Meta{Title: "九原区2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划(草案)的报告",
				Region: "九原区", Date: "2025-01-20", ReviewYear: 2024, PlanYear: 2025}},
		{"a sidecar wins", front{title: "2026年北京市政府工作报告"}, nil,
			Meta{Title: "北京市政府工作报告（2026）", Region: "北京", ReviewYear: 2025, PlanYear: 2026},
			Meta{Title: "北京市政府工作报告（2026）", Region: "北京", ReviewYear: 2025, PlanYear: 2026}},
	}
	for _, tc := range tests {
		m := tc.given
		deriveMeta(&m, tc.front, tc.heads)
		if m != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, m, tc.want)
		}
	}
}

func TestMetaHeadingYears(t *testing.T) {
	tests := []struct {
		heads        []string
		review, plan int
	}{
		{[]string{"一、2021年工作回顾", "二、2022年经济社会发展总体要求和政策取向"}, 2021, 2022},
		{[]string{"一、2024年国民经济和社会发展计划执行情况", "二、2025年经济和社会发展工作重点"}, 2024, 2025},
		{[]string{"一、2025年工作回顾", "二、“十五五”发展的主要考虑"}, 2025, 2026},
		{[]string{"三、2026年工作安排"}, 2025, 2026},
		{[]string{"一、过去一年的工作"}, 0, 0},
	}
	for _, tc := range tests {
		if r, p := headingYears(tc.heads); r != tc.review || p != tc.plan {
			t.Errorf("headingYears(%q) = %d, %d; want %d, %d", tc.heads, r, p, tc.review, tc.plan)
		}
	}
}

func TestMetaFiveYearPlans(t *testing.T) {
	for year, want := range map[int]int{1966: 3, 2020: 13, 2021: 14, 2025: 14, 2026: 15, 2030: 15, 2031: 16} {
		if got := FiveYearPlan(year); got != want {
			t.Errorf("FiveYearPlan(%d) = %d, want %d", year, got, want)
		}
	}
	got := FivePlansIn("“十四五”时期发展成就和“十五五”时期主要目标任务，第十五个五年规划，十五运会")
	if !slices.Equal(got, []int{14, 15, 15}) {
		t.Errorf("fivePlansIn = %v", got)
	}
}

func TestMetaTitleYearReviewed(t *testing.T) {
	var m Meta
	deriveMeta(&m, front{title: "关于某市2024年国民经济和社会发展计划执行情况的报告"},
		[]string{"一、2024年国民经济和社会发展计划执行情况", "二、2025年国民经济和社会发展计划"})
	if m.ReviewYear != 2024 || m.PlanYear != 2025 {
		t.Errorf("years %d, %d; want 2024, 2025", m.ReviewYear, m.PlanYear)
	}
	m = Meta{}
	deriveMeta(&m, front{title: "2026年北京市政府工作报告"}, []string{"一、2025年工作回顾", "二、2035年远景目标"})
	if m.ReviewYear != 2025 || m.PlanYear != 2026 {
		t.Errorf("years %d, %d; want 2025, 2026", m.ReviewYear, m.PlanYear)
	}
}

func TestCueOf(t *testing.T) {
	tests := []struct {
		heading string
		want    Part
	}{
		{"一、2025年预算执行情况", PartReview},
		{"二、落实九届人大五次会议决议和重点财政工作情况", PartReview}, // a report on the work done
		{"三、重点工作", PartPlan},
		{"“十五五”时期主要目标", PartPlan},
		{"一张蓝图绘到底", ""},
	}
	for _, tt := range tests {
		if got := cueOf(tt.heading); got != tt.want {
			t.Errorf("cueOf(%q) = %q, want %q", tt.heading, got, tt.want)
		}
	}
}

func TestFivePlanName(t *testing.T) {
	for _, tt := range []struct {
		year int
		name string
		end  int
	}{{2026, "十五五", 2030}, {2025, "十四五", 2025}, {2021, "十四五", 2025}, {2030, "十五五", 2030}} {
		if got := FivePlanName(FiveYearPlan(tt.year)); got != tt.name {
			t.Errorf("FivePlanName(FiveYearPlan(%d)) = %q, want %q", tt.year, got, tt.name)
		}
		if got := PlanEnd(tt.year); got != tt.end {
			t.Errorf("PlanEnd(%d) = %d, want %d", tt.year, got, tt.end)
		}
	}
}
