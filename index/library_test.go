package index

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// seedDir returns a seeds directory holding a copy of the seed report.
func seedDir(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	b, err := os.ReadFile("../seeds/jiuyuan_2025_plan_report.txt")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "jiuyuan_2025_plan_report.txt"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestOpenBuildsAndSearches(t *testing.T) {
	data := t.TempDir()
	lib, err := Open(context.Background(), Options{DataDir: data, SeedsDir: seedDir(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer lib.Close()
	err = lib.View(func(s *Snapshot) error {
		r := s.Newest()
		hits, err := Search(r.Index, "高标准农田目标是多少", 5)
		if err != nil {
			return err
		}
		for _, h := range hits {
			t.Logf("%.3f %s", h.Score, r.Sentences[h.Sentence].Text)
		}
		if len(hits) == 0 {
			t.Error("no hits")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
