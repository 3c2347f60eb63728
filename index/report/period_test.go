package report

import "testing"

// TestTextSpan checks the span a passage's cues give: the first named of
// one year or five, a campaign's name (五年行动) naming neither.
func TestTextSpan(t *testing.T) {
	m := Meta{ReviewYear: 2025, PlanYear: 2026}
	for _, tt := range []struct {
		text string
		want Span
	}{
		{"今年地区生产总值增长5%左右", SpanYear},
		{"过去五年，地区生产总值年均增长5.5%", SpanFive},
		{"到2030年，城镇化率达到71%以上", SpanFive},
		{"深入实施新型城镇化战略五年行动计划，城镇化率提升至69.5%以上", ""},
		{"实施人居环境整治提升五年行动，这五年累计改造农村户厕10万户", SpanFive},
		{"推进中心镇建设", ""},
	} {
		if got := textSpan(tt.text, m); got != tt.want {
			t.Errorf("%s: span %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestSumsYears checks when the clause before a figure makes it a sum over
// several years: 累计 does only in a report that looks back on several.
func TestSumsYears(t *testing.T) {
	tests := []struct {
		clause  string
		several bool
		span    Span
		want    bool
	}{
		{"园区内企业累计实现营业收入", false, "", false}, // a report of one year: within it
		{"园区内企业累计实现营业收入", true, "", true},
		{"全市累计化解政府隐性债务", true, SpanYear, false}, // the review of one year: within it
		{"全年累计完成投资", true, "", false},
		{"规上工业增加值年均增长", false, "", true},
		{"规上工业增加值年均增长", false, SpanYear, true},
		{"粮食产量", true, "", false},
	}
	for _, tt := range tests {
		p := parser{periods: periods{severalYears: tt.several}}
		if got := p.sumsYears(tt.clause, tt.span); got != tt.want {
			t.Errorf("sumsYears(%q) with severalYears %v = %v, want %v", tt.clause, tt.several, got, tt.want)
		}
	}
}
