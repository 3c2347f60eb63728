package answers

import (
	"planbot/index"
	"planbot/index/report"
	"planbot/index/segment"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalise(t *testing.T) {
	tests := []struct{ in, want string }{
		{"@jiuyuan_bot 请问一下高标准农田目标是多少？谢谢🙏", "高标准农田目标是多少?"},
		{"我明年毕业有点慌😂 今年新增多少城镇就业", "我明年毕业有点慌， 今年新增多少城镇就业"}, // an emoji parts clauses
		{"毕业了😂😂👨‍👩‍👧 今年新增多少就业✅", "毕业了， 今年新增多少就业"},        // once, however many
		{"/ask@planbot 粮食产量", "粮食产量"},
		{"ＧＤＰ２０２５年目标", "gdp2025年目标"},
		{"高標準農田目標是多少", "高标准农田目标是多少"},
		{"今年要新增两千亩农田吗", "今年要新增2000亩农田吗"},
		{"失业率控制在百分之三点九以内吗", "失业率控制在3.9%以内吗"},
		{"我妈一个人住，两个老人在家", "我妈一个人住,2个老人在家"}, // 一个 alone is the article
		{"十四五规划", "十四五规划"},
		{"粮食产量是多少呢", "粮食产量是多少"},
		{"今年新增多少就业岗位啊 俺在外地打工想回来", "今年新增多少就业岗位，俺在外地打工想回来"}, // a particle and a space end a clause
		{"种地的问一下 今年高标准农田建多少亩", "种地的， 今年高标准农田建多少亩"},        // who asks, before 问一下
		{"今年我想知道学费咋样", "今年 学费咋样"},                         // who asks is not told
		{"高速公路今年我想问一下修了多少", "高速公路今年我 修了多少"},               // the topic comes first
		{"好的啊 谢谢", "好的"},
		{"有没有那种帮忙耕田收割的农机服务", "有没有那种 耕田收割的农机服务"}, // 帮忙 opens nothing asked
		{"经济到底增长了多少", "经济增长了多少"},
		{"@四川政务小助手 请问去年PM2.5降到多少了", "去年pm2.5降到多少了"},
		{"@小九：粮食产量", "粮食产量"},
		{"邮箱a@b.cn粮食产量", "邮箱a@b.cn粮食产量"},
		{"What is Beijing’s GDP", "what is beijing gdp"},
		{"How many AEDs will be installed?", "how many aed will be installed?"},
		{"How many SMEs and NEVs", "how many sme and nev"},
		{"Which SOEs moved to Xiong'an, and what's next?", "which soe moved to xiongan, and what next?"}, // pinyin's apostrophe, not a contraction's
	}
	for _, tt := range tests {
		if got := normalise(tt.in, nil); got != tt.want {
			t.Errorf("normalise(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestUnderstand(t *testing.T) {
	tests := []struct {
		q      string
		intent Intent
		figure bool
		units  []string
		years  []int
		rel    string
	}{
		{"高标准农田目标是多少", wantTarget, true, nil, nil, ""},
		{"去年粮食产量多少", wantResult, true, nil, nil, "last"},
		{"去年退休金涨了多少，感觉没涨几个钱", wantResult, true, nil, nil, "last"}, // 没涨几个 asks no count
		{"2024年完成了多少亩", wantResult, true, []string{"亩", "万亩"}, []int{2024}, ""},
		{"今年有几家企业要上规", wantTarget, true, []string{"家", "户", "个"}, nil, "this"},
		{"怎么巩固农牧业基础", anyPeriod, false, nil, nil, ""},
		{"赤字比上年增加多少", anyPeriod, true, nil, nil, ""}, // compared with last year, not about it
		{"去年社零完成得怎么样，比计划差多少", wantResult, true, nil, nil, "last"},
		{"新能源汽车销量目标", wantTarget, true, nil, nil, ""}, // a quantity asks for a figure
		{"空气质量目标", wantTarget, false, nil, nil, ""},   // quality is not a quantity
		{"今年GDP要达到多少万亿", wantTarget, true, []string{"万亿元", "万亿", "万亿美元"}, nil, "this"},
		{"今年收入比去年增长多少", wantTarget, true, []string{"%"}, nil, "this"},
		{"今年一般公共预算支出比去年多了多少", wantTarget, true, nil, nil, "this"},
		{"What does two new (两新) mean?", anyPeriod, false, nil, nil, ""}, // a definition asks for words
		{"去年固投增速比全国高吗", wantResult, false, []string{"%"}, nil, "last"},   // yes or no: words answer too
		{"常住人口有多少", anyPeriod, true, []string{"人", "万人", "亿人", "万", "亿"}, nil, ""},
		{"住在城里的人占总人口多少了", wantResult, true, nil, nil, ""},  // a share: no unit of people
		{"运动会今年办第几届了", wantTarget, true, nil, nil, "this"}, // this year's 了 says what it comes to
		{"今年已经完成了多少", wantResult, true, nil, nil, "this"},
		{"养老金涨了吗", anyPeriod, false, nil, nil, ""},               // yes or no: of the year done or the one planned
		{"我家娃明年上幼儿园，这几年学位加了多少", wantResult, true, nil, nil, ""},  // 明年 is the asker's; the clause that asks looks back
		{"今年进博会是第几届，要做哪些工作", wantTarget, true, nil, nil, "this"}, // both clauses ask: 今年 holds
		{"今年要吸引多少年轻人才", wantTarget, true, nil, nil, "this"},      // 年轻, not a number of years
		{"每月领的养老钱能涨点不？", wantTarget, false, nil, nil, ""},        // whether it will be: the plan
		{"路太窄了，能不能修宽点", wantTarget, false, nil, nil, ""},
		{"长江里现在还能打鱼吗", anyPeriod, false, nil, nil, ""}, // what is so now
		{"新能源车补贴还有不", anyPeriod, false, nil, nil, ""},
		{"新皇岗口岸几时能用", anyPeriod, false, nil, nil, ""},                      // 几时 asks when, not how many
		{"社会保险交不", anyPeriod, false, nil, nil, ""},                         // 社会, not 会
		{"钢铁产能过剩不", anyPeriod, false, nil, nil, ""},                        // 产能, not 能
		{"就业机会不会减少吧", anyPeriod, false, nil, nil, ""},                      // 机会不会 is no 会不会
		{"房贷还款利率能降点不", wantTarget, false, []string{"%"}, nil, ""},          // 还款 is no 还                    // 能源 is no 能
		{"俺们村种地一年到头挣不了几个钱，今年农民收入能涨多少", wantTarget, true, nil, nil, "this"}, // 挣不了几个钱 asks no count of 个
		{"我爸瘫在床上好几年了，有没有护理方面的保险能报", anyPeriod, false, nil, nil, ""},        // 好几年 asks no number of years; the 了 is of the scene
		{"家里冰箱用了十几年了，想换台新的，今年还有补贴吗", wantTarget, false, nil, nil, "this"},  // 十几年 counts roughly, it asks no number of years
		{"在工地干了一年老板不给工钱，政府管不管", anyPeriod, false, nil, nil, ""},            // 干了 of the scene says nothing of what is asked
		{"下岗了想晚上摆个地摊卖小吃，政府允许吗", anyPeriod, false, nil, nil, ""},            // 下岗了 tells what happened to the asker
		{"这几个产业规模有多大", anyPeriod, true, nil, nil, ""},                      // 这几个 points at the industries; 多大 asks the figure
		{"高速公路修通了没有", anyPeriod, false, nil, nil, ""},
		{"去年养老金涨了吗", wantResult, false, nil, nil, "last"},
		{"目标完成了吗", wantResult, false, nil, nil, ""},                                                                                  // 完成了 says done
		{"有几项指标没达到预期", wantResult, true, []string{"项", "个", "件"}, nil, ""},                                                           // 预期 is what was not reached
		{"how long is the high-speed rail network now?", anyPeriod, true, []string{"公里", "千米", "万公里", "米", "年", "个月", "天"}, nil, ""}, // a length, or a time
		{"去年粮食产量多少亿斤", wantResult, true, []string{"斤", "万斤", "亿斤", "公斤", "万吨", "吨"}, nil, "last"},
		{"十四五年均增长几个点", anyPeriod, true, []string{"%"}, nil, ""},                                            // points of a rate, not a count
		{"过去五年全省生产总值从多少增长到多少", anyPeriod, true, nil, nil, ""},                                              // two amounts, not a rate
		{"人均预期寿命提高了多少岁", wantResult, true, []string{"岁"}, nil, ""},                                         // 预期 of 预期寿命 plans nothing
		{"how much did life expectancy increase over the past five years", wantResult, true, nil, nil, ""}, // did: done
		{"what are hebei plans for huanghua port this year?", wantTarget, false, nil, nil, "this"},         // plans, not a figure
		{"去年给企业减了多少税", wantResult, true, []string{"元", "万元", "亿元", "万亿元", "万", "亿"}, nil, "last"},          // taxes are money
	}
	for _, tt := range tests {
		q := understand(tt.q, tt.q, nil)
		if q.intent != tt.intent || q.figure != tt.figure || !reflect.DeepEqual(q.units, tt.units) || !reflect.DeepEqual(q.years, tt.years) || q.rel != tt.rel {
			t.Errorf("understand(%q) = intent %v figure %v units %v years %v rel %q; want %v %v %v %v %q",
				tt.q, q.intent, q.figure, q.units, q.years, q.rel, tt.intent, tt.figure, tt.units, tt.years, tt.rel)
		}
	}
}

func TestUnderstandAsks(t *testing.T) {
	tests := []struct {
		q                  string
		when, ordinal, how bool
	}{
		{"By when does Anhui plan to peak its carbon emissions?", true, false, false},
		{"When will the metro line open?", true, false, false},
		{"延迟退休什么时候开始实施", true, false, true}, // 什么 also asks what
		{"东二跑道啥时候能用上", true, false, true},   // 啥 also asks what
		{"What is the GDP target?", false, false, false},
		{"今年要新增多少就业", false, false, false},
		{"Where does Jiangxi rank nationally in forest coverage?", false, true, false},
		{"森林覆盖率全国排第几", false, true, false},
		{"How does Hainan plan to resolve commercial disputes?", false, false, true},
		{"How many new jobs will be created?", false, false, false},
		{"What is Hubei doing about local government debt risk?", false, false, true}, // doing asks what is done, not a figure
		{"今年有哪几项措施稳外贸", false, false, true},                                           // 哪几项 points at measures: no count
	}
	for _, tt := range tests {
		q := understand(tt.q, normalise(tt.q, nil), nil)
		if q.when != tt.when || q.when && q.figure || q.ordinal != tt.ordinal || q.how != tt.how {
			t.Errorf("understand(%q): when %v (figure %v), rank %v, how %v; want when %v and no figure, rank %v, how %v",
				tt.q, q.when, q.figure, q.ordinal, q.how, tt.when, tt.ordinal, tt.how)
		}
	}
}

func TestYearsNamed(t *testing.T) {
	tests := []struct {
		q    string
		want []int
	}{
		{"2024年完成了多少亩", []int{2024}},
		{"what was the GDP in 2025?", []int{2025}},
		{"25年规上工业增加值增速", []int{2025}},
		{"粮食年产量是不是破2000万吨了", nil}, // a quantity
		{"粮食稳定在1955.6万吨以上吗", nil},
		{"改革开放25年来变化多大", nil}, // a span of years
		{"近25年的GDP", nil},
		{"2020到2025年翻了几番", []int{2020, 2025}},
	}
	for _, tt := range tests {
		if got := yearsNamed(tt.q); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("yearsNamed(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestUnderstandSpan(t *testing.T) {
	tests := []struct {
		q    string
		span report.Span
		rel  string
	}{
		{"十四五期间经济年均增长多少", report.SpanFive, ""},
		{"How many new urban jobs were created over the past five years?", report.SpanFive, ""},
		{"How many old communities were renovated in the last five years?", report.SpanFive, ""},
		{"How much grain was produced in the past year?", report.SpanYear, "last"},
		// a five-year plan's years, asked by its last year
		{"What was the average annual GDP growth during the 14th Five-Year Plan (2021-2025)?", report.SpanFive, ""},
		{"2021—2025年粮食产量累计多少", report.SpanFive, ""},
		{"2021至2025年GDP年均增速", report.SpanFive, ""},
		{"GDP growth 2021-25", report.SpanFive, ""},
		{"2020到2024年GDP", "", ""}, // no plan's years
	}
	for _, tt := range tests {
		q := understand(tt.q, normalise(tt.q, nil), nil)
		if q.span == report.SpanFive && slices.Contains(q.years, 2021) {
			t.Errorf("understand(%q) asks 2021: a five-year plan's years are asked by the last", tt.q)
		}
		if q.span != tt.span || q.rel != tt.rel {
			t.Errorf("understand(%q) = span %q rel %q, want %q %q", tt.q, q.span, q.rel, tt.span, tt.rel)
		}
	}
}

func TestVocabularyExpand(t *testing.T) {
	v, err := LoadVocabulary("")
	if err != nil {
		t.Fatal(err)
	}
	_, lib := engineOnSeed(t)
	var seg *segment.Segmenter
	lib.View(func(s *index.Snapshot) error {
		seg = newest(t, s).Seg
		return nil
	})
	tests := []struct {
		in, text string
		first    []string // first alternative of each group
	}{
		{"社零增长多少", "社零增长多少", []string{"社会消费品零售总额"}},
		{"gdp growth target", "地区生产总值增长 目标", []string{"地区生产总值增长"}}, // the longer alias wins
		{"gdp target", "地区生产总值 目标", []string{"地区生产总值"}},
		{"r&d强度目标", "研发强度目标", []string{"研发", "研发投入强度"}}, // the Chinese alias the replacement completes
		{"规上工业增加值", "规上工业增加值", []string{"规模以上工业增加值", "规模以上"}},
		{"budgetary", "budgetary", nil},
		{"经济年均增长多少", "经济年均增长多少", []string{"地区生产总值"}}, // 经济增长, 年均 inside
		{"年均增长多少", "年均增长多少", nil},
		{"今年新增多少就业", "今年新增多少就业", []string{"新增城镇就业"}},       // 新增就业, 多少 inside
		{"inbound tourism", "入境旅游", []string{"入境旅游"}},      // 旅游 inside the replacement is no topic of its own
		{"grain output", "粮食产量", []string{"粮食产量", "粮食产量"}}, // but 粮食 (粮食产量 粮食播种面积 粮食) shares a term: it adds alternatives
	}
	for _, tt := range tests {
		text, groups := v.expandLatin(tt.in)
		groups = append(groups, v.expandChinese(text, seg, groups)...)
		var first []string
		for _, g := range groups {
			first = append(first, g[0])
		}
		if text != tt.text || !reflect.DeepEqual(first, tt.first) {
			t.Errorf("expand(%q) = %q %v, want %q %v", tt.in, text, first, tt.text, tt.first)
		}
	}
}

func TestPlacesIn(t *testing.T) {
	tests := []struct {
		q    string
		want []string
	}{
		{"昆都仑区的GDP", []string{"昆都仑区"}},
		{"全区粮食产量", nil},
		{"咱们区去年经济总量", nil},
		{"北京的失业率", []string{"北京"}},
		{"农村牧区居民收入", nil},
		{"四川去年省重点项目完成投资多少", []string{"四川"}},
		{"去年市里财政进账多少钱", nil},       // 去年市 is no place
		{"办丧事太花钱，政府帮老百姓省了多少", nil}, // 省了: saved, no province
		{"内蒙古自治区的粮食产量", []string{"内蒙古自治区"}},
		{"高标准农田建设以后还要县里配套资金吗", nil}, // 县里: the county one lives in
		{"包头市里新建几所学校", []string{"包头"}},
		{"石家庄到衡水沧州那条城际铁路今年能通不", nil}, // 石家庄到衡水沧州 is a route, not one place
	}
	for _, tt := range tests {
		if got := placesIn(tt.q); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("placesIn(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestOrdinalQuestions(t *testing.T) {
	tests := []struct {
		q       string
		ordinal bool
		intent  Intent
	}{
		{"今年要搞全国文物普查吗，第几次了", true, wantTarget}, // 要 outweighs a bare 了
		{"北京AI大模型备案数全国排第几", true, anyPeriod},
		{"去年粮食产量多少", false, wantResult},
	}
	for _, tt := range tests {
		q := understand(tt.q, tt.q, nil)
		if q.ordinal != tt.ordinal || q.intent != tt.intent || q.ordinal && q.units != nil {
			t.Errorf("understand(%q): ordinal %v intent %v units %v; want %v %v nil", tt.q, q.ordinal, q.intent, q.units, tt.ordinal, tt.intent)
		}
	}
}

func TestVersusPlan(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"去年社零完成得怎么样，比计划差多少", true},
		{"粮食产量完成目标了吗", true},
		{"固定资产投资计划完成情况", true},
		{"去年粮食产量多少", false},
		{"今年计划新增多少亩", false},
	}
	for _, tt := range tests {
		if got := understand(tt.q, tt.q, nil).versusPlan; got != tt.want {
			t.Errorf("understand(%q).versusPlan = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func TestUnitsAndDefinitions(t *testing.T) {
	tests := []struct {
		q      string
		units  []string
		define bool
	}{
		{"今年老楼要装多少部电梯", []string{"部", "台"}, false},
		{"四川现在铁路一共修了多长", []string{"公里", "千米", "米", "万公里"}, false},
		{"平均能活到多少岁", []string{"岁"}, false},
		{"去年公办幼儿园托班多了多少名额", nil, false}, // 名额: places, not people
		{"两新指的是哪两新", nil, true},
		{"北京连续几年自然指数全球第一", []string{"年"}, false},
		{"这几年粮食产量多少", nil, false},
		{"放管服是什么意思", nil, true},
		{"死亡人数下降了多少", nil, false}, // a change, said as a rate as often as a count
		{"今年死亡人数是多少", []string{"人", "万人", "名", "人次", "万人次"}, false},
	}
	for _, tt := range tests {
		q := understand(tt.q, tt.q, nil)
		if !reflect.DeepEqual(q.units, tt.units) || q.define != tt.define {
			t.Errorf("understand(%q): units %v define %v; want %v %v", tt.q, q.units, q.define, tt.units, tt.define)
		}
	}
}

func TestEnglishYesNo(t *testing.T) {
	for q, figure := range map[string]bool{
		"will china scrap foreign investment restrictions in manufacturing?": false,
		"rural per capita disposable income 2024":                            true,
		"how many new urban jobs in 2024":                                    true,
	} {
		if got := understand(q, q, nil).figure; got != figure {
			t.Errorf("understand(%q).figure = %v, want %v", q, got, figure)
		}
	}
}

func TestEnglishUnits(t *testing.T) {
	tests := []struct {
		q     string
		units []string
	}{
		{"how many kilometers of greenways will shanghai build", []string{"公里", "千米", "万公里"}},
		{"grain output in tonnes", []string{"吨", "万吨", "亿吨"}},
		{"how many skilled workers", nil},
	}
	for _, tt := range tests {
		if got := understand(tt.q, tt.q, nil).units; !reflect.DeepEqual(got, tt.units) {
			t.Errorf("understand(%q).units = %v, want %v", tt.q, got, tt.units)
		}
	}
}

func TestNormaliseLong(t *testing.T) {
	q := strings.Repeat("高标准农田目标是多少", 100)
	if got := utf8.RuneCountInString(normalise(q, nil)); got > maxQuestion {
		t.Errorf("normalise of %d characters kept %d, want at most %d", utf8.RuneCountInString(q), got, maxQuestion)
	}
}

func TestANotA(t *testing.T) {
	tests := []struct {
		c    string
		want bool
	}{
		{"政府管不管", true},
		{"政府让摆不让摆", true},
		{"单位允许不允许", true},
		{"路修没修", true},
		{"我们不会不管", false},
		{"老板动不动就扣工资", false}, // an idiom
		{"时不时停电", false},
		{"不不不", false},
		{"不让摆摊", false},
		{"老板一直拖着不给钱", false},
	}
	for _, tt := range tests {
		if got := aNotA(tt.c); got != tt.want {
			t.Errorf("aNotA(%q) = %v, want %v", tt.c, got, tt.want)
		}
	}
}

func TestEndsAskingTag(t *testing.T) {
	for c, want := range map[string]bool{"今年能给修修不": true, "房价涨了没": true, "老板拖着工钱不给": false, "不": false, "还能不": true,
		"今年能给修修不啊": true, "什么都没": false, "能不能修也没": false,
		"济滨高铁今年能通车bu": true, "what is a gdp ma": false, "gdp bu": false} {
		if got := endsAskingTag(c); got != want {
			t.Errorf("endsAskingTag(%q) = %v, want %v", c, got, want)
		}
	}
}

// TestUnderstandHowCount checks that a count asked is no how question,
// though a term the question is read as holds a cue of one (重点 of
// 全国重点实验室, which national key laboratories is read as).
func TestUnderstandHowCount(t *testing.T) {
	tests := []struct {
		raw, text string
		how       bool
	}{
		{"How many national key laboratories are there?", "how many 全国重点实验室 are there?", false},
		{"全国重点实验室有几家", "全国重点实验室有几家", false},
		{"全国重点实验室有哪些", "全国重点实验室有哪些", true},
		{"How will Hebei build its national key laboratories?", "how will hebei build its 全国重点实验室?", true},
	}
	for _, tt := range tests {
		if got := understand(tt.raw, tt.text, nil).how; got != tt.how {
			t.Errorf("understand(%q).how = %v, want %v", tt.raw, got, tt.how)
		}
	}
}

func TestDialectCounts(t *testing.T) {
	tests := []struct{ in, want string }{
		{"今年城里要换好多水管", "今年城里要换多少水管"},
		{"去年来重庆耍的游客有好多？", "去年来重庆耍的游客有多少？"},
		{"小区里好多人遛狗不拴绳，这事归谁管", "小区里好多人遛狗不拴绳，这事归谁管"}, // 谁 asks
		{"我在外地打工好多年了，政府欢迎不？", "我在外地打工好多年了，政府欢迎不？"}, // 欢迎不 asks
		{"新增好多学位，到底新增几个", "新增好多学位，到底新增几个"},         // 几 asks
		{"打工好多年了社保能补缴", "打工好多年了社保能补缴"},             // many years
	}
	for _, tt := range tests {
		if got := dialectCounts(tt.in); got != tt.want {
			t.Errorf("dialectCounts(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
