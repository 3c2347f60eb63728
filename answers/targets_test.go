package answers

import (
	"testing"

	"planbot/index/report"
)

func TestInTargetList(t *testing.T) {
	r := paraTexts{
		"综合考虑，建议主要预期目标为：地区生产总值增长5%以上；居民消费价格保持合理水平；",
		"今年主要预期目标是：",
		"——居民收入增长和经济增长同步；",
		"——粮食产量稳定在300亿斤以上。",
		"保持居民消费价格总体平稳，落实好各项政策。",
		"今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，居民收入增长和经济增长同步。",
	}
	for _, c := range []struct {
		text string
		para int
		part report.Part
		want bool
	}{
		{"居民消费价格保持合理水平；", 0, report.PartPlan, true},
		{"综合考虑，建议主要预期目标为：地区生产总值增长5%以上；", 0, report.PartPlan, true},
		{"——居民收入增长和经济增长同步；", 2, report.PartPlan, true},
		{"——粮食产量稳定在300亿斤以上。", 3, report.PartPlan, true},
		{"保持居民消费价格总体平稳，落实好各项政策。", 4, report.PartPlan, false}, // no list
		{"今年经济社会发展的主要预期目标是：地区生产总值增长6%左右，居民收入增长和经济增长同步。", 5, report.PartPlan, true},
		{"居民消费价格保持合理水平；", 0, report.PartReview, false}, // not the plan
		{"地区生产总值增长5%", -1, report.PartPlan, false},     // a table row
	} {
		s := &report.Sentence{Text: c.text, Para: c.para, Part: c.part}
		if got := inTargetList(r, s); got != c.want {
			t.Errorf("inTargetList(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// paraTexts are paragraphs by their texts alone.
type paraTexts []string

func (p paraTexts) Len() int          { return len(p) }
func (p paraTexts) Text(i int) string { return p[i] }
