package report

import (
	"slices"
	"strings"
	"testing"
)

func TestHeadingParse(t *testing.T) {
	tests := []struct {
		line string
		ok   bool
		want heading
	}{
		{"一、2024年国民经济和社会发展计划执行情况", true, heading{rank: rankPart, text: "一、2024年国民经济和社会发展计划执行情况"}},
		{"二、“十五五”时期的主要目标和重点任务", true, heading{rank: rankPart, text: "二、“十五五”时期的主要目标和重点任务"}},
		{"(一)坚持稳大盘保增长,产业质效稳步发展", true, heading{rank: rankSub, text: "(一)坚持稳大盘保增长,产业质效稳步发展"}},
		{"（一）久久为功推动粤港澳大湾区建设，打造富有活力和国际竞争力的一流湾区和世界级城市群。", true,
			heading{rank: rankSub, text: "（一）久久为功推动粤港澳大湾区建设，打造富有活力和国际竞争力的一流湾区和世界级城市群"}},
		{"（十一）繁荣发展社会主义文化，高水平推进文化强省建设。", true, heading{rank: rankSub, text: "（十一）繁荣发展社会主义文化，高水平推进文化强省建设"}},
		{"（一）着力强化内需主导作用，服务构建新发展格局。坚持扩大内需这个战略基点。", true,
			heading{rank: rankSub, text: "（一）着力强化内需主导作用，服务构建新发展格局", body: "坚持扩大内需这个战略基点。"}},
		{"（二）推进“一网通办：提速”改革。正文。", true, heading{rank: rankSub, text: "（二）推进“一网通办：提速”改革", body: "正文。"}},
		{"一是工业生产承压前行。正望新材料等18个项目签订入园。", true,
			heading{rank: rankItem, text: "一是工业生产承压前行", body: "正望新材料等18个项目签订入园。"}},
		{"一是联合港澳承办十五运会和残特奥会。", true, heading{rank: rankItem, text: "一是联合港澳承办十五运会和残特奥会"}},
		{"十二是加强政府建设。正文。", true, heading{rank: rankItem, text: "十二是加强政府建设", body: "正文。"}},
		{"二要坚持稳中求进。要把握好节奏。", true, heading{rank: rankItem, text: "二要坚持稳中求进", body: "要把握好节奏。"}},
		{"第一，坚持稳中求进。做好经济工作。", true, heading{rank: rankItem, text: "第一，坚持稳中求进", body: "做好经济工作。"}},
		{"——经济总体回升向好。国内生产总值超过126万亿元。", true,
			heading{rank: rankItem, text: "——经济总体回升向好", body: "国内生产总值超过126万亿元。"}},
		{"1.“四上”企业：", true, heading{rank: rankItem, text: "1.“四上”企业"}},
		{"3.“自审自发”：2024年12月22日，国务院办公厅印发意见。", true,
			heading{rank: rankItem, text: "3.“自审自发”", body: "2024年12月22日，国务院办公厅印发意见。"}},
		// not headings
		{"——地区生产总值增长8%左右;", false, heading{}},
		{"——城镇常住居民人均可支配收入与经济增长基本保持同步；", false, heading{}},
		{"——城镇登记失业率控制在3.9%以内。", false, heading{}},
		{"一是推进工作", false, heading{}}, // an item needs its full stop
		{"2025年是“十四五”规划收官之年。", false, heading{}},
		{"一年来，主要做了以下工作。", false, heading{}},
		{"1.28%的研发投入强度", false, heading{}},
		{"一是" + strings.Repeat("很长", 31) + "。正文。", false, heading{}}, // longer than a heading
	}
	for _, tc := range tests {
		got, ok := parseHeading(tc.line)
		got.style, got.runIn = "", false // told apart by TestHeadingStyle
		if ok != tc.ok || got != tc.want {
			t.Errorf("parseHeading(%q) = %+v, %v; want %+v, %v", tc.line, got, ok, tc.want, tc.ok)
		}
	}
}

func TestHeadingStyle(t *testing.T) {
	tests := []struct {
		line  string
		style string
		runIn bool
	}{
		{"一是工业生产承压前行。正望新材料等18个项目签订入园。", "是", true},
		{"二要坚持稳中求进。要把握好节奏。", "要", true},
		{"第一，坚持稳中求进。做好经济工作。", "第", true},
		{"一方面，扩大内需。正文。", "方面", true},
		{"——经济总体回升向好。国内生产总值超过126万亿元。", "—", true},
		{"1.“四上”企业：", "1.", false},
		{"（1）提高低保标准。正文。", "(1)", true},
		{"［3］离岛免税", "[1]", false},
		{"（一）坚持稳大盘保增长", "", false},
	}
	for _, tc := range tests {
		h, ok := parseHeading(tc.line)
		if !ok || h.style != tc.style || h.runIn != tc.runIn {
			t.Errorf("parseHeading(%q) = %+v, %v; want style %q, run in %v", tc.line, h, ok, tc.style, tc.runIn)
		}
	}
}

func TestLeadShape(t *testing.T) {
	tests := []struct {
		s      string
		onLine bool
		want   int
	}{
		{"内需拉动明显增强。", false, rankLead},
		{"这是“百千万工程”全面推进的五年。", false, rankLead},
		{"积极共建北京（京津冀）国际科技创新中心。", false, rankLead}, // brackets are no punctuation
		{"这五年，我区经济繁荣的基础更加坚实。", false, rankGroup},
		{"这一年，我们感恩奋进、埋头苦干，封关运作如期实现。", true, rankGroup},
		{"五年来，我们坚定不移贯彻新发展理念，在推动高质量发展中实现综合实力新跨越。", true, rankGroup},
		{"五年来，我们坚定不移贯彻新发展理念，在推动高质量发展中实现综合实力新跨越。", false, 0}, // too long to head a paragraph
		{"重点工作", true, rankLead},   // a title on its own line needs no full stop
		{"重点工作", false, 0},         // inside a paragraph it does
		{"粮食产量1.39万亿斤。", false, 0}, // a figure
		{"今年主要预期目标是：", true, 0},    // a colon introduces
		{"各位代表！", true, 0},
		{"提高。", false, 0}, // too short
	}
	for _, tc := range tests {
		if got := leadShape(tc.s, tc.onLine); got != tc.want {
			t.Errorf("leadShape(%q, %v) = %d, want %d", tc.s, tc.onLine, got, tc.want)
		}
	}
}

func TestHeadingLine(t *testing.T) {
	body := "地区生产总值从11.37万亿元提高到14.58万亿元，人均地区生产总值从9万元提高到11万元。"
	tests := []struct {
		line, next string
		numbered   bool
		want       []heading
	}{
		{"这是经济实力持续提升的五年。", body, true, []heading{{rank: rankLead, text: "这是经济实力持续提升的五年"}}},
		{"五年来，我们坚定不移贯彻新发展理念，在推动高质量发展中实现综合实力新跨越。经济实力显著提升。", body + body, true,
			[]heading{{rank: rankGroup, text: "五年来，我们坚定不移贯彻新发展理念，在推动高质量发展中实现综合实力新跨越"}, {rank: rankLead, text: "经济实力显著提升"}}},
		{"“十四五”时期发展成就和2025年工作回顾", body, false, []heading{{rank: rankPart, text: "“十四五”时期发展成就和2025年工作回顾"}}},
		{"“十四五”时期发展成就和2025年工作回顾", body, true, []heading{{rank: rankGroup, text: "“十四五”时期发展成就和2025年工作回顾"}}},
		{"一年来，主要做了以下工作。", body, true, []heading{{rank: rankGroup, text: "一年来，主要做了以下工作"}}},
		{"重点做好十方面工作。", "（一）深入落实城市总体规划，推动京津冀协同发展走深走实", true, nil}, // a heading follows
		{"各位代表！", body, true, nil},
		{"粮食产量1.39万亿斤。", body, true, nil},          // a figure
		{"这是经济实力持续提升的五年。", "地区生产总值增长。", true, nil}, // the next line is not longer body text
		{"这是经济实力持续提升的五年。", "", true, nil},
		{"2025年经济社会发展主要预期目标安排", "指标名称 |", true, nil},
	}
	for _, tc := range tests {
		p := parser{r: &Report{Meta: Meta{ReviewYear: 2025, PlanYear: 2026}}, numbered: tc.numbered}
		if got := p.headingLine(tc.line, tc.next); !slices.Equal(got, tc.want) {
			t.Errorf("headingLine(%q, %q) = %+v, want %+v", tc.line, tc.next, got, tc.want)
		}
	}
}

func TestHeadingAppendix(t *testing.T) {
	for line, want := range map[string]bool{
		"附件":           true,
		"附件1":          true,
		"附件2：名词解释":     true,
		"附表 2024年主要指标": true,
		"名词解释":         true,
		"名词解释：":        true,
		"附件材料已经印发，请查阅。": false,
		"名词解释工作要加强":     false,
		"二、2025年工作安排":   false,
	} {
		if _, ok := appendixHeading(line); ok != want {
			t.Errorf("appendixHeading(%q) = %v, want %v", line, ok, want)
		}
	}
}

func TestHeadingAddress(t *testing.T) {
	tests := []struct {
		line        string
		addr, alone bool
	}{
		{"各位代表：", true, true},
		{"各位代表！", true, true},
		{"各位代表", true, true},
		{"各位代表，过去一年，坚如磐石的军政军民团结巩固发展。", true, false},
		{"我们向各位代表报告。", false, false},
	}
	for _, tc := range tests {
		if isAddress(tc.line) != tc.addr || isBareAddress(tc.line) != tc.alone {
			t.Errorf("%q: address %v, bare %v; want %v, %v", tc.line, isAddress(tc.line), isBareAddress(tc.line), tc.addr, tc.alone)
		}
	}
}

func TestOrdinal(t *testing.T) {
	for _, c := range []struct {
		text string
		want int
	}{
		{"（三）奋力推进全面深化改革", 3},
		{"（十二）加强政府建设", 12},
		{"二是持续增进民生福祉", 2},
		{"第二，", 2},
		{"12．推进城市更新", 12},
		{"——经济综合实力实现新跃升", 0},
	} {
		if got := ordinal(c.text); got != c.want {
			t.Errorf("ordinal(%q) = %d, want %d", c.text, got, c.want)
		}
	}
}
