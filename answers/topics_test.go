package answers

import (
	"slices"
	"strings"
	"testing"

	"planbot/index"
	"planbot/index/segment"
)

func TestStraddles(t *testing.T) {
	text := "新能源车上牌多少辆"
	groups := [][]string{{"新能源汽车", "新能源车"}}
	tok := func(w string) segment.Token {
		i := strings.Index(text, w)
		return segment.Token{Term: w, Start: i, End: i + len(w)}
	}
	tests := []struct {
		w    string
		want bool
	}{
		{"车上", true},      // cut across the edge of 新能源车
		{"新能源", false},    // inside it
		{"新能源车上牌", false}, // holds it
		{"多少", false},
	}
	for _, tt := range tests {
		if got := straddles(tok(tt.w), text, groups); got != tt.want {
			t.Errorf("straddles(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}

func TestCoveredBy(t *testing.T) {
	kws := []keyword{{alts: []string{"生孩子", "生育", "育儿补贴"}}, {alts: []string{"高标准农田"}}}
	tests := []struct {
		w, text string
		want    bool
	}{
		{"农田", "高标准农田建设多少亩", true},
		{"补贴", "生孩子有没有补贴", false}, // 育儿补贴 is the vocabulary's, not the question's
		{"孩子", "生孩子有没有补贴", true},
	}
	for _, tt := range tests {
		if got := coveredBy(kws, tt.w, tt.text); got != tt.want {
			t.Errorf("coveredBy(%q, %q) = %v, want %v", tt.w, tt.text, got, tt.want)
		}
	}
}

func TestWithoutPlace(t *testing.T) {
	tests := []struct{ text, place, want string }{
		{"在外省打工的贵州人大概有多少", "贵州", "在外省打工的 大概有多少"},
		{"贵州人口多少", "贵州", " 人口多少"},
		{"贵州今年GDP", "贵州", " 今年GDP"},
		{"贵州人", "贵州", " "},
	}
	for _, tt := range tests {
		if got := withoutPlace(tt.text, tt.place); got != tt.want {
			t.Errorf("withoutPlace(%q, %q) = %q, want %q", tt.text, tt.place, got, tt.want)
		}
	}
}

func TestQuotedTopicCountsOnce(t *testing.T) {
	// “一老一小” is both quoted and an alias of the vocabulary: one topic,
	// or the sentences that say only it outweigh those that answer.
	question := "“一老一小”服务今年有哪些安排"
	kws, _ := topicsOf(t, question)
	n := 0
	for _, k := range kws {
		if slices.Contains(k.alts, "一老一小") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%q: %d topics say 一老一小, want 1", question, n)
	}
}

func TestEnglishTopicCountsOnce(t *testing.T) {
	// passed and through both read as 通过: one topic, or it weighs twice
	question := "how many freight trains started from or passed through the city"
	kws, _ := topicsOf(t, question)
	seen := map[string]bool{}
	for _, k := range kws {
		if seen[k.alts[0]] {
			t.Errorf("%q: two topics say %s", question, k.alts[0])
		}
		seen[k.alts[0]] = true
	}
}

func TestJoinSuffixes(t *testing.T) {
	rc := cacheOf("“三保”保障率109.8%；交易额增长")
	tok := func(w string, start int) segment.Token {
		return segment.Token{Term: w, Start: start, End: start + len(w)}
	}
	tests := []struct {
		toks []segment.Token
		want []string
	}{
		{[]segment.Token{tok("三保", 0), tok("保障", 6), tok("率", 12)}, []string{"三保", "保障率"}}, // the report says 保障率
		{[]segment.Token{tok("增长", 0), tok("率", 6)}, []string{"增长", "率"}},                  // it never says 增长率
		{[]segment.Token{tok("保障", 0), tok("率", 7)}, []string{"保障", "率"}},                  // apart in the question
	}
	for _, tt := range tests {
		var got []string
		for _, t := range joinSuffixes(tt.toks, rc) {
			got = append(got, t.Term)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("joinSuffixes(%v) = %q, want %q", tt.toks, got, tt.want)
		}
	}
}

func TestSenses(t *testing.T) {
	e, lib := engineOnSeed(t)
	lib.View(func(s *index.Snapshot) error {
		rc := e.cache(newest(t, s))
		if !rc.cooccur("高标准农田", "盐碱地") || rc.cooccur("高标准农田", "社会消费品零售总额") || rc.cooccur("高标准农田", "从未说过的词") {
			t.Errorf("cooccur: want 高标准农田 said with 盐碱地 only")
		}
		anchor := keyword{alts: []string{"高标准农田"}}
		tests := []struct {
			name string
			kws  []keyword
			want []string // the translated topic's words after
		}{
			{"the sense said with the anchor", []keyword{anchor, {alts: []string{"社会消费品零售总额", "盐碱地"}, translated: true}}, []string{"盐碱地"}},
			{"none said with it: all stay", []keyword{anchor, {alts: []string{"社会消费品零售总额"}, translated: true}}, []string{"社会消费品零售总额"}},
			{"no anchor", []keyword{{alts: []string{"社会消费品零售总额", "盐碱地"}, translated: true}}, []string{"社会消费品零售总额", "盐碱地"}},
		}
		for _, tt := range tests {
			got := senses(tt.kws, rc)
			if tr := got[len(got)-1]; !slices.Equal(tr.alts, tt.want) {
				t.Errorf("%s: %v, want %v", tt.name, tr.alts, tt.want)
			}
		}
		return nil
	})
}

func TestSharing(t *testing.T) {
	ks := []keyword{
		{alts: []string{"航空旅客", "旅客吞吐量", "air passengers"}},
		{alts: []string{"机场", "airports"}},
	}
	tests := []struct {
		g    []string
		want int
	}{
		{[]string{"旅客吞吐量", "航空枢纽", "机场", "机场"}, 1}, // the alias 机场 said: its topic
		{[]string{"旅客吞吐量", "客流"}, 0},
		{[]string{"港口", "码头"}, -1},
	}
	for _, tt := range tests {
		if got := sharing(ks, tt.g); got != tt.want {
			t.Errorf("sharing(%v) = %d, want %d", tt.g, got, tt.want)
		}
	}
}

// TestNegation: 不能, 没人 ask whether; 不足, 没收 are words of their own.
func TestNegation(t *testing.T) {
	for w, want := range map[string]bool{"不": true, "没": true, "不能": true, "没人": true, "不足": false, "没收": false, "不动产": false, "保障": false, "": false} {
		if got := negation(w); got != want {
			t.Errorf("negation(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestTagEnding: a yes-or-no tag cut with the word before it (管这事不,
// 能报不) is not part of the topic.
func TestTagEnding(t *testing.T) {
	for w, want := range map[string]string{"事不": "不", "报不": "不", "好了没": "没", "通了没有": "没有", "淹没": "没", "不": "", "不足": "", "保障": "",
		"通车bu": "bu", "asthma": "", "cinema": ""} {
		if got := tagEnding(w); got != want {
			t.Errorf("tagEnding(%q) = %q, want %q", w, got, want)
		}
	}
	// 出没 ends with a tag but is a word of the dictionary: it stays whole
	if kws, _ := topicsOf(t, "山里野猪常出没"); !slices.ContainsFunc(kws, func(k keyword) bool { return slices.Contains(k.alts, "出没") }) {
		t.Errorf("山里野猪常出没: topics %v, want 出没 among them", kws)
	}
	for _, q := range []string{"俺在工地上干活，老板老拖工资不给，政府今年管这个事不", "产检的钱能报不"} {
		kws, _ := topicsOf(t, q)
		for _, k := range kws {
			if slices.ContainsFunc(k.alts, func(a string) bool { return strings.HasSuffix(a, "不") }) {
				t.Errorf("%q: topic %q keeps the tag 不", q, k.alts)
			}
		}
	}
}

// TestFunctionWordsNameNothing: a conjunction, preposition or pronoun of
// the question is no topic; a lone character tagged as an auxiliary may
// be one (地 of 承包的地).
func TestFunctionWordsNameNothing(t *testing.T) {
	tests := []struct {
		w, pos string
		want   bool
	}{
		{"要是", "c", true},
		{"为了", "p", true},
		{"我们", "r", true},
		{"地", "uv", false},
		{"的话", "u", true},
		{"给", "p", true},
		{"路上", "s", false},
		{"GDP", "x", false},
		{"农田", "n", false},
		{"保障", "", false},
	}
	for _, tt := range tests {
		if got := functionWord(tt.w, tt.pos); got != tt.want {
			t.Errorf("functionWord(%q, %q) = %v, want %v", tt.w, tt.pos, got, tt.want)
		}
	}
	for _, tt := range []struct {
		question string
		not, is  string
	}{
		{"种地的要是遇上灾害了，有啥保障没有", "要是", "保障"},
		{"为了吸引游客，今年有啥措施", "为了", "游客"},
		{"村里的路能不能修一修", "不能", "修一修"},
		{"小区停车位今年还会不会增加", "不会", "停车位"},
		{"村里的自来水啥时候能通", "时候", "自来水"}, // 啥时候 asks when
	} {
		kws, _ := topicsOf(t, tt.question)
		var said []string
		for _, k := range kws {
			said = append(said, k.alts...)
		}
		if slices.Contains(said, tt.not) || !slices.Contains(said, tt.is) {
			t.Errorf("%q: topics %q, want %q among them and not %q", tt.question, said, tt.is, tt.not)
		}
	}
	// 怎么, tagged as a pronoun, stays: the verb after it says how
	kws, _ := topicsOf(t, "营商环境怎么优化提升")
	if i := slices.IndexFunc(kws, func(k keyword) bool { return slices.Contains(k.alts, "优化") }); i < 0 || !kws[i].verb {
		t.Errorf("营商环境怎么优化提升: 优化 not a verb after 怎么 (topics %v)", kws)
	}
}

func TestPiece(t *testing.T) {
	// gse cuts 在工地上干活 as 在/工/地上/干活 and 两口子 as 两/口子: the
	// lone 工 and 两 make words with the topic's edge (工地, 两口) that the
	// seed never says, so 地上 and 口子 are pieces of the asker's words
	tests := []struct {
		question, topic string
		piece           bool
	}{
		{"我在工地上干活，包工头老是拖着工钱不给", "地上", true},
		{"放暑假娃儿没人管，我们两口子都要上班", "口子", true},
		{"今年农村公路修多少公里", "公路", false},
		{"娃在学校食堂吃饭，饭菜安不安全", "安全", false},   // 不 is no word's edge: 安不安全 asks
		{"咱省城镇新增就业目标是多少", "城镇新增就业", false}, // the 省 of 咱省 is the asker's place
	}
	for _, tt := range tests {
		kws, _ := topicsOf(t, tt.question)
		i := slices.IndexFunc(kws, func(k keyword) bool { return slices.Contains(k.alts, tt.topic) })
		if i < 0 {
			t.Errorf("%q: no topic %q in %v", tt.question, tt.topic, kws)
			continue
		}
		if kws[i].verb != tt.piece {
			t.Errorf("%q: topic %q weighs as a piece = %v, want %v", tt.question, tt.topic, kws[i].verb, tt.piece)
		}
	}
}

func TestNumberedTopics(t *testing.T) {
	tests := []struct {
		text, rest string
		topics     []string
	}{
		{"轻轨15号线今年能通车不", "轻轨 今年能通车不", []string{"15号线"}},
		{"核电3号机组什么时候投产", "核电 什么时候投产", []string{"3号机组"}},
		{"1号文件说了啥", "1号文件说了啥", nil},                         // a bare 号 may be anything
		{"318国道今年修不修", " 今年修不修", []string{"318国道", "g318"}}, // the report says G318
		{"g219什么时候通", " 什么时候通", []string{"g219", "219国道"}},
		{"pm2.5和5g基站", "pm2.5和5g基站", nil},
	}
	for _, tt := range tests {
		rest, kws := numberedTopics(tt.text)
		var got []string
		for _, k := range kws {
			got = append(got, k.alts...)
		}
		if rest != tt.rest || !slices.Equal(got, tt.topics) {
			t.Errorf("numberedTopics(%q) = %q, %v; want %q, %v", tt.text, rest, got, tt.rest, tt.topics)
		}
	}
}

func TestOutsideLonger(t *testing.T) {
	tests := []struct {
		said []string
		text string
		want []string
	}{
		{[]string{"就业", "城镇就业"}, "新增多少城镇就业", []string{"城镇就业"}},
		{[]string{"就业", "城镇就业"}, "城镇就业和就业", []string{"就业", "城镇就业"}},
		{[]string{"新增城镇就业", "城镇就业"}, "新增多少城镇就业", []string{"新增城镇就业"}},       // 新增城镇就业 said across 多少
		{[]string{"城镇新增就业", "新增就业", "就业"}, "城镇新增多少就业", []string{"城镇新增就业"}}, // all inside one said across 多少
	}
	for _, tt := range tests {
		gapless, _ := withoutGaps(tt.text)
		if got := outsideLonger(tt.said, tt.text, gapless); !slices.Equal(got, tt.want) {
			t.Errorf("outsideLonger(%q, %q) = %q, want %q", tt.said, tt.text, got, tt.want)
		}
	}
}

func TestVerbFirst(t *testing.T) {
	// a thing and what is done to it, said the other way round in the
	// reports' sentences: 今年老旧小区改造多少户 is answered by 开工改造老旧小区15万户
	tests := []struct {
		question, alt string
		want          bool
	}{
		{"今年老旧小区改造要弄多少户", "改造老旧小区", true},
		{"城镇老旧小区有多少", "老旧小区城镇", false}, // no verb
	}
	for _, tt := range tests {
		kws, _ := topicsOf(t, tt.question)
		has := slices.ContainsFunc(kws, func(k keyword) bool { return slices.Contains(k.alts, tt.alt) })
		if has != tt.want {
			t.Errorf("%q: alternative %q = %v, want %v (topics %v)", tt.question, tt.alt, has, tt.want, kws)
		}
	}
}

func TestPinyinApart(t *testing.T) {
	// a name in pinyin syllables typed apart is the report's one word
	tests := []struct {
		question, topic string
	}{
		{"what will bao tou build", "包头"},
		{"how clean is the huang river", "黄河"}, // river is 河 at the end of a name
	}
	for _, tt := range tests {
		kws, _ := topicsOf(t, tt.question)
		if !slices.ContainsFunc(kws, func(k keyword) bool { return slices.Contains(k.alts, tt.topic) }) {
			t.Errorf("%q: no topic %q in %v", tt.question, tt.topic, kws)
		}
	}
}
