package index

import "slices"

// encodeWords writes the words of a report as they are held (Words): the
// text of the words, then their records as they are, to be read in
// place, and the pairs as differences of sorted numbers, to be decoded at
// first use (Words.After).
func encodeWords(e *encoder, w *Words) {
	e.str(w.text)
	var pairs encoder
	pairs.sorted(w.pairs)
	pairs.sorted(w.pairsBySecond)
	for _, b := range [][]byte{w.sounds, w.long, w.heads, pairs.nums} {
		e.int(len(b))
		e.nums = append(e.nums, b...)
	}
}

// decodeWords reads what encodeWords wrote into copies (not the whole
// file's bytes: the records in one, the pairs apart, freed once decoded),
// checking that every record stays within the words' text
// and heads; d.err says whether it could.
func decodeWords(d *decoder) *Words {
	w := &Words{text: d.str()}
	var parts [3][]byte // sounds, long, heads
	size := 0
	for i := range parts {
		n := d.count()
		parts[i], d.nums = d.nums[:n], d.nums[n:]
		size += n
	}
	n := d.count()
	if d.err != nil {
		return w
	}
	w.storedPairs, d.nums = slices.Clone(d.nums[:n]), d.nums[n:]
	buf := make([]byte, 0, size)
	for i, p := range parts {
		buf = append(buf, p...)
		parts[i] = buf[len(buf)-len(p) : len(buf) : len(buf)]
	}
	w.sounds, w.long, w.heads = parts[0], parts[1], parts[2]
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
