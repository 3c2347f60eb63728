package index

import "sort"

// pairTable is a sorted list of pairs of characters (first<<32|second)
// read in place from their stored form (encoder.sorted: the differences
// between them as varints), with a skip list made once: the value and the
// place of every pairSkips-th pair. A lookup decodes at most pairSkips pairs
// before the ones it returns instead of the whole list, and the pairs
// take their stored size in memory (2–3 bytes a pair in a report)
// instead of 8 decoded.
type pairTable struct {
	data  []byte     // the differences, after the count
	skips []pairSkip // every pairSkips-th pair
}

// pairSkip is a pair of a pairTable and where the difference of the pair
// after it starts in data.
type pairSkip struct {
	value uint64
	next  uint32
}

// pairSkips is how many pairs a skip of a pairTable stands for.
const pairSkips = 32

// readPairTable reads a list that encoder.sorted wrote at the start of d,
// checking every difference, and leaves d after it; d.err says whether it
// could (a damaged list gives an empty table).
func readPairTable(d *decoder) pairTable {
	n := d.count()
	data := d.nums
	var t pairTable
	if n > 0 {
		t.skips = make([]pairSkip, 0, (n+pairSkips-1)/pairSkips)
	}
	v := uint64(0)
	for i := range n {
		v += d.uint()
		if i%pairSkips == 0 {
			t.skips = append(t.skips, pairSkip{v, uint32(len(data) - len(d.nums))})
		}
	}
	if d.err != nil {
		return pairTable{}
	}
	t.data = data[: len(data)-len(d.nums) : len(data)-len(d.nums)]
	return t
}

// from returns the second characters of the pairs whose first is c, in
// order.
func (t pairTable) from(c rune) []rune {
	key := uint64(c) << 32
	j := sort.Search(len(t.skips), func(i int) bool { return t.skips[i].value >= key })
	if j > 0 {
		j-- // the pairs of c may start within the block before
	}
	var out []rune
	for ; j < len(t.skips); j++ {
		s := t.skips[j]
		d := decoder{nums: t.data[s.next:]}
		v := s.value
		for k := 0; ; k++ {
			switch {
			case rune(v>>32) > c:
				return out
			case rune(v>>32) == c:
				out = append(out, rune(v&0xffffffff))
			}
			if k == pairSkips-1 || len(d.nums) == 0 {
				break
			}
			v += d.uint()
		}
	}
	return out
}
