package answers

// Benchmarks of question latency and memory, planbot beside the plain
// pipeline (gse.New() with its default dictionaries + a bleve index with
// default settings, answering with the top hit of a MatchQuery). Run with
//
//	go test -run '^$' -bench . -count 3 ./answers
//
// See BENCHMARKS.md at the top of the repository.

import (
	"context"
	"math"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"testing"
	"time"

	"planbot/index"
	"planbot/index/plain"
)

// BenchmarkAsk times one question at a time, cycling through
// testdata/seed_questions.jsonl, and reports the mean (ns/op), p50 and p99.
// The index is built before the timed loop, and every question is asked
// once before it, so the figures are those of a process already serving.
func BenchmarkAsk(b *testing.B) {
	qs := benchQuestions(b)
	b.Run("planbot", func(b *testing.B) {
		e, lib, _ := benchEngine(b)
		defer lib.Close()
		ctx := context.Background()
		ask := func(q string) {
			if _, err := e.Ask(ctx, q, Options{}); err != nil {
				b.Fatal(err)
			}
		}
		for _, q := range qs {
			ask(q)
		}
		benchTimeQuestions(b, qs, ask)
	})
	b.Run("plain", func(b *testing.B) {
		seg, err := plain.NewSegmenter()
		if err != nil {
			b.Fatal(err)
		}
		plain.Use(&seg)
		idx, err := plain.Build(filepath.Join(b.TempDir(), "plain"), plain.Files("../seeds"))
		if err != nil {
			b.Fatal(err)
		}
		defer idx.Close()
		ask := func(q string) {
			if _, err := plain.Ask(idx, q); err != nil {
				b.Fatal(err)
			}
		}
		for _, q := range qs {
			ask(q)
		}
		benchTimeQuestions(b, qs, ask)
	})
}

// BenchmarkAskWithin times a question asked again within a heading
// offered for it (a button pressed under "not covered"): every seed
// question the report does not answer, within each heading offered. A
// heading may head a part of the report, whose every sentence is ranked.
func BenchmarkAskWithin(b *testing.B) {
	e, lib, _ := benchEngine(b)
	defer lib.Close()
	ctx := context.Background()
	type pick struct{ q, report, heading string }
	var picks []pick
	for _, q := range benchQuestions(b) {
		res, err := e.Ask(ctx, q, Options{})
		if err != nil {
			b.Fatal(err)
		}
		for _, h := range res.Closest {
			picks = append(picks, pick{q, res.Report, h})
		}
	}
	if len(picks) == 0 {
		b.Fatal("no seed question offered a heading")
	}
	keys := make([]string, len(picks))
	for i := range picks {
		keys[i] = strconv.Itoa(i)
	}
	ask := func(k string) {
		i, _ := strconv.Atoi(k)
		p := picks[i]
		if _, err := e.Ask(ctx, p.q, Options{ReportID: p.report, Within: p.heading}); err != nil {
			b.Fatal(err)
		}
	}
	for _, k := range keys {
		ask(k)
	}
	benchTimeQuestions(b, keys, ask)
}

// BenchmarkHeap reports the heap that opening takes (heap-MB: the growth of
// runtime.MemStats.HeapInuse, each read after a GC): planbot's library on
// an index built beforehand (pruned dictionary, report models, bleve
// indexes) with its engine, and gse.New() for the plain pipeline.
// served-MB is the same growth after every seed question was asked once
// (planbot's caches; the plain pipeline's bleve index). OpenCC's
// dictionary, loaded once per process by the first Traditional question,
// is loaded before measuring and is in neither. ns/op is the time to open.
func BenchmarkHeap(b *testing.B) {
	qs := benchQuestions(b)
	toSimplified("這")
	b.Run("planbot", func(b *testing.B) {
		built, _, dataDir := benchEngine(b) // builds the index
		built.Close()
		open := func() *Engine {
			e, err := Open(context.Background(), Setup{DataDir: dataDir, SeedsDir: "../seeds"})
			if err != nil {
				b.Fatal(err)
			}
			return e
		}
		for b.Loop() {
			open().Close()
		}
		plain.Use(nil)
		before := benchHeapInuse()
		e := open()
		lib := e.Library()
		opened := benchHeapInuse()
		for _, q := range qs {
			e.Ask(context.Background(), q, Options{})
		}
		served := benchHeapInuse()
		runtime.KeepAlive(e)
		lib.Close()
		b.ReportMetric(benchMB(opened-before), "heap-MB")
		b.ReportMetric(benchMB(served-before), "served-MB")
	})
	b.Run("plain", func(b *testing.B) {
		dir := b.TempDir()
		for b.Loop() {
			if _, err := plain.NewSegmenter(); err != nil {
				b.Fatal(err)
			}
		}
		plain.Use(nil)
		before := benchHeapInuse()
		seg, err := plain.NewSegmenter()
		if err != nil {
			b.Fatal(err)
		}
		plain.Use(&seg)
		opened := benchHeapInuse()
		idx, err := plain.Build(filepath.Join(dir, "plain"), plain.Files("../seeds"))
		if err != nil {
			b.Fatal(err)
		}
		for _, q := range qs {
			plain.Ask(idx, q)
		}
		served := benchHeapInuse()
		idx.Close()
		plain.Use(nil)
		b.ReportMetric(benchMB(opened-before), "heap-MB")
		b.ReportMetric(benchMB(served-before), "served-MB")
	})
}

// benchEngine builds a library of the seed report in a temporary data
// directory and returns an engine over it, the library and the directory.
func benchEngine(b *testing.B) (*Engine, *index.Library, string) {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "data")
	e, err := Open(context.Background(), Setup{DataDir: dir, SeedsDir: "../seeds", Build: true})
	if err != nil {
		b.Fatal(err)
	}
	return e, e.Library(), dir
}

// benchQuestions reads the questions of the seed question set.
func benchQuestions(b *testing.B) []string {
	b.Helper()
	cases, err := ReadCases("../testdata/seed_questions.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	qs := make([]string, len(cases))
	for i, c := range cases {
		qs[i] = c.Q
	}
	return qs
}

// benchTimeQuestions runs ask over qs in turn in the benchmark loop and reports
// the p50 and p99 of the single questions' durations.
func benchTimeQuestions(b *testing.B, qs []string, ask func(string)) {
	b.ReportAllocs()
	var took []time.Duration
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		ask(qs[i%len(qs)])
		took = append(took, time.Since(start))
	}
	b.ReportMetric(benchPercentile(took, 0.50), "p50-µs")
	b.ReportMetric(benchPercentile(took, 0.99), "p99-µs")
}

// benchPercentile returns the p-th percentile of ds (nearest rank) in µs.
func benchPercentile(ds []time.Duration, p float64) float64 {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(math.Ceil(float64(len(s))*p)) - 1
	return float64(s[max(i, 0)].Nanoseconds()) / 1e3
}

// benchHeapInuse returns runtime.MemStats.HeapInuse after a garbage collection.
func benchHeapInuse() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapInuse)
}

// benchMB converts bytes to megabytes.
func benchMB(n int64) float64 { return float64(n) / (1 << 20) }
