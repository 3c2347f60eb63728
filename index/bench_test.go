package index

// Benchmarks of indexing time and index size, planbot beside the plain
// pipeline (gse.New() with its default dictionaries + a bleve index with
// default settings). Run with
//
//	go test -run '^$' -bench . -count 3 ./index
//
// See BENCHMARKS.md at the top of the repository.

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
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

// BenchmarkIndex times building everything from nothing: for planbot,
// index.Open on an empty data directory (parse, full dictionary, pruned
// dictionary, one bleve index per report); for the plain pipeline,
// gse.New() and one default bleve index per report over its sentences.
// It reports seconds per build (s) and megabytes on disk (MB).
// "seed" is the seed report alone, "100" is 100 report files (see
// benchReports).
func BenchmarkIndex(b *testing.B) {
	for _, n := range []int{1, 100} {
		name := "seed"
		if n > 1 {
			name = strconv.Itoa(n)
		}
		b.Run(name+"/planbot", func(b *testing.B) {
			seeds := benchReports(b, n)
			var size int64
			for b.Loop() {
				data := filepath.Join(b.TempDir(), "data")
				lib, err := Open(context.Background(), Options{DataDir: data, SeedsDir: seeds})
				if err != nil {
					b.Fatal(err)
				}
				lib.Close()
				size = benchDirSize(b, data)
			}
			benchReportBuild(b, size)
		})
		b.Run(name+"/plain", func(b *testing.B) {
			seeds := benchReports(b, n)
			files := benchReportFiles(seeds)
			var size int64
			for b.Loop() {
				data := b.TempDir()
				seg, err := newPlainSegmenter()
				if err != nil {
					b.Fatal(err)
				}
				usePlainSegmenter(&seg)
				for i, f := range files {
					idx, err := buildPlain(filepath.Join(data, strconv.Itoa(i)), []string{f})
					if err != nil {
						b.Fatal(err)
					}
					if err := idx.Close(); err != nil {
						b.Fatal(err)
					}
				}
				size = benchDirSize(b, data)
			}
			benchReportBuild(b, size)
		})
	}
}

// benchReportBuild reports the mean seconds per build and the size on disk.
func benchReportBuild(b *testing.B, size int64) {
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s")
	b.ReportMetric(float64(size)/(1<<20), "MB")
}

// benchReports returns a seeds directory holding n report files. n == 1
// is the seed report. Otherwise the files are copies, under new names, of
// testdata/reports if that directory has reports, else of ../seeds and
// ../../shared/reports/*.txt, repeated in turn up to n; a NAME.meta.yaml
// beside a report is copied with it.
func benchReports(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	srcs := benchReportFiles("testdata/reports")
	if n == 1 {
		srcs = []string{"../seeds/jiuyuan_2025_plan_report.txt"}
	} else if len(srcs) == 0 {
		srcs = append(benchReportFiles("../seeds"), benchReportFiles("../../shared/reports")...)
	}
	if len(srcs) == 0 {
		b.Fatal("no report files found")
	}
	for i := range n {
		src := srcs[i%len(srcs)]
		name := filepath.Base(src)
		if n > 1 {
			name = fmt.Sprintf("r%03d_%s", i, name)
		}
		benchCopyFile(b, src, filepath.Join(dir, name))
		side := strings.TrimSuffix(src, filepath.Ext(src)) + sidecarSuffix
		if _, err := os.Stat(side); err == nil {
			benchCopyFile(b, side, filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+sidecarSuffix))
		}
	}
	return dir
}

// benchReportFiles lists the report files of dir as ListSources does, without
// reading them.
func benchReportFiles(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		name := e.Name()
		if e.Type().IsRegular() && !strings.HasPrefix(name, ".") && !strings.HasSuffix(name, sidecarSuffix) &&
			!strings.HasPrefix(strings.ToUpper(name), "README") {
			out = append(out, filepath.Join(dir, name))
		}
	}
	return out
}

// benchCopyFile copies the file src to dst.
func benchCopyFile(b *testing.B, src, dst string) {
	data, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		b.Fatal(err)
	}
}

// benchDirSize returns the total size of the files under dir.
func benchDirSize(b *testing.B, dir string) int64 {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		n += fi.Size()
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
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
