package answers

import (
	"slices"
	"testing"

	"planbot/index/report"
)

// TestUnitsAsked: the unit a question asks for, as the family of units
// that answer it.
func TestUnitsAsked(t *testing.T) {
	tests := []struct {
		question string
		want     string // a unit of the family returned; "" for none
	}{
		{"高标准农田建了多少亩", "万亩"},
		{"今年专项债多少亿元", "亿元"},
		{"看病自己要掏多少钱", "元"},
		{"GDP增长几个点", "%"},
		{"能发给多少小孩", "名"}, // people counted
		{"今年招了多少学生？", "人"},
		{"拖欠多少农民工工资", ""}, // wages, not workers
		{"有多少游客中心", ""},
		{"今年招了几个大学生", "人"}, // counted in 个, which 人 answers too
		{"今年有多少名额", ""},    // places, counted in 个 as often as in 名
		{"小孩上学难吗", ""},
		{"我四十多岁了，能免费查两癌吗", ""}, // about forty: the asker tells
		{"干了二十多年了，今年能建几所学校", "所"},
		{"人均住房面积多大", ""},
		{"我二十几岁了，想回乡创业", ""},
		{"干了好几年了，今年建几所学校", "所"},
	}
	for _, tt := range tests {
		got := unitsAsked(tt.question, true)
		if tt.want == "" && got != nil || tt.want != "" && !slices.Contains(got, tt.want) {
			t.Errorf("unitsAsked(%q) = %v, want one of them %q", tt.question, got, tt.want)
		}
	}
}

// TestSpanAsked: a span of five years is asked by 五年 only when the words
// say five years, not fifteen or a grade.
func TestSpanAsked(t *testing.T) {
	tests := []struct {
		question string
		want     report.Span
	}{
		{"过去五年GDP年均增长多少", report.SpanFive},
		{"十四五期间累计完成投资多少", report.SpanFive},
		{"家里冰箱用了十五年了，今年还有以旧换新补贴吗", report.SpanYear}, // how old the fridge is
		{"娃上五年级了，今年课后服务怎么安排", report.SpanYear},
		{"十四五年均GDP增长多少", report.SpanFive}, // 十四五 and 年均, not 四五年
		{"十五五年均增速目标", report.SpanFive},
	}
	for _, tt := range tests {
		if got := understand(tt.question, tt.question, nil).span; got != tt.want {
			t.Errorf("understand(%q).span = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestEnglishUnitAsked: an English unit is asked unless a count of
// something else is (how many projects of 100 million yuan).
func TestEnglishUnitAsked(t *testing.T) {
	tests := []struct {
		question string
		want     string // a unit of the family asked; "" for none
	}{
		{"how many tons of grain did anhui produce", "吨"},
		{"how many km of highway were built", "公里"},
		{"how much is the budget in yuan", "元"},
		{"how many large investment projects (100 million yuan and above) in 2026", ""},
		{"how many projects of 100 million yuan and above", ""},
		{"how many billion yuan will be invested", "亿元"},
		{"how many million tons of grain", "万吨"},
		{"how many more km of subway", "公里"},
	}
	for _, tt := range tests {
		got := understand(tt.question, tt.question, nil).units
		if tt.want == "" && got != nil || tt.want != "" && !slices.Contains(got, tt.want) {
			t.Errorf("understand(%q).units = %v, want one of them %q", tt.question, got, tt.want)
		}
	}
}

// TestHowAsked: 咋 asks how as 怎么 does.
func TestHowAsked(t *testing.T) {
	for _, q := range []string{"营商环境今年的新动作，报告咋说的", "以旧换新今年咋弄", "房地产去库存今年怎么搞"} {
		if !understand(q, q, nil).how {
			t.Errorf("understand(%q) asks no how", q)
		}
	}
}

// TestFigureAsked: an English question asks for a figure unless it asks
// yes or no, at its start or in a later clause; 几 of a few more (多建几所)
// asks none.
func TestFigureAsked(t *testing.T) {
	tests := []struct {
		question string
		want     bool
	}{
		{"rural per capita disposable income 2024", true},
		{"is there a plan for spring and autumn breaks", false},
		{"I heard schools are getting spring and autumn breaks - is that in the plan?", false},
		{"Heard about the new airport. Will it open this year?", false},
		{"what is the gdp target", true},
		{"What are the main goals of the 15th Five-Year Plan?", false}, // aims, said in words as often
		{"What is the GDP growth goal for 2026?", true},
		{"What are the city's main AI initiatives for this year?", false}, // initiatives are planned, in words
		{"rural per capita income in 2024, do you know", true},
		{"minimum wage in kunming, can you tell me", true},
		{"gdp growth target - can you tell me", true},
		{"As an expat parent here, will there be any childcare subsidies this year?", false},
		{"Any big wine events planned for 2026?", false},
		// 几 of a few more asks whether, not how many
		{"今年会不会多建几所高中", false},
		{"办手续能不能少跑几趟", false},
		{"小区能不能多几个车位", false},
		{"今年新建几所高中", true},
		{"创业贷款最多能贷几万", true},
		{"高中学位增加多少个", true},
		{"今年能耗减少几个百分点", true},
		{"缺少几名老师", true},
		{"差不多几年能建成", true},
		{"今年多了几个高中", true},
	}
	for _, tt := range tests {
		if got := understand(tt.question, tt.question, nil).figure; got != tt.want {
			t.Errorf("understand(%q).figure = %v, want %v", tt.question, got, tt.want)
		}
	}
}

// TestConfirmAsksWhatWasSaid: 是真的吗 asks whether the clause before it
// is so; that clause's period is asked.
func TestConfirmAsksWhatWasSaid(t *testing.T) {
	tests := []struct{ question, want string }{
		{"俺娃今年上大班，听说去年开始不收保教费了？是真的吗", "听说去年开始不收保教费了"},
		{"听说高铁今年通车，对吗", "听说高铁今年通车"},
		{"今年高铁能通车吗", "今年高铁能通车吗"},
		{"高铁今年通车吗，是真的吗", "高铁今年通车吗，是真的吗"}, // both ask
		{"听说高铁今年通车，真的", "听说高铁今年通车，真的"},   // 真的 alone asks nothing
		{"住的是九几年的老楼，今年能改多少户", "今年能改多少户"}, // a decade asks nothing
	}
	for _, tt := range tests {
		if got := askingBy(tt.question, asksAsTyped); got != tt.want {
			t.Errorf("askingBy(%q) = %q, want %q", tt.question, got, tt.want)
		}
	}
}

// TestSceneYearDone: a clause asking of something done keeps the year
// done the scene names (说去年收入涨了，具体涨了百分之几), not the asker's own
// year (我家娃明年上幼儿园，学位加了多少).
func TestSceneYearDone(t *testing.T) {
	tests := []struct {
		question string
		last     bool
	}{
		{"看新闻说去年老百姓人均收入涨了，具体涨了百分之几", true},
		{"我家娃明年上幼儿园，这几年学位加了多少", false},
		{"我今年68了，去年老伴住院花了不少，医保报销了多少", false}, // two years said: the asking clause alone
	}
	for _, tt := range tests {
		if got := askingClause(tt.question) == tt.question; got != tt.last {
			t.Errorf("askingClause(%q) whole = %v, want %v", tt.question, got, tt.last)
		}
	}
}

func TestOnlyAsking(t *testing.T) {
	tests := []struct{ question, asking string }{
		{"去年失业率到底多高，身边好多人没工作", "去年失业率到底多高"}, // 多高 asks: the rest is the scene
		{"济滨高铁今年能通车bu，俺是滨州的", "济滨高铁今年能通车bu"},
		{"俺是滨州的，家里老人多", "俺是滨州的，家里老人多"},            // none asks
		{"在广州租房十年了，今年政府对保障房有咩打算", "今年政府对保障房有咩打算"}, // 咩 asks in Cantonese
		{"村里很多高中生辍学，今年教育投入多少", "今年教育投入多少"},        // 很多高中生 asks nothing
	}
	for _, tt := range tests {
		if got := onlyAsking(tt.question); got != tt.asking {
			t.Errorf("onlyAsking(%q) = %q, want %q", tt.question, got, tt.asking)
		}
	}
}
