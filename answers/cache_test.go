package answers

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"planbot/index"
	"planbot/index/report"
)

// cacheOf makes the cache of a report of the sentences given.
func cacheOf(sentences ...string) *reportCache {
	r := &report.Report{Headings: []string{"一、稳就业"}}
	for i, s := range sentences {
		r.Sentences = append(r.Sentences, report.Sentence{ID: i, Para: i, Text: s})
	}
	return newReportCache(&index.Loaded{Report: r})
}

func TestSentencesWith(t *testing.T) {
	rc := cacheOf("提振消费。", "扩大就业，稳就业。", "消费品以旧换新。", "GDP增长5%。")
	tests := []struct {
		word string
		want []int
	}{
		{"消费", []int{0, 2}},
		{"就业", []int{1}},  // said twice by one sentence
		{"gdp", []int{3}}, // lowered
		{"稳就业", []int{1}},
		{"。扩", nil}, // across two sentences
		{"一、", nil}, // a heading is no sentence
	}
	for _, tt := range tests {
		got, n := rc.sentencesWith(tt.word)
		if !slices.Equal(got, tt.want) || n != len(tt.want) {
			t.Errorf("sentencesWith(%q) = %v, %d, want %v", tt.word, got, n, tt.want)
		}
		if again, _ := rc.sentencesWith(tt.word); !slices.Equal(again, got) {
			t.Errorf("sentencesWith(%q) from the memo = %v, want %v", tt.word, again, got)
		}
	}
	if !rc.contains("稳就业") || rc.contains("扩大消费") {
		t.Error("contains: the headings count, words not said do not")
	}
}

func TestSentencesWithMany(t *testing.T) {
	var ss []string
	for i := range maxSaid + 1 {
		ss = append(ss, fmt.Sprintf("第%d句说消费。", i))
	}
	rc := cacheOf(ss...)
	if got, n := rc.sentencesWith("消费"); got != nil || n != maxSaid+1 {
		t.Errorf("a word of %d sentences: %v, %d, want nil and the count", maxSaid+1, got, n)
	}
	if got := rc.scan("消费"); len(got) != maxSaid+1 || !strings.Contains(rc.text[got[maxSaid]], "消费") {
		t.Errorf("scan found %d sentences, want %d", len(got), maxSaid+1)
	}
}
