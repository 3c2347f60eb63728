package index

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"planbot/index/report"
)

// catalogFile lists the reports being served and where their indexes are.
// It is replaced atomically (write, fsync, rename), so a reader sees the old
// catalog or the new one, never a half-written one, and an index directory
// is referenced only once it is complete.
const catalogFile = "catalog.json"

// FormatVersion changes whenever the parser, the figures or the index
// mapping change what an index holds: a catalog of another version is
// rebuilt on open. Bump it with such changes.
const FormatVersion = 49 // 49: an amount said as a bare magnitude reached (突破万亿元, 超千亿元, 超百万) is a figure, and so are days in Chinese numerals (管三天); 48: report.bin keeps paragraphs, sentences and figures as fixed-size records, read in place by an open report (body.go); 47: the sessions of a party committee (十一次全会) are no figures; 46: budget terms kept whole (市本级, 政府性基金预算…), 累计 in a passage of one year sums within it; 45: bleve indexes only the fields searched (kind, text, section); 44: Words.sounds in 9 bytes (32 bits of the hash), the pairs encoded until asked for again; 43: report.bin keeps the words as records read in place (Words), only those a question looks up; 42: report.bin keeps the pairs of characters apart, read at first use; 41: report.bin, written by our own encoder (codec.go) instead of gob; 40: report.gob keeps sentences, figures, long words and sounds as columns; 39: classes in Roman numerals (地表水Ⅲ类) are figures; 38: 累计 sums over years only in a report that looks back on several; 37: ratios (2.21∶1) are figures; 36: one Latin letter after a number of three digits or more is a unit (4000P); 35: 医共体 and 医联体 are domain terms; 34: a part heading that reports on work or a resolution (工作情况, 决议) reviews; 33: units in Latin letters (190Eflops, 55GWh); 32: the short names a report quotes (“两癌”) are words of its dictionary; 31: PM_2.5 read as PM2.5; 30: dict.txt without the common words (segment.Common), report.gob lean (stored.go) with Words.Long and Sounds, 五年行动 names a campaign, not a span; 29: figures said in words (一半, 上千万) and in 周年; 28: report.gob with the report's words; dict.txt with its total

// Catalog is the content of catalog.json.
type Catalog struct {
	Version  int       `json:"version"`
	Keep     string    `json:"keep"`     // hash of Options.Keep and the domain terms the dictionaries were pruned with
	Reports  []Entry   `json:"reports"`  // oldest first: by plan year, date, then id
	Previous []string  `json:"previous"` // directories of the catalog before, kept for readers still using them
	Failed   []Failure `json:"failed,omitempty"`
	// Han lists every Chinese character the reports use, so that a
	// question's characters can be told known or not without opening them.
	Han string `json:"han"`
}

// Entry is one report of the catalog.
type Entry struct {
	Meta        report.Meta `json:"meta"`
	Dir         string      `json:"dir"`    // relative to the data directory
	Source      string      `json:"source"` // the report file: in the seeds directory, or in added/ relative to the data directory
	Seed        bool        `json:"seed"`
	Sentences   int         `json:"sentences"`
	Figures     int         `json:"figures"`
	Fingerprint string      `json:"fingerprint"`     // of the text, whatever the file's format or encoding
	Stamp       string      `json:"stamp,omitempty"` // of a seed file when it was read: unchanged, it need not be read again to know
}

// Failure is a report file that could not be served, with the reason.
type Failure struct {
	Source string `json:"source"`
	Reason string `json:"reason"`
}

func readCatalog(dataDir string) (*Catalog, error) {
	b, err := os.ReadFile(filepath.Join(dataDir, catalogFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read catalog: %w", err)
	}
	var c Catalog
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("read catalog %s: %w", filepath.Join(dataDir, catalogFile), err)
	}
	return &c, nil
}

// writeCatalog replaces catalog.json atomically.
func writeCatalog(dataDir string, c *Catalog) error {
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return fmt.Errorf("encode catalog: %w", err)
	}
	return writeFileAtomic(filepath.Join(dataDir, catalogFile), b)
}

// writeFileAtomic writes path through a temporary file that is synced and
// renamed over it, then syncs the directory.
func writeFileAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, ".tmp-"+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	defer os.Remove(tmp) // a no-op once renamed
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("sync %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("replace %s: %w", path, err)
	}
	return syncDir(dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}
