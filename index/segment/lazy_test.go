package segment

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
)

var (
	fullOnce sync.Once
	fullSeg  *Segmenter
	fullErr  error
)

// full loads gse's full dictionary once for the tests.
func full(t testing.TB) *Segmenter {
	t.Helper()
	fullOnce.Do(func() { fullSeg, fullErr = Full() })
	if fullErr != nil {
		t.Fatal(fullErr)
	}
	return fullSeg
}

// seedDict returns the lines of the seed report and its pruned
// dictionary, with a few words kept as a vocabulary keeps them.
func seedDict(t testing.TB) ([]string, string) {
	t.Helper()
	text, err := os.ReadFile("../../seeds/jiuyuan_2025_plan_report.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(text), "\n")
	keep := []string{"GDP", "社会消费品零售总额", "5G基站", "PM2.5", "出生人口"}
	terms := []string{"高标准农田建设", "九原区鹿城新语", "R&D经费"}
	return lines, full(t).Prune(lines, keep, terms)
}

// questions returns the questions of a few question sets.
func questions(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, name := range []string{"seed_questions", "beijing_2026_questions", "guowuyuan_2024_hard"} {
		f, err := os.Open("../../testdata/" + name + ".jsonl")
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			var c struct{ Q string }
			if json.Unmarshal(sc.Bytes(), &c) == nil && c.Q != "" {
				out = append(out, c.Q)
			}
		}
		f.Close()
	}
	return out
}

// seedSegmenters returns the lines of the seed report and two segmenters
// of its pruned dictionary: one with it loaded whole, one lazy.
func seedSegmenters(t *testing.T) (lines []string, loaded, lazy *Segmenter) {
	t.Helper()
	lines, dict := seedDict(t)
	loaded, err := FromDict(dict)
	if err != nil {
		t.Fatal(err)
	}
	lazy, err = Lazy(dict)
	if err != nil {
		t.Fatal(err)
	}
	return lines, loaded, lazy
}

// TestLazyCutsAsLoaded checks that a lazy segmenter cuts every line of
// the seed report, every question and a few odd texts exactly as the
// segmenter with the whole dictionary loaded: the same words, offsets,
// parts of speech and words inside words.
func TestLazyCutsAsLoaded(t *testing.T) {
	lines, loaded, lazy := seedSegmenters(t)
	texts := append(lines, questions(t)...)
	texts = append(texts, "", " ", "GDP是多少", "gdp和PM2.5", "5G基站建了几个", "R&D经费投入强度", "ＧＤＰ",
		"\ue000\ue001", "九原区鹿城新语", "abc123def", "高标准农田建设高标准农田")
	for _, text := range texts {
		if a, b := fmt.Sprint(loaded.Cut(text)), fmt.Sprint(lazy.Cut(text)); a != b {
			t.Errorf("%q cut differently:\n loaded %s\n lazy   %s", text, a, b)
		}
	}
}

// TestLazyReusesAsLoaded checks that the pieces of a text cut after it
// (its halves, its words joined by spaces, the text with a word blanked:
// what a question's topics and queries are) are cut as the segmenter
// with the whole dictionary loaded cuts them, though a lazy segmenter
// cuts them with the gse dictionary it built for the whole text.
func TestLazyReusesAsLoaded(t *testing.T) {
	_, loaded, lazy := seedSegmenters(t)
	cut, built := 0, lazy.words.next
	for _, q := range questions(t) {
		rs := []rune(q)
		pieces := []string{q, string(rs[:len(rs)/2]), string(rs[len(rs)/2:]), strings.Join(loaded.Words(q), " ")}
		if len(rs) > 3 {
			pieces = append(pieces, "  "+string(rs[2:]), string(rs[:1])+" "+string(rs[2:]))
		}
		for _, text := range pieces {
			if a, b := fmt.Sprint(loaded.Cut(text)), fmt.Sprint(lazy.Cut(text)); a != b {
				t.Errorf("%q (a piece of %q) cut differently:\n loaded %s\n lazy   %s", text, q, a, b)
			}
			cut++
		}
	}
	if built := lazy.words.next - built; built*2 > cut {
		t.Errorf("%d gse dictionaries built for %d texts: the pieces of a text should reuse its dictionary", built, cut)
	}
}

// TestLazyDictionaries checks small dictionaries cut lazily as loaded:
// unsorted lines, upper-case Latin, a word twice, a line gse skips.
func TestLazyDictionaries(t *testing.T) {
	for _, tc := range []struct{ name, dict, text string }{
		{"sorted", "农田 100 n\n高标准 100 n\n高标准农田 2000 n\n", "高标准农田建设"},
		{"unsorted", "高标准农田 2000 n\n农田 100 n\n高标准 100 n\n", "高标准农田建设"},
		{"latin", "GDP 500 n\n增速 300 n\n", "gdp增速GDP"},
		{"twice", "农田 100 n\n农田 5000 v\n高标准 100 n\n", "高标准农田"},
		{"skipped", "农田\n农田 100 n\n", "农田"},
		{"one character", "田 900 n\n农田 100 n\n", "农田田"},
		{"only common words", "\n", "高标准农田建设和出生人口"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			loaded, err := FromDict(tc.dict)
			if err != nil {
				t.Fatal(err)
			}
			lazy, err := Lazy(tc.dict)
			if err != nil {
				t.Fatal(err)
			}
			if a, b := fmt.Sprint(loaded.Cut(tc.text)), fmt.Sprint(lazy.Cut(tc.text)); a != b {
				t.Errorf("loaded %s, lazy %s", a, b)
			}
		})
	}
}

// BenchmarkOpenDict opens the seed's pruned dictionary: loaded whole, or
// lazily.
func BenchmarkOpenDict(b *testing.B) {
	_, dict := seedDict(b)
	for _, m := range []struct {
		name string
		open func(string) (*Segmenter, error)
	}{{"loaded", FromDict}, {"lazy", Lazy}} {
		b.Run(m.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := m.open(dict); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCutQuestion cuts the questions in turn, after the first cut
// of a freshly opened segmenter (the lazy one reads its total then).
func BenchmarkCutQuestion(b *testing.B) {
	_, dict := seedDict(b)
	qs := questions(b)
	for _, m := range []struct {
		name string
		open func(string) (*Segmenter, error)
	}{{"loaded", FromDict}, {"lazy", Lazy}} {
		b.Run(m.name, func(b *testing.B) {
			s, err := m.open(dict)
			if err != nil {
				b.Fatal(err)
			}
			s.Cut(qs[0])
			i := 0
			for b.Loop() {
				s.Cut(qs[i%len(qs)])
				i++
			}
		})
	}
}

// TestIsWord checks that a lazy segmenter knows the words of its
// dictionary as the loaded one does: common words (工地), the report's
// own, Latin words in any case, and not a run of characters that is none.
func TestIsWord(t *testing.T) {
	_, loaded, lazy := seedSegmenters(t)
	for w, want := range map[string]bool{"工地": true, "两口": true, "高标准农田": true, "农田": true, "R&D经费": true, "r&d经费": true, "地上工": false, "": false, "九原区鹿城": false} {
		if got := lazy.IsWord(w); got != want {
			t.Errorf("lazy IsWord(%q) = %v, want %v", w, got, want)
		}
		if got := loaded.IsWord(w); got != want {
			t.Errorf("loaded IsWord(%q) = %v, want %v", w, got, want)
		}
	}
}
