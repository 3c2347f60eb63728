package answers

import (
	"strings"
	"testing"

	"planbot/index/segment"
)

func TestStraddles(t *testing.T) {
	text := "新能源车上牌多少辆"
	groups := [][]string{{"新能源汽车", "新能源车"}}
	tok := func(w string) segment.Token {
		i := strings.Index(text, w)
		return segment.Token{Term: w, Start: i, End: i + len(w)}
	}
	tests := []struct {
		w    string
		want bool
	}{
		{"车上", true},      // cut across the edge of 新能源车
		{"新能源", false},    // inside it
		{"新能源车上牌", false}, // holds it
		{"多少", false},
	}
	for _, tt := range tests {
		if got := straddles(tok(tt.w), text, groups); got != tt.want {
			t.Errorf("straddles(%q) = %v, want %v", tt.w, got, tt.want)
		}
	}
}
