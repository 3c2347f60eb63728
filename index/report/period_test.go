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
