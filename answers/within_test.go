package answers

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// A question asked within a heading offered for it is answered by a
// sentence under that heading (or the indicator table's row it names),
// though the sentence says too little of the question; one that a later
// gate rejected (another period, no figure, another unit) answers only
// when nothing else does, with the gate's note and no figure highlighted.
func TestAskWithin(t *testing.T) {
	e, _ := engineOnSeed(t)
	tests := []struct {
		q, within string
		offered   bool   // the report does not answer q and offers within
		want      string // a part of the first answer; "" for none
		note      string // the first answer's note
	}{
		{"我想知道今年企业办事方不方便，有啥新举措", "持续优化营商环境", true, "民营企业办实事", ""},
		{"医保报销能报多少", "三是完善医疗服务体系", true, "医保支付", "此句没有所问的数字"},                        // the figure gate's sentence
		{"2025年社会消费品零售总额目标是多少亿元", "社会消费品零售总额", true, "2025年预期目标5%以上", "此句没有所问单位的数字"}, // the row gives rates
		{"2025年社会消费品零售总额目标是多少", "社会消费品零售总额", false, "2025年预期目标5%以上", ""},             // a row of the indicator table
		{"今年要建多少亩高标准农田", "2025年经济社会发展主要预期目标安排", false, "", ""},                       // nothing under it says 高标准农田
		{"火星基地建设有什么安排", "持续优化营商环境", false, "", ""},                                   // nor 火星基地: a sentence saying nothing of it stays out
	}
	for _, tt := range tests {
		whole, err := e.Ask(context.Background(), tt.q, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if tt.offered && (len(whole.Answers) != 0 || !slices.Contains(whole.Closest, tt.within)) {
			t.Fatalf("%q: %d answers, closest %q; want none and %q offered", tt.q, len(whole.Answers), whole.Closest, tt.within)
		}
		res, err := e.Ask(context.Background(), tt.q, Options{ReportID: whole.Report, Within: tt.within})
		if err != nil {
			t.Fatal(err)
		}
		if res.Within != tt.within || res.Report != whole.Report || len(res.Closest) != 0 {
			t.Errorf("%q: within %q of %q, closest %q; want %q of %q and none offered", tt.q, res.Within, res.Report, res.Closest, tt.within, whole.Report)
		}
		if tt.want == "" {
			if len(res.Answers) != 0 {
				t.Errorf("%q within %q: answered %q, want none", tt.q, tt.within, res.Answers[0].Text)
			}
			continue
		}
		if len(res.Answers) == 0 || !strings.Contains(res.Answers[0].Text, tt.want) {
			t.Errorf("%q within %q: %d answers, want the first to say %q", tt.q, tt.within, len(res.Answers), tt.want)
			continue
		}
		if a := res.Answers[0]; a.Note != tt.note || tt.note != "" && len(a.Marks) != 0 {
			t.Errorf("%q within %q: note %q, %d figures marked; want note %q (and none marked with one)", tt.q, tt.within, a.Note, len(a.Marks), tt.note)
		}
		for _, a := range res.Answers {
			if !slices.Contains(a.Path, tt.within) && !strings.HasPrefix(a.Text, tt.within+"：") {
				t.Errorf("%q within %q: answer %q stands under %q", tt.q, tt.within, a.Text, a.Section)
			}
		}
	}
}

// TestWithinCoverage: within a section, a sentence must still say
// Weights.WithinCoverage of the question: raised to all of it, the
// sentence that answered no longer does.
func TestWithinCoverage(t *testing.T) {
	seed, lib := engineOnSeed(t)
	const q, within = "我想知道今年企业办事方不方便，有啥新举措", "持续优化营商环境"
	for _, tt := range []struct {
		coverage string
		answers  bool
	}{{"0.2", true}, {"1", false}} {
		e := newEngine(lib, seed.Vocabulary(), "")
		if err := e.SetWeight("WithinCoverage", tt.coverage); err != nil {
			t.Fatal(err)
		}
		res, err := e.Ask(context.Background(), q, Options{Within: within})
		if err != nil {
			t.Fatal(err)
		}
		if got := len(res.Answers) > 0; got != tt.answers {
			t.Errorf("WithinCoverage %s: answered %v, want %v", tt.coverage, got, tt.answers)
		}
	}
}
