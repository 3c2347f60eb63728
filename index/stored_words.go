package index

import (
	"fmt"
	"strings"
)

// storedWords are the words of a report as report.gob keeps them: the
// words of Words.All end to end in one string and where each ends, one
// string to decode instead of thousands; Words.Long's words as indexes
// into them (LongWord; -1: the next of LongText) and their heads as one
// slice (Heads, HeadsEnd); Words.Sounds as two columns.
type storedWords struct {
	WordsText string
	WordEnds  []int32
	LongWord  []int32
	LongText  []string
	Heads     []int32
	HeadsEnd  []int32
	SoundHash []uint64
	SoundWord []int32
}

// packWords stores the words of w but its pairs.
func (st *storedWords) packWords(w *Words) {
	at := make(map[string]int32, len(w.All))
	var b strings.Builder
	for i, word := range w.All {
		b.WriteString(word)
		st.WordEnds = append(st.WordEnds, int32(b.Len()))
		at[word] = int32(i)
	}
	st.WordsText = b.String()
	for _, t := range w.Long {
		k, ok := at[t.Word]
		if !ok {
			k = -1
			st.LongText = append(st.LongText, t.Word)
		}
		st.LongWord = append(st.LongWord, k)
		for _, h := range t.Heads {
			st.Heads = append(st.Heads, int32(h))
		}
		st.HeadsEnd = append(st.HeadsEnd, int32(len(st.Heads)))
	}
	for _, s := range w.Sounds {
		st.SoundHash = append(st.SoundHash, s.Hash)
		st.SoundWord = append(st.SoundWord, s.Word)
	}
}

// unpackWords restores into w what packWords stored.
func (st *storedWords) unpackWords(w *Words) error {
	if len(st.HeadsEnd) != len(st.LongWord) || len(st.SoundWord) != len(st.SoundHash) {
		return fmt.Errorf("its long words do not match their tables")
	}
	if len(st.WordEnds) > 0 {
		w.All = make([]string, len(st.WordEnds))
	}
	start := int32(0)
	for i, end := range st.WordEnds {
		if end < start || int(end) > len(st.WordsText) {
			return fmt.Errorf("word %d out of its text", i)
		}
		w.All[i] = st.WordsText[start:end]
		start = end
	}
	if len(st.LongWord) > 0 {
		w.Long = make([]TopWord, len(st.LongWord))
	}
	heads := make([]int, len(st.Heads))
	for i, h := range st.Heads {
		heads[i] = int(h)
	}
	from, text := int32(0), 0
	for i, k := range st.LongWord {
		t := &w.Long[i]
		switch {
		case k < 0 && text < len(st.LongText):
			t.Word = st.LongText[text]
			text++
		case k < 0 || int(k) >= len(w.All):
			return fmt.Errorf("long word %d: no word %d", i, k)
		default:
			t.Word = w.All[k]
		}
		end := st.HeadsEnd[i]
		if end < from || int(end) > len(heads) {
			return fmt.Errorf("long word %d: heads out of their table", i)
		}
		if end > from {
			t.Heads = heads[from:end:end]
		}
		from = end
	}
	if len(st.SoundHash) > 0 {
		w.Sounds = make([]Sound, len(st.SoundHash))
	}
	for i, h := range st.SoundHash {
		w.Sounds[i] = Sound{Hash: h, Word: st.SoundWord[i]}
	}
	return nil
}
