package index

import (
	"cmp"
	"encoding/binary"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"planbot/index/report"
	"planbot/index/segment"
	"planbot/index/sound"
)

// Words are the words of a report's sentences as its dictionary cuts
// them, as far as questions look them up: by their sound and by the
// first character of the long ones. They are found once, when the report
// is built, and kept beside it (in report.bin), so that a reader never
// cuts the whole report: opening a report loads its dictionary lazily
// (segment.Lazy), which cuts a question quickly but a whole report
// slowly. They are held as they are stored, fixed-width records read in
// place (binary search, no decoding), so that opening a report costs
// nothing for them.
type Words struct {
	text string // the words of sounds and long, end to end
	// sounds are the words of two to four Chinese characters by the hash
	// of their sound (sound.Hash), sorted by it and then in the order
	// the words first occur (SoundsLike): soundSize bytes each, the
	// hash's low 32 bits (others that share them are told apart by their
	// sound, as callers do), where the word is in text and its length.
	sounds []byte
	// long are the distinct words of three characters or more that are
	// not inside a longer one, by their first character and then in the
	// order they first occur (LongFrom): longSize bytes each, where the
	// word is in text, its length, its first head in heads and how many.
	long  []byte
	heads []byte // uint32 each
	// pairs are the distinct pairs of adjacent Chinese characters of the
	// sentences (words the segmenter may keep apart), each as
	// first<<32|second, sorted; pairsBySecond are the same as
	// second<<32|first, sorted (After, Before). A report read back keeps
	// them as they are stored (storedPairs, a slice of its file) and reads
	// them in place (pairTable) once they are first asked for: few
	// questions need them, and decoded they are larger than the rest. A
	// report opened for questions (readReport) does not even hold them
	// until then: they stay in its file (pairsIn), read at first use.
	pairs, pairsBySecond []uint64
	pairsOnce            sync.Once
	storedPairs          []byte
	pairsIn              *storedFile
	tables               [2]pairTable // pairs, pairsBySecond
}

// Sizes of the records of Words.
const (
	soundSize = 9  // hash uint32, at uint32, length uint8
	longSize  = 16 // at, length, first head, heads (uint32 each)
)

// newWords packs the sounds (of words of all) and the long words.
func newWords(all []string, long []TopWord, sounds []Sound) *Words {
	var text strings.Builder
	w := &Words{}
	put := func(b []byte, vs ...uint32) []byte {
		for _, v := range vs {
			b = binary.LittleEndian.AppendUint32(b, v)
		}
		return b
	}
	for _, s := range sounds {
		word := all[s.Word]
		w.sounds = append(put(w.sounds, uint32(s.Hash), uint32(text.Len())), byte(len(word)))
		text.WriteString(word)
	}
	heads := 0
	for _, t := range long {
		w.long = put(w.long, uint32(text.Len()), uint32(len(t.Word)), uint32(heads), uint32(len(t.Heads)))
		text.WriteString(t.Word)
		for _, h := range t.Heads {
			w.heads = put(w.heads, uint32(h))
		}
		heads += len(t.Heads)
	}
	w.text = text.String()
	return w
}

// u32 reads the little-endian uint32 at b[i:].
func u32(b []byte, i int) int { return int(binary.LittleEndian.Uint32(b[i:])) }

// After returns the characters that follow c in the report's pairs.
func (w *Words) After(c rune) []rune {
	if w.storedPairs == nil && w.pairsIn == nil {
		return pairsFrom(w.pairs, c)
	}
	return w.loadPairs()[0].from(c)
}

// Before returns the characters that precede c in the report's pairs.
func (w *Words) Before(c rune) []rune {
	if w.storedPairs == nil && w.pairsIn == nil {
		return pairsFrom(w.pairsBySecond, c)
	}
	return w.loadPairs()[1].from(c)
}

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

// Sound is a word (its place in a list of words) and the hash of its
// sound.
type Sound struct {
	Hash uint64
	Word int32
}

// SoundsLike returns the words whose sound hashes to h (sound.HashKey):
// words that a pinyin typo may stand for, and by chance a few others.
func (w *Words) SoundsLike(h uint64) []string {
	n := len(w.sounds) / soundSize
	hash := func(i int) uint32 { return binary.LittleEndian.Uint32(w.sounds[i*soundSize:]) }
	var out []string
	for i := sort.Search(n, func(i int) bool { return hash(i) >= uint32(h) }); i < n && hash(i) == uint32(h); i++ {
		at := u32(w.sounds, i*soundSize+4)
		out = append(out, w.text[at:at+int(w.sounds[i*soundSize+8])])
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
	slices.SortStableFunc(out, func(a, b Sound) int { return cmp.Compare(uint32(a.Hash), uint32(b.Hash)) })
	return out
}

// LongFrom returns the long words whose first character is c, in the
// order they first occur in the report.
func (w *Words) LongFrom(c rune) []TopWord {
	n := len(w.long) / longSize
	first := func(i int) rune {
		at := u32(w.long, i*longSize)
		r, _ := utf8.DecodeRuneInString(w.text[at : at+u32(w.long, i*longSize+4)])
		return r
	}
	lo := sort.Search(n, func(i int) bool { return first(i) >= c })
	hi := lo + sort.Search(n-lo, func(i int) bool { return first(lo+i) > c })
	out := make([]TopWord, 0, hi-lo)
	for i := lo; i < hi; i++ {
		at, k := u32(w.long, i*longSize), i*longSize
		t := TopWord{Word: w.text[at : at+u32(w.long, k+4)]}
		from, heads := u32(w.long, k+8), u32(w.long, k+12)
		for j := range heads {
			t.Heads = append(t.Heads, u32(w.heads, (from+j)*4))
		}
		out = append(out, t)
	}
	return out
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
	var all []string
	var long []TopWord
	var pairs, pairsBySecond []uint64
	seen, top := map[string]bool{}, map[string]bool{}
	for _, s := range r.Sentences {
		end := -1
		for _, t := range seg.Cut(s.Text) {
			if !seen[t.Term] {
				seen[t.Term] = true
				all = append(all, t.Term)
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
			long = append(long, tw)
		}
		prev := rune(-1)
		for _, c := range s.Text {
			if !unicode.Is(unicode.Han, c) {
				prev = -1
				continue
			}
			if prev >= 0 {
				pairs = append(pairs, uint64(prev)<<32|uint64(c))
				pairsBySecond = append(pairsBySecond, uint64(c)<<32|uint64(prev))
			}
			prev = c
		}
	}
	slices.SortStableFunc(long, func(a, b TopWord) int {
		ra, _ := utf8.DecodeRuneInString(a.Word)
		rb, _ := utf8.DecodeRuneInString(b.Word)
		return int(ra) - int(rb)
	})
	w := newWords(all, long, soundsOf(all))
	for _, ps := range []*[]uint64{&pairs, &pairsBySecond} {
		slices.Sort(*ps)
		*ps = slices.Compact(*ps)
	}
	w.pairs, w.pairsBySecond = pairs, pairsBySecond
	return w
}
