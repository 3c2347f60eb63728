package feedback

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"planbot/answers"
)

// logOf is a log, newest first, as List returns it.
func logOf() []Entry {
	at := func(h int) time.Time { return day0.Add(time.Duration(h) * time.Hour) }
	farm := []Shown{{Text: "新增建设5600亩高标准农田。", Score: 0.7}}
	return []Entry{
		{Time: at(10), Kind: KindVote, Vote: Up, Question: "社零增长多少", Report: "jiuyuan-2025", Intent: "intent target", Topics: []string{"社零"}, Within: "社会消费品零售总额", Answers: []Shown{{Text: "社会消费品零售总额增长5%以上；"}}},
		{Time: at(10), Kind: KindVote, Vote: Down, Question: "GDP增长多少", Within: "地区生产总值", Answers: []Shown{{Text: "地区生产总值增长8%左右；"}}},
		{Time: at(9), Kind: KindVote, Vote: Up, Question: "GDP增长多少"},
		{Time: at(8), Kind: KindUnanswered, Question: "社零增长多少？", Report: "jiuyuan-2025", Intent: "intent target", Topics: []string{"社零"}},
		{Time: at(8), Kind: KindVote, Vote: Up, Question: "社零增长多少", Within: "促进消费", Answers: []Shown{{Text: "older, found within"}}},
		{Time: at(7), Kind: KindVote, Vote: Down, Reason: ReasonYear, Question: "高标准农田目标是多少", Answers: farm},
		{Time: at(6), Kind: KindVote, Vote: Down, Question: "高标准农田目标是多少", Within: "三是巩固农牧业基础", Answers: []Shown{{Text: "a section's sentence"}}},
		{Time: at(6), Kind: KindVote, Vote: Up, Question: "高标准农田目标是多少"},
		{Time: at(5), Kind: KindVote, Vote: Down, Question: "高标准农田目标是多少", Answers: []Shown{{Text: "older"}}},
		{Time: at(4), Kind: KindUnanswered, Question: "社零增长多少", Note: ""},
		{Time: at(3), Kind: KindVote, Vote: Down, Reason: ReasonYear, Question: "高标准农田目标是多少？"},
		{Time: at(2), Kind: KindUnanswered, Question: "昆都仑区GDP", Note: "报告没有涉及昆都仑区"},
	}
}

func TestSummarize(t *testing.T) {
	s := Summarize(logOf())
	if s.Up != 4 || s.Down != 5 || s.Unanswered != 3 {
		t.Errorf("counts %d/%d/%d, want 4 up, 5 down, 3 unanswered", s.Up, s.Down, s.Unanswered)
	}
	want := []struct {
		q, counts, answer string
	}{
		{"社零增长多少", "没答上 ×2，👍 ×2", ""},                          // the 👎 of what a section gave makes no group (GDP增长多少)
		{"高标准农田目标是多少", "👎 ×3（年份不对 2），👍 ×1", "新增建设5600亩高标准农田。"}, // nor is it counted in one (三是巩固农牧业基础)
		{"昆都仑区GDP", "没答上 ×1", ""},
	}
	if len(s.Groups) != len(want) {
		t.Fatalf("%d groups, want %d: %+v", len(s.Groups), len(want), s.Groups)
	}
	for i, w := range want {
		g := s.Groups[i]
		if g.Question != w.q || g.Counts() != w.counts || g.Answer != w.answer {
			t.Errorf("group %d: %q %q %q, want %q %q %q", i, g.Question, g.Counts(), g.Answer, w.q, w.counts, w.answer)
		}
	}
	if g := s.Groups[0]; g.Report != "jiuyuan-2025" || g.Intent != "intent target" {
		t.Errorf("the latest understanding not kept: %+v", g)
	}
	if f := s.Groups[0].Found; f != "社会消费品零售总额 › 社会消费品零售总额增长5%以上；" {
		t.Errorf("found within a section: %q, want the newest 👍's", f)
	}
	if f := s.Groups[1].Found; f != "" {
		t.Errorf("found within a section, though its 👍 was of an answer and the section's sentence got 👎: %q", f)
	}
	if qs := Questions(logOf(), 0); strings.Join(qs, "|") != "社零增长多少|GDP增长多少|高标准农田目标是多少|昆都仑区GDP" {
		t.Errorf("Questions = %q", qs)
	}
	if qs := Questions(logOf(), 2); len(qs) != 2 {
		t.Errorf("Questions(2) = %q", qs)
	}
	// an inline question is never logged unanswered: what its asker found
	// within a section makes a group of its own
	inline := Summarize([]Entry{{Kind: KindVote, Vote: Up, Question: "赤字率多少", Within: "财政政策", Answers: []Shown{{Text: "赤字率拟按3%安排。"}}}})
	if len(inline.Groups) != 1 || inline.Groups[0].Found != "财政政策 › 赤字率拟按3%安排。" || inline.Groups[0].Counts() != "👍 ×1" {
		t.Errorf("a 👍 found within a section alone: %+v", inline.Groups)
	}
}

func TestPrint(t *testing.T) {
	var b bytes.Buffer
	Print(&b, Summarize(logOf()), day0)
	out := b.String()
	for _, want := range []string{"4 👍, 5 👎, 3 unanswered; 3 questions", "1. 社零增长多少\n", "没答上 ×2", "found within: 社会消费品零售总额 › 社会消费品零售总额增长5%以上；", "report jiuyuan-2025; intent target; topics 社零",
		"answered: 新增建设5600亩高标准农田。", "note: 报告没有涉及昆都仑区"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestCasesReadByEval: the question set written is read by planbot eval's
// reader as is (every question then counts as unanswerable) and, once an
// admin has filled in an expect, as an answerable question.
func TestCasesReadByEval(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCases(&b, Summarize(logOf()).Groups); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "fb.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	cases, err := answers.ReadCases(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 3 || cases[0].ID != "fb001" || cases[0].Q != "社零增长多少" || cases[0].Cat != "unanswered" || len(cases[0].Expect) != 0 {
		t.Fatalf("read back %+v", cases)
	}
	if !strings.Contains(b.String(), `"comment":"没有答案；没答上 ×2，👍 ×2；在章节中找到 👍：社会消费品零售总额 › 社会消费品零售总额增长5%以上；"`) {
		t.Errorf("the unanswered case's comment lacks what was found within a section:\n%s", b.String())
	}
	if cases[1].Cat != "down" || !strings.Contains(b.String(), `"comment":"答：新增建设5600亩高标准农田。；👎 ×3（年份不对 2），👍 ×1"`) {
		t.Errorf("the down case or its comment:\n%s", b.String())
	}
	labelled := strings.Replace(b.String(), `"q":"社零增长多少","expect":[]`, `"q":"社零增长多少","expect":[["社会消费品零售总额"]]`, 1)
	if err := os.WriteFile(path, []byte(labelled), 0o644); err != nil {
		t.Fatal(err)
	}
	cases, err = answers.ReadCases(path)
	if err != nil {
		t.Fatal(err)
	}
	ev := answers.Evaluate(cases, func(string) []answers.Answer { return nil })
	if ev.All.Answerable != 1 || ev.All.Unanswerable != 2 {
		t.Errorf("labelled: %d answerable, %d not; want 1 and 2", ev.All.Answerable, ev.All.Unanswerable)
	}
}
