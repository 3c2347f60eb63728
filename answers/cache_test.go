package answers

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"planbot/index"
	"planbot/index/report"
)

// cacheOf makes the cache of a report of the sentences given, each a
// paragraph of its own, read back as an open report holds them: slices of
// the report's text.
func cacheOf(sentences ...string) *reportCache {
	r := &report.Report{Headings: []string{"一、稳就业"}}
	for i, s := range sentences {
		r.Paragraphs = append(r.Paragraphs, report.Paragraph{ID: i, Text: s})
		r.Sentences = append(r.Sentences, report.Sentence{ID: i, Para: i, Row: -1, Text: s})
	}
	l, err := index.LoadedOf(r)
	if err != nil {
		panic(err)
	}
	return newReportCache(l)
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
	if got := rc.scan("消费"); len(got) != maxSaid+1 || !strings.Contains(rc.lowered(got[maxSaid]), "消费") {
		t.Errorf("scan found %d sentences, want %d", len(got), maxSaid+1)
	}
}

// TestScanInPlace checks that the seed report's sentences found in its
// text in place are those found in the report joined and lowered, as the
// cache made them before, for every word of a few of its sentences, their
// pairs of characters, words across two sentences and words it never says.
func TestScanInPlace(t *testing.T) {
	_, lib := engineOnSeed(t)
	lib.View(func(s *index.Snapshot) error {
		r := newest(t, s)
		rc := newReportCache(r)
		n := r.Sentences.Len()
		if len(rc.spans) < n/2 {
			t.Fatalf("%d of %d sentences read in place", len(rc.spans), n)
		}
		var all strings.Builder // the report joined and lowered, as it was
		for i := range n {
			all.WriteString(lower(r.Sentences.Text(i)) + "\n")
		}
		end := all.Len()
		for _, h := range r.Headings {
			all.WriteString(lower(h) + "\n")
		}
		all.WriteString(lower(r.Meta.Title))
		joined := all.String()
		words := []string{"", "gdp", "pm2.5", "。\n", "火星", "\n", lower(r.Meta.Title)}
		for i := 0; i < n; i += 7 {
			text := []rune(lower(r.Sentences.Text(i)))
			for k := 0; k+2 <= len(text); k += 3 {
				words = append(words, string(text[k:k+2]))
			}
			if i+1 < n && len(text) > 0 {
				next := []rune(lower(r.Sentences.Text(i + 1)))
				words = append(words, string(text[len(text)-1:])+string(next[:min(len(next), 1)]))
			}
		}
		for _, h := range r.Headings {
			words = append(words, lower(h))
		}
		for _, w := range words {
			var want []int
			if w != "" && !strings.Contains(w, "\n") {
				for from := 0; from < end; {
					j := strings.Index(joined[from:end], w)
					if j < 0 {
						break
					}
					i := strings.Count(joined[:from+j], "\n")
					want = append(want, i)
					from += j + strings.IndexByte(joined[from+j:], '\n') + 1
				}
			}
			if got := rc.scan(w); !slices.Equal(got, want) {
				t.Errorf("scan(%q) = %v, want %v", w, got, want)
			}
			if got, want := rc.contains(w), strings.Contains(joined, w); got != want {
				t.Errorf("contains(%q) = %v, want %v", w, got, want)
			}
		}
		return nil
	})
}
