package segment

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/go-ego/gse"
)

// Lazy returns a segmenter of a dictionary written by Prune that never
// loads the whole dictionary: for each text it cuts, it loads into gse
// only the dictionary's words found in that text, with a balancing entry
// that keeps the dictionary's total frequency. gse's path costs depend
// only on the words present in a text and on that total (the same ground
// as Prune's), so a text is cut exactly as FromDict's segmenter cuts it.
//
// Opening it costs a sorted index of the words (well under a
// millisecond) instead of loading them all into gse (tens of
// milliseconds and megabytes per report); each text then costs a
// small gse dictionary, so it suits questions, not whole reports.
func Lazy(dict string) (*Segmenter, error) {
	dict, total := cutTotal(dict)
	w, err := indexWords(dict)
	if err != nil {
		return nil, fmt.Errorf("load pruned dictionary: %w", err)
	}
	if total > 0 {
		w.total = total
		w.totalOnce.Do(func() {})
	}
	LoadHMM()
	return &Segmenter{words: w, cuts: map[string][]Token{}}, nil
}

// memoCuts is how many cuts a lazy segmenter remembers: a question's
// text is cut several times (its words, its typos, its topics, bleve's
// query of each field), and the words of its topics again.
const memoCuts = 256

// cutMemo returns the cut of text remembered, if it is.
func (s *Segmenter) cutMemo(text string) ([]Token, bool) {
	s.cutsMu.Lock()
	defer s.cutsMu.Unlock()
	toks, ok := s.cuts[text]
	return slices.Clone(toks), ok
}

// remember keeps the cut of text, forgetting all others when too many
// are kept.
func (s *Segmenter) remember(text string, toks []Token) {
	s.cutsMu.Lock()
	defer s.cutsMu.Unlock()
	if len(s.cuts) >= memoCuts {
		clear(s.cuts)
	}
	s.cuts[text] = slices.Clone(toks)
}

// wordIndex is a pruned dictionary as sorted lines, searched by prefix.
type wordIndex struct {
	keys  []string // the words as gse matches them (Latin letters lowered), sorted
	lines []string // the dictionary line of each key

	totalOnce sync.Once
	total     float64 // gse's total frequency of the whole dictionary
}

// totalPrefix starts the first line of a pruned dictionary, which gives
// gse's total frequency of its words so that Lazy need not add them up.
// It is no word: FromDict drops it before gse reads the dictionary.
const totalPrefix = "#total "

// withTotal puts the total line before the words of dict.
func withTotal(dict string) string {
	w, err := indexWords(dict)
	if err != nil {
		return dict
	}
	return totalPrefix + strconv.FormatFloat(w.totalFreq(), 'f', -1, 64) + "\n" + dict
}

// cutTotal returns dict without its total line, and the total (0 for
// none).
func cutTotal(dict string) (string, float64) {
	if !strings.HasPrefix(dict, totalPrefix) {
		return dict, 0
	}
	line, rest, _ := strings.Cut(dict, "\n")
	total, err := strconv.ParseFloat(line[len(totalPrefix):], 64)
	if err != nil {
		return rest, 0
	}
	return rest, total
}

// indexWords indexes the lines of dict by their words.
func indexWords(dict string) (*wordIndex, error) {
	w := &wordIndex{}
	n := strings.Count(dict, "\n") + 1
	w.keys, w.lines = make([]string, 0, n), make([]string, 0, n)
	sorted := true
	for rest := dict; rest != ""; {
		line := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		word := line
		if i := strings.IndexByte(line, ' '); i >= 0 {
			word = line[:i]
		}
		if word == "" || word[0] <= ' ' || word[len(word)-1] <= ' ' {
			if word = strings.TrimSpace(word); word == "" {
				continue
			}
		}
		if hasLatin(word) {
			word = joinWords(gse.SplitWords(gse.Text(word)))
		}
		if k := len(w.keys); k > 0 && w.keys[k-1] >= word {
			sorted = false
		}
		w.keys, w.lines = append(w.keys, word), append(w.lines, line)
	}
	if len(w.keys) == 0 {
		return nil, fmt.Errorf("it is empty")
	}
	if !sorted {
		order := make([]int, len(w.keys))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(w.keys[a], w.keys[b]) })
		keys, lines := make([]string, len(order)), make([]string, len(order))
		for i, o := range order {
			keys[i], lines[i] = w.keys[o], w.lines[o]
		}
		w.keys, w.lines = keys, lines
	}
	return w, nil
}

// hasLatin reports whether s has an ASCII letter, which gse lowers.
func hasLatin(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r < 0x80 && ('a' <= r|0x20 && r|0x20 <= 'z') })
}

func joinWords(ws []gse.Text) string {
	var b strings.Builder
	for _, t := range ws {
		b.Write(t)
	}
	return b.String()
}

// entry parses line i as gse's LoadDictStr does, returning the word, its
// frequency (0 for a line gse skips) and its part of speech.
func (w *wordIndex) entry(s *gse.Segmenter, i int) (text string, freq float64, pos string) {
	fields := strings.Split(w.lines[i], " ")
	text = strings.TrimSpace(fields[0])
	freqText := ""
	if len(fields) > 1 {
		freqText = strings.TrimSpace(fields[1])
	}
	freq = s.Size(len(fields), text, freqText)
	if len(fields) > 2 {
		pos = strings.TrimSpace(fields[2])
	}
	return text, freq, pos
}

// totalFreq is the total frequency gse gives the whole dictionary, as
// LoadDictStr adds it up.
func (w *wordIndex) totalFreq() float64 {
	w.totalOnce.Do(func() {
		s := newGse()
		for i := range w.keys {
			if i > 0 && w.keys[i] == w.keys[i-1] {
				continue // gse keeps the first of a word
			}
			_, f, _ := w.entry(s, i)
			w.total += f
		}
	})
	return w.total
}

// find returns the indexes of the keys that are runs of words (gse's
// units: a Han character, a run of Latin letters or digits).
func (w *wordIndex) find(words []gse.Text) []int {
	var out []int
	for i := range words {
		lo, hi := 0, len(w.keys)
		prefix := ""
		for j := i; j < len(words) && lo < hi; j++ {
			prefix += string(words[j])
			lo += sortSearch(w.keys[lo:hi], prefix)
			hi = lo + sortSearch(w.keys[lo:hi], prefix+"\xff") // no UTF-8 byte is 0xff
			if lo < hi && w.keys[lo] == prefix {
				out = append(out, lo)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// sortSearch returns the first index of keys not less than s.
func sortSearch(keys []string, s string) int {
	i, _ := slices.BinarySearch(keys, s)
	return i
}

// newGse returns a gse segmenter with an empty dictionary.
func newGse() *gse.Segmenter {
	s := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	s.Dict = gse.NewDict()
	s.Init()
	return s
}

// gseFor returns a gse segmenter loaded with the words of the dictionary
// found in text and a balancing entry for the others.
func (w *wordIndex) gseFor(text string) *gse.Segmenter {
	s := newGse()
	kept := 0.0
	for _, i := range w.find(s.SplitTextToWords([]byte(text))) {
		word, freq, pos := w.entry(s, i)
		if freq == 0 {
			continue
		}
		s.AddToken(word, freq, pos)
		kept += freq
	}
	if rest := w.totalFreq() - kept; rest > 0 && !math.IsInf(rest, 0) {
		s.AddToken(balanceToken, rest)
	}
	s.CalcToken()
	return s
}
