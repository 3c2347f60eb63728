package main

// Benchmarks of cold start to first answer, planbot beside the plain
// pipeline (gse.New() with its default dictionaries + a bleve index with
// default settings, answering with the top hit of a MatchQuery). Run with
//
//	go test -run '^$' -bench . -count 3 .
//
// See BENCHMARKS.md.

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"planbot/index/plain"
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
)

// coldQuestion is the question asked by the cold start benchmarks.
const coldQuestion = "高标准农田目标是多少"

// BenchmarkColdStart times a fresh start up to the first answer, on an
// index built beforehand, and reports the median (p50-ms).
//
// planbot-exec runs the built binary, `planbot ask "高标准农田目标是多少"`,
// from process start to exit after printing the answer, and reports the
// benchMedian peak resident memory of that process (rss-MB, from Maxrss).
// planbot-inprocess and plain-inprocess start from nothing inside the test
// process: planbot's runAsk (config, vocabulary, library, engine, answer),
// and for the plain pipeline gse.New(), bleve.Open and one MatchQuery.
// In-process runs share what a previous run left in the process (package
// state, OS file cache), so they are a lower bound of a real start.
func BenchmarkColdStart(b *testing.B) {
	b.Run("planbot-exec", func(b *testing.B) {
		if _, err := exec.LookPath("go"); err != nil {
			b.Skip("go is not on PATH")
		}
		tmp := b.TempDir()
		bin := filepath.Join(tmp, "planbot")
		if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
			b.Fatalf("go build: %v\n%s", err, out)
		}
		env := append(os.Environ(), "PLANBOT_DATA_DIR="+filepath.Join(tmp, "data"))
		index := exec.Command(bin, "index")
		index.Env = env
		if out, err := index.CombinedOutput(); err != nil {
			b.Fatalf("planbot index: %v\n%s", err, out)
		}
		var took []time.Duration
		var rss []float64
		for b.Loop() {
			cmd := exec.Command(bin, "ask", coldQuestion)
			cmd.Env = env
			start := time.Now()
			out, err := cmd.Output()
			took = append(took, time.Since(start))
			if err != nil || len(out) == 0 {
				b.Fatalf("planbot ask: %v\n%s", err, out)
			}
			rss = append(rss, float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)/1024)
		}
		b.ReportMetric(benchMedianMS(took), "p50-ms")
		b.ReportMetric(benchMedian(rss), "rss-MB")
	})
	b.Run("planbot-inprocess", func(b *testing.B) {
		tmp := b.TempDir()
		seeds, err := filepath.Abs("seeds")
		if err != nil {
			b.Fatal(err)
		}
		b.Setenv("PLANBOT_DATA_DIR", filepath.Join(tmp, "data"))
		cfg := filepath.Join(tmp, "config.yaml")
		if err := os.WriteFile(cfg, []byte("seeds_dir: "+seeds+"\nlog_level: warn\n"), 0o644); err != nil {
			b.Fatal(err)
		}
		ctx := context.Background()
		var out bytes.Buffer
		if err := runIndex(ctx, []string{"--config", cfg}, nil, &out); err != nil {
			b.Fatal(err)
		}
		var took []time.Duration
		for b.Loop() {
			out.Reset()
			start := time.Now()
			if err := runAsk(ctx, []string{"--config", cfg, coldQuestion}, nil, &out); err != nil {
				b.Fatal(err)
			}
			took = append(took, time.Since(start))
		}
		b.ReportMetric(benchMedianMS(took), "p50-ms")
	})
	b.Run("plain-inprocess", func(b *testing.B) {
		dir := filepath.Join(b.TempDir(), "plain")
		seg, err := plain.NewSegmenter()
		if err != nil {
			b.Fatal(err)
		}
		plain.Use(&seg)
		idx, err := plain.Build(dir, plain.Files("seeds"))
		if err != nil {
			b.Fatal(err)
		}
		idx.Close()
		var took []time.Duration
		for b.Loop() {
			start := time.Now()
			seg, err := plain.NewSegmenter()
			if err != nil {
				b.Fatal(err)
			}
			plain.Use(&seg)
			idx, err := bleve.Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := plain.Ask(idx, coldQuestion); err != nil {
				b.Fatal(err)
			}
			took = append(took, time.Since(start))
			idx.Close()
		}
		b.ReportMetric(benchMedianMS(took), "p50-ms")
	})
}

// benchMedian returns the median of xs.
func benchMedian(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[(len(s)-1)/2]
}

// benchMedianMS returns the median of ds in milliseconds.
func benchMedianMS(ds []time.Duration) float64 {
	ms := make([]float64, len(ds))
	for i, d := range ds {
		ms[i] = float64(d.Microseconds()) / 1e3
	}
	return benchMedian(ms)
}
