package index

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	zap "github.com/blevesearch/zapx/v17"

	"planbot/index/segment"
)

// TestSearchIndexAsBleve checks that a report's index opened as a
// SearchIndex finds what bleve's own Index finds, hit for hit and score
// for score, for every seed question and a few of other kinds: the
// mapping made in code is the one the index was built with.
func TestSearchIndexAsBleve(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	lib := openLib(t, data, seedDir(t))
	questions := []string{"", "GDP", "2025 GDP", "粮食", "高标准农田 目标"}
	f, err := os.Open("../testdata/seed_questions.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sc := bufio.NewScanner(f); sc.Scan(); {
		var c struct{ Q string }
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		questions = append(questions, c.Q)
	}
	err = lib.View(func(s *Snapshot) error {
		e := s.Entries()[0]
		r, err := s.Open(e.Meta.ID)
		if err != nil {
			return err
		}
		dict, err := os.ReadFile(filepath.Join(data, e.Dir, dictFile))
		if err != nil {
			return err
		}
		name := segment.DictName(string(dict)) // the name its stored mapping gives it
		segment.Register(name, r.Seg)
		defer segment.Unregister(name)
		plain, err := bleve.OpenUsing(filepath.Join(data, e.Dir, bleveDir), map[string]interface{}{"read_only": true})
		if err != nil {
			return err
		}
		defer plain.Close()
		for _, q := range questions {
			got, err := Search(r.Index, q, 40)
			if err != nil {
				t.Fatal(err)
			}
			want, err := bleveSearch(plain, q, 40)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q: got %v, bleve finds %v", q, got, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// bleveSearch is Search through bleve's Index.
func bleveSearch(idx bleve.Index, q string, size int) ([]Hit, error) {
	res, err := idx.Search(bleve.NewSearchRequestOptions(searchQuery(q), size, 0, false))
	if err != nil {
		return nil, err
	}
	out := []Hit{}
	for _, h := range res.Hits {
		if id := SentenceID(h.ID); id >= 0 {
			out = append(out, Hit{Sentence: id, Score: h.Score})
		}
	}
	return out, nil
}

// TestSearchIndexReadsItsFile: a report's index reads its segment at each
// search into a buffer that searches share: what a search found stays as
// it was when the buffer is written over by the next, and a report
// removed while open still finds the same from the file it holds open.
func TestSearchIndexReadsItsFile(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	lib := openLib(t, data, seedDir(t))
	defer lib.Close()
	q := searchQuery("粮食 产量 目标")
	err := lib.View(func(s *Snapshot) error {
		e := s.Entries()[0]
		r, err := s.Open(e.Meta.ID)
		if err != nil {
			return err
		}
		hits, err := r.Index.search(q, 40)
		if err != nil {
			return err
		}
		if len(hits) == 0 {
			t.Fatal("nothing found")
		}
		var want []string
		for _, h := range hits {
			want = append(want, strings.Clone(h.ID))
		}
		for range 4 { // the buffers the pool holds, written over
			bp := segmentBuffers.Get().(*[]byte)
			for i := range *bp {
				(*bp)[i] = 0xff
			}
			defer segmentBuffers.Put(bp)
		}
		for i, h := range hits {
			if h.ID != want[i] {
				t.Fatalf("hit %d: %q after the buffer was reused, was %q", i, h.ID, want[i])
			}
		}
		if err := os.RemoveAll(filepath.Join(data, e.Dir)); err != nil {
			return err
		}
		again, err := r.Index.search(q, 40)
		if err != nil {
			t.Fatalf("removed while open: %v", err)
		}
		if len(again) != len(hits) {
			t.Fatalf("removed while open: %d hits, want %d", len(again), len(hits))
		}
		for i, h := range again {
			if h.ID != want[i] || h.Score != hits[i].Score {
				t.Errorf("removed while open, hit %d: %s %v, want %s %v", i, h.ID, h.Score, want[i], hits[i].Score)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestReadFooter: a segment's footer is checked before anything of the
// segment is read: damaged, it is an error, never a panic.
func TestReadFooter(t *testing.T) {
	data := t.TempDir()
	openLib(t, data, seedDir(t)).Close()
	zaps, err := filepath.Glob(filepath.Join(data, "reports", "*", bleveDir, "store", "*.zap"))
	if err != nil || len(zaps) == 0 {
		t.Fatalf("no segment (%v)", err)
	}
	good, err := os.ReadFile(zaps[0])
	if err != nil {
		t.Fatal(err)
	}
	n := len(good)
	change := func(f func(b []byte) []byte) []byte { return f(bytes.Clone(good)) }
	cases := []struct {
		name string
		file []byte
		ok   bool
	}{
		{"as written", good, true},
		{"empty", nil, false},
		{"cut short", good[:20], false},
		{"another version", change(func(b []byte) []byte { b[n-8+3]++; return b }), false},
		{"written through a callback", change(func(b []byte) []byte { b[n-zap.FooterSize+3] = 4; return b }), false},
		{"sections past the end", change(func(b []byte) []byte { b[n-20] = 0x7f; return b }), false},
		{"stored past the end", change(func(b []byte) []byte { b[n-28] = 0x7f; return b }), false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "x.zap")
			if err := os.WriteFile(p, c.file, 0o600); err != nil {
				t.Fatal(err)
			}
			f, err := os.Open(p)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			ft, err := readFooter(f)
			if (err == nil) != c.ok {
				t.Fatalf("err %v, want ok %v", err, c.ok)
			}
			if c.ok && (ft.size != int64(n) || ft.numDocs == 0 || ft.sectionsIndex == 0) {
				t.Errorf("footer %+v", ft)
			}
		})
	}
}
