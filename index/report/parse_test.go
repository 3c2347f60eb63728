package report

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

const seedPath = "../../seeds/jiuyuan_2025_plan_report.txt"

// sectionTree returns the part headings and the (一) headings under them of
// the review and plan paragraphs, in order, once each.
func sectionTree(r *Report) []string {
	var out []string
	for _, p := range r.Paragraphs {
		if p.Part != PartReview && p.Part != PartPlan {
			continue
		}
		for i, h := range p.Section[:min(2, len(p.Section))] {
			if i == 1 && !reSub.MatchString(h) {
				break
			}
			key := strings.Repeat("  ", i) + h
			if !slices.Contains(out, key) {
				out = append(out, key)
			}
		}
	}
	return out
}

func TestParseSeed(t *testing.T) {
	r, text := parseFile(t, seedPath)
	m := r.Meta
	if m.Title != "九原区2024年国民经济和社会发展计划执行情况与2025年国民经济和社会发展计划(草案)的报告" ||
		m.Region != "九原区" || m.Date != "2025-01-20" || m.ReviewYear != 2024 || m.PlanYear != 2025 {
		t.Errorf("meta %+v", m)
	}
	if len(r.Sentences) != 311 || len(r.Rows) != 7 {
		t.Errorf("%d sentences and %d rows, want 311 and 7", len(r.Sentences), len(r.Rows))
	}
	const one, two = "一、2024年国民经济和社会发展计划执行情况", "二、2025年经济和社会发展工作重点"
	wantTree := []string{
		one,
		"  (一)坚持稳大盘保增长,产业质效稳步发展",
		"  (二)坚持抓改革育新能,发展环境更趋优化",
		"  (三)坚持强招引促建设,项目推动扎实有力",
		"  (四)坚持优环境促融合,城乡面貌加快改观",
		"  (五)筑牢生态安全屏障,生态环境日趋向好",
		"  (六)坚持强保障暖民生,幸福指数不断提升",
		two,
		"  (一)持续壮大产业实力,激发经济发展新动力",
		"  (二)坚持招大引强加快项目建设,全力扩大有效投资",
		"  (三)聚焦科技创新引领,为高质量发展赋能加力",
		"  (四)推动发展环境升级,加快投资潜力挖掘",
		"  (五)纵深推进城乡建设,展现城乡融合新面貌",
		"  (六)加强防污染护生态,呈现绿色发展新气象",
		"  (七)强化民生优享供给,增强人民群众幸福感",
		"  (八)守好发展安全底线,彰显社会治理新水平",
	}
	if got := sectionTree(r); !slices.Equal(got, wantTree) {
		t.Errorf("section tree\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantTree, "\n"))
	}
	for _, w := range []wantSentence{
		{prefix: "预计全年,地区生产总值完成368.7亿元,增长8%左右;", exact: true, part: PartReview, section: []string{one},
			figure: "368.7亿元", period: PeriodResult, year: 2024},
		{prefix: "研发经费投入增强,R&D投入强度达1.28%,首次跻身全市前四。", exact: true, part: PartReview,
			section: []string{one, "(二)坚持抓改革育新能,发展环境更趋优化", "一是创新发展动能进一步激发"},
			figure:  "1.28%", period: PeriodResult, year: 2024},
		{prefix: "中清与蒙能签订0.6GW光伏组件订单,亿珂与永和400吨氢气产能达成合作意向。", exact: true, part: PartReview,
			section: []string{one, "(二)坚持抓改革育新能,发展环境更趋优化", "二是投资发展环境进一步优化"},
			figure:  "0.6GW", period: PeriodResult, year: 2024},
		{prefix: "2024年全区粮食产量15.7万吨,同比增长1%;", exact: true, part: PartReview,
			section: []string{one, "(一)坚持稳大盘保增长,产业质效稳步发展", "三是农牧业生产总体平稳"},
			figure:  "15.7万吨", period: PeriodResult, year: 2024},
		{prefix: "积极争取4万亩高标准农田建设和2000亩盐碱地综合治理改造。", exact: true, part: PartPlan,
			section: []string{two, "(一)持续壮大产业实力,激发经济发展新动力", "三是巩固农牧业基础"},
			figure:  "4万亩", period: PeriodTarget, year: 2025},
		{prefix: "加强大气污染治理,优良天数比率达到84.8%以上。", exact: true, part: PartPlan,
			section: []string{two, "(六)加强防污染护生态,呈现绿色发展新气象", "一是深入推进生态治理"},
			figure:  "84.8%以上", period: PeriodTarget, year: 2025},
		{prefix: "——地区生产总值增长8%左右;", exact: true, part: PartPlan, section: []string{two},
			figure: "8%左右", period: PeriodTarget, year: 2025},
		{prefix: "以上报告,请予审议。", exact: true, section: []string{"结束语"}, part: PartClosing},
	} {
		checkSentence(t, r, w)
	}
	if s := findSentence(r, "全面推动大气污染治理工程"); s == nil || len(s.Figures) != 0 {
		t.Errorf("\"1、2号机组\" is not a figure: %+v", s)
	}
	for _, s := range r.Sentences {
		for _, f := range s.Figures {
			if f.Text == "84.8%以上" && (f.Unit != "%" || f.Value != 84.8 || f.Measure != "优良天数比率") {
				t.Errorf("84.8%%: %+v", f)
			}
		}
	}
	checkPreserved(t, r, text)
}

func TestParseSeedTable(t *testing.T) {
	r, _ := parseFile(t, seedPath)
	cols := []string{"2024年计划增速", "2024年完成情况", "2025年预期目标"}
	want := []TableRow{
		{"地区生产总值", cols, []string{"9%左右", "8%", "8%左右"}},
		{"规模以上工业增加值", cols, []string{"20%以上", "21%", "14%以上"}},
		{"社会消费品零售总额", cols, []string{"8%以上", "2%", "5%以上"}},
		{"一般公共预算收入", cols, []string{"9%以上", "3.3%", "5%左右"}},
		{"城镇常住居民人均可支配收入", cols, []string{"与经济增长同步", "4.6%", "与经济增长同步"}},
		{"农村牧区常住居民人均可支配收入", cols, []string{"与经济增长同步", "6%", "与经济增长同步"}},
		{"城镇登记失业率", cols, []string{"4%以内", "3.9%以内", "3.9%以内"}},
	}
	if len(r.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(r.Rows), len(want))
	}
	for i, w := range want {
		g := r.Rows[i]
		if g.Indicator != w.Indicator || !slices.Equal(g.Columns, w.Columns) || !slices.Equal(g.Values, w.Values) {
			t.Errorf("row %d: %+v, want %+v", i, g, w)
		}
	}
	s := findSentence(r, "地区生产总值：")
	if s == nil {
		t.Fatal("no table sentence")
	}
	if s.Text != "地区生产总值：2024年计划增速9%左右，2024年完成情况8%，2025年预期目标8%左右" || s.Part != PartTable || s.Row != 0 || s.Para != -1 {
		t.Errorf("table sentence %+v", s)
	}
	if want := []string{"附件", "2025年经济社会发展主要预期目标安排"}; !slices.Equal(s.Section, want) {
		t.Errorf("table section %q, want %q", s.Section, want)
	}
	periods := map[string]string{}
	for _, f := range s.Figures {
		periods[f.Text] = fmt.Sprintf("%s %d", f.Period, f.Year)
	}
	if periods["9%左右"] != "target 2024" || periods["8%"] != "result 2024" || periods["8%左右"] != "target 2025" {
		t.Errorf("table figure periods %v", periods)
	}
}

// structured is a small report with every heading style Parse knows.
const structured = `下载
打印
【字号：
】
2026年某某市政府工作报告
——2026年1月20日在某某市第十届人民代表大会第五次会议上
来源：
某某日报
时间：2026-01-25
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议。
一、2025年工作回顾
过去一年，全市地区生产总值完成1200亿元，增长5.5%。
一是工业生产稳中有进。
规上工业增加值增长6%。
新建工业项目30个。
二是服务业加快发展。社会消费品零售总额增长4%。
服务业主题活动持续开展。
——经济总体回升向好。地区生产总值增长5.5%。
各位代表！
这是稳中求进的五年。
五年来，地区生产总值年均增长6%，城乡居民收入持续提高，人民生活品质不断提升。
二、2026年主要任务
今年主要预期目标是：
——地区生产总值增长6%左右；
——城镇登记失业率控制在4.5%以内。
（一）加快建设现代化产业体系。
第一，壮大先进制造业。新建高标准厂房10万平方米。
一要稳住农业基本盘。建设高标准农田2万亩。
粮食播种面积稳定在50万亩以上。
各位代表！
让我们团结一心，奋力完成全年目标任务！
附件1
2026年十件民生实事
一、提高城乡低保标准。
城乡低保标准提高5%。
附件2
名词解释
1.“两重”：是指国家重大战略实施和重点领域安全能力建设。
相关报道：
某某市两会开幕
`

func TestParseStructures(t *testing.T) {
	r, err := Parse(Meta{ID: "x"}, structured)
	if err != nil {
		t.Fatal(err)
	}
	m := r.Meta
	if m.Title != "2026年某某市政府工作报告" || m.Region != "某某市" || m.Date != "2026-01-20" || m.ReviewYear != 2025 || m.PlanYear != 2026 {
		t.Errorf("meta %+v", m)
	}
	const one, two, sub = "一、2025年工作回顾", "二、2026年主要任务", "（一）加快建设现代化产业体系"
	for _, w := range []wantSentence{
		{prefix: "现在，我代表市人民政府，向大会报告工作，请予审议。", exact: true, part: PartFront, section: []string{"引言"}},
		{prefix: "过去一年，全市地区生产总值完成1200亿元，增长5.5%。", exact: true, part: PartReview, section: []string{one},
			figure: "1200亿元", period: PeriodResult, year: 2025},
		// a standalone item covers the paragraphs after it
		{prefix: "规上工业增加值增长6%。", exact: true, part: PartReview, section: []string{one, "一是工业生产稳中有进"}},
		{prefix: "新建工业项目30个。", exact: true, part: PartReview, section: []string{one, "一是工业生产稳中有进"}},
		// an inline item covers its own paragraph only
		{prefix: "社会消费品零售总额增长4%。", exact: true, part: PartReview, section: []string{one, "二是服务业加快发展"}},
		{prefix: "服务业主题活动持续开展。", exact: true, part: PartReview, section: []string{one}},
		{prefix: "地区生产总值增长5.5%。", exact: true, part: PartReview, section: []string{one, "——经济总体回升向好"}},
		// after an address, a short lead line heads the paragraph below it
		{prefix: "五年来，地区生产总值年均增长6%", part: PartReview, section: []string{one, "这是稳中求进的五年"}},
		{prefix: "今年主要预期目标是：", exact: true, part: PartPlan, section: []string{two}},
		// a line of a target list is not a heading
		{prefix: "——地区生产总值增长6%左右；", exact: true, part: PartPlan, section: []string{two},
			figure: "6%左右", period: PeriodTarget, year: 2026},
		{prefix: "——城镇登记失业率控制在4.5%以内。", exact: true, part: PartPlan, section: []string{two}},
		{prefix: "新建高标准厂房10万平方米。", exact: true, part: PartPlan, section: []string{two, sub, "第一，壮大先进制造业"}},
		{prefix: "建设高标准农田2万亩。", exact: true, part: PartPlan, section: []string{two, sub, "一要稳住农业基本盘"}},
		{prefix: "粮食播种面积稳定在50万亩以上。", exact: true, part: PartPlan, section: []string{two, sub}},
		{prefix: "让我们团结一心，奋力完成全年目标任务！", exact: true, section: []string{"结束语"}, part: PartClosing},
		{prefix: "城乡低保标准提高5%。", exact: true, part: PartClosing,
			section: []string{"附件1", "2026年十件民生实事", "一、提高城乡低保标准"}, figure: "5%", period: PeriodTarget, year: 2026},
		{prefix: "是指国家重大战略实施和重点领域安全能力建设。", exact: true, part: PartClosing,
			section: []string{"附件2", "名词解释", "1.“两重”"}},
	} {
		checkSentence(t, r, w)
	}
	for _, s := range r.Sentences {
		if strings.Contains(s.Text, "某某日报") || strings.Contains(s.Text, "两会开幕") || strings.HasPrefix(s.Text, "各位代表") {
			t.Errorf("furniture or address kept as a sentence: %q", s.Text)
		}
	}
	checkNoFurniture(t, r)
	checkPreserved(t, r, structured)
}

func TestParseUnnumberedParts(t *testing.T) {
	const text = `2023年某县政府工作报告
——2023年1月10日在某县第十八届人民代表大会第二次会议上
各位代表：
现在，我代表县人民政府，向大会报告工作，请予审议。
2022年工作回顾
过去一年，全县地区生产总值完成120亿元，增长5%。
2023年主要任务
今年全县地区生产总值增长6%左右，粮食产量稳定在20万吨以上。
`
	r, err := Parse(Meta{ID: "x"}, text)
	if err != nil {
		t.Fatal(err)
	}
	if r.Meta.Region != "某县" || r.Meta.ReviewYear != 2022 || r.Meta.PlanYear != 2023 {
		t.Errorf("meta %+v", r.Meta)
	}
	checkSentence(t, r, wantSentence{prefix: "过去一年，全县地区生产总值完成120亿元", part: PartReview,
		section: []string{"2022年工作回顾"}, figure: "120亿元", period: PeriodResult, year: 2022})
	checkSentence(t, r, wantSentence{prefix: "今年全县地区生产总值增长6%左右", part: PartPlan,
		section: []string{"2023年主要任务"}, figure: "20万吨以上", period: PeriodTarget, year: 2023})
}

func TestParseBrokenLines(t *testing.T) {
	const text = `各位代表：
一、2025年工作回顾
空气质量持续改善，PM
2.5
年平均浓度下降到25微克/立方米。
“十五五”时期经济社会发展的
主要目标
是：地区生产总值年均增长5%左右。
企业找技术、成果找市场“双向
揭榜
挂帅”机制不断完善，由技术供给方带团队、带技术
揭榜
。
——地区生产总值增长6%左右
——城镇登记失业率控制在4.5%以内
`
	r, err := Parse(Meta{ID: "x", ReviewYear: 2025, PlanYear: 2026}, text)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range r.Sentences {
		got = append(got, s.Text)
	}
	want := []string{
		"空气质量持续改善，PM2.5年平均浓度下降到25微克/立方米。",
		"“十五五”时期经济社会发展的主要目标是：地区生产总值年均增长5%左右。",
		"企业找技术、成果找市场“双向揭榜挂帅”机制不断完善，由技术供给方带团队、带技术揭榜。",
		"——地区生产总值增长6%左右",
		"——城镇登记失业率控制在4.5%以内",
	}
	if !slices.Equal(got, want) {
		t.Errorf("sentences\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestParseContinues(t *testing.T) {
	tests := []struct {
		prev, next string
		want       bool
	}{
		{"持续改善空气质量，以PM", "2.5", true},
		{"持续改善空气质量，以PM2.5", "浓度持续下降为主线。", true},
		{"今年经济社会发展的", "主要预期目标", true},
		{"主要预期目标", "是：地区生产总值增长4.5%—5%。", true},
		{"企业找技术、成果找市场“双向", "揭榜", true},
		{"由技术供给方带团队、带技术揭榜", "；“成果找市场”以国省级科技奖励成果为重点。", true},
		{"由成果需求方带资金、带场景揭榜", "。", true},
		{"地区生产总值增长5%。", "一般公共预算收入增长3%。", false},
		{"附件1", "2026年省十件民生实事", false},
		{"附件2", "名词解释", false},
		{"表1", "2024年主要指标", false},
		{"（一）坚持稳大盘保增长,产业质效稳步发展", "一是工业生产承压前行。", false},
		{"——地区生产总值增长6%左右", "——城镇登记失业率控制在4.5%以内", false},
		{"指标名称 |", "2024年(%) |", false},
		{"提出主要预期目标为:", "——地区生产总值增长8%左右;", false},
	}
	for _, tc := range tests {
		if got := continues(tc.prev, tc.next); got != tc.want {
			t.Errorf("continues(%q, %q) = %v, want %v", tc.prev, tc.next, got, tc.want)
		}
	}
}

func TestParseNotReport(t *testing.T) {
	for _, text := range []string{"", "\n\n", "下载\n打印\n【字号：\n】\n相关报道："} {
		if _, err := Parse(Meta{ID: "x"}, text); !errors.Is(err, ErrNotReport) {
			t.Errorf("Parse(%q) = %v, want ErrNotReport", text, err)
		}
	}
}

func TestParseContentLines(t *testing.T) {
	text := "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年北京市政府工作报告\n来源：北京日报\n时间：2026-02-02\n" +
		"2026年02月10日 07时41分\n来源:\n四川日报\n【字体：\n大\n中\n小\n】\n分享：\n殷勇同志作政府工作报告。本报记者 戴冰摄\n" +
		"\u3000各位代表：\n正文。\n责任编辑：\n李莎莎\n扫一扫在手机打开当前页\nabcd39f1fb7f426d9dfb6bd0fa1f2146:\n链接标题\n"
	want := []string{"2026年北京市政府工作报告", "各位代表：", "正文。"}
	if got := contentLines(text); !slices.Equal(got, want) {
		t.Errorf("contentLines = %q, want %q", got, want)
	}
}

func TestUnsubscript(t *testing.T) {
	tests := map[string]string{
		"PM_2.5浓度下降18.3%": "PM2.5浓度下降18.3%",
		"pm_10年均浓度":       "pm10年均浓度",
		"PM2.5浓度":         "PM2.5浓度",
		"snake_case名称不变":  "snake_case名称不变",
	}
	for in, want := range tests {
		if got := Unsubscript(in); got != want {
			t.Errorf("Unsubscript(%q) = %q, want %q", in, got, want)
		}
	}
}
