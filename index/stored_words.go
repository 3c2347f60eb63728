package index

// encodeWords writes the words of a report: those of All end to end
// (one string to read instead of thousands), Long's as indexes into All,
// the hashes of Sounds and the pairs as differences of sorted numbers.
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
	e.sorted(w.Pairs)
	e.sorted(w.PairsBySecond)
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
	w.Pairs, w.PairsBySecond = d.sorted(), d.sorted()
	return w
}
