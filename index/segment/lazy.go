package segment

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

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
// small gse dictionary (one built for an earlier text serves when it
// holds all the text's words: gseFor), so it suits questions, not whole
// reports.
func Lazy(dict string) (*Segmenter, error) {
	dict, total := cutTotal(dict)
	common, err := commonWords()
	if err != nil {
		return nil, fmt.Errorf("load common words: %w", err)
	}
	own, err := indexWords(dict)
	if err != nil {
		return nil, fmt.Errorf("load pruned dictionary: %w", err)
	}
	if total <= 0 {
		total = common.totalFreq() + own.totalFreq()
	}
	LoadHMM()
	return &Segmenter{words: &lazyWords{own: own, common: common, total: total}, cuts: map[string][]Token{}}, nil
}

// lazyWords is a lazy segmenter's dictionary: the report's own words and
// the common words (disjoint), and the total frequency of both.
type lazyWords struct {
	own, common *wordIndex
	total       float64

	builtMu sync.Mutex
	built   [keepBuilt]builtGse // the last gse segmenters built (seg nil: none yet)
	next    int                 // how many were built: the next goes to next%keepBuilt
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

// wordIndex is a pruned dictionary as its text and the starts of its
// lines in the order of their words, searched by prefix.
type wordIndex struct {
	dict   string
	starts []int32 // where each line starts, in the order of their keys
	// ends are where the key of each line ends in dict, in the same
	// order, or -1-k for a key not written as it is matched (odd[k]:
	// spaces trimmed, Latin letters lowered), so that an index holds no
	// strings of its own for the garbage collector to scan.
	ends []int32
	odd  []string
	// byFirst is where the keys that start with each character start and
	// end in the order of the keys, to begin every search there.
	byFirst map[rune][2]int32

	totalOnce sync.Once
	total     float64 // gse's total frequency of the whole dictionary
}

// totalPrefix starts the first line of a pruned dictionary, which gives
// gse's total frequency of its words so that Lazy need not add them up.
// It is no word: FromDict drops it before gse reads the dictionary.
const totalPrefix = "#total "

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

// indexWords indexes the lines of dict by their words, each line's key
// found once.
func indexWords(dict string) (*wordIndex, error) {
	if len(dict) > math.MaxInt32 {
		return nil, fmt.Errorf("it is too large")
	}
	lines := strings.Count(dict, "\n") + 1
	w := &wordIndex{dict: dict, starts: make([]int32, 0, lines), ends: make([]int32, 0, lines)}
	sorted, prev := true, ""
	for at := 0; at < len(dict); {
		line := dict[at:]
		if end := strings.IndexByte(line, '\n'); end >= 0 {
			line = line[:end]
		}
		if k := keyOf(line); k != "" {
			sorted, prev = sorted && prev < k, k
			end := int32(at + len(k))
			if !strings.HasPrefix(line, k) {
				end = int32(-1 - len(w.odd))
				w.odd = append(w.odd, k)
			}
			w.starts, w.ends = append(w.starts, int32(at)), append(w.ends, end)
		}
		at += len(line) + 1
	}
	if !sorted {
		order := make([]int, len(w.starts))
		for i := range order {
			order[i] = i
		}
		slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(w.key(a), w.key(b)) })
		starts, ends := make([]int32, len(order)), make([]int32, len(order))
		for i, k := range order {
			starts[i], ends[i] = w.starts[k], w.ends[k]
		}
		w.starts, w.ends = starts, ends
	}
	w.byFirst = map[rune][2]int32{}
	for i := range w.starts {
		r, _ := utf8.DecodeRuneInString(w.key(i))
		span, ok := w.byFirst[r]
		if !ok {
			span[0] = int32(i)
		}
		span[1] = int32(i + 1)
		w.byFirst[r] = span
	}
	return w, nil
}

// line returns line i in the order of the keys.
func (w *wordIndex) line(i int) string {
	l := w.dict[w.starts[i]:]
	if end := strings.IndexByte(l, '\n'); end >= 0 {
		l = l[:end]
	}
	return l
}

// key returns the word of line i as gse matches it.
func (w *wordIndex) key(i int) string {
	if end := w.ends[i]; end >= 0 {
		return w.dict[w.starts[i]:end]
	}
	return w.odd[-1-w.ends[i]]
}

// keyOf returns the word of a line of the dictionary as gse matches it:
// spaces trimmed, Latin letters lowered.
func keyOf(line string) string {
	word := line
	if end := strings.IndexByte(line, ' '); end >= 0 {
		word = line[:end]
	}
	if word != "" && (word[0] <= ' ' || word[len(word)-1] <= ' ') {
		word = strings.TrimSpace(word)
	}
	for i := 0; i < len(word); i++ {
		if isUpperLatin(rune(word[i])) {
			return strings.Map(func(r rune) rune {
				if isUpperLatin(r) {
					return r - 'A' + 'a'
				}
				return r
			}, word)
		}
	}
	return word
}

func isUpperLatin(r rune) bool { return 'A' <= r && r <= 'Z' }

// entry parses line i as gse's LoadDictStr does, returning the word, its
// frequency (0 for a line gse skips) and its part of speech.
// Its fields are those of strings.Split(line, " "), found without the
// slice (a question looks up tens of lines).
func (w *wordIndex) entry(s *gse.Segmenter, i int) (text string, freq float64, pos string) {
	line := w.line(i)
	fields := strings.Count(line, " ") + 1
	first, rest, _ := strings.Cut(line, " ")
	second, rest, _ := strings.Cut(rest, " ")
	third, _, _ := strings.Cut(rest, " ")
	text = strings.TrimSpace(first)
	freq = s.Size(fields, text, strings.TrimSpace(second)) // "" when there is no second field, as before
	if fields > 2 {
		pos = strings.TrimSpace(third)
	}
	return text, freq, pos
}

// totalFreq is the total frequency gse gives the whole dictionary, as
// LoadDictStr adds it up.
func (w *wordIndex) totalFreq() float64 {
	w.totalOnce.Do(func() {
		s := newGse()
		for i := range w.starts {
			if i > 0 && w.key(i) == w.key(i-1) {
				continue // gse keeps the first of a word
			}
			_, f, _ := w.entry(s, i)
			w.total += f
		}
	})
	return w.total
}

// find returns the lines whose words are runs of words (gse's units: a
// Chinese character, a run of Latin letters or digits).
func (w *wordIndex) find(words []gse.Text) []int {
	var out []int
	joined, ends := joinWords(words)
	for i := range words {
		r, _ := utf8.DecodeRune(words[i])
		span, ok := w.byFirst[r]
		if !ok {
			continue // no key starts with it
		}
		lo, hi := int(span[0]), int(span[1])
		for j := i; j < len(words) && lo < hi; j++ {
			prefix := joined[ends[i]-len(words[i]) : ends[j]]
			lo += w.search(lo, hi, prefix)
			hi = lo + w.searchAbove(lo, hi, prefix)
			if lo < hi && w.key(lo) == prefix {
				out = append(out, lo)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// joinWords returns the words as one string and where each ends in it.
func joinWords(words []gse.Text) (string, []int) {
	var b strings.Builder
	ends := make([]int, len(words))
	for i, w := range words {
		b.Write(w)
		ends[i] = b.Len()
	}
	return b.String(), ends
}

// search returns how many of the lines lo to hi have a key less than s.
func (w *wordIndex) search(lo, hi int, s string) int {
	return sort.Search(hi-lo, func(i int) bool { return w.key(lo+i) >= s })
}

// searchAbove returns how many of the lines lo to hi have a key that is
// less than s or starts with it.
func (w *wordIndex) searchAbove(lo, hi int, s string) int {
	return sort.Search(hi-lo, func(i int) bool { k := w.key(lo + i); return k > s && !strings.HasPrefix(k, s) })
}

// newGse returns a gse segmenter with an empty dictionary.
func newGse() *gse.Segmenter {
	s := &gse.Segmenter{SkipLog: true, NotLoadHMM: true}
	s.Dict = gse.NewDict()
	s.Init()
	return s
}

// gseFor returns a gse segmenter loaded with the words of the dictionary
// found in text and a balancing entry for the others. A segmenter built
// for a text that holds every word found in this one cuts it the same
// (the words it has besides never occur here, and the total is kept): the
// last few built are used again, so that the pieces of a question (its
// text without its years, its topics, its query) cost no new dictionary.
func (l *lazyWords) gseFor(text string) *gse.Segmenter {
	words := gse.SplitWords([]byte(text))
	common, own := l.common.find(words), l.own.find(words)
	l.builtMu.Lock()
	for i := range l.built {
		if b := &l.built[i]; b.seg != nil && subset(common, b.common) && subset(own, b.own) {
			l.builtMu.Unlock()
			return b.seg
		}
	}
	l.builtMu.Unlock()
	s := newGse()
	kept := 0.0
	for _, found := range []struct {
		w     *wordIndex
		lines []int
	}{{l.common, common}, {l.own, own}} {
		for _, i := range found.lines {
			word, freq, pos := found.w.entry(s, i)
			if freq == 0 {
				continue
			}
			s.AddToken(word, freq, pos)
			kept += freq
		}
	}
	if rest := l.total - kept; rest > 0 && !math.IsInf(rest, 0) {
		s.AddToken(balanceToken, rest)
	}
	s.CalcToken()
	l.builtMu.Lock()
	l.built[l.next%keepBuilt] = builtGse{common: common, own: own, seg: s}
	l.next++
	l.builtMu.Unlock()
	return s
}

// keepBuilt is how many gse segmenters a lazy segmenter keeps for reuse.
const keepBuilt = 4

// builtGse is a gse segmenter gseFor built, with the lines of the common
// and the own words loaded into it (sorted).
type builtGse struct {
	common, own []int
	seg         *gse.Segmenter
}

// subset reports whether every element of the sorted a is in the sorted b.
func subset(a, b []int) bool {
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j == len(b) || b[j] != x {
			return false
		}
	}
	return true
}

// has reports whether w is a word of the index (as gse matches it).
func (w *wordIndex) has(word string) bool {
	i := w.search(0, len(w.starts), word)
	return i < len(w.starts) && w.key(i) == word
}
