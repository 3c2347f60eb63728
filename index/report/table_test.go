package report

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestTableLen(t *testing.T) {
	tests := []struct {
		lines []string
		want  int
	}{
		{[]string{"| 甲 | 乙 |", "| 丙 | 丁 |", "正文。"}, 2},
		{[]string{"| 甲 | 乙 |", "正文。"}, 0}, // one row is no table
		{[]string{"指标名称 |", "2024年 |", "|", "地区生产总值 |", "8 |", "正文。"}, 5},
		{[]string{"指标名称 |", "2024年 |", "正文。"}, 0},
		{[]string{"正文。", "| 甲 | 乙 |", "| 丙 | 丁 |"}, 0},
	}
	for _, tc := range tests {
		if got := tableLen(tc.lines); got != tc.want {
			t.Errorf("tableLen(%q) = %d, want %d", tc.lines, got, tc.want)
		}
	}
}

// tableOf parses the lines of a table in a small report and returns its
// rows and their sentences.
func tableOf(t *testing.T, lines ...string) (*Report, []Sentence) {
	t.Helper()
	text := "各位代表：\n一、2024年工作回顾\n全年地区生产总值增长8%。粮食产量稳定增长。居民收入持续增加。\n附件\n2025年主要预期目标\n" + strings.Join(lines, "\n") + "\n"
	r, err := Parse(Meta{ID: "x", ReviewYear: 2024, PlanYear: 2025}, text)
	if err != nil {
		t.Fatal(err)
	}
	var rows []Sentence
	for _, s := range r.Sentences {
		if s.Row >= 0 {
			rows = append(rows, s)
		}
	}
	return r, rows
}

func TestTableForms(t *testing.T) {
	cols := []string{"2024年计划增速", "2024年完成情况", "2025年预期目标"}
	tests := []struct {
		name  string
		lines []string
	}{
		{"flattened, two header rows", []string{
			"指标名称 |", "2024年(%) |", "2025年(%) |", "|",
			"计划增速 |", "完成情况 |", "预期目标 |", "|",
			"地区生产总值 |", "9左右 |", "8 |", "8左右 |",
			"城镇常住居民人均 可支配收入 |", "与经济增长同步 |", "4.6 |", "与经济增长同步 |",
		}},
		{"rows, merged group cells", []string{
			"| 指标名称 | 2024年(%) |  | 2025年(%) |",
			"|  | 计划增速 | 完成情况 | 预期目标 |",
			"| 地区生产 总值 | 9左右 | 8 | 8左右 |",
			"| 城镇常住居民人均可支配收入 | 与经济增长同步 | 4.6 | 与经济增长同步 |",
		}},
	}
	want := []TableRow{
		{"地区生产总值", cols, []string{"9%左右", "8%", "8%左右"}},
		{"城镇常住居民人均可支配收入", cols, []string{"与经济增长同步", "4.6%", "与经济增长同步"}},
	}
	for _, tc := range tests {
		r, rows := tableOf(t, tc.lines...)
		if len(r.Rows) != len(want) {
			t.Errorf("%s: rows %+v, want %+v", tc.name, r.Rows, want)
			continue
		}
		for i, w := range want {
			g := r.Rows[i]
			if g.Indicator != w.Indicator || !slices.Equal(g.Columns, w.Columns) || !slices.Equal(g.Values, w.Values) {
				t.Errorf("%s: row %d %+v, want %+v", tc.name, i, g, w)
			}
		}
		s := rows[0]
		if s.Text != "地区生产总值：2024年计划增速9%左右，2024年完成情况8%，2025年预期目标8%左右" || s.Part != PartTable ||
			!slices.Equal(s.Section, []string{"附件", "2025年主要预期目标"}) {
			t.Errorf("%s: row sentence %+v", tc.name, s)
		}
		var periods []string
		for _, f := range s.Figures {
			periods = append(periods, fmt.Sprintf("%s %s %s %d", f.Text, f.Measure, f.Period, f.Year))
		}
		wantPeriods := []string{"9%左右 地区生产总值 target 2024", "8% 地区生产总值 result 2024", "8%左右 地区生产总值 target 2025"}
		if !slices.Equal(periods, wantPeriods) {
			t.Errorf("%s: figures %q, want %q", tc.name, periods, wantPeriods)
		}
	}
}

func TestTableOneHeaderRow(t *testing.T) {
	r, rows := tableOf(t,
		"| 指标 | 2024年完成 | 2025年目标 |",
		"| 粮食产量（万吨） | 15.7 | 15以上 |",
		"| 新增就业（人） | 4373 |  |",
	)
	if len(r.Rows) != 2 || !slices.Equal(r.Rows[0].Columns, []string{"2024年完成", "2025年目标"}) ||
		!slices.Equal(r.Rows[0].Values, []string{"15.7", "15以上"}) {
		t.Fatalf("rows %+v", r.Rows)
	}
	if rows[1].Text != "新增就业（人）：2024年完成4373" {
		t.Errorf("an empty cell is left out: %q", rows[1].Text)
	}
}

func TestTableTextOnly(t *testing.T) {
	r, rows := tableOf(t, "| 项目 | 内容 |", "| 民生实事 | 提高低保标准 |")
	if len(r.Rows) != 1 || rows[0].Text != "民生实事：内容提高低保标准" {
		t.Errorf("rows %+v", r.Rows)
	}
}

func TestTableNotUnderstood(t *testing.T) {
	// flattened cells without a bare "|" ending a header row
	r, rows := tableOf(t, "甲 |", "乙 |", "丙 |")
	if len(rows) != 0 || len(r.Rows) != 0 {
		t.Fatalf("rows %+v", r.Rows)
	}
	var texts []string
	for _, p := range r.Paragraphs {
		texts = append(texts, p.Text)
	}
	if !slices.Contains(texts, "甲") || !slices.Contains(texts, "丙") {
		t.Errorf("the text of a table not understood is kept: %q", texts)
	}
}
