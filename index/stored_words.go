package index

// encodeWords writes the words of a report as they are held (Words): the
// text of the words, then their records as they are, to be read in
// place, and the pairs as differences of sorted numbers, read in place
// too (pairTable) from their first use (Words.After).
func encodeWords(e *encoder, w *Words) {
	e.str(w.text)
	var pairs encoder
	pairs.sorted(w.pairs)
	pairs.sorted(w.pairsBySecond)
	for _, b := range [][]byte{w.sounds, w.long, w.heads, pairs.nums} {
		e.block(b)
	}
}

// decodeWords reads what encodeWords wrote, in place: the records and
// the pairs are slices of d's data, which must not change while the words
// are used. It checks that every record stays within the words' text and
// heads; d.err says whether it could.
func decodeWords(d *decoder) *Words {
	w := &Words{text: d.str()}
	var parts [4][]byte // sounds, long, heads, pairs
	for i := range parts {
		parts[i] = d.block()
	}
	if d.err != nil {
		return w
	}
	w.sounds, w.long, w.heads, w.storedPairs = parts[0], parts[1], parts[2], parts[3]
	if !w.valid() {
		d.fail()
	}
	return w
}

// valid reports whether the records of w are whole and stay within its
// text and heads, so that reading them in place cannot fail.
func (w *Words) valid() bool {
	if len(w.sounds)%soundSize != 0 || len(w.long)%longSize != 0 || len(w.heads)%4 != 0 {
		return false
	}
	for i := 0; i < len(w.sounds); i += soundSize {
		if at, n := u32(w.sounds, i+4), int(w.sounds[i+8]); at > len(w.text) || n > len(w.text)-at {
			return false
		}
	}
	for i := 0; i < len(w.long); i += longSize {
		if at, n := u32(w.long, i), u32(w.long, i+4); at > len(w.text) || n > len(w.text)-at {
			return false
		}
		if from, n := u32(w.long, i+8), u32(w.long, i+12); from > len(w.heads)/4 || n > len(w.heads)/4-from {
			return false
		}
	}
	return true
}

// loadPairs makes the tables of the stored pairs of w, once, checking
// them; damaged, they are empty.
func (w *Words) loadPairs() *[2]pairTable {
	w.pairsOnce.Do(func() {
		if w.pairsIn != nil {
			w.storedPairs = w.pairsIn.read() // nil, and so empty tables, if it cannot be read
		}
		d := &decoder{nums: w.storedPairs}
		w.tables = [2]pairTable{readPairTable(d), readPairTable(d)}
		if d.end() != nil {
			w.tables = [2]pairTable{}
		}
	})
	return &w.tables
}
