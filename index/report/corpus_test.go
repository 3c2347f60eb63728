package report

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden outlines in ../testdata/outlines")

// corpus lists the reports every structural invariant is checked on: the
// seed and the corpus of real reports.
func corpus(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "reports", "*.txt"))
	if err != nil || len(files) < 28 {
		t.Fatalf("corpus: %d reports, %v", len(files), err)
	}
	return append(files, seedPath)
}

// TestCorpusInvariants checks on every report of the corpus that no text
// is lost, no page furniture is kept, every sentence has a section path
// and a period, and every figure a period and a span.
func TestCorpusInvariants(t *testing.T) {
	for _, path := range corpus(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			r, text := parseFile(t, path)
			if r.Meta.Title == "" || r.Meta.Region == "" || r.Meta.PlanYear == 0 || r.Meta.ReviewYear == 0 {
				t.Errorf("meta incomplete: %+v", r.Meta)
			}
			for _, p := range r.Paragraphs {
				if len(p.Section) == 0 || p.Part == "" || p.Span == "" {
					t.Errorf("paragraph %d: section %q, part %q, span %q", p.ID, p.Section, p.Part, p.Span)
				}
			}
			for _, s := range r.Sentences {
				if len(s.Section) == 0 || s.Part == "" || s.Span == "" {
					t.Errorf("sentence %d %q: section %q, part %q, span %q", s.ID, s.Text, s.Section, s.Part, s.Span)
				}
				for _, f := range s.Figures {
					if f.Period == "" || f.Span == "" || f.Year == 0 {
						t.Errorf("sentence %d %q: figure %s without a period: %+v", s.ID, s.Text, f.Text, f)
					}
				}
			}
			checkNoFurniture(t, r)
			checkPreserved(t, r, text)
		})
	}
}

// TestCorpusOutlines compares the outline of every corpus report with its
// reviewed golden outline in ../testdata/outlines. After a change to the
// parser, run `go test ./index/report -run Outlines -update`, read the
// diff of the outlines, and commit it with the change when it is right.
func TestCorpusOutlines(t *testing.T) {
	for _, path := range corpus(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		t.Run(name, func(t *testing.T) {
			r, _ := parseFile(t, path)
			var got bytes.Buffer
			if err := r.Outline(&got); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("..", "testdata", "outlines", name+".txt")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("no golden outline (run with -update): %v", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("outline differs from %s; run with -update and read the diff:\n%s", golden, firstDiff(string(want), got.String()))
			}
		})
	}
}

// firstDiff shows the first line where two texts differ.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, a, b)
		}
	}
	return ""
}
