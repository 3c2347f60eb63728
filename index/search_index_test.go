package index

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/blevesearch/bleve/v2"

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
