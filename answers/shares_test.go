package answers

import (
	"strings"
	"testing"
)

func TestWithoutShareBases(t *testing.T) {
	for _, tc := range []struct {
		text, want string
	}{
		{"研发经费支出相当于全市生产总值的比例达到4.5%左右。", "研发经费支出相当于" + blank("全市生产总值的") + "比例达到4.5%左右。"},
		{"工业战略性新兴产业总产值占规模以上工业总产值比重提高到45%", "工业战略性新兴产业总产值占" + blank("规模以上工业总产值") + "比重提高到45%"},
		{"数字经济核心产业增加值占gdp比重达到10%", "数字经济核心产业增加值占" + blank("gdp") + "比重达到10%"},
		{"全市生产总值达到5.67万亿元、增长5.4%。", "全市生产总值达到5.67万亿元、增长5.4%。"}, // no share
		{"占比达到30%", "占比达到30%"}, // 占比: no base
		{"新增占地面积100亩，绿地比例提高", "新增占地面积100亩，绿地比例提高"},                      // a figure between: no share
		{"严格控制占用耕地，提高高标准农田比重", "严格控制占用耕地，提高高标准农田比重"},                    // a clause's end between
		{"占领市场份额比例提高", "占领市场份额比例提高"},                                    // 占领 leads no share
		{"全员劳动生产率增速高于地区生产总值增速", "全员劳动生产率增速高于" + blank("地区生产总值") + "增速"}, // a rate compared with another's
	} {
		if got := withoutShareBases(tc.text, true); got != tc.want {
			t.Errorf("withoutShareBases(%q)\n got %q\nwant %q", tc.text, got, tc.want)
		}
	}
	if got := withoutShareBases("相当于全市生产总值的比例", false); got != "相当于全市生产总值的比例" {
		t.Errorf("a share asked: its base stays, got %q", got)
	}
}

// blank is s blanked out byte for byte.
func blank(s string) string { return strings.Repeat(" ", len(s)) }

func TestAsksShare(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"去年GDP总量和增速多少", false},
		{"研发投入占GDP比重是多少", true},
		{"数字经济占比多少", true},
	} {
		if got := asksShare(question{text: tc.q}); got != tc.want {
			t.Errorf("asksShare(%q) = %v, want %v", tc.q, got, tc.want)
		}
	}
	if !asksShare(question{text: "研发投入强度目标", groups: [][]string{{"投入强度", "生产总值的比例"}}}) {
		t.Error("a vocabulary term that is a share (投入强度) asks for one")
	}
}
