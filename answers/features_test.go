package answers

import (
	"context"
	"os"
	"path/filepath"
	"planbot/index/report"
	"strings"
	"testing"
)

func TestElided(t *testing.T) {
	tests := []struct {
		text, first, second string
		want                int
	}{
		{"刑事、治安案件分别下降6.6%、3.6%", "刑事", "案件", 0},
		{"规上工业、服务业增加值分别增长6%", "规上工业", "增加值", 0},
		{"刑事案件下降6.6%", "刑事", "案件", -1},               // said whole: found as it is
		{"刑事、治安，案件下降", "刑事", "案件", -1},               // another clause
		{"刑事、一二三四五六七八九十十一案件", "刑事", "案件", -1},        // too far
		{"加强治安、刑事、治安案件下降", "刑事", "案件", len("加强治安、")}, // the second 、 list
	}
	for _, tt := range tests {
		if got := elided(tt.text, tt.first, tt.second); got != tt.want {
			t.Errorf("elided(%q, %q, %q) = %d, want %d", tt.text, tt.first, tt.second, got, tt.want)
		}
	}
}

func TestNearest(t *testing.T) {
	tests := []struct {
		text, a, b string
		gap        int
		ordered    bool
	}{
		{"提振消费", "提振", "消费", len("提振"), true},
		{"顺应消费转型升级，深入实施提振消费专项行动", "提振", "消费", len("提振"), true}, // not the first 消费
		{"消费品以旧换新，提振", "提振", "消费", len("消费品以旧换新，"), false},
		{"就业、就业、创业", "创业", "就业", len("就业、"), false},
	}
	for _, tt := range tests {
		gap, ordered := nearest(tt.text, tt.a, tt.b)
		if gap != tt.gap || ordered != tt.ordered {
			t.Errorf("nearest(%q, %q, %q) = %d, %v, want %d, %v", tt.text, tt.a, tt.b, gap, ordered, tt.gap, tt.ordered)
		}
	}
}

func TestGuiding(t *testing.T) {
	const principles = "做好今年工作，要坚持以习近平新时代中国特色社会主义思想为指导，着力稳就业、稳企业、稳市场、稳预期。"
	tests := []struct {
		sentence, question string
		want               bool
	}{
		{principles, "今年怎么稳就业", true},
		{principles, "今年政府工作的总体要求是什么", false}, // asked for
		{"实施稳岗扩容提质行动。", "今年怎么稳就业", false},
		{"省政府编制了《纲要（草案）》，提请大会审查。", "十五五时期的主要目标是啥", true}, // the report itself
		{"省政府编制了《纲要（草案）》，提请大会审查。", "纲要草案什么时候审查", false},
	}
	for _, tt := range tests {
		if got := guiding(tt.sentence, tt.question); got != tt.want {
			t.Errorf("guiding(%q, %q) = %v, want %v", tt.sentence, tt.question, got, tt.want)
		}
	}
}

func TestGrowthAsked(t *testing.T) {
	for q, want := range map[string]bool{
		"上海今年经济准备长多少啊": true, // 长多少: how much it grows
		"今年工资涨多少":      true,
		"今年粮食产量多少":     false,
	} {
		if got := understand(q, q, nil).growth; got != want {
			t.Errorf("understand(%q).growth = %v, want %v", q, got, want)
		}
	}
}

func TestGrowthTargetAsksFigure(t *testing.T) {
	for q, want := range map[string]bool{
		"今年外贸进出口增长目标": true, // a growth target is a rate
		"今年经济增速目标":    true,
		"今年粮食安全目标":    false, // a target may be said in words
	} {
		if got := understand(q, q, nil).figure; got != want {
			t.Errorf("understand(%q).figure = %v, want %v", q, got, want)
		}
	}
}

func TestCoveragePartAlternatives(t *testing.T) {
	w := DefaultWeights
	k := keyword{alts: []string{"外贸进出口"}, parts: []string{"外贸", "进出口"}, partWeights: []float64{1, 1}, known: true, weight: 1}
	p := passage{text: "进出口总值增长5%"}
	without, _, _ := coverage([]keyword{k}, p, &w)
	k.partAlts = [][]string{{"进出口", "外贸"}, nil}
	with, _, _ := coverage([]keyword{k}, p, &w)
	if without != w.PartCredit/2 || with != w.PartCredit {
		t.Errorf("coverage of 外贸进出口 in %q: %.2f without the vocabulary's 外贸 = 进出口, %.2f with; want %.2f and %.2f", p.text, without, with, w.PartCredit/2, w.PartCredit)
	}
}

// TestCoverageOfAPart: an alternative inside the topic's first term
// (生产总值 of 地区生产总值) that the asker did not say counts as a part.
func TestCoverageOfAPart(t *testing.T) {
	w := DefaultWeights
	k := keyword{alts: []string{"地区生产总值", "生产总值", "经济增长"}, said: []string{"经济增长"}, known: true, weight: 1}
	tests := []struct {
		text string
		want float64
	}{
		{"地区生产总值增长3.7%", 1},
		{"海洋生产总值增长6%左右", w.PartCredit},
		{"经济增长5%左右", 1},
	}
	for _, tt := range tests {
		if got, _, _ := coverage([]keyword{k}, passage{text: tt.text}, &w); got != tt.want {
			t.Errorf("coverage in %q = %.2f, want %.2f", tt.text, got, tt.want)
		}
	}
	k.said = []string{"生产总值"} // asked so
	if got, _, _ := coverage([]keyword{k}, passage{text: "海洋生产总值增长6%左右"}, &w); got != 1 {
		t.Errorf("coverage of 生产总值 asked as such = %.2f, want 1", got)
	}
	debt := keyword{alts: []string{"政府债务", "债务"}, parts: []string{"政府", "债务"}, known: true, weight: 1}
	if got, _, _ := coverage([]keyword{debt}, passage{text: "有序化解政府隐性债务"}, &w); got != 1 {
		t.Errorf("coverage of 政府债务 by 政府隐性债务 = %.2f, want 1: all its words are said", got)
	}
}

func TestCompounds(t *testing.T) {
	kws := []keyword{
		{alts: []string{"规模以上工业增加值", "工业增加值"}, said: []string{"工业增加值"}, known: true, weight: 5},
		{alts: []string{"规模以上", "规上"}, said: []string{"规上"}, known: true, weight: 4},
	}
	markModifiers(kws, "去年规上工业增加值增长多少")
	tests := []struct {
		text string
		want int
	}{
		{"规模以上工业增加值增长4.5%", 1},
		{"规上工业增加值增长9%", 1},
		{"非烟非能工业增加值增长8.1%、对规模以上工业增长贡献率达72.9%", 0},
	}
	for _, tt := range tests {
		if got := compounds(kws, tt.text); got != tt.want {
			t.Errorf("compounds(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestSubScope(t *testing.T) {
	tests := []struct {
		section  []string
		question string
		want     bool
	}{
		{[]string{"一、2025年预算执行情况", "（六）白沟新城预算执行情况"}, "2025年一般公共预算收入完成多少", true},
		{[]string{"一、2025年预算执行情况", "（六）白沟新城预算执行情况"}, "白沟去年一般公共预算收入多少", false},
		{[]string{"一、2025年预算执行情况", "（二）市本级财政收支情况"}, "2025年一般公共预算收入完成多少", true},
		{[]string{"一、2025年预算执行情况", "（二）市本级财政收支情况"}, "市本级收入多少", false},
		{[]string{"一、2025年预算执行情况", "（一）全市财政收支情况"}, "2025年一般公共预算收入完成多少", false},
	}
	for _, tt := range tests {
		if got := subScope(tt.section, tt.question); got != tt.want {
			t.Errorf("subScope(%q, %q) = %v, want %v", tt.section, tt.question, got, tt.want)
		}
	}
}

// TestTargetOfTheYear: a target asked with no period is the plan year's,
// not the five-year plan's average that the report states beside it
// (SpanUsual): 广西 writes both 经济增长5%左右 and 年均增长5%左右.
func TestTargetOfTheYear(t *testing.T) {
	e := engineOnReport(t, "guangxi_2026_gwr")
	res, err := e.Ask(context.Background(), "经济增长目标是多少", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) == 0 || !strings.Contains(res.Answers[0].Text, "主要预期目标") {
		t.Errorf("answers %+v, want this year's targets", res.Answers)
	}
}

// engineOnReport returns an engine of one corpus report, built for the
// test and closed after it.
func engineOnReport(t *testing.T, name string) *Engine {
	t.Helper()
	seeds := t.TempDir()
	b, err := os.ReadFile("../index/testdata/reports/" + name + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(seeds, name+".txt"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := Open(context.Background(), Setup{DataDir: t.TempDir(), SeedsDir: seeds, Build: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { e.Close() })
	return e
}

func TestShortcomings(t *testing.T) {
	rc := cacheOf("在肯定成绩的同时，我们也清醒认识到，发展还面临不少困难。部分企业经营困难。", "加力清理拖欠中小企业账款。")
	tests := []struct {
		sentence int
		question string
		want     bool
	}{
		{0, "开个小厂，欠的钱拖着不给，有人管没", true},
		{0, "发展还面临哪些困难", false}, // asked for
		{1, "开个小厂，欠的钱拖着不给，有人管没", false},
	}
	for _, tt := range tests {
		s := &report.Sentence{ID: tt.sentence, Para: tt.sentence}
		q := understand(tt.question, normalise(tt.question, nil), nil)
		if got := !q.problems && shortcomings(rc, s); got != tt.want {
			t.Errorf("shortcomings(%d, %q) = %v, want %v", tt.sentence, tt.question, got, tt.want)
		}
	}
}

// TestPlanPeriod: the name of a five-year plan says the period asked; a
// sentence of those five years that names no plan says it too.
func TestPlanPeriod(t *testing.T) {
	e := engineOnReport(t, "jilin_2026_gwr")
	res, err := e.Ask(context.Background(), "十四五期间全省城镇新增就业多少", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) == 0 || !strings.Contains(res.Answers[0].Text, "城镇新增就业124.27万人") {
		t.Errorf("answers %+v, want the five years' 城镇新增就业124.27万人", res.Answers)
	}
	// another plan's years: the review's five years are 十四五's
	res, err = e.Ask(context.Background(), "十三五期间全省城镇新增就业多少", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Answers) > 0 && strings.Contains(res.Answers[0].Text, "城镇新增就业124.27万人") {
		t.Errorf("十三五 asked, answered with 十四五's %q", res.Answers[0].Text)
	}
}

// TestHowShort: asked how, a short sentence without a figure states what
// is to be done, not how (Short); asked for a target, it may be the
// target.
func TestHowShort(t *testing.T) {
	tests := []struct {
		question, text string
		short          bool
	}{
		{"今年怎么支持民营经济发展", "支持民营经济高质量发展。", true},
		{"今年怎么支持民营经济发展", "推动出台民营经济促进条例，鼓励民营企业积极参与两重建设。", false},
		{"居民收入增长目标是啥", "居民收入增长和经济增长同步。", false},
		{"民营经济增加值是多少", "支持民营经济高质量发展。", false}, // not how: only a heading's length
	}
	for _, tt := range tests {
		q := understand(tt.question, normalise(tt.question, nil), nil)
		var f features
		fitOf(&f, q, &report.Sentence{Text: tt.text}, nil, &DefaultWeights)
		if got := f.Short == 1; got != tt.short {
			t.Errorf("%q / %q: Short %v, want %v (how %v)", tt.question, tt.text, got, tt.short, q.how)
		}
	}
}

func TestWithoutInsertions(t *testing.T) {
	tests := []struct{ in, want string }{
		{"新（改）建高标准农田300万亩以上", "新建高标准农田300万亩以上"},
		{"既有住宅加装（更新）电梯6000部", "既有住宅加装电梯6000部"},
		{"（一）持续壮大产业实力", ""},                 // a heading's number: no word around it
		{"改造2.5万套（间）城市危旧房", "改造2.5万套城市危旧房"}, // a unit's alternative
		{"支持力度（2025—2030年）", ""},
		{"没有括号", ""},
	}
	for _, tt := range tests {
		if got := withoutInsertions(tt.in); got != tt.want {
			t.Errorf("withoutInsertions(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestHowAsksThePlan: asked how, with no time said, a question asks what
// will be done, which the plan part says; asked what is so now, it does
// not.
func TestHowAsksThePlan(t *testing.T) {
	tests := []struct {
		question string
		part     report.Part
		match    bool
	}{
		{"地方政府债务风险怎么化解", report.PartPlan, true},
		{"地方政府债务风险怎么化解", report.PartReview, false},
		{"花湖机场现在是什么定位", report.PartPlan, false},  // 现在 asks what is
		{"去年债务风险是怎么化解的", report.PartPlan, false}, // a result asked
		{"地方政府债务余额是多少", report.PartPlan, false},  // no how
	}
	for _, tt := range tests {
		q := understand(tt.question, tt.question, nil)
		var f features
		fitOf(&f, q, &report.Sentence{Text: "有序化解存量债务。", Part: tt.part}, nil, &DefaultWeights)
		if got := f.PartMatch == 1; got != tt.match {
			t.Errorf("%q in %s: PartMatch %v, want %v", tt.question, tt.part, got, tt.match)
		}
		if want := tt.part == report.PartReview; asksWhatWillBe(q) && (f.PartMismatch == 1) != want {
			t.Errorf("%q in %s: PartMismatch %v, want %v", tt.question, tt.part, f.PartMismatch == 1, want)
		}
	}
	// and of the plan part, this year's work, not the five years' goals
	q := understand("怎么防止脱贫的人再返贫", "怎么防止脱贫的人再返贫", nil)
	for span, want := range map[report.Span]bool{report.SpanYear: true, report.SpanFive: false} {
		var f features
		fitOf(&f, q, &report.Sentence{Text: "健全常态化防止返贫致贫帮扶政策体系。", Part: report.PartPlan, Span: span}, nil, &DefaultWeights)
		if got := f.SpanUsual == 1; got != want {
			t.Errorf("怎么防止返贫, a sentence of span %s: SpanUsual %v, want %v", span, got, want)
		}
	}
}

// TestCoveragePerUnit: 单位地区生产总值 says no 地区生产总值 unless a
// ratio is asked.
func TestCoveragePerUnit(t *testing.T) {
	w := DefaultWeights
	gdp := keyword{alts: []string{"地区生产总值", "生产总值"}, said: []string{"地区生产总值"}, parts: []string{"地区", "生产总值"}, partWeights: []float64{1, 1}, known: true, weight: 1}
	online := keyword{alts: []string{"网上零售额"}, said: []string{"网上零售额"}, known: true, weight: 1}
	subsidy := keyword{alts: []string{"补贴"}, said: []string{"补贴"}, known: true, weight: 1}
	tests := []struct {
		text string
		kws  []keyword
		want float64
	}{
		{"单位地区生产总值二氧化碳排放完成国家下达目标", []keyword{gdp}, 0},
		{"；单位地区生产总值能耗下降3%（初步核算）", []keyword{gdp}, 0}, // not said again by the text without its insertion, nor by its words apart
		{"规上工业单位增加值能耗下降5.2%", []keyword{{alts: []string{"增加值"}, said: []string{"增加值"}, known: true, weight: 1}}, 0},
		{"地区生产总值增长5%，单位地区生产总值能耗下降3%", []keyword{gdp}, 1},
		{"限上单位网上零售额增长18.1%", []keyword{online}, 1}, // an organisation, not per unit
		{"给予每人2万元补贴", []keyword{subsidy}, 1},       // a sum
		{"单位地区生产总值能耗下降3%", []keyword{{alts: []string{"单位"}, said: []string{"单位"}, known: true, weight: 1}, gdp}, 1},
	}
	for _, tt := range tests {
		got, _, _ := coverage(tt.kws, passage{text: tt.text}, &w)
		if got /= float64(len(tt.kws)); got != tt.want {
			t.Errorf("coverage of %q = %.2f, want %.2f", tt.text, got, tt.want)
		}
	}
}
