package main

// Benchmarks of a growing collection: made-up variants of the real
// reports (index/corpus), N of them, as an admin would hold. Run with
//
//	go test -run '^$' -bench Collection -benchtime 5x .
//	PLANBOT_BENCH_1000=1 go test -run '^$' -bench Collection/1000 -benchtime 3x -timeout 60m .
//
// See BENCHMARKS.md.

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"planbot/answers"
	"planbot/bot/config"
	"planbot/index"
	"planbot/index/corpus"
)

var (
	benchBinOnce sync.Once
	benchBin     string
	benchBinErr  error
)

// TestMain removes the planbot binary benchBinary built (about 80 MB a
// run), once the tests and benchmarks that ran it are done.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchBin != "" {
		os.RemoveAll(filepath.Dir(benchBin))
	}
	os.Exit(code)
}

// benchBinary builds planbot once for the benchmarks that run it.
func benchBinary(b *testing.B) string {
	b.Helper()
	benchBinOnce.Do(func() {
		dir, err := os.MkdirTemp("", "planbot-bench-bin-")
		if err != nil {
			benchBinErr = err
			return
		}
		benchBin = filepath.Join(dir, "planbot")
		if out, err := exec.Command("go", "build", "-o", benchBin, ".").CombinedOutput(); err != nil {
			benchBinErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if benchBinErr != nil {
		b.Fatal(benchBinErr)
	}
	return benchBin
}

// benchRun runs planbot with args and returns how long it took and its
// peak resident memory in MB.
//
// Go starts a child sharing the test's memory until it execs (vfork), and
// Linux counts the peak of that shared memory in the child's: the test's
// memory is given back and its peak reset first (clear_refs 5), so that
// the figure is planbot's, not that of the benchmarks that ran before.
// What the test still holds (the dictionaries a size before loaded) stays
// in it: run one size a process for memory figures (-bench Collection/1000$).
func benchRun(b *testing.B, bin string, args ...string) (time.Duration, float64) {
	b.Helper()
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // Linux only; elsewhere the figure may be high
	cmd := exec.Command(bin, args...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	took := time.Since(start)
	if err != nil {
		b.Fatalf("planbot %v: %v\n%s", args, err, out)
	}
	return took, float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss) / 1024
}

// BenchmarkCollection builds a library of N reports (not timed), then
// measures, each as a process of its own: a cold ask (p50 and peak RSS),
// index add of one more report and index remove of it (time and peak RSS).
func BenchmarkCollection(b *testing.B) {
	sizes := []int{1, 10, 100, 300}
	if os.Getenv("PLANBOT_BENCH_1000") != "" {
		sizes = append(sizes, 1000)
	}
	for _, n := range sizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			bin := benchBinary(b)
			tmp := b.TempDir()
			seeds, extra := filepath.Join(tmp, "seeds"), filepath.Join(tmp, "extra")
			for _, d := range []string{seeds, extra} {
				if err := os.Mkdir(d, 0o755); err != nil {
					b.Fatal(err)
				}
			}
			if _, err := corpus.Write("index/testdata/reports", seeds, n); err != nil {
				b.Fatal(err)
			}
			more, err := corpus.Write("index/testdata/reports", extra, n+1)
			if err != nil {
				b.Fatal(err)
			}
			add := more[n] // a place of its own
			cfg := filepath.Join(tmp, "config.yaml")
			conf := fmt.Sprintf("seeds_dir: %s\ndata_dir: %s\nlog_level: warn\n", seeds, filepath.Join(tmp, "data"))
			if err := os.WriteFile(cfg, []byte(conf), 0o644); err != nil {
				b.Fatal(err)
			}
			built, rss := benchRun(b, bin, "index", "--config", cfg)
			b.Logf("%d reports indexed in %v, peak RSS %.0f MB", n, built.Round(time.Second), rss)
			var ask, adds, removes []time.Duration
			var askRSS, addRSS []float64
			for b.Loop() {
				t, rss := benchRun(b, bin, "ask", "--config", cfg, coldQuestion)
				ask, askRSS = append(ask, t), append(askRSS, rss)
				t, rss = benchRun(b, bin, "index", "add", add, "--id", "extra", "--config", cfg)
				adds, addRSS = append(adds, t), append(addRSS, rss)
				t, _ = benchRun(b, bin, "index", "remove", "extra", "--config", cfg)
				removes = append(removes, t)
			}
			t, rss := benchRun(b, bin, "ask", "--config", cfg, uncoveredQuestion)
			b.ReportMetric(float64(t.Microseconds())/1e3, "uncovered-ms")
			b.ReportMetric(rss, "uncovered-rss-MB")
			first, warm, hot, perOpen := collectionLatency(b, filepath.Join(tmp, "data"), seeds)
			b.ReportMetric(first, "first-p99-ms")
			b.ReportMetric(warm, "warm-p99-ms")
			b.ReportMetric(hot, "open-p99-ms")
			b.ReportMetric(perOpen, "open-report-KB")
			b.ReportMetric(benchMedianMS(ask), "ask-ms")
			b.ReportMetric(benchMedian(askRSS), "ask-rss-MB")
			b.ReportMetric(benchMedianMS(adds)/1000, "add-s")
			b.ReportMetric(benchMedian(addRSS), "add-rss-MB")
			b.ReportMetric(benchMedianMS(removes), "remove-ms")
		})
	}
}

// uncoveredQuestion names a place that no report is about.
const uncoveredQuestion = "火星省去年GDP是多少"

// collectionLatency opens the library in process and asks the seed set's
// questions, each naming the place of a report taken in turn, so that
// every question may open a report not yet opened; it returns the p99 in
// milliseconds of that first pass and of a second, warm one, and the heap
// an open report holds in kilobytes (the heap's growth over both passes,
// after garbage collection, by the reports left open). When the warm pass
// asks more reports than are kept open (index.DefaultOpenReports and
// DefaultOpenBytes), many of its questions open their report again;
// open is the p99 of the same questions asked of as many reports as were
// left open, all open already.
//
// The passes run under the garbage collector's settings of planbot serve
// (the defaults of memory_limit_mb and gc_percent), unless GOMEMLIMIT or
// GOGC is set: GOGC=100 GOMEMLIMIT=off gives Go's own, as before stop 27.
func collectionLatency(b *testing.B, dataDir, seeds string) (first, warm, open, perOpen float64) {
	b.Helper()
	limit, percent := debug.SetMemoryLimit(-1), debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	defer func() { debug.SetMemoryLimit(limit); debug.SetGCPercent(percent) }()
	serving := config.Default()
	serving.ApplyGC()
	ctx := context.Background()
	e, err := answers.Open(ctx, answers.Setup{DataDir: dataDir, SeedsDir: seeds})
	if err != nil {
		b.Fatal(err)
	}
	defer e.Close()
	e.Warm() // as planbot serve does when it starts
	cases, err := answers.ReadCases("testdata/seed_questions.jsonl")
	if err != nil {
		b.Fatal(err)
	}
	var entries []index.Entry
	if err := e.Library().View(func(s *index.Snapshot) error { entries = s.Entries(); return nil }); err != nil {
		b.Fatal(err)
	}
	heap := func() float64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return float64(m.HeapAlloc)
	}
	before := heap()
	questions := make([]string, len(cases))
	for i, c := range cases {
		questions[i] = entries[i%len(entries)].Meta.Region + c.Q
	}
	pass := func(questions []string) float64 {
		ds := make([]time.Duration, len(questions))
		for i, q := range questions {
			start := time.Now()
			if _, err := e.Ask(ctx, q, answers.Options{}); err != nil {
				b.Fatal(err)
			}
			ds[i] = time.Since(start)
		}
		slices.Sort(ds)
		return float64(ds[(len(ds)*99+99)/100-1].Microseconds()) / 1e3
	}
	first, warm = pass(questions), pass(questions)
	perOpen = (heap() - before) / 1024 / float64(max(e.Library().Open(), 1))
	var placed []index.Entry // reports a question can name (variants of 全国's reports are all 全国)
	for _, en := range entries {
		if en.Meta.Region != "" && en.Meta.Region != "全国" {
			placed = append(placed, en)
		}
	}
	kept := min(len(placed), max(e.Library().Open(), 1))
	for i, c := range cases {
		questions[i] = placed[i%kept*len(placed)/kept].Meta.Region + c.Q
	}
	pass(questions)
	return first, warm, pass(questions), perOpen
}
