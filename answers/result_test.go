package answers

import (
	"testing"
	"unsafe"
)

// TestDetach checks that a result keeps no string of the text its report
// was read from, and says the same after.
func TestDetach(t *testing.T) {
	text := "一、发展回顾。粮食产量1300万吨。review table 社会消费品零售总额"
	in := func(s string) bool {
		if s == "" {
			return false
		}
		p, lo := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(text)))
		return p >= lo && p < lo+uintptr(len(text))
	}
	head, sentence, part := text[:len("一、发展回顾")], text[len("一、发展回顾。"):len("一、发展回顾。粮食产量1300万吨。")], text[len(text)-len("review table 社会消费品零售总额"):][:len("review")]
	for _, tc := range []struct {
		name string
		res  Result
	}{
		{"answer", Result{Answers: []Answer{{Text: sentence, Section: head, Path: []string{head}, Part: part, Report: head, ReportID: part, Note: sentence}}}},
		{"closest", Result{Closest: []string{head, sentence}}},
		{"trace", Result{Trace: &Trace{Report: part, Understood: head, Topics: []string{head}, Candidates: []TraceItem{{Text: sentence, Section: head, Features: part, Rejected: head}}}}},
		{"empty", Result{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := tc.res
			want.Answers = append([]Answer(nil), tc.res.Answers...)
			got := tc.res
			got.detach()
			var strs []string
			strs = append(strs, got.Closest...)
			for i, a := range got.Answers {
				if a.Text != want.Answers[i].Text || a.Section != want.Answers[i].Section || a.Part != want.Answers[i].Part || len(a.Path) != len(want.Answers[i].Path) {
					t.Errorf("answer %d changed: %+v, want %+v", i, a, want.Answers[i])
				}
				strs = append(append(strs, a.Text, a.Section, a.Report, a.ReportID, a.Part, a.Note), a.Path...)
			}
			if tr := got.Trace; tr != nil {
				strs = append(append(strs, tr.Report, tr.Understood), tr.Topics...)
				for _, c := range tr.Candidates {
					strs = append(strs, c.Text, c.Section, c.Features, c.Rejected)
				}
			}
			for _, s := range strs {
				if in(s) {
					t.Errorf("%q still shares the report's text", s)
				}
			}
		})
	}
}
