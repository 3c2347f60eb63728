package answers

import (
	"slices"
	"strings"
	"testing"

	"planbot/index"
	"planbot/index/report"
)

func TestSaysYearsAsked(t *testing.T) {
	years := question{units: []string{"年"}}
	tests := []struct {
		q    question
		text string
		want bool
	}{
		{years, "开展好第二轮土地承包到期后再延长30年整县试点。", true},
		{years, "全面实施长江十年禁渔。", true},
		{years, "2025年粮食产量1.2万吨。", false}, // a year, not a number of years
		{years, "推进高标准农田建设。", false},
		{question{units: []string{"亩"}}, "再延长30年。", false}, // years not asked
	}
	for _, tt := range tests {
		if got := saysYearsAsked(tt.q, tt.text); got != tt.want {
			t.Errorf("saysYearsAsked(%v, %q) = %v, want %v", tt.q.units, tt.text, got, tt.want)
		}
	}
}

func TestReachedLevel(t *testing.T) {
	tests := []struct {
		before string
		want   bool
	}{
		{"居民人均可支配收入从27136元增长到", true},
		{"社会消费品零售总额增至", true},
		{"居民人均可支配收入从", false}, // where it started
		{"累计完成投资", false},
	}
	for _, tt := range tests {
		if got := reachedLevel(tt.before); got != tt.want {
			t.Errorf("reachedLevel(%q) = %v, want %v", tt.before, got, tt.want)
		}
	}
}

func TestAsksOneYearFigure(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"去年粮食产量多少", true},
		{"去年治理大气污染采取了哪些措施", false}, // what was done, not a figure
		{"过去五年粮食产量一共多少", false},
	}
	for _, tt := range tests {
		if got := asksOneYearFigure(understand(tt.q, normalise(tt.q, nil), nil)); got != tt.want {
			t.Errorf("asksOneYearFigure(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestOnlyRates(t *testing.T) {
	tests := []struct {
		units []string
		want  bool
	}{
		{[]string{"%"}, true},
		{[]string{"%", "个百分点"}, true},
		{[]string{"%", "元"}, false},
		{[]string{"万亿元"}, false},
		{[]string{"∶"}, true}, // 三次产业结构调整为8.3∶41.4∶50.3: shares
	}
	for _, tt := range tests {
		var figs []report.Figure
		for _, u := range tt.units {
			figs = append(figs, report.Figure{Unit: u})
		}
		if got := onlyRates(figs); got != tt.want {
			t.Errorf("onlyRates(%v) = %v, want %v", tt.units, got, tt.want)
		}
	}
}

func TestFigureOfYears(t *testing.T) {
	row := &report.Sentence{Text: "教育支出：调整预算数1771871，执行数1738168", Part: report.PartTable,
		Section: []string{"附表十一", "2025年市本级一般公共支出预算执行情况"}, Figures: []report.Figure{{Text: "1771871", Year: 2026}}}
	prose := &report.Sentence{Text: "教育支出增长5%", Part: report.PartPlan,
		Section: []string{"二、2025年预算执行情况"}, Figures: []report.Figure{{Text: "5%", Year: 2026}}}
	tests := []struct {
		s     *report.Sentence
		years []int
		want  bool
	}{
		{row, []int{2025}, true}, // the table's heading names the year
		{row, []int{2024}, false},
		{prose, []int{2025}, false}, // prose: its figures tell
	}
	for _, tt := range tests {
		if got := figureOfYears(tt.s, tt.years); got != tt.want {
			t.Errorf("figureOfYears(%q, %v) = %v, want %v", tt.s.Text, tt.years, got, tt.want)
		}
	}
}

func TestStandout(t *testing.T) {
	e, lib := engineOnSeed(t)
	lib.View(func(s *index.Snapshot) error {
		rc := e.cache(newest(t, s))
		ss := &rc.r.Sentences
		id := -1
		for i := range ss.Len() {
			if strings.Contains(ss.Text(i), "盐碱地") {
				id = i
				break
			}
		}
		if id < 0 {
			t.Fatal("no sentence of the seed says 盐碱地")
		}
		sent, other := ss.At(id), ss.At((id+1)%ss.Len())
		coverageGate := &gates[slices.IndexFunc(gates, func(g gate) bool { return g.name == "coverage" })]
		q := understand("家里地碱大种不出庄稼，政府管不管", normalise("家里地碱大种不出庄稼，政府管不管", nil), nil)
		heavy := keyword{alts: []string{"盐碱地"}, weight: 5}
		light := keyword{alts: []string{"庄稼"}, weight: 3}
		tests := []struct {
			name          string
			kws           []keyword
			cov, s0, s1   float64
			secondPassing bool
			want          bool
		}{
			{"stands out", []keyword{light, heavy}, 0.5, 1.0, 0.6, false, true},
			{"too close to the next", []keyword{light, heavy}, 0.5, 1.0, 0.8, false, false},
			{"says too little", []keyword{light, heavy}, 0.3, 1.0, 0.6, false, false}, // below StandoutCoverage (0.35)
			{"the weightiest topic not said", []keyword{{alts: []string{"庄稼"}, weight: 6}, heavy}, 0.5, 1.0, 0.6, false, false},
			{"another answers", []keyword{light, heavy}, 0.5, 1.0, 0.6, true, false},
		}
		one := []candidate{{s: &sent, f: features{Coverage: 0.5}, score: 1, rejected: coverageGate}}
		if !standout(&judge{q: q, kws: []keyword{light, heavy}, rc: rc, w: &e.w}, one) || one[0].rejected != nil {
			t.Errorf("the only candidate: want it to stand out")
		}
		for _, tt := range tests {
			j := &judge{q: q, kws: tt.kws, rc: rc, w: &e.w}
			a, b := sent, other
			ranked := []candidate{
				{s: &a, f: features{Coverage: tt.cov}, score: tt.s0, rejected: coverageGate},
				{s: &b, f: features{Coverage: 0.2}, score: tt.s1, rejected: coverageGate},
			}
			if tt.secondPassing {
				ranked[1].rejected = nil
			}
			if got := standout(j, ranked); got != tt.want || (ranked[0].rejected == nil) != tt.want || ranked[0].standout != tt.want {
				t.Errorf("%s: standout = %v (rejected %v), want %v", tt.name, got, ranked[0].rejected, tt.want)
			}
		}
		return nil
	})
}

func TestHeaviestAsked(t *testing.T) {
	k := func(said string, weight float64, vocab bool) keyword {
		return keyword{alts: []string{said}, said: []string{said}, weight: weight, vocab: vocab}
	}
	tests := []struct {
		text string
		kws  []keyword
		want []int
	}{
		{"在昆明打工，最低工资今年能涨到多少", []keyword{k("最低工资", 4, true), k("打工", 5, true)}, []int{0}},              // the clause that asks names it
		{"下岗了想摆个地摊，政府让摆不让摆", []keyword{k("下岗", 2, true), k("地摊", 5, false)}, []int{1}},                // it names none
		{"最低工资和打工收入多少", []keyword{k("最低工资", 4, true), k("打工", 5, true)}, []int{1}},                    // one clause
		{"老楼今年装电梯多少部", []keyword{k("老楼", 5, true), k("电梯", 5, true), k("今年", 1, false)}, []int{0, 1}}, // a tie: both
		{"多少", nil, nil}, // no topic
	}
	for _, tt := range tests {
		j := &judge{q: question{text: tt.text}, kws: tt.kws}
		if got := heaviestAsked(j); !slices.Equal(got, tt.want) {
			t.Errorf("heaviestAsked(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestSaysNoCost(t *testing.T) {
	tests := []struct {
		q, text string
		want    bool
	}{
		{"老婆下个月就要生了，在医院生娃自己要掏多少钱啊", "实行定点医院分娩医保政策范围内费用个人“零自付”；", true},
		{"去医院生孩子自己还要掏钱吗，能报多少？", "实施新生儿医保免缴政策。", true},
		{"今年村里能看上几场戏", "十四是免费送戏下乡1万场。", false}, // a count, not a cost
		{"在医院生娃自己要掏多少钱", "提高生育津贴标准。", false},
		{"育儿补贴每个孩子发多少钱？", "学前一年免费教育惠及43万儿童。", false}, // what is given, not what is paid
		{"交通补贴多少", "免费乘坐公交。", false},
		{"今年交付多少套保障房", "免费提供。", false},
		{"今年申报多少项", "免费申报。", false},
	}
	for _, tt := range tests {
		q := understand(tt.q, normalise(tt.q, nil), nil)
		if got := saysNoCost(q, tt.text); got != tt.want {
			t.Errorf("saysNoCost(%q, %q) = %v, want %v", tt.q, tt.text, got, tt.want)
		}
	}
}

func TestAsksAmount(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"去年地区生产总值总量有多少", true},  // names an amount
		{"今年要投资多少亿元", true},      // asks for a unit of money
		{"去年规上工业增加值多少", false},   // a bare 多少 may ask for a rate
		{"去年规上工业增加值增长多少", false}, // a rate asked
		{"高标准农田怎么建", false},
	}
	for _, tt := range tests {
		if got := asksAmount(understand(tt.q, tt.q, nil)); got != tt.want {
			t.Errorf("asksAmount(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestAsksFiveYearTarget(t *testing.T) {
	five := func(q question) question {
		q.figure, q.span, q.intent = true, report.SpanFive, wantTarget
		return q
	}
	tests := []struct {
		name string
		q    question
		want bool
	}{
		{"a five-year target, no year", five(question{}), true},
		{"a five-year target by a later year", five(question{years: []int{2030}}), true},
		{"a five-year span said of this year (今年累计)", five(question{rel: "this"}), false},
		{"a five-year span said of the plan year (2026年累计)", five(question{years: []int{2026}}), false},
		{"a result of five years", question{figure: true, span: report.SpanFive, intent: wantResult}, false},
	}
	for _, tt := range tests {
		if got := asksFiveYearTarget(tt.q, 2026); got != tt.want {
			t.Errorf("asksFiveYearTarget(%s) = %v, want %v", tt.name, got, tt.want)
		}
	}
	if asksFiveYearTarget(five(question{}), 0) {
		t.Error("a report of no known year: no plan year to tell apart")
	}
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"“十五五”时期市（州）中心城市新增人口100万、县城新增人口100万。", true},
		{"到2030年人均地区生产总值达到10万元以上。", true},
		{"研发投入强度提升至1.8%。", false},
		{"到2026年底建成5G基站1万个。", false}, // the plan year itself
	} {
		if got := namesLaterPeriod(tt.text, 2026); got != tt.want {
			t.Errorf("namesLaterPeriod(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
	if !onlyOfYear([]report.Figure{{Year: 2026}}, 2026) || onlyOfYear([]report.Figure{{Year: 2026}, {Year: 2030}}, 2026) || onlyOfYear(nil, 2026) {
		t.Error("onlyOfYear: some figures, all of the year")
	}
}

func TestLevelsYearsApart(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"全省生产总值从2020年的3.68万亿元增长到2025年的4.93万亿元", true},
		{"全省生产总值从2024年的4.6万亿元增长到2025年的4.93万亿元", false}, // one year's growth
		{"全省生产总值达到4.93万亿元", false},
	}
	for _, tt := range tests {
		var figs []report.Figure
		for _, f := range []string{"3.68万亿元", "4.6万亿元", "4.93万亿元"} {
			if i := strings.Index(tt.text, f); i >= 0 {
				figs = append(figs, report.Figure{Text: f, Start: i, End: i + len(f)})
			}
		}
		if got := levelsYearsApart(tt.text, figs); got != tt.want {
			t.Errorf("levelsYearsApart(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestOnlySayer: the one sentence of the report that says the topic the
// asking clause names answers without the standout margin.
func TestOnlySayer(t *testing.T) {
	e, lib := engineOnSeed(t)
	lib.View(func(s *index.Snapshot) error {
		rc := e.cache(newest(t, s))
		ids, n := rc.sentencesWith("萌宝驿站")
		if n != 1 {
			t.Fatalf("the seed says 萌宝驿站 in %d sentences, want 1", n)
		}
		asked := keyword{alts: []string{"萌宝驿站"}, said: []string{"萌宝驿站"}, known: true, weight: 5}
		scene := keyword{alts: []string{"上班"}, said: []string{"上班"}, known: true, weight: 5}
		tests := []struct {
			question string
			kws      []keyword
			id       int
			want     bool
		}{
			{"两口子都上班没人带娃，萌宝驿站今年还办吗", []keyword{scene, asked}, ids[0], true},
			{"两口子都上班没人带娃，萌宝驿站今年还办吗", []keyword{scene, asked}, ids[0] + 1, false}, // another sentence
			{"萌宝驿站今年还办吗", []keyword{asked}, ids[0], false},                       // one clause: the margin holds
			{"萌宝驿站办得好，今年还有吗", []keyword{scene, asked}, ids[0], false},            // named only in the scene
		}
		for _, tt := range tests {
			j := &judge{q: understand(tt.question, tt.question, nil), kws: tt.kws, rc: rc, w: &e.w}
			if got := onlySayer(j, heaviestAsked(j), tt.id); got != tt.want {
				t.Errorf("onlySayer(%q, sentence %d) = %v, want %v", tt.question, tt.id, got, tt.want)
			}
		}
		return nil
	})
}

func TestRankSaid(t *testing.T) {
	for text, want := range map[string]bool{
		"金额居全国第3位": true,
		"稳居首位":     true,
		"两证齐全医养结合养老机构增至1125家、全国最多": true,
		"增至1125家":     false,
		"最多跑一次":       false, // most, of nothing ranked
		"经济总量稳居全国前十强": true,
		"前三季度增长5%":    false,
	} {
		if got := reRank.MatchString(text); got != want {
			t.Errorf("reRank in %q = %v, want %v", text, got, want)
		}
	}
}

func TestEachGate(t *testing.T) {
	each := gates[slices.IndexFunc(gates, func(g gate) bool { return g.name == "each" })]
	tests := []struct {
		question, sentence, unit string
		rejects                  bool
	}{
		{"育儿补贴每个娃一个月到底能领多少钱", "发放育儿补贴49亿元。", "亿元", true},
		{"how much is the childcare subsidy per child per year", "育儿补贴惠及60万人。", "万人", true},
		{"育儿补贴每个娃一个月到底能领多少钱", "发放育儿补贴49亿元，新建高标准农田500万亩。", "亿元", true}, // 高标准 sets no amount
		{"城乡居民基础养老金每人每月涨多少钱", "城乡居民基础养老金每人每月提高20元。", "元", false},
		{"城乡居民基础养老金每人能领多少钱", "城乡居民基础养老金最低标准提高到200元。", "元", false},
		{"育儿补贴一共发了多少钱", "发放育儿补贴49亿元。", "亿元", false},   // a total asked
		{"每年开行多少列中欧班列", "中欧班列开行4800列以上。", "列", false}, // no money asked
		{"每个月单元房租多少", "建设保障性租赁住房2万套。", "万套", false},   // 单元 asks no money
	}
	for _, tt := range tests {
		j := &judge{q: question{text: tt.question, figure: true, each: asksEach(tt.question)}}
		s := report.Sentence{Text: tt.sentence, Figures: []report.Figure{{Unit: tt.unit}}}
		if got := each.rejects(j, &candidate{s: &s}); got != tt.rejects {
			t.Errorf("%q / %q: each gate rejects = %v, want %v", tt.question, tt.sentence, got, tt.rejects)
		}
	}
}

func TestCoverageRate(t *testing.T) {
	rate := []report.Figure{{Text: "95%", Unit: "%"}}
	tests := []struct {
		question, sentence string
		want               bool
	}{
		{"家庭医生签约今年能覆盖多少人", "重点人群家庭医生签约服务覆盖率达到95%。", true},
		{"家庭医生签约今年有多少人", "重点人群家庭医生签约服务覆盖率达到95%。", false}, // a count asked
		{"农村自来水能覆盖多少人", "农村自来水普及率达到95%。", false},         // no coverage said
	}
	for _, tt := range tests {
		if got := coverageRate(question{text: tt.question}, tt.sentence, rate); got != tt.want {
			t.Errorf("coverageRate(%q, %q) = %v, want %v", tt.question, tt.sentence, got, tt.want)
		}
	}
}
