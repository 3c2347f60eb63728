package index

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
)

// TestReadReport checks that a report read for questions (readReport)
// is the report and words stored, read one after another through the
// same buffer, with the pairs read from the file only when first asked
// for, even once the file is removed.
func TestReadReport(t *testing.T) {
	tests := []struct {
		name  string
		path  string
		pairs []uint64
	}{
		{"seed", "../seeds/jiuyuan_2025_plan_report.txt", []uint64{'高'<<32 | '标', '标'<<32 | '准', 1 << 40}},
		{"corpus", "testdata/reports/" + firstCorpusReport(t), []uint64{'农'<<32 | '田'}},
		{"no pairs", "../seeds/jiuyuan_2025_plan_report.txt", nil},
	}
	type read struct {
		dir   string
		want  []any
		words *Words
	}
	var reads []read
	for _, tt := range tests {
		r := parsedForTest(t, tt.path)
		w := newWords([]string{"农田", "高标准农田", "建设"}, []TopWord{{Word: "高标准农田", Heads: []int{0, 3, 9}}}, []Sound{{Hash: 7, Word: 0}})
		w.pairs = slices.Sorted(slices.Values(tt.pairs))
		for _, p := range tt.pairs {
			w.pairsBySecond = append(w.pairsBySecond, p<<32|p>>32)
		}
		slices.Sort(w.pairsBySecond)
		data, err := encodeReport(r, w)
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, reportFile), data, 0o600); err != nil {
			t.Fatal(err)
		}
		stored, storedWords, err := decodeReport(data)
		if err != nil {
			t.Fatal(err)
		}
		l, err := readReport(dir)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got, gotWords := l.Report(), l.Words
		t.Cleanup(gotWords.close)
		if gotWords.storedPairs != nil || gotWords.pairsIn == nil || gotWords.tables[0].skips != nil {
			t.Errorf("%s: the pairs were read before they were asked for", tt.name)
		}
		if _, ok := l.TextAt(got.Sentences[0].Text); !ok {
			t.Errorf("%s: a sentence is no slice of the text returned", tt.name)
		}
		reads = append(reads, read{dir, []any{stored, storedWords.text, storedWords.sounds, storedWords.long, storedWords.heads}, gotWords})
		reads[len(reads)-1].want = append(reads[len(reads)-1].want, got)
	}
	for i, rd := range reads {
		if err := os.RemoveAll(rd.dir); err != nil {
			t.Fatal(err)
		}
		w := rd.words
		got := []any{rd.want[5], w.text, w.sounds, w.long, w.heads}
		if !reflect.DeepEqual(got, rd.want[:5]) {
			t.Errorf("%s: read back differs from what was stored", tests[i].name)
		}
		var after []rune
		for _, p := range tests[i].pairs {
			after = append(after, w.After(rune(p>>32))...)
		}
		if len(after) != len(tests[i].pairs) || len(w.Before('田'))+len(w.Before('准')) != countSecond(tests[i].pairs, '田', '准') {
			t.Errorf("%s: pairs after %q, want one a pair of %v", tests[i].name, after, tests[i].pairs)
		}
	}
}

// firstCorpusReport names a report of testdata/reports.
func firstCorpusReport(t *testing.T) string {
	paths, _ := filepath.Glob("testdata/reports/*.txt")
	if len(paths) == 0 {
		t.Skip("no corpus reports")
	}
	return filepath.Base(paths[0])
}

// countSecond counts the pairs whose second character is one of cs.
func countSecond(pairs []uint64, cs ...rune) int {
	n := 0
	for _, p := range pairs {
		for _, c := range cs {
			if rune(p&(1<<32-1)) == c {
				n++
			}
		}
	}
	return n
}
