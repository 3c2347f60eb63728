package index

import "slices"

// encodeWords writes the words of a report: those of All end to end
// (one string to read instead of thousands), Long's as indexes into All,
// the hashes of Sounds and the pairs as differences of sorted numbers, the
// pairs apart to be read at first use (Words.After).
func encodeWords(e *encoder, w *Words) {
	at := make(map[string]int, len(w.All))
	e.int(len(w.All))
	for i, word := range w.All {
		e.str(word)
		at[word] = i
	}
	heads := 0
	for _, t := range w.Long {
		heads += len(t.Heads)
	}
	e.int(heads)
	e.int(len(w.Long))
	for _, t := range w.Long {
		if k, ok := at[t.Word]; ok {
			e.int(k)
		} else {
			e.int(-1)
			e.str(t.Word)
		}
		e.int(len(t.Heads))
		for _, h := range t.Heads {
			e.int(h)
		}
	}
	e.int(len(w.Sounds))
	prev := uint64(0)
	for _, s := range w.Sounds {
		e.uint(s.Hash - prev)
		e.int(int(s.Word))
		prev = s.Hash
	}
	var pairs encoder
	pairs.sorted(w.pairs)
	pairs.sorted(w.pairsBySecond)
	e.int(len(pairs.nums))
	e.nums = append(e.nums, pairs.nums...)
}

// decodeWords reads what encodeWords wrote; d.err says whether it could.
func decodeWords(d *decoder) *Words {
	w := &Words{All: d.strs()}
	heads := make([]int, 0, d.count()) // of all long words, one slice
	if n := d.count(); n > 0 {
		w.Long = make([]TopWord, n)
	}
	for i := range w.Long {
		t := &w.Long[i]
		if k := d.int(); k >= 0 {
			if k >= len(w.All) {
				d.fail()
				return w
			}
			t.Word = w.All[k]
		} else {
			t.Word = d.str()
		}
		if n := d.count(); n > 0 {
			if n > cap(heads)-len(heads) {
				d.fail()
				return w
			}
			from := len(heads)
			for range n {
				heads = append(heads, d.int())
			}
			t.Heads = heads[from:len(heads):len(heads)]
		}
	}
	if n := d.count(); n > 0 {
		w.Sounds = make([]Sound, n)
	}
	prev := uint64(0)
	for i := range w.Sounds {
		prev += d.uint()
		w.Sounds[i] = Sound{Hash: prev, Word: int32(d.int())}
	}
	n := d.count()
	if d.err == nil {
		w.storedPairs = slices.Clone(d.nums[:n]) // not the whole file's bytes
		d.nums = d.nums[n:]
	}
	return w
}

// loadPairs decodes the pairs of w, once; damaged, they are none.
func (w *Words) loadPairs() *Words {
	w.pairsOnce.Do(func() {
		if w.storedPairs == nil {
			return
		}
		d := &decoder{nums: w.storedPairs}
		w.pairs, w.pairsBySecond, w.storedPairs = d.sorted(), d.sorted(), nil
		if d.end() != nil {
			w.pairs, w.pairsBySecond = nil, nil
		}
	})
	return w
}
