package index

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"planbot/index/report"
)

// TestStoredRoundTrip checks that every corpus report and the seed come
// back from their stored form exactly as parsed, and that the stored form
// is smaller than the report written plainly (with gob).
func TestStoredRoundTrip(t *testing.T) {
	paths, _ := filepath.Glob("testdata/reports/*.txt")
	paths = append(paths, "../seeds/jiuyuan_2025_plan_report.txt")
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			r := parsedForTest(t, p)
			words := newWords([]string{"农田", "高标准农田", "建设"}, []TopWord{{Word: "高标准农田", Heads: []int{0, 3, 9}}, {Word: "不在全部词里"}},
				[]Sound{{Hash: 7, Word: 0}, {Hash: 1 << 63, Word: 2}})
			words.pairs, words.pairsBySecond = []uint64{1, 2}, []uint64{3, 1 << 40}
			lean, err := encodeReport(r, words)
			if err != nil {
				t.Fatal(err)
			}
			var plain bytes.Buffer
			if err := gob.NewEncoder(&plain).Encode(r); err != nil {
				t.Fatal(err)
			}
			got, gotWords, err := decodeReport(lean)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, r) {
				t.Error("the report read back differs from the one stored")
			}
			if gotWords.storedPairs == nil || gotWords.tables[0].skips != nil {
				t.Error("the pairs were read before they were asked for")
			}
			got2 := []any{gotWords.text, gotWords.sounds, gotWords.long, gotWords.heads, gotWords.After(0), gotWords.Before(0), gotWords.Before(1 << 8)}
			want := []any{words.text, words.sounds, words.long, words.heads, words.After(0), words.Before(0), words.Before(1 << 8)}
			if !reflect.DeepEqual(got2, want) {
				t.Errorf("the words read back differ: got %+v, want %+v", got2, want)
			}
			if len(lean) >= plain.Len() {
				t.Errorf("stored %d bytes, plainly %d", len(lean), plain.Len())
			}
		})
	}
}

// parsedForTest parses the report file at path.
func parsedForTest(t *testing.T, path string) *report.Report {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.ParseFile(filepath.Base(path), data, report.Meta{}, "x", "h")
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestStoredDamaged checks that a stored report cut short is refused with
// an error, and that one with a byte changed anywhere is refused or read,
// never a panic.
func TestStoredDamaged(t *testing.T) {
	r := parsedForTest(t, "../seeds/jiuyuan_2025_plan_report.txt")
	words := newWords([]string{"高标准农田"}, []TopWord{{Word: "高标准农田", Heads: []int{0, 9}}}, []Sound{{Hash: 3, Word: 0}})
	words.pairs = []uint64{5, 9}
	data, err := encodeReport(r, words)
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < len(data); n += 1 + n/50 {
		if _, _, err := decodeReport(data[:n]); err == nil {
			t.Fatalf("cut to %d of %d bytes: read", n, len(data))
		}
	}
	for i := 0; i < len(data); i += 1 + i/200 {
		for _, b := range []byte{0, 0x7f, 0x80, 0xff, data[i] ^ 1} {
			damaged := bytes.Clone(data)
			damaged[i] = b
			if _, w, err := decodeReport(damaged); err == nil { // refused or read: either will do, a panic fails
				w.After('高')
				w.LongFrom('高')
				w.SoundsLike(3)
			}
		}
	}
}
