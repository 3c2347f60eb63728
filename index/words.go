package index

import (
	"cmp"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"planbot/index/report"
	"planbot/index/segment"
	"planbot/index/sound"
)

// Words are the words of a report's sentences as its dictionary cuts
// them. They are found once, when the report is built, and kept beside
// it (in report.bin), so that a reader never cuts the whole report: opening
// a report loads its dictionary lazily (segment.Lazy), which cuts a
// question quickly but a whole report slowly.
type Words struct {
	// All lists the distinct words, the words inside longer words
	// included, in the order they first occur.
	All []string `json:"all"`
	// Long lists the distinct words of three characters or more that are
	// not inside a longer one, with their Heads, by their first character
	// and then in the order they first occur (LongFrom).
	Long []TopWord `json:"long"`
	// Sounds are the words of All of two to four Chinese characters by
	// the hash of their sound (sound.Hash), sorted by it and then in the
	// order of All (SoundsLike).
	Sounds []Sound `json:"sounds"`
	// pairs are the distinct pairs of adjacent Chinese characters of the
	// sentences (words the segmenter may keep apart), each as
	// first<<32|second, sorted; pairsBySecond are the same as
	// second<<32|first, sorted (After, Before). A report read back keeps
	// them encoded (storedPairs) until they are first asked for: few
	// questions need them, and decoded they are a sixth of its memory.
	pairs, pairsBySecond []uint64
	pairsOnce            sync.Once
	storedPairs          []byte
}

// After returns the characters that follow c in the report's pairs.
func (w *Words) After(c rune) []rune { return pairsFrom(w.loadPairs().pairs, c) }

// Before returns the characters that precede c in the report's pairs.
func (w *Words) Before(c rune) []rune { return pairsFrom(w.loadPairs().pairsBySecond, c) }

// pairsFrom returns the pairs of pairs (Words.pairs or pairsBySecond)
// whose character c is first: their other characters.
func pairsFrom(pairs []uint64, c rune) []rune {
	lo, _ := slices.BinarySearch(pairs, uint64(c)<<32)
	var out []rune
	for _, p := range pairs[lo:] {
		if rune(p>>32) != c {
			break
		}
		out = append(out, rune(p&0xffffffff))
	}
	return out
}

// Sound is a word (its place in Words.All) and the hash of its sound.
type Sound struct {
	Hash uint64
	Word int32
}

// SoundsLike returns the words whose sound hashes to h (sound.HashKey):
// words that a pinyin typo may stand for, and by chance a few others.
func (w *Words) SoundsLike(h uint64) []string {
	i, _ := slices.BinarySearchFunc(w.Sounds, h, func(s Sound, h uint64) int { return cmp.Compare(s.Hash, h) })
	var out []string
	for ; i < len(w.Sounds) && w.Sounds[i].Hash == h; i++ {
		if k := int(w.Sounds[i].Word); k >= 0 && k < len(w.All) {
			out = append(out, w.All[k])
		}
	}
	return out
}

// soundsOf keys the words of all of two to four Chinese characters.
func soundsOf(all []string) []Sound {
	var out []Sound
	for i, w := range all {
		if n := utf8.RuneCountInString(w); n < 2 || n > 4 || !sound.AllHan(w) {
			continue
		}
		if h, ok := sound.Hash(w); ok {
			out = append(out, Sound{h, int32(i)})
		}
	}
	slices.SortStableFunc(out, func(a, b Sound) int { return cmp.Compare(a.Hash, b.Hash) })
	return out
}

// LongFrom returns the long words (Words.Long) whose first character is c.
func (w *Words) LongFrom(c rune) []TopWord {
	first := func(t TopWord, c rune) int {
		r, _ := utf8.DecodeRuneInString(t.Word)
		return int(r) - int(c)
	}
	lo, _ := slices.BinarySearchFunc(w.Long, c, first)
	hi, _ := slices.BinarySearchFunc(w.Long, c+1, first)
	return w.Long[lo:hi]
}

// TopWord is a word of a report not inside a longer one, with Heads: the
// byte offsets at which the words of its own cut start (Segmenter.Cut of
// the word alone, inner words included), so that its parts are known
// without cutting it.
type TopWord struct {
	Word  string `json:"w"`
	Heads []int  `json:"h,omitempty"`
}

// longFrom is the length in characters from which a word is long.
const longFrom = 3

// wordsOf cuts the sentences of r with seg and lists their words.
func wordsOf(r *report.Report, seg *segment.Segmenter) *Words {
	w := &Words{All: []string{}, Long: []TopWord{}}
	all, top := map[string]bool{}, map[string]bool{}
	for _, s := range r.Sentences {
		end := -1
		for _, t := range seg.Cut(s.Text) {
			if !all[t.Term] {
				all[t.Term] = true
				w.All = append(w.All, t.Term)
			}
			if t.Start < end {
				continue // inside the word before
			}
			end = t.End
			if top[t.Term] || utf8.RuneCountInString(t.Term) < longFrom {
				continue
			}
			top[t.Term] = true
			tw := TopWord{Word: t.Term}
			for _, sub := range seg.Cut(t.Term) {
				tw.Heads = append(tw.Heads, sub.Start)
			}
			w.Long = append(w.Long, tw)
		}
		prev := rune(-1)
		for _, c := range s.Text {
			if !unicode.Is(unicode.Han, c) {
				prev = -1
				continue
			}
			if prev >= 0 {
				w.pairs = append(w.pairs, uint64(prev)<<32|uint64(c))
				w.pairsBySecond = append(w.pairsBySecond, uint64(c)<<32|uint64(prev))
			}
			prev = c
		}
	}
	w.Sounds = soundsOf(w.All)
	slices.SortStableFunc(w.Long, func(a, b TopWord) int {
		ra, _ := utf8.DecodeRuneInString(a.Word)
		rb, _ := utf8.DecodeRuneInString(b.Word)
		return int(ra) - int(rb)
	})
	for _, ps := range []*[]uint64{&w.pairs, &w.pairsBySecond} {
		slices.Sort(*ps)
		*ps = slices.Compact(*ps)
	}
	return w
}
