package index

import (
	"context"
	"testing"

	index "github.com/blevesearch/bleve_index_api"
)

// TestTermReaderAdvance: a term's reader advances to the first document
// at or after the one asked, going back to the first posting when asked
// for one it has passed, as scorch's reader does.
func TestTermReaderAdvance(t *testing.T) {
	data := t.TempDir()
	lib := openLib(t, data, seedDir(t))
	defer lib.Close()
	err := lib.View(func(s *Snapshot) error {
		r, err := s.Open(s.Entries()[0].Meta.ID)
		if err != nil {
			return err
		}
		sb, done, err := r.Index.segment()
		if err != nil {
			return err
		}
		defer done()
		zr := zapReader{sb}
		open := func() index.TermFieldReader {
			tr, err := zr.TermFieldReader(context.Background(), []byte(KindRow), "kind", true, true, false)
			if err != nil {
				t.Fatal(err)
			}
			return tr
		}
		var all []uint64 // the rows, by Next
		for tr := open(); ; {
			d, err := tr.Next(nil)
			if err != nil {
				t.Fatal(err)
			}
			if d == nil {
				break
			}
			all = append(all, d.ID.Value())
		}
		if n, _ := zr.DocCount(); len(all) < 3 || uint64(len(all)) >= n {
			t.Fatalf("%d rows of %d documents", len(all), n)
		}
		atOrAfter := func(n uint64) uint64 {
			for _, v := range all {
				if v >= n {
					return v
				}
			}
			return 1 << 63 // none
		}
		tr := open()
		if tr.Count() != uint64(len(all)) {
			t.Errorf("Count %d, want %d", tr.Count(), len(all))
		}
		for _, n := range []uint64{0, all[1], all[1], all[1] + 1, all[0], all[len(all)-1], 0, all[2], all[len(all)-1] + 1} { // none after the last: the end
			d, err := tr.Advance(index.NewIndexInternalID(nil, n), nil)
			if err != nil {
				t.Fatal(err)
			}
			got := uint64(1 << 63)
			if d != nil {
				got = d.ID.Value()
			}
			if want := atOrAfter(n); got != want {
				t.Errorf("Advance(%d) = %d, want %d", n, got, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
