package report

import (
	"slices"
	"testing"
)

func TestSentenceSplit(t *testing.T) {
	tests := []struct {
		name, para string
		want       []string
	}{
		{"stops and semicolons", "预计全年,地区生产总值完成368.7亿元,增长8%左右;规上工业产值完成393亿元。城镇登记失业率保持在3.9%以内。",
			[]string{"预计全年,地区生产总值完成368.7亿元,增长8%左右;", "规上工业产值完成393亿元。", "城镇登记失业率保持在3.9%以内。"}},
		{"decimal points", "R&D投入强度达1.28%,首次跻身全市前四。PM2.5浓度下降到28.5微克/立方米。",
			[]string{"R&D投入强度达1.28%,首次跻身全市前四。", "PM2.5浓度下降到28.5微克/立方米。"}},
		{"full-width semicolon and exclamation", "今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上！是的？",
			[]string{"今年发展主要预期目标是：国内生产总值增长5%左右；", "城镇新增就业1200万人以上！", "是的？"}},
		{"ASCII stops", "好!真的?是的。", []string{"好!", "真的?", "是的。"}},
		{"quotation", "他说：“要抓好落实。要稳中求进！”随后散会。下一句。", []string{"他说：“要抓好落实。要稳中求进！”随后散会。", "下一句。"}},
		{"book title", "制定《实施方案。试行》。下一句。", []string{"制定《实施方案。试行》。", "下一句。"}},
		{"closing bracket stays", "（见附件。）下一句。", []string{"（见附件。）", "下一句。"}},
		{"quote closing after stop", "要求“稳中求进。”下一句。", []string{"要求“稳中求进。”下一句。"}},
		{"unbalanced quotes are ignored", "他说“没完。下一句。", []string{"他说“没完。", "下一句。"}},
		{"no final stop", "没有句号的一行", []string{"没有句号的一行"}},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		if got := splitSentences(tc.para); !slices.Equal(got, tc.want) {
			t.Errorf("%s: splitSentences(%q) = %q, want %q", tc.name, tc.para, got, tc.want)
		}
	}
}
