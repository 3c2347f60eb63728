package answers

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"planbot/index"
	"planbot/index/report"
)

var (
	seedOnce   sync.Once
	seedEngine *Engine
	seedLib    *index.Library
	seedErr    error
	seedDir    string
)

// TestMain removes the seed library engineOnSeed built, once the tests
// that shared it are done.
func TestMain(m *testing.M) {
	code := m.Run()
	if seedEngine != nil {
		seedEngine.Close()
	}
	if seedDir != "" {
		os.RemoveAll(seedDir)
	}
	os.Exit(code)
}

// engineOnSeed builds (once per test binary) a library holding the seed
// report and an engine over it.
func engineOnSeed(t testing.TB) (*Engine, *index.Library) {
	t.Helper()
	seedOnce.Do(func() {
		dir, err := os.MkdirTemp("", "planbot-answers-*")
		if err != nil {
			seedErr = err
			return
		}
		seedDir = dir
		seedEngine, seedErr = Open(context.Background(), Setup{DataDir: filepath.Join(dir, "data"), SeedsDir: "../seeds", Build: true})
		if seedErr == nil {
			seedLib = seedEngine.Library()
		}
	})
	if seedErr != nil {
		t.Fatal(seedErr)
	}
	return seedEngine, seedLib
}

func TestFlagshipQuestions(t *testing.T) {
	e, _ := engineOnSeed(t)
	tests := []struct {
		q, want, section string
	}{
		{"高标准农田目标是多少", "积极争取4万亩高标准农田建设和2000亩盐碱地综合治理改造。", "三是巩固农牧业基础"},
		{"2024年粮食产量是多少", "15.7万吨", "三是农牧业生产总体平稳"},
		{"去年GDP多少", "368.7亿元", "一、2024年国民经济和社会发展计划执行情况"},
		{"今年規上工業增加值增長目標", "14%以上", ""},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res, err := e.Ask(context.Background(), tt.q, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Answers) == 0 {
				t.Fatalf("no answer")
			}
			a := res.Answers[0]
			if !strings.Contains(a.Text, tt.want) {
				t.Errorf("answer %q, want it to contain %q", a.Text, tt.want)
			}
			if !strings.Contains(a.Section, tt.section) {
				t.Errorf("section %q, want it to contain %q", a.Section, tt.section)
			}
		})
	}
}

func TestAbstains(t *testing.T) {
	e, _ := engineOnSeed(t)
	for _, q := range []string{"昆都仑区的GDP是多少", "2019年粮食产量", "明天天气怎么样", "", "😀😀", "+-:^~*?\"() field:value"} {
		res, err := e.Ask(context.Background(), q, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Answers) != 0 {
			t.Errorf("%q answered %q, want no answer", q, res.Answers[0].Text)
		}
	}
}

// TestClosestFirst checks the first heading offered for a question the
// report does not answer: a heading that names most of the question, else
// the section of the sentence that came nearest (it holds the answer more
// often than a heading naming one of the topics); a heading under which no
// sentence would answer is not offered.
func TestClosestFirst(t *testing.T) {
	e, _ := engineOnSeed(t)
	tests := []struct {
		q       string
		nearest bool   // the nearest sentence's section comes first
		want    string // else this heading
	}{
		{q: "下岗了想摆地摊行不行", nearest: true}, // not 一、2024年…执行情况, which names 2024年 only
		{q: "我想知道今年企业办事方不方便，有啥新举措", nearest: true},
		// the indicator table's row names it, but gives rates: offered,
		// asked within it gives the row with a note (TestAskWithin)
		{q: "2025年社会消费品零售总额目标是多少亿元", want: "社会消费品零售总额"},
		{q: "量子纠缠", want: ""}, // nothing near: no heading
	}
	for _, tt := range tests {
		res, err := e.Ask(context.Background(), tt.q, Options{Explain: true})
		if err != nil {
			t.Fatal(err)
		}
		if !tt.nearest && tt.want == "" {
			if len(res.Answers) != 0 || len(res.Closest) != 0 {
				t.Errorf("%q: %d answers, closest %q; want none and no heading", tt.q, len(res.Answers), res.Closest)
			}
			continue
		}
		if len(res.Answers) != 0 || len(res.Trace.Candidates) == 0 || len(res.Closest) == 0 {
			t.Fatalf("%q: %d answers, %d candidates, closest %q; want no answer, candidates and closest headings", tt.q, len(res.Answers), len(res.Trace.Candidates), res.Closest)
		}
		want := tt.want
		if tt.nearest {
			path := strings.Split(res.Trace.Candidates[0].Section, " › ")
			want = path[len(path)-1]
		}
		if res.Closest[0] != want {
			t.Errorf("%q: closest %q, want %q first", tt.q, res.Closest, want)
		}
		if len(res.Closest) > 4 || len(slices.Compact(slices.Sorted(slices.Values(res.Closest)))) != len(res.Closest) {
			t.Errorf("%q: closest %q, want at most four distinct headings", tt.q, res.Closest)
		}
	}
}

func TestFixTypos(t *testing.T) {
	e, lib := engineOnSeed(t)
	tests := []struct {
		in     string
		groups [][]string
		want   string
	}{
		{"城真居民人均可支配收如", nil, "城镇居民人均可支配收入"},
		{"粮食产亮", nil, "粮食产量"},
		{"空气能好到啥程度", nil, "空气能好到啥程度"}, // 能好 is two words, not 能耗
		{"高标准农田目标是多少", nil, "高标准农田目标是多少"},
		{"老人不能自理", nil, "老人不能治理"},                        // the report says 治理, never 自理
		{"老人不能自理", [][]string{{"失能", "不能自理"}}, "老人不能自理"}, // unless the vocabulary knows the words
		{"食堂的饭干不干净", nil, "食堂的饭干不干净"},                    // asks yes or no: 干不 is no typo of 干部
		{"粮食产不产亮", nil, "粮食产不产量"},                        // but the word after it may be one
		{"今年种点啥好", nil, "今年种点啥好"},                        // 种点 says a bit more: no typo of 重点
	}
	lib.View(func(s *index.Snapshot) error {
		rc := e.cache(newest(t, s))
		for _, tt := range tests {
			if got := rc.fixTypos(tt.in, tt.groups); got != tt.want {
				t.Errorf("fixTypos(%q) = %q, want %q", tt.in, got, tt.want)
			}
		}
		return nil
	})
}

func TestFixTyposKeepsUnitAsked(t *testing.T) {
	e := engineOnMany(t)
	e.lib.View(func(s *index.Snapshot) error {
		r := openReport(t, s, "beijing_2026_gwr") // says 人形机器人
		if r == nil {
			t.Fatal("no beijing_2026_gwr")
		}
		q := "今年打算让多少人新找到工作"
		if got := e.cache(r).fixTypos(q, nil); got != q {
			t.Errorf("fixTypos(%q) = %q: 人 of 多少人 is no typo", q, got)
		}
		return nil
	})
}

func TestWithUnit(t *testing.T) {
	e, lib := engineOnSeed(t)
	lib.View(func(s *index.Snapshot) error {
		rc := e.cache(newest(t, s))
		hits := rc.withUnit(nil, []string{"吨", "万吨"})
		if len(hits) == 0 {
			t.Fatal("withUnit(吨) found no sentence; the seed says 15.7万吨")
		}
		for _, h := range hits {
			st := rc.r.Sentences.At(h.Sentence)
			if !hasUnit(st.Text, st.Figures, []string{"吨", "万吨"}) {
				t.Errorf("withUnit(吨) gave %q", st.Text)
			}
		}
		if got := rc.withUnit(nil, []string{"%"}); len(got) != 0 {
			t.Errorf("withUnit(%%) = %d sentences, want none: a rate says nothing", len(got))
		}
		return nil
	})
}

func TestPairHomophone(t *testing.T) {
	e, lib := engineOnSeed(t)
	lib.View(func(s *index.Snapshot) error {
		rc := e.cache(newest(t, s))
		for in, want := range map[string]string{"学味": "学位", "学位": "", "火星": ""} {
			if got := rc.pairHomophone(in); got != want {
				t.Errorf("pairHomophone(%q) = %q, want %q", in, got, want)
			}
		}
		return nil
	})
}

func TestSpelledNames(t *testing.T) {
	e, lib := engineOnSeed(t)
	lib.View(func(s *index.Snapshot) error {
		rc := e.cache(newest(t, s))
		for in, want := range map[string]string{"Baogang": "包钢", "baogang": "包钢", "passengers": "", "mars": ""} {
			got := rc.spelled(in)
			if want == "" && len(got) > 0 || want != "" && !slices.Contains(got, want) {
				t.Errorf("spelled(%q) = %q, want %q", in, got, want)
			}
		}
		return nil
	})
}

func TestAbbreviated(t *testing.T) {
	e, lib := engineOnSeed(t)
	tests := []struct {
		w    string
		want string // a word the result must have; "" for none
		all  bool   // every stand-in (standIns), not only abbreviations
	}{
		{"社零", "社会消费品零售总额", false},
		{"固投", "固定资产投资", false},
		{"天气", "", false}, // not 天然气: too short to abbreviate
		{"火星", "", false},
		{"停车楼", "停车", true}, // 粮食总产量 is written 粮食总产: less its last character
		{"火星人", "", true},
	}
	lib.View(func(s *index.Snapshot) error {
		rc := e.cache(newest(t, s))
		for _, tt := range tests {
			got := rc.abbreviated(tt.w)
			if tt.all {
				got = rc.standIns(tt.w)
			}
			if tt.want == "" && len(got) > 0 || tt.want != "" && !slices.Contains(got, tt.want) {
				t.Errorf("stand-ins of %q = %v, want %q", tt.w, got, tt.want)
			}
		}
		return nil
	})
}

func TestEnglishTopics(t *testing.T) {
	e, lib := engineOnSeed(t)
	tests := []struct {
		in       string
		wantText string
		wantAlts [][]string
	}{
		{"how many students", "how many  ", [][]string{{"学生"}}},
		{"new hospitals 2025", "new   2025", [][]string{{"医院"}}},
		{"tourists", "tourists", nil}, // the seed never says 游客
		{"高标准农田", "高标准农田", nil},
	}
	lib.View(func(s *index.Snapshot) error {
		rc := e.cache(newest(t, s))
		for _, tt := range tests {
			text, kws := englishTopics(tt.in, rc)
			var alts [][]string
			for _, k := range kws {
				alts = append(alts, k.alts)
			}
			if text != tt.wantText || !reflect.DeepEqual(alts, tt.wantAlts) {
				t.Errorf("englishTopics(%q) = %q, %v; want %q, %v", tt.in, text, alts, tt.wantText, tt.wantAlts)
			}
		}
		return nil
	})
}

func TestProperNoun(t *testing.T) {
	tests := []struct {
		raw, w string
		want   bool
	}{
		{"What is the GDP of Hohhot", "hohhot", true},
		{"Receive how many", "receive", false}, // capitalised only as the first word
		{"how many did they receive", "receive", false},
		{"\x8bAA", "aa", true}, // invalid UTF-8 keeps its offsets
	}
	for _, tt := range tests {
		if got := properNoun(tt.raw, tt.w); got != tt.want {
			t.Errorf("properNoun(%q, %q) = %v, want %v", tt.raw, tt.w, got, tt.want)
		}
	}
}

func TestQuotedTopics(t *testing.T) {
	e, lib := engineOnSeed(t)
	tests := []struct {
		in, wantText string
		want         [][]string
	}{
		{"「放管服」改革有什么举措", " 改革有什么举措", [][]string{{"放管服"}}},
		{"“火星基地”建了吗", "“火星基地”建了吗", nil}, // the report never says it
	}
	lib.View(func(s *index.Snapshot) error {
		rc := e.cache(newest(t, s))
		for _, tt := range tests {
			text, kws := quotedTopics(tt.in, rc)
			var got [][]string
			for _, k := range kws {
				got = append(got, k.alts)
			}
			if text != tt.wantText || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("quotedTopics(%q) = %q, %v; want %q, %v", tt.in, text, got, tt.wantText, tt.want)
			}
		}
		return nil
	})
}

// newest opens the newest report of a snapshot.
func newest(t testing.TB, s *index.Snapshot) *index.Loaded {
	t.Helper()
	es := s.Entries()
	if len(es) == 0 {
		t.Fatal("no reports")
	}
	return openReport(t, s, es[len(es)-1].Meta.ID)
}

// openReport opens report id of a snapshot.
func openReport(t testing.TB, s *index.Snapshot, id string) *index.Loaded {
	t.Helper()
	r, err := s.Open(id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// topicOn returns the topic of question, as the seed's engine reads it,
// that has alternative topic, and the report's cache.
func topicOn(t *testing.T, question, topic string) (keyword, *reportCache, bool) {
	t.Helper()
	kws, rc := topicsOf(t, question)
	if i := slices.IndexFunc(kws, func(k keyword) bool { return slices.Contains(k.alts, topic) }); i >= 0 {
		return kws[i], rc, true
	}
	t.Errorf("%q: no topic %s", question, topic)
	return keyword{}, rc, false
}

// topicsOf returns the topics of question on the seed report, and the
// report's derived data.
func topicsOf(t *testing.T, question string) ([]keyword, *reportCache) {
	t.Helper()
	e, lib := engineOnSeed(t)
	var kws []keyword
	var rc *reportCache
	lib.View(func(s *index.Snapshot) error {
		r := newest(t, s)
		rc = e.cache(r)
		text, groups := e.Vocabulary().expandLatin(normalise(question, s.KnownHan))
		q := understand(question, text, groups)
		q.groups = append(q.groups, e.Vocabulary().expandChinese(q.text, r.Seg, q.groups)...)
		kws = e.keywords(q, rc)
		return nil
	})
	return kws, rc
}

func TestTopicWeights(t *testing.T) {
	// 赤字 is a thing the vocabulary knows and the seed never names, nor
	// any word of it: it weighs in full. 水质达标 the seed names in part
	// (水质均达标): it may be said otherwise, and weighs less. 孩子 beside
	// 高中 says who asks and weighs little; alone it is what is asked.
	tests := []struct {
		question, topic string
		share           string // of the topic's rarity: "full", "less" or "little" (under half)
	}{
		{"今年财政赤字规模多大", "赤字", "full"},
		{"地表水水质达标情况", "水质达标", "less"},
		{"孩子上高中难，今年要建几所高中", "孩子", "little"},
		{"孩子怎么样", "孩子", "full"},
	}
	for _, tt := range tests {
		k, rc, ok := topicOn(t, tt.question, tt.topic)
		full := rc.idf(k.alts)
		share := "less"
		switch {
		case k.weight == full:
			share = "full"
		case k.weight < full/2:
			share = "little"
		}
		if ok && share != tt.share {
			t.Errorf("%q: %s weighs %.2f of %.2f: %s, want %s", tt.question, tt.topic, k.weight, full, share, tt.share)
		}
	}
}

func TestColloquialWeighsLittle(t *testing.T) {
	// 爷爷 no report of the register uses: how people talk. 票价 none uses
	// either, but it follows 农产品, which the report names, in 农产品票价:
	// the thing asked.
	tests := []struct {
		question, topic string
		colloquial      bool
	}{
		{"今年爷爷奶奶的养老金会涨吗", "爷爷", true},
		{"农产品票价今年会涨吗", "票价", false},
		{"爷爷奶奶的养老金", "奶奶", true}, // after 爷爷, which the report does not name
		{"今年财政赤字规模多大", "赤字", false},
	}
	for _, tt := range tests {
		if k, _, ok := topicOn(t, tt.question, tt.topic); ok && k.colloquial != tt.colloquial {
			t.Errorf("%q: %s colloquial %v, want %v", tt.question, tt.topic, k.colloquial, tt.colloquial)
		}
	}
}

// TestMarksTheFigureAsked: the answer highlights the figures of the
// topics and the period asked, not every figure of its sentence.
func TestMarksTheFigureAsked(t *testing.T) {
	e, _ := engineOnSeed(t)
	tests := []struct {
		q    string
		want []string // the marked texts, in order
	}{
		{"规上工业增加值去年增长多少", []string{"21%"}}, // a table row: 2024 plan, 2024 result, 2025 target
		{"规上工业增加值今年目标", []string{"14%以上"}}, // the line of the plan's targets
		{"去年粮食产量是多少", []string{"15.7万吨"}},  // not the growth said after it
		{"今年农牧业有哪些重点工作", nil},              // no figure asked: every figure of the sentence
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			res, err := e.Ask(context.Background(), tt.q, Options{})
			if err != nil || len(res.Answers) == 0 {
				t.Fatalf("no answer (%v)", err)
			}
			a := res.Answers[0]
			var got []string
			for _, m := range a.Marks {
				got = append(got, a.Text[m.Start:m.End])
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%q: marked %q, want %q", a.Text, got, tt.want)
			}
		})
	}
}

// TestAnswersIgnoreOrder: what a report's caches keep from one question
// never changes the answer to another: the questions of a set asked in
// turn and in reverse, each on a fresh engine, are answered the same.
func TestAnswersIgnoreOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the seed's index twice")
	}
	cases, err := ReadCases("../testdata/seed_v2.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	answersOf := func(order []Case) map[string]string {
		e, err := Open(context.Background(), Setup{DataDir: t.TempDir(), SeedsDir: "../seeds", Build: true})
		if err != nil {
			t.Fatal(err)
		}
		defer e.Close()
		out := map[string]string{}
		for _, c := range order {
			res, _ := e.Ask(context.Background(), c.Q, Options{})
			var b strings.Builder
			for _, a := range res.Answers {
				fmt.Fprintf(&b, "%s|%s|%.3f;", a.Text, a.Section, a.Score)
			}
			out[c.Q] = b.String()
		}
		return out
	}
	forward := answersOf(cases)
	reversed := slices.Clone(cases)
	slices.Reverse(reversed)
	backward := answersOf(reversed)
	for _, c := range cases {
		if forward[c.Q] != backward[c.Q] {
			t.Errorf("%q: answered otherwise when asked in another order:\n forward  %s\n backward %s", c.Q, forward[c.Q], backward[c.Q])
		}
	}
}

// TestRareChars: a topic the report never names is found by its rare
// characters inside the report's own words (碱 of 地碱大 in 盐碱地), never
// by a character many sentences say.
func TestRareChars(t *testing.T) {
	tests := []struct {
		question, topic string
		want, not       string
	}{
		{"我家地碱大，种啥都不长，有啥政策", "地碱大", "碱", "大"},
	}
	for _, tt := range tests {
		k, _, ok := topicOn(t, tt.question, tt.topic)
		if !ok {
			continue
		}
		if !slices.Contains(k.chars, tt.want) || slices.Contains(k.chars, tt.not) {
			t.Errorf("%q: %s has rare characters %v, want %s and not %s", tt.question, tt.topic, k.chars, tt.want, tt.not)
		}
	}
}

// TestJoinLone: two lone characters the question coordinates (又黑又臭)
// are the one word the report writes them as (黑臭水体).
func TestJoinLone(t *testing.T) {
	tests := []struct {
		question, topic string
		want            bool
	}{
		{"村边那条沟又黑又臭，能给治治不", "黑臭", true},
	}
	for _, tt := range tests {
		k, _, ok := topicOn(t, tt.question, tt.topic)
		if ok && (k.alts[0] == tt.topic) != tt.want {
			t.Errorf("%q: topic %v, want %s joined %v", tt.question, k.alts, tt.topic, tt.want)
		}
	}
}

// TestBestFirst: candidates go best first, and of equal scores the
// earlier sentence first, whatever order the search gave them in.
func TestBestFirst(t *testing.T) {
	tests := []struct {
		ids    []int
		scores []float64
		want   []int
	}{
		{[]int{48, 43, 142}, []float64{1.329, 1.329, 1.22}, []int{43, 48, 142}},
		{[]int{43, 48, 142}, []float64{1.329, 1.329, 1.22}, []int{43, 48, 142}},
		{[]int{7, 3, 5}, []float64{0.5, 0.9, 0.7}, []int{3, 5, 7}},
	}
	for _, tt := range tests {
		cs := make([]candidate, len(tt.ids))
		for i, id := range tt.ids {
			cs[i] = candidate{s: &report.Sentence{ID: id}, score: tt.scores[i]}
		}
		bestFirst(cs)
		var got []int
		for _, c := range cs {
			got = append(got, c.s.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("bestFirst(%v, %v) = %v, want %v", tt.ids, tt.scores, got, tt.want)
		}
	}
}
