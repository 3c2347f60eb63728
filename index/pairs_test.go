package index

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestPairTable checks that pairs read in place give what the decoded
// pairs give, for lists shorter and longer than a skip, characters whose
// pairs cross from one skip to the next, and characters with no pairs.
func TestPairTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	many := func(n, firsts int) []uint64 {
		var ps []uint64
		for range n {
			ps = append(ps, uint64(0x4e00+rng.IntN(firsts))<<32|uint64(0x4e00+rng.IntN(3000)))
		}
		slices.Sort(ps)
		return slices.Compact(ps)
	}
	for _, tt := range []struct {
		name  string
		pairs []uint64
	}{
		{"none", nil},
		{"one", []uint64{'高'<<32 | '标'}},
		{"a skip exactly", many(pairSkips, 5)},
		{"one character across skips", many(200, 1)},
		{"few characters", many(500, 7)},
		{"many characters", many(5000, 1500)},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var e encoder
			e.sorted(tt.pairs)
			e.int(7) // what follows the list
			d := &decoder{nums: e.nums}
			table := readPairTable(d)
			if d.int() != 7 || d.end() != nil {
				t.Fatal("the list was not read whole")
			}
			firsts := []rune{0, '高', 0x4e00 - 1, 0x4e00 + 3000}
			for _, p := range tt.pairs {
				firsts = append(firsts, rune(p>>32), rune(p>>32)+1)
			}
			for _, c := range firsts {
				if got, want := table.from(c), pairsFrom(tt.pairs, c); !slices.Equal(got, want) {
					t.Fatalf("from(%c): got %d characters, want %d", c, len(got), len(want))
				}
			}
		})
	}
}
