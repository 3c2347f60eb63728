package answers

import (
	"context"
	"strings"
	"testing"
)

// TestSibling: a question asking the figures of two topics listed in
// clauses parted by ； is answered with both clauses, each figure marked.
func TestSibling(t *testing.T) {
	e, _ := engineOnSeed(t)
	tests := []struct {
		question string
		want     []string
		joined   bool
	}{
		{"去年地区生产总值和规上工业产值各完成多少", []string{"368.7亿元", "393亿元"}, true},
		{"去年地区生产总值完成多少", []string{"368.7亿元"}, false},
	}
	for _, tt := range tests {
		res, err := e.Ask(context.Background(), tt.question, Options{})
		if err != nil || len(res.Answers) == 0 {
			t.Fatalf("Ask(%q): %v, %d answers", tt.question, err, len(res.Answers))
		}
		a := res.Answers[0]
		for _, w := range tt.want {
			if !strings.Contains(a.Text, w) {
				t.Errorf("Ask(%q) = %q, want it to say %s", tt.question, a.Text, w)
			}
		}
		if joined := strings.Count(a.Text, ";") > 1; joined != tt.joined {
			t.Errorf("Ask(%q) = %q: joined %v, want %v", tt.question, a.Text, joined, tt.joined)
		}
		for _, m := range a.Marks {
			if m.Start < 0 || m.End > len(a.Text) || !strings.ContainsAny(a.Text[m.Start:m.End], "0123456789") {
				t.Errorf("Ask(%q): mark %v of %q holds no figure", tt.question, m, a.Text)
			}
		}
		res, _ = e.Ask(context.Background(), tt.question, Options{Top: 5})
		for i, a := range res.Answers {
			for _, b := range res.Answers[:i] {
				if strings.Contains(a.Text, b.Text) || strings.Contains(b.Text, a.Text) {
					t.Errorf("Ask(%q): %q given twice (%q)", tt.question, b.Text, a.Text)
				}
			}
		}
	}
}
