package answers

import "testing"

func TestMarkContext(t *testing.T) {
	w := DefaultWeights
	k := func(said string, known bool) keyword {
		return keyword{alts: []string{said}, said: []string{said}, known: known, weight: 1}
	}
	tests := []struct {
		text string
		kws  []keyword
		want []float64
	}{
		{"孩子学校食堂条件太差了，吃饭的地方会改善吗", []keyword{k("条件", true), k("吃饭", true)}, []float64{w.ContextTopic, 1}},
		{"学校食堂条件会改善吗", []keyword{k("条件", true), k("食堂", true)}, []float64{1, 1}},        // one clause
		{"今年进博会是第几届，要做哪些工作", []keyword{k("进博会", true), k("工作", true)}, []float64{1, 1}}, // both clauses ask
		{"食堂条件太差了，会不会修一修", []keyword{k("条件", true), k("修一修", false)}, []float64{1, 1}},  // the asking clause names nothing the report says
		{"去年粮食产量多少，谢谢", []keyword{k("粮食", true)}, []float64{1}},                         // the topic is in the asking clause
	}
	for _, tt := range tests {
		markContext(tt.text, tt.kws, &w)
		for i, k := range tt.kws {
			if k.weight != tt.want[i] {
				t.Errorf("markContext(%q): %s weighs %v, want %v", tt.text, k.alts[0], k.weight, tt.want[i])
			}
			if k.context != (tt.want[i] != 1) {
				t.Errorf("markContext(%q): %s context %v, want %v", tt.text, k.alts[0], k.context, !k.context)
			}
		}
	}
}
