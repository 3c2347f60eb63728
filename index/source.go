package index

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/mozillazg/go-pinyin"
	"gopkg.in/yaml.v3"

	"planbot/index/report"
)

// Source is a report file to be indexed.
type Source struct {
	ID    string // from the sidecar, the file name or the report's place and year
	Path  string
	Hash  string      // sha256 of the file and of its sidecar
	Stamp string      // sizes and modification times of the file and of its sidecar
	Meta  report.Meta // what the sidecar states
	Seed  bool        // from the seeds directory
}

// sidecarSuffix names the optional file beside a report that corrects its
// metadata: report.txt → report.meta.yaml.
const sidecarSuffix = ".meta.yaml"

// maxSourceSize is the largest report file read: a file above it is
// refused before it is read.
const maxSourceSize = 32 << 20

var reIDChars = regexp.MustCompile(`[^a-z0-9_\-]+`)

// IDFromName makes a report id from a file name: jiuyuan_2025.txt →
// jiuyuan_2025. A name without Latin letters (2026年北京市政府工作报告.txt)
// gives "": the id is then made of the report's place and year (idOf).
func IDFromName(name string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	id := strings.Trim(reIDChars.ReplaceAllString(strings.ToLower(base), "-"), "-")
	if !strings.ContainsAny(id, "abcdefghijklmnopqrstuvwxyz") {
		return ""
	}
	return id
}

// idOf makes the id of a report whose file name gives none: the pinyin of
// its place and its plan year (2026年北京市政府工作报告 → beijing_2026), or
// a hash of its name when the text names neither.
func idOf(name string, m report.Meta) string {
	place := strings.Join(pinyin.LazyConvert(report.RegionStem(m.Region), nil), "")
	switch {
	case place != "" && m.PlanYear > 0:
		return place + "_" + strconv.Itoa(m.PlanYear)
	case place != "":
		return place
	}
	sum := sha256.Sum256([]byte(filepath.Base(name)))
	return "r" + hex.EncodeToString(sum[:4])
}

// uniqueID returns id, or id-2, id-3… if taken says it is taken.
func uniqueID(id string, taken func(string) bool) string {
	if !taken(id) {
		return id
	}
	for n := 2; ; n++ {
		if c := id + "-" + strconv.Itoa(n); !taken(c) {
			return c
		}
	}
}

// listSources returns the report files of dir (every regular file but
// sidecars, hidden files and READMEs, sorted by name) and those it cannot
// read, with the reason. A missing dir is an error.
//
// A file whose stamp is in known with the same value is not read: its
// Source has only its Path, Stamp and the Hash known gives (what Stale
// needs to tell an unchanged file, as make and git do, without reading a
// thousand reports).
func listSources(dir string, seed bool, known map[string]Entry) ([]Source, []Failure, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("list reports in %s: %w", dir, err)
	}
	var out []Source
	var failed []Failure
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || strings.HasPrefix(name, ".") || strings.HasSuffix(name, sidecarSuffix) ||
			strings.HasSuffix(name, ".bak") || strings.HasPrefix(strings.ToUpper(name), "README") {
			continue
		}
		path := filepath.Join(dir, name)
		if e, ok := known[name]; ok && e.Stamp != "" && e.Stamp == stampOf(path) {
			out = append(out, Source{Path: path, Hash: e.Meta.Hash, Stamp: e.Stamp, Seed: seed})
			continue
		}
		src, err := readSource(path)
		if err != nil {
			failed = append(failed, Failure{Source: filepath.Join(dir, name), Reason: err.Error()})
			continue
		}
		src.Seed = seed
		out = append(out, src)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out, failed, nil
}

// stampOf returns the sizes and modification times of a report file and
// of its sidecar, "" when the file cannot be read.
func stampOf(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return ""
	}
	stamp := fmt.Sprintf("%d.%d", fi.Size(), fi.ModTime().UnixNano())
	if si, err := os.Stat(strings.TrimSuffix(path, filepath.Ext(path)) + sidecarSuffix); err == nil {
		stamp += fmt.Sprintf("+%d.%d", si.Size(), si.ModTime().UnixNano())
	}
	return stamp
}

// readSource hashes a report file and reads its sidecar.
func readSource(path string) (Source, error) {
	stamp := stampOf(path) // before reading: a file changed meanwhile is read again next time
	data, err := readLimited(path)
	if err != nil {
		return Source{}, err
	}
	h := sha256.New()
	h.Write(data)
	src := Source{ID: IDFromName(path), Path: path, Stamp: stamp}
	side := strings.TrimSuffix(path, filepath.Ext(path)) + sidecarSuffix
	if b, err := os.ReadFile(side); err == nil {
		h.Write(b)
		if err := yaml.Unmarshal(b, &src.Meta); err != nil {
			return Source{}, fmt.Errorf("read %s: %w", side, err)
		}
		if src.Meta.ID != "" {
			src.ID = IDFromName(src.Meta.ID)
		}
	}
	src.Hash = hex.EncodeToString(h.Sum(nil))
	return src, nil
}

// ErrTooLarge is returned for a report file larger than any report.
var ErrTooLarge = errors.New("文件太大，不像是一份报告")

// readLimited reads a report file, refusing one above maxSourceSize
// before reading it.
func readLimited(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read report %s: %w", path, err)
	}
	if fi.Size() > maxSourceSize {
		return nil, fmt.Errorf("%s: %w (%d MB)", filepath.Base(path), ErrTooLarge, fi.Size()>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read report %s: %w", path, err)
	}
	return data, nil
}

// ReadFile reads a report file for Add, refusing one larger than any
// report before reading it.
func ReadFile(path string) ([]byte, error) { return readLimited(path) }

// load reads and parses a source.
func (s Source) load() (*report.Report, error) {
	data, err := readLimited(s.Path)
	if err != nil {
		return nil, err
	}
	return report.ParseFile(s.Path, data, s.Meta, s.ID, s.Hash)
}
