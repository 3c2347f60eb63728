package index

// encodeWords writes the words of a report as they are held (Words): the
// text of the words, then their records as they are, to be read in
// place.
func encodeWords(e *encoder, w *Words) {
	e.str(w.text)
	for _, b := range [][]byte{w.sounds, w.long, w.heads, w.pairs, w.pairsBySecond} {
		e.int(len(b))
		e.nums = append(e.nums, b...)
	}
}

// decodeWords reads what encodeWords wrote into one copy (not the whole
// file's bytes), checking that every record stays within the words' text
// and heads; d.err says whether it could.
func decodeWords(d *decoder) *Words {
	w := &Words{text: d.str()}
	var parts [5][]byte
	size := 0
	for i := range parts {
		n := d.count()
		parts[i], d.nums = d.nums[:n], d.nums[n:]
		size += n
	}
	if d.err != nil {
		return w
	}
	buf := make([]byte, 0, size)
	for i, p := range parts {
		buf = append(buf, p...)
		parts[i] = buf[len(buf)-len(p) : len(buf) : len(buf)]
	}
	w.sounds, w.long, w.heads, w.pairs, w.pairsBySecond = parts[0], parts[1], parts[2], parts[3], parts[4]
	if !w.valid() {
		d.fail()
	}
	return w
}

// valid reports whether the records of w are whole and stay within its
// text and heads, so that reading them in place cannot fail.
func (w *Words) valid() bool {
	if len(w.sounds)%soundSize != 0 || len(w.long)%longSize != 0 || len(w.heads)%4 != 0 || len(w.pairs)%8 != 0 || len(w.pairsBySecond)%8 != 0 {
		return false
	}
	for i := 0; i < len(w.sounds); i += soundSize {
		if at, n := u32(w.sounds, i+8), u32(w.sounds, i+12); at > len(w.text) || n > len(w.text)-at {
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
