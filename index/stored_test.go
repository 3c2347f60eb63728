package index

import (
	"bytes"
	"encoding/gob"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"planbot/index/report"
)

// TestStoredRoundTrip checks that every corpus report and the seed come
// back from report.gob exactly as parsed, and that the stored form is
// smaller than the report written plainly.
func TestStoredRoundTrip(t *testing.T) {
	paths, _ := filepath.Glob("testdata/reports/*.txt")
	paths = append(paths, "../seeds/jiuyuan_2025_plan_report.txt")
	for _, p := range paths {
		t.Run(filepath.Base(p), func(t *testing.T) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			r, err := report.ParseFile(filepath.Base(p), data, report.Meta{}, "x", "h")
			if err != nil {
				t.Fatal(err)
			}
			words := &Words{All: []string{"农田", "高标准农田", "建设"}, Long: []TopWord{{Word: "高标准农田", Heads: []int{0, 3, 9}}, {Word: "不在全部词里"}},
				Sounds: []Sound{{Hash: 7, Word: 0}}, Pairs: []uint64{1, 2}, PairsBySecond: []uint64{3}}
			var lean, plain bytes.Buffer
			if err := gob.NewEncoder(&lean).Encode(pack(r, words)); err != nil {
				t.Fatal(err)
			}
			if err := gob.NewEncoder(&plain).Encode(r); err != nil {
				t.Fatal(err)
			}
			var st stored
			if err := gob.NewDecoder(&lean).Decode(&st); err != nil {
				t.Fatal(err)
			}
			got, gotWords, err := st.unpack()
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, r) {
				t.Error("the report read back differs from the one stored")
			}
			if !reflect.DeepEqual(gotWords, words) {
				t.Errorf("the words read back differ: got %+v, want %+v", gotWords, words)
			}
			if lean.Len() >= plain.Len() {
				t.Errorf("stored %d bytes, plainly %d", lean.Len(), plain.Len())
			}
		})
	}
}

// TestStoredDamaged checks that a stored report whose tables do not fit
// its sentences is refused with an error, not a panic.
func TestStoredDamaged(t *testing.T) {
	data, err := os.ReadFile("../seeds/jiuyuan_2025_plan_report.txt")
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.ParseFile("seed.txt", data, report.Meta{}, "x", "h")
	if err != nil {
		t.Fatal(err)
	}
	for name, damage := range map[string]func(*stored){
		"no report":          func(st *stored) { st.Report = nil },
		"short table":        func(st *stored) { st.TextStart = st.TextStart[:0] },
		"unknown section":    func(st *stored) { st.SectionOfSent[0] = 99 },
		"text outside":       func(st *stored) { st.TextEnd[0] = 1 << 20 },
		"figures missing":    func(st *stored) { st.FigureInText = nil },
		"word past text":     func(st *stored) { st.WordColumns.WordEnds = append(st.WordColumns.WordEnds, 1<<20) },
		"unknown long word":  func(st *stored) { st.WordColumns.LongWord = []int32{99} },
		"long words missing": func(st *stored) { st.WordColumns.HeadsEnd = nil },
		"figure past text":   func(st *stored) { st.FigEnd[slices.Index(st.FigureInText, true)] = 1 << 20 },
		"figures past table": func(st *stored) { st.FiguresEnd[len(st.FiguresEnd)-1]++ },
		"unknown label":      func(st *stored) { st.FigLabels[0] = 1 << 30 },
		"labels missing":     func(st *stored) { st.SentLabels = st.SentLabels[1:] },
		"heads past table":   func(st *stored) { st.WordColumns.HeadsEnd[0] = 99 },
	} {
		t.Run(name, func(t *testing.T) {
			st := pack(r, &Words{All: []string{"高标准农田"}, Long: []TopWord{{Word: "高标准农田", Heads: []int{0, 9}}}})
			damage(&st)
			if _, _, err := st.unpack(); err == nil {
				t.Error("a damaged report was read")
			}
		})
	}
}
