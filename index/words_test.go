package index

import (
	"fmt"
	"slices"
	"testing"

	"planbot/index/report"
	"planbot/index/segment"
	"planbot/index/sound"
)

// TestWordsOf checks the words kept with a report: its words of two to
// four Chinese characters by their sound, the words not inside others
// with the heads of their parts, and the pairs of adjacent Chinese
// characters both ways.
func TestWordsOf(t *testing.T) {
	// with the common words (标准 among them)
	seg, err := segment.FromDict("高标准农田 2000 n\n高标准 100 n\n农田 100 n\n建设 300 v\n")
	if err != nil {
		t.Fatal(err)
	}
	r := &report.Report{Sentences: []report.Sentence{{Text: "高标准农田建设"}, {Text: "农田5G建设"}}}
	w := wordsOf(r, seg)
	tests := []struct {
		name      string
		got, want any
	}{
		{"long from 高", fmt.Sprint(w.LongFrom('高')), "[{高标准农田 [0 0 3 9]}]"},
		{"long from 农", fmt.Sprint(w.LongFrom('农')), "[]"},
		{"sounds like 浓田", w.SoundsLike(sound.HashKey(sound.Key("浓田"))), []string{"农田"}},
		{"sounds like 见设", w.SoundsLike(sound.HashKey(sound.Key("见设"))), []string{"建设"}},
		{"sounds like 标准", w.SoundsLike(sound.HashKey(sound.Key("标准"))), []string{"标准"}},
		{"sounds like 高标准", w.SoundsLike(sound.HashKey(sound.Key("高标准"))), []string{"高标准"}},
		{"sounds like 5G", w.SoundsLike(sound.HashKey(sound.Key("5G"))), []string(nil)},
		{"after 农", w.After('农'), []rune{'田'}},
		{"after 田", w.After('田'), []rune{'建'}},
		{"before 田", w.Before('田'), []rune{'农'}},
		{"before 建", w.Before('建'), []rune{'田'}}, // not 5G
		{"after 设", w.After('设'), []rune(nil)},
	}
	for _, tt := range tests {
		if fmt.Sprint(tt.got) != fmt.Sprint(tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, tt.got, tt.want)
		}
	}
	if !slices.IsSorted(w.pairs) || !slices.IsSorted(w.pairsBySecond) {
		t.Error("pairs not sorted")
	}
}
