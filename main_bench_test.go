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
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
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

	"planbot/index/extract"
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
		if err := runIndex(ctx, []string{"--config", cfg}, &out); err != nil {
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
		seg, err := newPlainSegmenter()
		if err != nil {
			b.Fatal(err)
		}
		usePlainSegmenter(&seg)
		idx, err := buildPlain(dir, benchReportFiles("seeds"))
		if err != nil {
			b.Fatal(err)
		}
		idx.Close()
		var took []time.Duration
		for b.Loop() {
			start := time.Now()
			seg, err := newPlainSegmenter()
			if err != nil {
				b.Fatal(err)
			}
			usePlainSegmenter(&seg)
			idx, err := bleve.Open(dir)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := plainAsk(idx, coldQuestion); err != nil {
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
