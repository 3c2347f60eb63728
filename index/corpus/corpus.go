// Package corpus makes collections of reports for benchmarks: variants of
// the real reports of index/testdata/reports with their place renamed, so
// that a collection of any size holds no duplicate and every report has a
// place of its own.
package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"planbot/index/report"
)

// syllables make place names: 两 or 三 of them, in turn.
var syllables = []rune("东南西北中安平宁和兴华新阳泉山江河湖川林原城海丰德昌盛隆")

// placeName returns the i-th made-up place name.
func placeName(i int) string {
	n := len(syllables)
	if i < n*n {
		return string([]rune{syllables[i/n], syllables[i%n]})
	}
	i -= n * n
	return string([]rune{syllables[i/(n*n)%n], syllables[i/n%n], syllables[i%n]})
}

// Write writes n report files into dir: the reports of src (a directory
// of .txt reports) in turn, each with its region renamed to a made-up
// place of its own, named rNNNN_PLACE.txt. It returns their paths.
func Write(src, dir string, n int) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(src, "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("corpus: no reports in %s: %v", src, err)
	}
	sort.Strings(files)
	texts := make([]string, len(files))
	stems := make([]string, len(files))
	for i, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		texts[i] = string(b)
		r, err := report.Parse(report.Meta{ID: "x"}, texts[i])
		if err != nil {
			return nil, fmt.Errorf("corpus: %s: %w", f, err)
		}
		stems[i] = report.RegionStem(r.Meta.Region)
	}
	var out []string
	for i := range n {
		k := i % len(files)
		place := placeName(i)
		text := texts[k]
		if stems[k] != "" && stems[k] != "全国" {
			text = strings.ReplaceAll(text, stems[k], place)
		} else {
			text = strings.Replace(text, "各位代表", "各位代表（"+place+"）", 1)
		}
		path := filepath.Join(dir, fmt.Sprintf("r%04d_%s.txt", i, place))
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return nil, err
		}
		out = append(out, path)
	}
	return out, nil
}
