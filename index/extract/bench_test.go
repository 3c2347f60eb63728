//go:build unix

package extract

import (
	"io"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"
)

// mergedPDF is baoding's 47 pages followed by ezhou's 24: a 71-page
// report, merged with PDFium.
func mergedPDF(b *testing.B) []byte {
	b.Helper()
	pool, err := pdfPool()
	if err != nil {
		b.Fatal(err)
	}
	inst, err := pool.GetInstance(time.Minute)
	if err != nil {
		b.Fatal(err)
	}
	defer inst.Close()
	dst, err := inst.FPDF_CreateNewDocument(&requests.FPDF_CreateNewDocument{})
	if err != nil {
		b.Fatal(err)
	}
	at := 0
	for _, name := range []string{"baoding_2025_budget_report.pdf", "ezhou_2025_budget_execution_report.pdf"} {
		data := readTestdata(b, name)
		src, err := inst.OpenDocument(&requests.OpenDocument{File: &data})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := inst.FPDF_ImportPages(&requests.FPDF_ImportPages{Source: src.Document, Destination: dst.Document, Index: at}); err != nil {
			b.Fatal(err)
		}
		n, _ := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: dst.Document})
		at = n.PageCount
	}
	out, err := inst.FPDF_SaveAsCopy(&requests.FPDF_SaveAsCopy{Document: dst.Document})
	if err != nil {
		b.Fatal(err)
	}
	if at != 71 {
		b.Fatalf("merged %d pages, want 71", at)
	}
	return *out.FileBytes
}

// peakHeap samples the heap in use (which holds PDFium's linear memory)
// while f runs and returns the most it grew above where it started.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapInuse
	var peak atomic.Uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > base && ms.HeapInuse-base > peak.Load() {
				peak.Store(ms.HeapInuse - base)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	f()
	close(stop)
	wg.Wait()
	return peak.Load()
}

// BenchmarkPDFText measures reading PDFs of 22, 47 and 71 pages, the
// engine already started: time per file, and the most the heap grew
// during one (peak-MB, PDFium's memory included).
func BenchmarkPDFText(b *testing.B) {
	files := []struct {
		name string
		data func(*testing.B) []byte
	}{
		{"seed-22p", func(b *testing.B) []byte { return readTestdata(b, "seed.pdf") }},
		{"baoding-47p", func(b *testing.B) []byte { return readTestdata(b, "baoding_2025_budget_report.pdf") }},
		{"merged-71p", mergedPDF},
	}
	for _, f := range files {
		b.Run(f.name, func(b *testing.B) {
			data := f.data(b)
			var peak uint64
			b.ResetTimer()
			for range b.N {
				p := peakHeap(func() {
					// Text less the choice of one document of several
					// (the merged file holds two reports).
					pages, err := readPDF(data, pdfTimeout)
					if err != nil {
						b.Fatal(err)
					}
					if cleanText(pdfLayout(pages)) == "" {
						b.Fatal("no text")
					}
				})
				peak = max(peak, p)
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
			var ru syscall.Rusage
			if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
				b.ReportMetric(float64(ru.Maxrss)/1024, "maxrss-MB")
			}
		})
	}
}

// BenchmarkPDFEngineStart measures starting PDFium: compiling the 6 MB
// WebAssembly module without a compilation cache (a process's first PDF
// on a clean machine), and loading it from a warm cache.
func BenchmarkPDFEngineStart(b *testing.B) {
	start := func(b *testing.B, cache wazero.CompilationCache) {
		rc := wazero.NewRuntimeConfig().
			WithCoreFeatures(api.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling).
			WithMemoryLimitPages(pdfMemoryPages)
		if cache != nil {
			rc = rc.WithCompilationCache(cache)
		}
		pool, err := webassembly.Init(webassembly.Config{MaxTotal: 1, FSConfig: wazero.NewFSConfig(),
			RuntimeConfig: rc, Stdout: io.Discard, Stderr: io.Discard})
		if err != nil {
			b.Fatal(err)
		}
		pool.Close()
	}
	b.Run("no-cache", func(b *testing.B) {
		for range b.N {
			start(b, nil)
		}
	})
	b.Run("warm-cache", func(b *testing.B) {
		dir := b.TempDir()
		cache := func() wazero.CompilationCache {
			// A cache of its own each time, as a new process has: the
			// same one would keep the compiled module in memory.
			c, err := wazero.NewCompilationCacheWithDir(dir)
			if err != nil {
				b.Fatal(err)
			}
			return c
		}
		start(b, cache()) // fills it
		b.ResetTimer()
		for range b.N {
			start(b, cache())
		}
	})
}
