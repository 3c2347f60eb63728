package answers

import "testing"

func TestMatches(t *testing.T) {
	tests := []struct {
		text   string
		expect [][]string
		want   bool
	}{
		{"城镇新增就业21万人。", [][]string{{"新增就业", "21万人"}}, true},
		{"增长5％左右。", [][]string{{"5%左右"}}, true},                        // full-width per cent
		{"国考城市PM2.5浓度下降18.3%。", [][]string{{"PM_2.5浓度下降18.3%"}}, true}, // copied from the file
		{"增长5%左右。", [][]string{{"6%"}, {"增长", "4%"}}, false},
		{"增长5%左右。", [][]string{{"6%"}, {"增长", "5%"}}, true}, // the second alternative
	}
	for _, tt := range tests {
		if got := matches(tt.text, tt.expect); got != tt.want {
			t.Errorf("matches(%q, %q) = %v, want %v", tt.text, tt.expect, got, tt.want)
		}
	}
}
