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
	"strings"

	"gopkg.in/yaml.v3"

	"planbot/index/report"
)

// Source is a report file to be indexed.
type Source struct {
	ID   string // from the file name unless a sidecar sets it
	Path string
	Hash string      // sha256 of the file and of its sidecar
	Meta report.Meta // what the sidecar states
	Seed bool        // from the seeds directory
}

// sidecarSuffix names the optional file beside a report that corrects its
// metadata: report.txt → report.meta.yaml.
const sidecarSuffix = ".meta.yaml"

var reIDChars = regexp.MustCompile(`[^a-z0-9_\-]+`)

// IDFromName makes a report id from a file name: jiuyuan_2025.txt → jiuyuan_2025.
func IDFromName(name string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	id := strings.Trim(reIDChars.ReplaceAllString(strings.ToLower(base), "-"), "-")
	if id == "" {
		sum := sha256.Sum256([]byte(base))
		id = "r" + hex.EncodeToString(sum[:4])
	}
	return id
}

// ListSources returns the report files of dir: every regular file but
// sidecars, hidden files and READMEs, sorted by name.
func ListSources(dir string, seed bool) ([]Source, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list reports in %s: %w", dir, err)
	}
	var out []Source
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || strings.HasPrefix(name, ".") || strings.HasSuffix(name, sidecarSuffix) || strings.HasSuffix(name, ".bak") ||
			strings.HasPrefix(strings.ToUpper(name), "README") {
			continue
		}
		src, err := readSource(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		src.Seed = seed
		out = append(out, src)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// readSource hashes a report file and reads its sidecar.
func readSource(path string) (Source, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Source{}, fmt.Errorf("read report %s: %w", path, err)
	}
	h := sha256.New()
	h.Write(data)
	src := Source{ID: IDFromName(path), Path: path}
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

// Load reads and parses a source.
func (s Source) Load() (*report.Report, error) {
	data, err := os.ReadFile(s.Path)
	if err != nil {
		return nil, fmt.Errorf("read report %s: %w", s.Path, err)
	}
	return report.ParseFile(s.Path, data, s.Meta, s.ID, s.Hash)
}
