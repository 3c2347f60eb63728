package answers

import (
	"strings"
	"testing"
)

// TestIndexOf checks indexOf against strings.Index.
func TestIndexOf(t *testing.T) {
	text := "高标准农田建设，农田5G建设。GDP增长5%\n农田"
	for _, tc := range []struct{ s, w string }{
		{text, "农田"}, {text, "建设"}, {text, "高标准"}, {text, "农田\n"}, {text, "田"}, {text, "5%"},
		{text, "gdp"}, {text, "GDP"}, {text, "\n"}, {text, ""}, {text, text}, {text, text + "。"},
		{"", ""}, {"", "农田"}, {"农", "农田"}, {"aaab", "aab"}, {"ab", "b"}, {"农田\xff", "\xff"},
		{"田农田", "农田"}, {"\xe7\x94\xb0农田", "\x94\xb0农"}, {text, "设。"},
	} {
		if got, want := indexOf(tc.s, tc.w), strings.Index(tc.s, tc.w); got != want {
			t.Errorf("indexOf(%q, %q) = %d, want %d", tc.s, tc.w, got, want)
		}
	}
}

// FuzzIndexOf checks indexOf against strings.Index on any text.
func FuzzIndexOf(f *testing.F) {
	f.Add("高标准农田建设，农田5G建设", "农田")
	f.Add("aaab", "aab")
	f.Add("田农田", "\x94\xb0农")
	f.Fuzz(func(t *testing.T, s, w string) {
		if got, want := indexOf(s, w), strings.Index(s, w); got != want {
			t.Errorf("indexOf(%q, %q) = %d, want %d", s, w, got, want)
		}
	})
}
