package main

import (
	"context"
	"os"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"testing"
	"time"

	"planbot/answers"
	"planbot/bot/config"
	"planbot/index"
)

// BenchmarkBuiltCollection asks BenchmarkCollection's passes of a
// collection indexed once beforehand (planbot index), so that settings and
// code can be compared on the same reports without indexing them again:
//
//	PLANBOT_BENCH_DATA=/tmp/col/data PLANBOT_BENCH_SEEDS=/tmp/col/seeds \
//	  go test -run '^$' -bench BuiltCollection -benchtime 1x .
//
// PLANBOT_BENCH_OPEN sets open_reports and PLANBOT_BENCH_OPEN_MB
// open_reports_mb (default the library's), PLANBOT_BENCH_PASSES the warm
// passes pooled (default 5);
// PLANBOT_BENCH_HEAP names a file for a heap profile taken after them,
// the reports still open. It reports the
// reports left open and what they hold (open-MB, index.Loaded.Bytes), the
// first pass's p50 and p99, the warm passes' (pooled) p50 and p99, and the
// heap an open report holds, as collectionLatency does, under serve's
// collector settings.
func BenchmarkBuiltCollection(b *testing.B) {
	data, seeds := os.Getenv("PLANBOT_BENCH_DATA"), os.Getenv("PLANBOT_BENCH_SEEDS")
	if data == "" {
		b.Skip("PLANBOT_BENCH_DATA is not set")
	}
	open, _ := strconv.Atoi(os.Getenv("PLANBOT_BENCH_OPEN"))
	openMB, _ := strconv.Atoi(os.Getenv("PLANBOT_BENCH_OPEN_MB"))
	passes, err := strconv.Atoi(os.Getenv("PLANBOT_BENCH_PASSES"))
	if err != nil || passes <= 0 {
		passes = 5
	}
	serving := config.Default()
	serving.ApplyGC()
	ctx := context.Background()
	e, err := answers.Open(ctx, answers.Setup{DataDir: data, SeedsDir: seeds, OpenReports: open, OpenBytes: int64(openMB) << 20})
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	e.Warm()
	cases, err := answers.ReadCases("testdata/seed_questions.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	var entries []index.Entry
	e.Library().View(func(s *index.Snapshot) error { entries = s.Entries(); return nil })
	questions := make([]string, len(cases))
	for i, c := range cases {
		questions[i] = entries[i%len(entries)].Meta.Region + c.Q
	}
	heap := func() float64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc)
	}
	ask := func(ds []time.Duration) []time.Duration {
		for _, q := range questions {
			start := time.Now()
			if _, err := e.Ask(ctx, q, answers.Options{}); err != nil {
				b.Fatal(err)
			}
			ds = append(ds, time.Since(start))
		}
		return ds
	}
	for b.Loop() {
		before := heap()
		first := ask(nil)
		var warm []time.Duration
		for range passes {
			warm = ask(warm)
		}
		if path := os.Getenv("PLANBOT_BENCH_HEAP"); path != "" {
			writeHeap(b, path) // what the open reports hold
		}
		b.ReportMetric(float64(e.Library().Open()), "open")
		b.ReportMetric(float64(e.Library().OpenBytes())/float64(1<<20), "open-MB")
		b.ReportMetric((heap()-before)/1024/float64(max(e.Library().Open(), 1)), "open-report-KB")
		b.ReportMetric(quantileMS(first, 50), "first-p50-ms")
		b.ReportMetric(quantileMS(first, 99), "first-p99-ms")
		b.ReportMetric(quantileMS(warm, 50), "warm-p50-ms")
		b.ReportMetric(quantileMS(warm, 99), "warm-p99-ms")
	}
}

// writeHeap writes a heap profile to path, after a collection.
func writeHeap(b *testing.B, path string) {
	runtime.GC()
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		b.Fatal(err)
	}
}

// quantileMS returns the q-th percentile of ds in milliseconds.
func quantileMS(ds []time.Duration, q int) float64 {
	ds = slices.Clone(ds)
	slices.Sort(ds)
	return float64(ds[(len(ds)*q+99)/100-1].Microseconds()) / 1e3
}
