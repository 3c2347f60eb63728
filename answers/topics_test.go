package answers

import (
	"strings"
	"testing"

	"planbot/index"
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

func TestNamesKnown(t *testing.T) {
	e, lib := engineOnSeed(t)
	tests := []struct {
		text      string
		modifier  string
		noun      string
		nounKnown bool
		want      bool
	}{
		{"出生农田多少", "出生", "农田", true, true},   // said before a noun of the report
		{"农田出生多少", "出生", "农田", true, false},  // after it
		{"老年饭堂多少", "老年", "饭堂", true, false},  // the noun only an alias of the report's word
		{"出生农田多少", "出生", "农田", false, false}, // a noun the report lacks
	}
	lib.View(func(s *index.Snapshot) error {
		rc := e.cache(newest(t, s))
		for _, tt := range tests {
			kws := []keyword{
				{alts: []string{tt.modifier}, said: []string{tt.modifier}},
				{alts: []string{tt.noun}, said: []string{tt.noun}, known: tt.nounKnown},
			}
			if got := namesKnown(kws, 0, tt.text, rc); got != tt.want {
				t.Errorf("namesKnown(%q, %q before %q) = %v, want %v", tt.text, tt.modifier, tt.noun, got, tt.want)
			}
		}
		return nil
	})
}
