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
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/go-ego/gse"

	"planbot/index"
	"planbot/index/extract"
	"planbot/index/segment"
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
		seg, err := newPlainSegmenter()
		if err != nil {
			b.Fatal(err)
		}
		usePlainSegmenter(&seg)
		idx, err := buildPlain(filepath.Join(b.TempDir(), "plain"), benchReportFiles("../seeds"))
		if err != nil {
			b.Fatal(err)
		}
		defer idx.Close()
		ask := func(q string) {
			if _, err := plainAsk(idx, q); err != nil {
				b.Fatal(err)
			}
		}
		for _, q := range qs {
			ask(q)
		}
		benchTimeQuestions(b, qs, ask)
	})
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
		_, built, dataDir := benchEngine(b) // builds the index
		built.Close()
		vocab, err := LoadVocabulary("")
		if err != nil {
			b.Fatal(err)
		}
		open := func() *index.Library {
			lib, err := index.Open(context.Background(), index.Options{DataDir: dataDir, SeedsDir: "../seeds", Keep: vocab.Texts()})
			if err != nil {
				b.Fatal(err)
			}
			return lib
		}
		for b.Loop() {
			open().Close()
		}
		segment.Use(nil) // the library sets it again
		usePlainSegmenter(nil)
		before := benchHeapInuse()
		lib := open()
		e := New(lib, vocab, "")
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
			if _, err := newPlainSegmenter(); err != nil {
				b.Fatal(err)
			}
		}
		usePlainSegmenter(nil)
		before := benchHeapInuse()
		seg, err := newPlainSegmenter()
		if err != nil {
			b.Fatal(err)
		}
		usePlainSegmenter(&seg)
		opened := benchHeapInuse()
		idx, err := buildPlain(filepath.Join(dir, "plain"), benchReportFiles("../seeds"))
		if err != nil {
			b.Fatal(err)
		}
		for _, q := range qs {
			plainAsk(idx, q)
		}
		served := benchHeapInuse()
		idx.Close()
		usePlainSegmenter(nil)
		b.ReportMetric(benchMB(opened-before), "heap-MB")
		b.ReportMetric(benchMB(served-before), "served-MB")
	})
}

// benchEngine builds a library of the seed report in a temporary data
// directory and returns an engine over it, the library and the directory.
func benchEngine(b *testing.B) (*Engine, *index.Library, string) {
	b.Helper()
	vocab, err := LoadVocabulary("")
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(b.TempDir(), "data")
	lib, err := index.Open(context.Background(), index.Options{DataDir: dir, SeedsDir: "../seeds", Keep: vocab.Texts()})
	if err != nil {
		b.Fatal(err)
	}
	return New(lib, vocab, ""), lib, dir
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

// The plain pipeline. Its tokenizer, registered in bleve as "plain_gse",
// cuts with the segmenter set by usePlainSegmenter in gse's default mode
// and drops tokens without a letter or digit; its analyzer adds bleve's
// lowercase filter. Everything else is bleve's default.

var (
	plainSeg      atomic.Pointer[gse.Segmenter]
	plainRegister sync.Once
)

// newPlainSegmenter is gse.New(): gse's default dictionaries (zh_s and
// zh_t), with gse's log lines switched off.
func newPlainSegmenter() (gse.Segmenter, error) {
	seg := gse.Segmenter{SkipLog: true}
	err := seg.LoadDict()
	return seg, err
}

// usePlainSegmenter makes seg the segmenter of the plain tokenizer.
func usePlainSegmenter(seg *gse.Segmenter) { plainSeg.Store(seg) }

// plainTokenizer is the plain pipeline's bleve tokenizer.
type plainTokenizer struct{}

// Tokenize implements analysis.Tokenizer.
func (plainTokenizer) Tokenize(in []byte) analysis.TokenStream {
	var out analysis.TokenStream
	for _, s := range plainSeg.Load().Segment(in) {
		w := in[s.Start():s.End()]
		if !strings.ContainsFunc(string(w), func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
			continue
		}
		out = append(out, &analysis.Token{Term: w, Start: s.Start(), End: s.End(), Position: len(out) + 1, Type: analysis.Ideographic})
	}
	return out
}

// plainMapping is bleve.NewIndexMapping() with the gse analyzer as default.
func plainMapping() (mapping.IndexMapping, error) {
	plainRegister.Do(func() {
		registry.RegisterTokenizer("plain_gse", func(map[string]interface{}, *registry.Cache) (analysis.Tokenizer, error) {
			return plainTokenizer{}, nil
		})
	})
	im := bleve.NewIndexMapping()
	err := im.AddCustomAnalyzer("plain", map[string]interface{}{
		"type": custom.Name, "tokenizer": "plain_gse", "token_filters": []string{lowercase.Name}})
	im.DefaultAnalyzer = "plain"
	return im, err
}

// buildPlain indexes the sentences of the report files at dir, one
// document {"text": sentence} each, and returns the open index.
func buildPlain(dir string, files []string) (bleve.Index, error) {
	im, err := plainMapping()
	if err != nil {
		return nil, err
	}
	idx, err := bleve.New(dir, im)
	if err != nil {
		return nil, err
	}
	batch := idx.NewBatch()
	for _, f := range files {
		text, err := plainText(f)
		if err != nil {
			idx.Close()
			return nil, err
		}
		for _, s := range plainSentences(text) {
			if err := batch.Index(strconv.Itoa(batch.Size()), map[string]string{"text": s}); err != nil {
				idx.Close()
				return nil, err
			}
		}
	}
	if err := idx.Batch(batch); err != nil {
		idx.Close()
		return nil, err
	}
	return idx, nil
}

// plainText reads the text of a report file with planbot's extractor, so
// both pipelines index the same text whatever the file format.
func plainText(file string) (string, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return "", err
	}
	return extract.Text(filepath.Base(file), data)
}

// plainSentences splits text at 。！？； and line ends.
func plainSentences(text string) []string {
	var out []string
	for _, s := range strings.FieldsFunc(text, func(r rune) bool { return strings.ContainsRune("。！？；\n", r) }) {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// plainAsk answers q with the text of the top hit of a MatchQuery.
func plainAsk(idx bleve.Index, q string) (string, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchQuery(q), 1, 0, false)
	req.Fields = []string{"text"}
	res, err := idx.Search(req)
	if err != nil || len(res.Hits) == 0 {
		return "", err
	}
	s, _ := res.Hits[0].Fields["text"].(string)
	return s, nil
}

// benchReportFiles lists the report files of dir as planbot's index does:
// regular files but hidden ones, READMEs and NAME.meta.yaml sidecars.
func benchReportFiles(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.Type().IsRegular() && !strings.HasPrefix(name, ".") && !strings.HasSuffix(name, ".meta.yaml") &&
			!strings.HasPrefix(strings.ToUpper(name), "README") {
			out = append(out, filepath.Join(dir, name))
		}
	}
	return out
}
