package answers

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"planbot/index"
	"planbot/index/report"
)

// sentenceWith builds a sentence whose figures are the given substrings.
func sentenceWith(text string, figures ...string) *report.Sentence {
	s := &report.Sentence{Text: text, Part: report.PartReview}
	for _, f := range figures {
		i := strings.Index(text, f)
		s.Figures = append(s.Figures, report.Figure{Text: f, Start: i, End: i + len(f)})
	}
	return s
}

func TestTopicFigures(t *testing.T) {
	tests := []struct {
		name   string
		s      *report.Sentence
		topics []string
		want   []string
		wantOK bool
		more   int
	}{
		{"figure in the topic's clause",
			sentenceWith("工业增加值年均增长6.1%、规模升至全国第7位，累计完成建筑业产值9万亿元。", "6.1%", "第7位", "9万亿元"),
			[]string{"工业增加值"}, []string{"6.1%", "第7位"}, true, 0},
		{"figure in the next clause",
			sentenceWith("打好“保交房”攻坚战，交付31.7万套。", "31.7万套"),
			[]string{"保交房"}, []string{"31.7万套"}, true, 0},
		{"a cumulative figure",
			sentenceWith("进出口总额连续两年过万亿元，外商直接投资累计达到149.6亿美元、总规模居中西部第1位。", "149.6亿美元", "第1位"),
			[]string{"外商直接投资"}, []string{"149.6亿美元", "第1位"}, true, 0},
		{"no figure near the topic",
			sentenceWith("全市地区生产总值5.2万亿元，人均地区生产总值等多项指标保持最优水平。", "5.2万亿元"),
			[]string{"人均地区生产总值"}, nil, true, 0},
		{"topic not in the sentence",
			sentenceWith("新建4万亩。", "4万亩"),
			[]string{"高标准农田"}, nil, false, 0},
		{"one clause more",
			sentenceWith("签订项目38个，协议金额606.99亿元，35个项目落地。", "38个", "606.99亿元", "35个"),
			[]string{"项目"}, []string{"38个", "606.99亿元", "35个"}, true, 1},
		{"the thing a figure is counted per",
			sentenceWith("每万城镇常住人口拥有社区工作者达到19.2人。", "19.2人"),
			[]string{"常住人口"}, nil, true, 0},
		{"the thing counted per head",
			sentenceWith("每千人口托位数从0.5个增至4.8个。", "0.5个", "4.8个"),
			[]string{"托位"}, []string{"0.5个", "4.8个"}, true, 0},
		{"a clause with its own things (分别)",
			sentenceWith("提高城乡居民基础养老金等标准，孤儿津贴标准分别提高510元、440元。", "510元", "440元"),
			[]string{"基础养老金"}, nil, true, 0},
		{"no clause more",
			sentenceWith("签订项目38个，协议金额606.99亿元。", "38个", "606.99亿元"),
			[]string{"签订"}, []string{"38个"}, true, 0},
		{"the funds in the clause before",
			sentenceWith("安排资金0.15亿元，支持安全生产专项行动，聚焦危化品等高危行业。", "0.15亿元"),
			[]string{"安全生产"}, []string{"0.15亿元"}, true, 0},
		{"the funds several clauses before",
			sentenceWith("5.加快推动全面绿色转型，统筹安排资金12.1亿元，占总支出规模的1.8%，支持白洋淀生态保护。", "12.1亿元", "1.8%"),
			[]string{"白洋淀"}, []string{"12.1亿元"}, true, 0},
		{"an example of the thing counted (等)",
			sentenceWith("新增停车设施建设运营等服务场景30个以上。", "30个"),
			[]string{"停车设施"}, nil, true, 0},
		{"a grade is no list (等级)",
			sentenceWith("新增等级公路300公里。", "300公里"),
			[]string{"新增"}, []string{"300公里"}, true, 0},
		{"a sum of the topic and more",
			sentenceWith("全市一般公共预算收入加上转移性收入后总收入为233.77亿元。", "233.77亿元"),
			[]string{"一般公共预算收入"}, nil, true, 0},
		{"another thing's figure in the clause before",
			sentenceWith("新建5G基站1万个，推进算力基础设施建设。", "1万个"),
			[]string{"算力"}, nil, true, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var kws []keyword
			for _, w := range tt.topics {
				kws = append(kws, keyword{alts: []string{w}})
			}
			figs, ok := topicFigures(tt.s, tt.s.Text, kws, tt.more)
			var got []string
			for _, f := range figs {
				got = append(got, f.Text)
			}
			if ok != tt.wantOK || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("topicFigures = %v, %v; want %v, %v", got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestOnlySpans(t *testing.T) {
	tests := []struct {
		text, figure string
		want         bool
	}{
		{"工业增加值年均增长6.1%", "6.1%", true},
		{"外商直接投资累计达到149.6亿美元", "149.6亿美元", true},
		{"PM2.5年均浓度为26.3微克/立方米", "26.3微克/立方米", false},
		{"全年累计对接企业680余家", "680余家", false},
		{"粮食产量15.7万吨", "15.7万吨", false},
	}
	for _, tt := range tests {
		s := sentenceWith(tt.text, tt.figure)
		if got := onlySpans(s.Text, s.Figures); got != tt.want {
			t.Errorf("onlySpans(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestIsCode(t *testing.T) {
	for w, want := range map[string]bool{"pm10": true, "6g": true, "r&d": false, "地铁": false, "2025": false} {
		if got := isCode(w); got != want {
			t.Errorf("isCode(%q) = %v, want %v", w, got, want)
		}
	}
}

func TestOnlyListed(t *testing.T) {
	tests := []struct {
		text, topic string
		want        bool
	}{
		{"拓展医疗健康、养老托育、居住服务等领域消费增量。", "养老", true},
		{"配置教育学位、医疗床位、养老床位等资源。", "养老", true},
		{"以信步闲庭生态园、田禾采摘园等为首的休闲农业经营主体。", "休闲农业", false}, // the list is about it
		{"加强养老服务体系建设，推进居家、社区、机构养老服务协调发展。", "养老", false},
		{"推进养老服务。", "养老", false},
	}
	for _, tt := range tests {
		kws := []keyword{{alts: []string{tt.topic}}}
		if got := onlyListed(kws, tt.text); got != tt.want {
			t.Errorf("onlyListed(%q, %q) = %v, want %v", tt.text, tt.topic, got, tt.want)
		}
	}
}

func TestIsTopicSentence(t *testing.T) {
	ss := []report.Sentence{
		{ID: 0, Para: 1, Text: "积极稳妥推进碳达峰碳中和。"},              // opens its paragraph: a topic sentence
		{ID: 1, Para: 1, Text: "扎实开展“碳达峰十大行动”。"},             // second in its paragraph
		{ID: 2, Para: 2, Text: "全区地表水监测点位水质均达标，推进重点流域综合治理。"}, // too long
		{ID: 3, Para: 3, Text: "新增5600亩。", Figures: []report.Figure{{Text: "5600亩"}}},
	}
	l, err := index.LoadedOf(&report.Report{Sentences: ss})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []bool{true, false, false, false} {
		if got := isTopicSentence(&l.Sentences, i); got != want {
			t.Errorf("isTopicSentence(%q) = %v, want %v", ss[i].Text, got, want)
		}
	}
}

func TestOccurrences(t *testing.T) {
	tests := []struct {
		text, w string
		want    []int
	}{
		{"粮食粮食", "粮食", []int{0, 6}},
		{"aaa", "aa", []int{0}}, // no overlap
		{"粮食", "", nil},
		{"粮食", "农田", nil},
	}
	for _, tt := range tests {
		if got := occurrences(tt.text, tt.w); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("occurrences(%q, %q) = %v, want %v", tt.text, tt.w, got, tt.want)
		}
	}
}

func TestModifierFigures(t *testing.T) {
	// 规上 modifies the heavier 工业增加值 it is said before; 人均 modifies
	// 地区生产总值 though it weighs more: a total is no figure of
	// 人均地区生产总值.
	guishang := []keyword{
		{alts: []string{"工业增加值"}, said: []string{"工业增加值"}, known: true, weight: 5},
		{alts: []string{"规上", "规模以上"}, said: []string{"规上"}, known: true, weight: 4},
	}
	markModifiers(guishang, "去年规上工业增加值增长多少")
	perHead := []keyword{
		{alts: []string{"人均"}, said: []string{"人均"}, known: true, weight: 4.7},
		{alts: []string{"地区生产总值"}, said: []string{"地区生产总值"}, known: true, weight: 4},
	}
	markModifiers(perHead, "人均地区生产总值是多少")
	tests := []struct {
		name string
		kws  []keyword
		s    *report.Sentence
		want []string
	}{
		{"the modifier before another word names another thing", guishang,
			sentenceWith("高技术制造业增加值增长15.5%，规上服务业营收增长11.4%。", "15.5%", "11.4%"), nil},
		{"the modifier before its head", guishang,
			sentenceWith("规上工业产值增长9%，营收增长11.4%。", "9%", "11.4%"), []string{"9%"}},
		{"the head alone", guishang,
			sentenceWith("全省工业增加值增长7%。", "7%"), []string{"7%"}},
		{"the modifier before a figure, not another word", guishang,
			sentenceWith("规上18%，服务业营收增长11.4%。", "18%", "11.4%"), []string{"18%"}},
		{"the total, 人均 said of another thing", perHead,
			sentenceWith("全省地区生产总值5.3万亿元，居民人均可支配收入增长4.4%。", "5.3万亿元", "4.4%"), nil},
		{"the total alone", perHead,
			sentenceWith("全省地区生产总值5.3万亿元。", "5.3万亿元"), nil},
		{"per head", perHead,
			sentenceWith("人均地区生产总值达到9.2万元。", "9.2万元"), []string{"9.2万元"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			figs, _ := topicFigures(tt.s, tt.s.Text, tt.kws, 0)
			var got []string
			for _, f := range figs {
				got = append(got, f.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("topicFigures = %v, want %v", got, tt.want)
			}
		})
	}
	// a lighter word after a topic is no head of it: 企业 of 规上工业企业
	light := []keyword{
		{alts: []string{"规上工业"}, said: []string{"规上工业"}, known: true, weight: 4.6},
		{alts: []string{"企业"}, said: []string{"企业"}, known: true, weight: 2.1},
	}
	markModifiers(light, "全区规上工业企业有多少家")
	if len(light[0].heads) != 0 {
		t.Errorf("规上工业 modifies %v, want nothing", light[0].heads)
	}
}

func TestHasUnit(t *testing.T) {
	money := []string{"元", "万元", "亿元", "万", "亿"}
	tests := []struct {
		text, figure string
		units        []string
		want         bool
	}{
		{"育儿补贴惠及120余万婴幼儿。", "120余万", money, false}, // 万 counts children
		{"投资120亿元。", "120亿元", money, true},
		{"每人补助3600元。", "3600元", money, true},
		{"新增就业6600多万人。", "6600多万", []string{"人", "万人"}, true},
		{"产量15.7万吨。", "15.7万吨", []string{"吨", "万吨"}, true},
		{"3000多万皖北地区群众喝上引调水。", "3000多万", []string{"人", "万人"}, true},   // people, a few words on
		{"3000多万皖北地区，群众喝上引调水。", "3000多万", []string{"人", "万人"}, false}, // another clause
		{"3000多万元用于群众就医。", "3000多万元", []string{"人", "万人"}, false},
		{"旅居人数超550万。", "550万", []string{"人", "万人"}, true}, // the count named before
		{"旅居消费超550万。", "550万", []string{"人", "万人"}, false},
	}
	for _, tt := range tests {
		s := sentenceWith(tt.text, tt.figure)
		for i := range s.Figures {
			f := &s.Figures[i]
			f.Unit = strings.TrimLeft(f.Text, "0123456789.余多")
		}
		if got := hasUnit(s.Text, s.Figures, tt.units); got != tt.want {
			t.Errorf("hasUnit(%q, %v) = %v, want %v", tt.text, tt.units, got, tt.want)
		}
	}
}

func TestNamesAll(t *testing.T) {
	kws := []keyword{{alts: []string{"五网合一"}}, {alts: []string{"是啥"}, verb: true}}
	for _, tt := range []struct {
		heading string
		want    bool
	}{
		{"［20］五网合一", true},
		{"［21］多格合一", false},
		{"", false},
	} {
		if got := namesAll(tt.heading, kws); got != tt.want {
			t.Errorf("namesAll(%q) = %v, want %v", tt.heading, got, tt.want)
		}
	}
	if namesAll("五网合一", []keyword{{alts: []string{"是啥"}, verb: true}}) {
		t.Error("a heading names no topic when the question has none that says what")
	}
}

func TestHasAmount(t *testing.T) {
	tests := []struct {
		text string
		figs []report.Figure
		want bool
	}{
		{"地区生产总值14.58万亿元。", []report.Figure{{Text: "14.58万亿元", Unit: "万亿元"}}, true},
		{"地区生产总值增长3.9%、总量连续37年居全国首位。", []report.Figure{{Text: "3.9%", Unit: "%"}, {Text: "37年", Unit: "年"}}, false}, // how long, not how much
	}
	for _, tt := range tests {
		if got := hasAmount(&report.Sentence{Text: tt.text, Figures: tt.figs}); got != tt.want {
			t.Errorf("hasAmount(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestFigureInTopicClause(t *testing.T) {
	tests := []struct {
		text, topic, fig string
		want             bool
	}{
		{"全省算力规模突破190Eflops。", "算力", "190Eflops", true},
		{"加快推进算力基础设施项目建设，新建5G基站1万个。", "算力", "1万个", false}, // the next clause's figure
		{"打好“保交房”攻坚战，交付31.7万套。", "保交房", "31.7万套", false},
		{"高质量建设高标准农田，粮食播种面积稳定在1255万亩以上。", "高标准农田", "1255万亩", false}, // another thing's
	}
	for _, tt := range tests {
		s := sentenceWith(tt.text, tt.fig)
		kws := []keyword{{alts: []string{tt.topic}}}
		if got := figureInTopicClause(tt.text, s.Figures, kws); got != tt.want {
			t.Errorf("figureInTopicClause(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestAnchorsOf(t *testing.T) {
	tests := []struct {
		alt   string
		parts []string
		text  string
		want  []string
	}{
		{"地区生产总值", []string{"地区", "生产总值"}, "全省地区生产总值增长5.6%", []string{"地区生产总值"}},
		{"地区生产总值", []string{"地区", "生产总值"}, "全省生产总值增长5.6%", []string{"生产总值"}},
		{"规上工业增加值", []string{"规上", "工业", "增加值"}, "高技术制造业增加值增长15.5%", nil}, // 增加值 is less than half of it
	}
	for _, tt := range tests {
		k := keyword{alts: []string{tt.alt}, parts: tt.parts}
		if got := anchorsOf(k, tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("anchorsOf(%s, %q) = %q, want %q", tt.alt, tt.text, got, tt.want)
		}
	}
}
