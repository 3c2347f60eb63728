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
	"planbot/index/plain"
	"strconv"
	"strings"
	"testing"
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
				lib, err := Open(context.Background(), Options{DataDir: data, SeedsDir: seeds, Build: true})
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
			files := plain.Files(seeds)
			var size int64
			for b.Loop() {
				data := b.TempDir()
				seg, err := plain.NewSegmenter()
				if err != nil {
					b.Fatal(err)
				}
				plain.Use(&seg)
				for i, f := range files {
					idx, err := plain.Build(filepath.Join(data, strconv.Itoa(i)), []string{f})
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
	srcs := plain.Files("testdata/reports")
	if n == 1 {
		srcs = []string{"../seeds/jiuyuan_2025_plan_report.txt"}
	} else if len(srcs) == 0 {
		srcs = append(plain.Files("../seeds"), plain.Files("../../shared/reports")...)
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
