package index

import (
	"fmt"
	"maps"
	"slices"
	"testing"
)

// TestOpenCacheBounds checks that the open reports are bounded by their
// number and by what they hold, the ones used longest ago closed first,
// one report kept open whatever it holds, and a report held never closed.
func TestOpenCacheBounds(t *testing.T) {
	tests := []struct {
		name     string
		limit    int
		maxBytes int64
		sizes    []int64 // of the reports r0, r1, … opened in turn
		held     int     // how many of the first are held to the end
		want     []string
	}{
		{"by number", 2, 0, []int64{10, 10, 10}, 0, []string{"r1", "r2"}},
		{"by bytes", 10, 25, []int64{10, 10, 10}, 0, []string{"r1", "r2"}},
		{"many small fit", 10, 25, []int64{5, 5, 5, 5, 5}, 0, []string{"r0", "r1", "r2", "r3", "r4"}},
		{"a large one closes several", 10, 25, []int64{5, 5, 5, 20}, 0, []string{"r2", "r3"}},
		{"one above the bound stays", 10, 25, []int64{10, 30}, 0, []string{"r1"}},
		{"held, never closed", 1, 15, []int64{10, 10, 10}, 1, []string{"r0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newOpenCache(tt.limit, tt.maxBytes)
			var releases []func()
			for i, n := range tt.sizes {
				_, release, err := c.acquire(fmt.Sprintf("r%d", i), func() (*Loaded, error) { return &Loaded{bytes: n}, nil })
				if err != nil {
					t.Fatal(err)
				}
				if i < tt.held {
					releases = append(releases, release)
				} else {
					release()
				}
			}
			c.closing.Wait()
			got := slices.Sorted(maps.Keys(c.items))
			sum := int64(0)
			for _, it := range c.items {
				sum += it.r.Bytes()
			}
			if n, b := c.open(); !slices.Equal(got, tt.want) || n != len(got) || b != sum {
				t.Errorf("open %v (%d, %d bytes; the reports hold %d), want %v", got, n, b, sum, tt.want)
			}
			for _, r := range releases {
				r()
			}
		})
	}
}
