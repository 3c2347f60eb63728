package index

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkOpenReport opens the seed report as a question that finds it
// closed does: its dictionary, its parsed model, its words and its bleve
// index. Run with
//
//	go test -run '^$' -bench OpenReport -benchmem ./index
func BenchmarkOpenReport(b *testing.B) {
	data := filepath.Join(b.TempDir(), "data")
	lib, err := Open(context.Background(), Options{DataDir: data, SeedsDir: benchReports(b, 1), Build: true})
	if err != nil {
		b.Fatal(err)
	}
	defer lib.Close()
	var e Entry
	if err := lib.View(func(s *Snapshot) error { e = s.Entries()[0]; return nil }); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		r, err := openReport(data, e)
		if err != nil {
			b.Fatal(err)
		}
		r.close()
	}
}
