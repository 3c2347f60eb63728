package report

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// parseFile parses a report file for a test.
func parseFile(t *testing.T, path string) (*Report, string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Parse(Meta{ID: strings.TrimSuffix(filepath.Base(path), ".txt")}, string(b))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return r, string(b)
}

// wantSentence is a sentence expected in a report: the first sentence
// starting with prefix (or equal to it when exact), its part and section,
// and optionally one of its figures.
type wantSentence struct {
	prefix  string
	exact   bool
	part    Part
	section []string
	figure  string // Figure.Text; "" for no check
	period  Period
	year    int
}

// findSentence returns the first sentence that starts with prefix.
func findSentence(r *Report, prefix string) *Sentence {
	for i := range r.Sentences {
		if strings.HasPrefix(r.Sentences[i].Text, prefix) {
			return &r.Sentences[i]
		}
	}
	return nil
}

func checkSentence(t *testing.T, r *Report, w wantSentence) {
	t.Helper()
	s := findSentence(r, w.prefix)
	switch {
	case s == nil:
		t.Errorf("no sentence %q", w.prefix)
		return
	case w.exact && s.Text != w.prefix:
		t.Errorf("sentence %q, want exactly %q", s.Text, w.prefix)
	}
	if s.Part != w.part {
		t.Errorf("%q: part %s, want %s", w.prefix, s.Part, w.part)
	}
	if !slices.Equal(s.Section, w.section) && !(len(s.Section) == 0 && len(w.section) == 0) {
		t.Errorf("%q: section %q, want %q", w.prefix, s.Section, w.section)
	}
	if w.figure == "" {
		return
	}
	for _, f := range s.Figures {
		if f.Text == w.figure {
			if f.Period != w.period || f.Year != w.year {
				t.Errorf("%q: figure %s is %s %d, want %s %d", w.prefix, f.Text, f.Period, f.Year, w.period, w.year)
			}
			return
		}
	}
	t.Errorf("%q: no figure %s in %+v", w.prefix, w.figure, s.Figures)
}

// topHeadings returns the first elements of the section paths of the
// review and plan sentences, in order, once each.
func topHeadings(r *Report) []string {
	var out []string
	for _, s := range r.Sentences {
		if (s.Part == PartReview || s.Part == PartPlan) && len(s.Section) > 0 && !slices.Contains(out, s.Section[0]) {
			out = append(out, s.Section[0])
		}
	}
	return out
}

// furnitureInSentences are strings of page furniture that no sentence may
// contain.
var furnitureInSentences = []string{"来源：", "来源:", "下载", "责任编辑", "相关报道：", "扫一扫", "打印本页", "关闭窗口", "【字号", "【字体", "时间：", "本报记者"}

var reHexInText = regexp.MustCompile(`[0-9a-f]{24,}`)

func checkNoFurniture(t *testing.T, r *Report) {
	t.Helper()
	for _, s := range r.Sentences {
		for _, f := range furnitureInSentences {
			if strings.Contains(s.Text, f) {
				t.Errorf("sentence %d holds furniture %q: %q", s.ID, f, s.Text)
			}
		}
		if reHexInText.MatchString(s.Text) || isBareAddress(s.Text) {
			t.Errorf("sentence %d is furniture: %q", s.ID, s.Text)
		}
	}
}

// reSplitPieces cuts a line into the pieces between its punctuation, spaces
// and table bars.
var reSplitPieces = regexp.MustCompile(`[\p{P}\p{S}\s|]+`)

// checkPreserved checks that no body text is dropped: every piece of every
// body line (after the front matter, page furniture removed) appears in a
// paragraph, a heading or a table row. Bare addresses (各位代表！) and the
// header of a table's indicator column (指标名称) are all that may go.
func checkPreserved(t *testing.T, r *Report, text string) {
	t.Helper()
	var corpus strings.Builder
	for _, p := range r.Paragraphs {
		corpus.WriteString(p.Text + "\n")
	}
	for _, h := range r.Headings {
		corpus.WriteString(h + "\n")
	}
	for _, row := range r.Rows {
		for i, v := range row.Values {
			corpus.WriteString(row.Columns[i] + "\n" + v + "\n" + strings.ReplaceAll(v, "%", "") + "\n")
		}
	}
	all := corpus.String()
	lines := contentLines(text)
	_, start := findBody(lines)
	for _, l := range lines[start:] {
		if isBareAddress(l) {
			continue
		}
		for _, piece := range reSplitPieces.Split(l, -1) {
			if isTableLine(l) && isIndicatorHeader(piece) {
				continue // "指标名称 |": the name of the column of indicators
			}
			if piece != "" && !strings.Contains(all, piece) {
				t.Errorf("text dropped: %q of line %q", piece, l)
			}
		}
	}
}

func TestReports(t *testing.T) {
	const bj, sh, gd = "一、2025年工作回顾", "三、2026年主要任务", "一、2025年和“十四五”时期工作回顾"
	const sc, g24, g22 = "一、2025年工作回顾和“十四五”发展主要成绩", "一、2023年工作回顾", "一、2021年工作回顾"
	tests := []struct {
		file      string
		meta      Meta
		tops      int
		sentences []wantSentence
	}{
		{
			file: "beijing_2026_gwr.txt",
			meta: Meta{Title: "2026年北京市政府工作报告", Region: "北京市", Date: "2026-01-25", ReviewYear: 2025, PlanYear: 2026},
			tops: 3,
			sentences: []wantSentence{
				{prefix: "全市地区生产总值5.2万亿元、增长5.4%", part: PartReview, section: []string{bj}, figure: "5.2万亿元", period: PeriodResult, year: 2025},
				{prefix: "完善就业优先政策，提供11.2万个高校毕业生就业岗位", part: PartReview,
					section: []string{bj, "六是民生保障持续加强"}, figure: "11.2万个", period: PeriodResult, year: 2025},
				{prefix: "过去五年，我们坚定疏解非首都功能", part: PartReview, section: []string{"二、“十四五”时期发展成就和“十五五”时期主要目标任务"}},
				{prefix: "《纲要草案》明确了今后五年的发展目标", part: PartPlan, section: []string{"二、“十四五”时期发展成就和“十五五”时期主要目标任务"}},
				{prefix: "今年经济社会发展主要预期目标是：地区生产总值增长5%左右", part: PartPlan, section: []string{"三、2026年重点工作"},
					figure: "5%左右", period: PeriodTarget, year: 2026},
				{prefix: "严格落实耕地保护规划，推动耕地集中成片和适度规模经营，建设高标准农田12万亩，确保粮食播种面积稳定在100万亩以上、蔬菜产量稳定在200万吨左右。",
					exact: true, part: PartPlan, section: []string{"三、2026年重点工作", "（七）推进农业农村现代化，促进城乡区域协调发展", "提高都市型现代农业质量效益"},
					figure: "12万亩", period: PeriodTarget, year: 2026},
				{prefix: "蓝图已经绘就，实干创造未来。", exact: true, section: []string{"结束语"}, part: PartClosing},
			},
		},
		{
			file: "shanghai_2026_gwr.txt",
			meta: Meta{Title: "2026年上海市政府工作报告", Region: "上海市", Date: "2026-02-03", ReviewYear: 2025, PlanYear: 2026},
			tops: 4,
			sentences: []wantSentence{
				{prefix: "地方一般公共预算收入达到8500亿元、增长1.5%，居民消费价格上涨0.1%，城镇调查失业率平均为4.2%。", exact: true,
					part: PartReview, section: []string{"一、2025年工作回顾", "一年来，全市经济社会发展稳中有进、进中提质", "一是经济持续回升向好"}, figure: "8500亿元", period: PeriodResult, year: 2025},
				{prefix: "新增养老床位3852张、认知障碍照护床位3326张，新建社区长者食堂57家、家门口养老服务站336个。", exact: true,
					part: PartReview, section: []string{"一、2025年工作回顾", "（四）着力加强民生建设", "民心工程和民生实事全面完成"}, figure: "3852张", period: PeriodResult, year: 2025},
				{prefix: "“十四五”时期，上海发展历程极不寻常", part: PartReview,
					section: []string{"二、关于《上海市国民经济和社会发展第十五个五年规划纲要（草案）》的说明"}},
				{prefix: "提升国际经济中心地位", part: PartPlan,
					section: []string{"二、关于《上海市国民经济和社会发展第十五个五年规划纲要（草案）》的说明", "（一）坚定不移加快“五个中心”建设"}},
				{prefix: "深入落实耕地保护和粮食安全责任制，建设8万亩高标准农田。", exact: true, part: PartPlan,
					section: []string{"三、2026年主要任务", "（六）着力推进乡村全面振兴，促进城乡融合发展", "提升都市现代农业质量效益"}, figure: "8万亩", period: PeriodTarget, year: 2026},
				{prefix: "强化一体化服务", part: PartPlan, section: []string{"四、深入推进政府治理创新", "（二）加强改革创新，促进政府服务管理提质增效"}},
				{prefix: "各位代表，团结凝聚力量，奋斗铸就伟业。", exact: true, part: PartClosing, section: []string{"结束语"}},
			},
		},
		{
			file: "guangdong_2026_gwr.txt",
			meta: Meta{Title: "政府工作报告", Region: "广东省", Date: "2026-01-26", ReviewYear: 2025, PlanYear: 2026},
			tops: 3,
			sentences: []wantSentence{
				{prefix: "认真落实“绿色、共享、开放、廉洁”的办赛理念", part: PartReview, section: []string{gd, "一是联合港澳承办十五运会和残特奥会"}},
				{prefix: "地区生产总值增长3.9%、总量连续37年居全国首位。", exact: true, part: PartReview,
					section: []string{gd, "二是推动全省经济运行稳中有进、稳中向好"}, figure: "3.9%", period: PeriodResult, year: 2025},
				{prefix: "地区生产总值从11.37万亿元提高到14.58万亿元，人均地区生产总值从9万元提高到11万元。", exact: true, part: PartReview,
					section: []string{gd, "这是经济实力持续提升的五年"}, figure: "14.58万亿元", period: PeriodResult, year: 2025},
				{prefix: "污染防治攻坚战连续5年获国家考核优秀等次，中央生态环境保护督察整改取得明显成效，PM2.5年平均浓度保持在20微克/立方米左右",
					part: PartReview, section: []string{gd, "这是绿美广东生态建设绘就新画卷的五年"}},
				{prefix: "“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5%左右", part: PartPlan,
					section: []string{"二、“十五五”时期的主要目标和重点任务"}},
				{prefix: "今年经济社会发展的主要预期目标是：地区生产总值增长4.5%—5%，在实际工作中全力争取更好结果；", exact: true, part: PartPlan,
					section: []string{"三、2026年工作安排", "2026年是“十五五”第一年，开好局起好步十分重要"}, figure: "4.5%", period: PeriodTarget, year: 2026},
				{prefix: "打造高质量发展动力源。", exact: true, part: PartPlan,
					section: []string{"三、2026年工作安排", "（一）久久为功推动粤港澳大湾区建设，打造富有活力和国际竞争力的一流湾区和世界级城市群"}},
				{prefix: "农村低保标准占城镇低保标准的最低比例从77%提高到80%以上", part: PartClosing,
					section: []string{"附件1", "2026年省十件民生实事", "一、提高低保、特困人员、孤儿基本生活与残疾人两项补贴和重点群体救助保障水平"},
					figure:  "80%以上", period: PeriodTarget, year: 2026},
				{prefix: "现阶段统计工作实践中对达到一定规模、资质或限额的法人单位的一种习惯称谓。", exact: true, part: PartClosing,
					section: []string{"附件2", "名词解释", "1.“四上”企业"}},
			},
		},
		{
			file: "sichuan_2026_gwr.txt",
			meta: Meta{Title: "2026年四川省人民政府工作报告", Region: "四川省", Date: "2026-02-03", ReviewYear: 2025, PlanYear: 2026},
			tops: 3,
			sentences: []wantSentence{
				{prefix: "投入12亿元实施企业找技术、成果找市场“双向揭榜挂帅”，技术合同成交额突破3000亿元、增长15.1%。", exact: true, part: PartReview,
					section: []string{sc, "二是着力抓科技兴产业，推动新质生产力加快培育"}, figure: "3000亿元", period: PeriodResult, year: 2025},
				{prefix: "五年来，我们坚定不移推动高质量发展，综合实力和核心竞争力显著提升。", exact: true, part: PartReview, section: []string{sc}},
				{prefix: "今年全省经济社会发展主要预期目标是：地区生产总值增长5.5%左右；", exact: true, part: PartPlan,
					section: []string{"三、2026年工作安排"}, figure: "5.5%左右", period: PeriodTarget, year: 2026},
				{prefix: "着力激发持续消费。", exact: true, part: PartPlan,
					section: []string{"三、2026年工作安排", "（一）突出扩大内需战略基点，更大力度统筹促消费扩投资"}},
				{prefix: "骐骥迎春至，万象启新程。", exact: true, part: PartClosing, section: []string{"结束语"}},
				{prefix: "是指国家重大战略实施和重点领域安全能力建设。", exact: true, part: PartClosing, section: []string{"名词解释", "1.“两重”"}},
				{prefix: "“成果找市场”以国省级科技奖励成果、高层次人才技术成果、中试成果等为重点，由成果需求方带资金、带场景揭榜。", exact: true,
					part: PartClosing, section: []string{"名词解释", "7.“双向揭榜挂帅”"}},
			},
		},
		{
			file: "guowuyuan_2024_gwr.txt",
			meta: Meta{Title: "政府工作报告", Region: "全国", Date: "2024-03-05", ReviewYear: 2023, PlanYear: 2024},
			tops: 3,
			sentences: []wantSentence{
				{prefix: "国内生产总值超过126万亿元，增长5.2%，增速居世界主要经济体前列。", exact: true, part: PartReview,
					section: []string{g24, "——经济总体回升向好"}, figure: "126万亿元", period: PeriodResult, year: 2023},
				{prefix: "粮食产量1.39万亿斤，再创历史新高。", exact: true, part: PartReview,
					section: []string{g24, "——安全发展基础巩固夯实"}, figure: "1.39万亿斤", period: PeriodResult, year: 2023},
				{prefix: "今年发展主要预期目标是：国内生产总值增长5%左右；", exact: true, part: PartPlan,
					section: []string{"二、2024年经济社会发展总体要求和政策取向"}, figure: "5%左右", period: PeriodTarget, year: 2024},
				{prefix: "推动产业链供应链优化升级。", exact: true, part: PartPlan,
					section: []string{"三、2024年政府工作任务", "（一）大力推进现代化产业体系建设，加快发展新质生产力"}},
				{prefix: "深入推进依法行政。", exact: true, part: PartPlan, section: []string{"三、2024年政府工作任务"}},
				{prefix: "使命重在担当，奋斗创造未来。", exact: true, part: PartClosing, section: []string{"结束语"}},
			},
		},
		{
			file: "guowuyuan_2022_gwr.txt",
			meta: Meta{Title: "政府工作报告", Region: "全国", ReviewYear: 2021, PlanYear: 2022},
			tops: 3,
			sentences: []wantSentence{
				{prefix: "国内生产总值达到114万亿元，增长8.1%。", exact: true, part: PartReview,
					section: []string{g22, "——经济保持恢复发展"}, figure: "114万亿元", period: PeriodResult, year: 2021},
				{prefix: "今年发展主要预期目标是：国内生产总值增长5.5%左右；", exact: true, part: PartPlan,
					section: []string{"二、2022年经济社会发展总体要求和政策取向"}, figure: "5.5%左右", period: PeriodTarget, year: 2022},
				{prefix: "今年赤字率拟按2.8%左右安排、比去年有所下调，有利于增强财政可持续性。", exact: true, part: PartPlan,
					section: []string{"三、2022年政府工作任务", "（一）着力稳定宏观经济大盘，保持经济运行在合理区间", "提升积极的财政政策效能"},
					figure:  "2.8%左右", period: PeriodTarget, year: 2022},
				{prefix: "中国的发展从来都是在应对挑战中前进的，中国人民有战胜任何艰难险阻的勇气、智慧和力量。", exact: true, section: []string{"结束语"}, part: PartClosing},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			r, text := parseFile(t, filepath.Join("..", "testdata", "reports", tc.file))
			m := r.Meta
			got := Meta{Title: m.Title, Region: m.Region, Date: m.Date, ReviewYear: m.ReviewYear, PlanYear: m.PlanYear}
			if got != tc.meta {
				t.Errorf("meta %+v, want %+v", got, tc.meta)
			}
			if tops := topHeadings(r); len(tops) != tc.tops {
				t.Errorf("%d top headings %q, want %d", len(tops), tops, tc.tops)
			}
			for _, w := range tc.sentences {
				checkSentence(t, r, w)
			}
			checkNoFurniture(t, r)
			checkPreserved(t, r, text)
			t.Logf("%d sentences, %d paragraphs, %d headings, %d table rows", len(r.Sentences), len(r.Paragraphs), len(r.Headings), len(r.Rows))
		})
	}
}
