package report

import (
	"slices"
	"testing"
)

func TestTermsQuoted(t *testing.T) {
	r := &Report{Sentences: []Sentence{
		{Text: "为70万妇女免费开展“两癌”筛查。"},
		{Text: "深化拓展农村“三个革命”，推进“渝车出海”行动。"},
		{Text: "学习“千万工程”经验，落实“十五五”规划。"},    // 十五五 is a name too
		{Text: "坚持“以人民为中心的发展思想和高质量发展要求”。"}, // too long for a name
	}}
	got := r.Terms()
	for _, want := range []string{"两癌", "三个革命", "渝车出海", "千万工程"} {
		if !slices.Contains(got, want) {
			t.Errorf("Terms() = %q, lacks %q", got, want)
		}
	}
	for _, not := range []string{"以人民为中心的发展思想和高质量发展要求"} {
		if slices.Contains(got, not) {
			t.Errorf("Terms() = %q, has %q", got, not)
		}
	}
}
