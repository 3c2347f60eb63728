package answers

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzNormalise: any text normalises to valid UTF-8 without panicking.
func FuzzNormalise(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		out := normalise(q, nil)
		if utf8.ValidString(q) && !utf8.ValidString(out) {
			t.Errorf("normalise(%q) = %q: invalid UTF-8", q, out)
		}
		cnNumerals(q)
	})
}

// FuzzAsk: any question is answered (or not) quickly, without panicking,
// and every answer is a sentence of the report with marks inside it.
func FuzzAsk(f *testing.F) {
	e, _ := engineOnSeed(f)
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		start := time.Now()
		res, err := e.Ask(context.Background(), q, Options{Top: 3})
		if err != nil {
			t.Fatalf("Ask(%q): %v", q, err)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("Ask(%q) took %v", q, d)
		}
		if len(res.Answers) > 3 {
			t.Errorf("Ask(%q): %d answers, want at most 3", q, len(res.Answers))
		}
		for _, a := range res.Answers {
			if a.Text == "" || a.Report == "" || !utf8.ValidString(a.Text) {
				t.Errorf("Ask(%q): bad answer %+v", q, a)
			}
			for _, m := range a.Marks {
				if m.Start < 0 || m.End > len(a.Text) || m.Start >= m.End {
					t.Errorf("Ask(%q): mark %v outside %q", q, m, a.Text)
				}
			}
		}
	})
}

// fuzzSeeds are real questions and hostile ones.
func fuzzSeeds(t testing.TB) []string {
	seeds := []string{
		"", " ", "高标准农田目标是多少", "😀😀😀", "？！。，", "\x00\x01\x02", strings.Repeat("农田", 5000),
		`+-:^~*?"()[]{}`, "text:农田 section:*", "/ask@planbot 规上工业增加值", "@bot", "ＧＤＰ２０２５",
		"高標準農田目標", "百分之三点九", "两千亿亿万万", "2024年2025年2026年2019年", "\xff\xfe\xfd", "<b>&amp;</b>",
	}
	cases, err := ReadCases("../testdata/seed_questions.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		if i%10 == 0 {
			seeds = append(seeds, c.Q)
		}
	}
	return seeds
}
